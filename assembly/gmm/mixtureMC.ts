// Monte Carlo over a Gaussian mixture with full covariances, for any marginal of it.
// A mixture is (weights[K], means[K·d], covariances[K·d·d]) in row-major f64.
// A "term" is a log-density to evaluate at each Monte Carlo point: the marginal of the mixture
// over the columns densCols (length L), evaluated at the point's columns inputCols (length L).
// With densCols = inputCols this is ln p_S(x_S); with different lists (same length) it evaluates
// one marginal at another's coordinates (KL between the X and Y marginals).
// Term spec (i32): for each term, L, then densCols[L], then inputCols[L].

import { cholesky, halfLogDetFromCholesky } from "../linalg";
import { normal, uniform } from "../rng";

const HALF_LN_2PI: f64 = 0.9189385332046728;

// @ts-ignore: decorator
@inline function f64At(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setF64(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function i32At(p: usize, i: i32): i32 { return load<i32>(p + (<usize>i << 2)); }

/** f64 words of workspace `gmm_mc_terms` needs. */
export function gmm_mc_work_f64(K: i32, d: i32, spec: usize, nTerms: i32): i32 {
  let words = K * d * d + K + 2 * d + K;
  let off = 0;
  for (let s = 0; s < nTerms; s++) {
    const L = i32At(spec, off);
    words += K * (L * L + 1);
    off += 1 + 2 * L;
  }
  return words;
}

/** Factor each component's covariance over columns `cols` (length L) into dst: per component,
 *  the lower Cholesky factor (L·L) followed by the log normaliser ln w_k − Σ ln L_ii − L/2 ln 2π.
 *  Returns 0, or k+1 when component k's sub-covariance is not positive definite. */
function factorTerm(w: usize, cov: usize, K: i32, d: i32, cols: usize, L: i32, dst: usize): i32 {
  const stride = L * L + 1;
  for (let k = 0; k < K; k++) {
    const f = dst + (<usize>(k * stride) << 3);
    const ck = cov + (<usize>(k * d * d) << 3);
    for (let a = 0; a < L; a++) {
      const ca = i32At(cols, a);
      for (let b = 0; b < L; b++) setF64(f, a * L + b, f64At(ck, ca * d + i32At(cols, b)));
    }
    if (cholesky(f, L) != 0) return k + 1;
    const wk = f64At(w, k);
    setF64(f, L * L, (wk > 0 ? Math.log(wk) : -Infinity) - halfLogDetFromCholesky(f, L) - <f64>L * HALF_LN_2PI);
  }
  return 0;
}

/** ln Σ_k w_k N(x[inputCols]; μ_k[densCols], Σ_k[densCols]) using factors from factorTerm.
 *  `x` is the full point (stride 1); `v` is L words of scratch; `lp` K words of scratch. */
function evalTerm(mu: usize, K: i32, d: i32, densCols: usize, inputCols: usize, L: i32, factors: usize, x: usize, v: usize, lp: usize): f64 {
  const stride = L * L + 1;
  let m = -Infinity;
  for (let k = 0; k < K; k++) {
    const f = factors + (<usize>(k * stride) << 3);
    const mk = mu + (<usize>(k * d) << 3);
    let q = 0.0;
    // forward solve L y = x − μ, accumulating ‖y‖² as we go
    for (let a = 0; a < L; a++) {
      let t = f64At(x, i32At(inputCols, a)) - f64At(mk, i32At(densCols, a));
      const ra = f + (<usize>(a * L) << 3);
      for (let b = 0; b < a; b++) t -= f64At(ra, b) * f64At(v, b);
      t /= f64At(ra, a);
      setF64(v, a, t);
      q += t * t;
    }
    const val = f64At(f, L * L) - 0.5 * q;
    setF64(lp, k, val);
    if (val > m) m = val;
  }
  if (m == -Infinity) return m;
  let s = 0.0;
  for (let k = 0; k < K; k++) s += Math.exp(f64At(lp, k) - m);
  return m + Math.log(s);
}

/** Factor full covariances into dst (K·d·d); returns 0 or k+1 for a non-SPD component. */
function factorFull(cov: usize, K: i32, d: i32, dst: usize): i32 {
  memory.copy(dst, cov, <usize>(K * d * d) << 3);
  for (let k = 0; k < K; k++) if (cholesky(dst + (<usize>(k * d * d) << 3), d) != 0) return k + 1;
  return 0;
}

/** One draw from the mixture into x (d words); chol holds the full factors, `wsum` Σ w. */
function drawPoint(w: usize, mu: usize, chol: usize, K: i32, d: i32, wsum: f64, rng: usize, z: usize, x: usize): void {
  const u = uniform(rng) * wsum;
  let acc = 0.0;
  let k = K - 1;
  for (let j = 0; j < K; j++) {
    acc += f64At(w, j);
    if (u < acc) { k = j; break; }
  }
  for (let a = 0; a < d; a++) setF64(z, a, normal(rng));
  const lk = chol + (<usize>(k * d * d) << 3);
  const mk = mu + (<usize>(k * d) << 3);
  for (let a = 0; a < d; a++) {
    let t = f64At(mk, a);
    const ra = lk + (<usize>(a * d) << 3);
    for (let b = 0; b <= a; b++) t += f64At(ra, b) * f64At(z, b);
    setF64(x, a, t);
  }
}

/** Draw M points from the mixture and write, for each point i and term s, the term's
 *  log-density to vals[i·nTerms + s]. Returns 0, or a negative code when a covariance is not
 *  positive definite (−(k+1) for the full factor of component k, −1000·(s+1) − k − 1 for term s). */
export function gmm_mc_terms(w: usize, mu: usize, cov: usize, K: i32, d: i32, spec: usize, nTerms: i32, M: i32, rng: usize, work: usize, vals: usize): i32 {
  const chol = work;
  const x = chol + (<usize>(K * d * d) << 3);
  const z = x + (<usize>d << 3);
  const lp = z + (<usize>d << 3);
  const termBase = lp + (<usize>K << 3);
  const r = factorFull(cov, K, d, chol);
  if (r != 0) return -r;
  // factor every term; the per-term factor blocks follow one another
  let off = 0;
  let fptr = termBase;
  for (let s = 0; s < nTerms; s++) {
    const L = i32At(spec, off);
    const rr = factorTerm(w, cov, K, d, spec + (<usize>(off + 1) << 2), L, fptr);
    if (rr != 0) return -1000 * (s + 1) - rr;
    fptr += <usize>(K * (L * L + 1)) << 3;
    off += 1 + 2 * L;
  }
  let wsum = 0.0;
  for (let k = 0; k < K; k++) wsum += f64At(w, k);
  for (let i = 0; i < M; i++) {
    drawPoint(w, mu, chol, K, d, wsum, rng, z, x);
    off = 0;
    fptr = termBase;
    for (let s = 0; s < nTerms; s++) {
      const L = i32At(spec, off);
      const dc = spec + (<usize>(off + 1) << 2);
      const ic = dc + (<usize>L << 2);
      // z is free again after the draw: reuse it (L ≤ d) as the solve scratch
      setF64(vals, i * nTerms + s, evalTerm(mu, K, d, dc, ic, L, fptr, x, z, lp));
      fptr += <usize>(K * (L * L + 1)) << 3;
      off += 1 + 2 * L;
    }
  }
  return 0;
}

/** Draw n points from the mixture into out (n·d). work: K·d·d + d words. Returns 0 or −(k+1). */
export function gmm_sample(w: usize, mu: usize, cov: usize, K: i32, d: i32, n: i32, rng: usize, work: usize, out: usize): i32 {
  const chol = work;
  const z = chol + (<usize>(K * d * d) << 3);
  const r = factorFull(cov, K, d, chol);
  if (r != 0) return -r;
  let wsum = 0.0;
  for (let k = 0; k < K; k++) wsum += f64At(w, k);
  for (let i = 0; i < n; i++) drawPoint(w, mu, chol, K, d, wsum, rng, z, out + (<usize>(i * d) << 3));
  return 0;
}

/** f64 words of workspace gmm_logpdf needs for L evaluated columns. */
export function gmm_logpdf_work_f64(K: i32, L: i32): i32 {
  return K * (L * L + 1) + L + K + ((L + 1) >> 1);
}

/** out[i] = ln p_S(points[i]) for the marginal over columns `cols` (length L); points are n×L
 *  row-major. Returns 0 or −(k+1) for a non-SPD component. */
export function gmm_logpdf(w: usize, mu: usize, cov: usize, K: i32, d: i32, cols: usize, L: i32, points: usize, n: i32, work: usize, out: usize): i32 {
  const factors = work;
  const v = factors + (<usize>(K * (L * L + 1)) << 3);
  const lp = v + (<usize>L << 3);
  const identity = lp + (<usize>K << 3); // i32 list 0..L−1: each point row holds the L columns in order
  for (let a = 0; a < L; a++) store<i32>(identity + (<usize>a << 2), a);
  const r = factorTerm(w, cov, K, d, cols, L, factors);
  if (r != 0) return -r;
  for (let i = 0; i < n; i++) {
    setF64(out, i, evalTerm(mu, K, d, cols, identity, L, factors, points + (<usize>(i * L) << 3), v, lp));
  }
  return 0;
}

/** Categorical MI terms: lp is C×n (lp[j·n + i] = ln p(x_i | class j)), logPriors C words;
 *  out[i] = lp[target·n + i] − ln Σ_j exp(logPriors[j] + lp[j·n + i]). */
export function gmm_class_log_ratio(lp: usize, C: i32, n: i32, logPriors: usize, target: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) {
      const v = f64At(logPriors, j) + f64At(lp, j * n + i);
      if (v > m) m = v;
    }
    let s = 0.0;
    for (let j = 0; j < C; j++) s += Math.exp(f64At(logPriors, j) + f64At(lp, j * n + i) - m);
    setF64(out, i, f64At(lp, target * n + i) - (m + Math.log(s)));
  }
}

/** Column means (p words) and covariance (p·p, ddof 1) of an n×p row-major matrix, two-pass.
 *  out: p + p·p words. */
export function stats_mean_cov(vals: usize, n: i32, p: i32, out: usize): void {
  const cv = out + (<usize>p << 3);
  for (let s = 0; s < p; s++) setF64(out, s, 0.0);
  for (let i = 0; i < n; i++) for (let s = 0; s < p; s++) setF64(out, s, f64At(out, s) + f64At(vals, i * p + s));
  for (let s = 0; s < p; s++) setF64(out, s, f64At(out, s) / <f64>n);
  for (let a = 0; a < p * p; a++) setF64(cv, a, 0.0);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const da = f64At(vals, i * p + a) - f64At(out, a);
      for (let b = 0; b <= a; b++) setF64(cv, a * p + b, f64At(cv, a * p + b) + da * (f64At(vals, i * p + b) - f64At(out, b)));
    }
  }
  const den: f64 = n > 1 ? <f64>(n - 1) : NaN;
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) {
    const v = f64At(cv, a * p + b) / den;
    setF64(cv, a * p + b, v);
    setF64(cv, b * p + a, v);
  }
}
