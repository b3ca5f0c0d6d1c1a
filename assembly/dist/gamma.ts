// Gamma and chi-square draws: Marsaglia & Tsang (2000), "A simple method for generating gamma
// variables", ACM TOMS 26(3). Shape < 1 uses the boost G(a) = G(a + 1) · U^(1/a).
import { normal, uniformOpen } from "../rng";

/** One Gamma(shape, 1) draw from the stream at `state` (shape > 0). */
export function gammaDraw(state: usize, shape: f64): f64 {
  if (shape < 1.0) {
    const g = gammaDraw(state, shape + 1.0);
    return g * Math.pow(uniformOpen(state), 1.0 / shape);
  }
  const d = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9.0 * d);
  while (true) {
    let x: f64 = 0.0;
    let v: f64 = 0.0;
    do {
      x = normal(state);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const u = uniformOpen(state);
    const x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) return d * v;
  }
  return 0.0; // unreachable
}

/** out[i] = Gamma(shape, scale) draws, i < n (mean shape·scale). */
export function dist_fill_gamma(state: usize, out: usize, n: i32, shape: f64, scale: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), scale * gammaDraw(state, shape));
}

/** out[i] = chi-square draws with `df` degrees of freedom (= 2 · Gamma(df/2, 1)), i < n. */
export function dist_fill_chisq(state: usize, out: usize, n: i32, df: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), 2.0 * gammaDraw(state, 0.5 * df));
}
