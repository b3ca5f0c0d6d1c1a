// Standard normal CDF Φ. For |x| < 3: Φ(x) = ½ + φ(x) Σ_k x^(2k+1) / (1·3·5···(2k+1)) (all terms
// of one sign, no cancellation). For |x| ≥ 3: the lower tail is φ(|x|) times Laplace's continued
// fraction for the Mills ratio, 1/(t + 1/(t + 2/(t + 3/(t + …)))), evaluated bottom-up.

const INV_SQRT_2PI: f64 = 0.3989422804014327;

export function normalCdf(x: f64): f64 {
  if (isNaN(x)) return x;
  const ax = Math.abs(x);
  const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  if (ax < 3.0) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 1; k < 200; k++) {
      term *= x2 / <f64>(2 * k + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return 0.5 + pdf * sum;
  }
  let cf = ax;
  for (let k = 60; k >= 1; k--) cf = ax + <f64>k / cf;
  const tail = pdf / cf;
  return x < 0.0 ? tail : 1.0 - tail;
}

/** out[i] = Φ(inp[i]), i < n (in place allowed). */
export function dist_normal_cdf_f64(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), normalCdf(load<f64>(inp + (<usize>i << 3))));
}

/** Inverse-CDF map of the Beyond Normal benchmark's bimodal task: out[i] = F⁻¹(Φ(inp[i])) with
 *  F(x) = w Φ(x − m1) + (1 − w) Φ(x − m2), m1 ≤ m2. Since Φ(x − m2) ≤ F(x) ≤ Φ(x − m1), the root
 *  lies in [z + m1, z + m2]. Safeguarded Newton: a Newton step from the current point, replaced by
 *  bisection whenever it leaves the shrinking bracket; stops when the step is below 1e-15 relative
 *  or after 100 steps. */
export function dist_mixture_icdf_f64(inp: usize, out: usize, n: i32, w: f64, m1: f64, m2: f64): void {
  for (let i = 0; i < n; i++) {
    const z = load<f64>(inp + (<usize>i << 3));
    const u = normalCdf(z);
    let lo = z + m1;
    let hi = z + m2;
    let x = 0.5 * (lo + hi);
    for (let it = 0; it < 100; it++) {
      const a = x - m1;
      const b = x - m2;
      const f = w * normalCdf(a) + (1.0 - w) * normalCdf(b) - u;
      if (f == 0.0) break;
      if (f < 0.0) lo = x;
      else hi = x;
      const pdf = INV_SQRT_2PI * (w * Math.exp(-0.5 * a * a) + (1.0 - w) * Math.exp(-0.5 * b * b));
      let next = pdf > 0.0 ? x - f / pdf : 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      const step = Math.abs(next - x);
      x = next;
      if (step <= 1e-15 * Math.max(1.0, Math.abs(x)) || hi - lo <= 1e-15 * Math.max(1.0, Math.abs(x))) break;
    }
    store<f64>(out + (<usize>i << 3), x);
  }
}

/** Lower-tail standard normal quantile: out[i] = Φ⁻¹(inp[i]) for inp[i] in (0, ½] (½ gives 0;
 *  outside that range NaN). Start from the rational approximation 26.2.23 of Abramowitz & Stegun
 *  (error < 4.5e-4), then safeguarded Newton on Φ(x) − p inside the bracket [−40, 0]: a step that
 *  leaves the shrinking bracket is replaced by bisection; stops when the step is below 1e-15
 *  relative or after 100 steps. The map is monotone in p up to that tolerance. */
export function normal_quantile_lower_f64(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = load<f64>(inp + (<usize>i << 3));
    let x: f64;
    if (!(p > 0.0 && p <= 0.5)) x = NaN;
    else if (p == 0.5) x = 0.0;
    else {
      const t = Math.sqrt(-2.0 * Math.log(p));
      x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
      let lo = -40.0, hi = 0.0;
      for (let it = 0; it < 100; it++) {
        const f = normalCdf(x) - p;
        if (f > 0.0) hi = x; else lo = x;
        const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
        let next = pdf > 0.0 ? x - f / pdf : 0.5 * (lo + hi);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        const step = Math.abs(next - x);
        x = next;
        if (step <= 1e-15 * Math.max(1.0, Math.abs(x))) break;
      }
    }
    store<f64>(out + (<usize>i << 3), x);
  }
}
