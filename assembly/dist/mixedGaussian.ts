// MI-NEE's mixed Gaussian MG(ρ): an equal mixture of two bivariate normals with unit variances and
// correlations +ρ and −ρ. Both marginals are N(0, 1), so its MI is E[pmi] with
//   pmi(x, y) = −½ ln(1 − ρ²) − ρ²(x² + y²) / (2(1 − ρ²)) + ln cosh(ρ x y / (1 − ρ²)),
// which has no closed form; this kernel gives its Monte Carlo mean and variance.
import { normal, uniform } from "../rng";

// @ts-ignore: decorator
@inline function logCosh(t: f64): f64 {
  const a = Math.abs(t);
  return a + Math.log1p(Math.exp(-2.0 * a)) - 0.6931471805599453;
}

/** pmi of MG(ρ) at (x, y). */
export function mixedGaussianPmi(x: f64, y: f64, rho: f64): f64 {
  const q = 1.0 - rho * rho;
  return -0.5 * Math.log(q) - rho * rho * (x * x + y * y) / (2.0 * q) + logCosh(rho * x * y / q);
}

/** Draws n pairs (x[i], y[i]) from MG(ρ): pick the sign of ρ with probability ½, then a correlated pair. */
export function dist_fill_mixed_gaussian(state: usize, x: usize, y: usize, n: i32, rho: f64): void {
  const s = Math.sqrt(1.0 - rho * rho);
  for (let i = 0; i < n; i++) {
    const r = uniform(state) < 0.5 ? rho : -rho;
    const a = normal(state);
    const b = normal(state);
    store<f64>(x + (<usize>i << 3), a);
    store<f64>(y + (<usize>i << 3), r * a + s * b);
  }
}

/** Monte Carlo of E[pmi] over m draws: writes the mean to out[0] and the sample variance of the
 *  pmi values (ddof 1) to out[1]. Welford's update keeps the variance stable. */
export function dist_mixed_gaussian_mi_mc(state: usize, m: i32, rho: f64, out: usize): void {
  const s = Math.sqrt(1.0 - rho * rho);
  let mean = 0.0;
  let m2 = 0.0;
  for (let i = 0; i < m; i++) {
    const r = uniform(state) < 0.5 ? rho : -rho;
    const a = normal(state);
    const b = normal(state);
    const v = mixedGaussianPmi(a, r * a + s * b, rho);
    const d = v - mean;
    mean += d / <f64>(i + 1);
    m2 += d * (v - mean);
  }
  store<f64>(out, mean);
  store<f64>(out, m > 1 ? m2 / <f64>(m - 1) : NaN, 8);
}
