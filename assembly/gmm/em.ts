// Expectation–maximisation for a Gaussian mixture with full covariances, to convergence, in one
// call. Rows are addressed through an i32 index list into the data matrix, so folds and bootstrap
// resamples need no copies (a bootstrap list simply repeats indices).
// Model: weights[K], means[K·d], covariances[K·d·d] (row-major), updated in place.
// Log-density via the lower Cholesky factor L of each covariance: solve L y = x − μ, then
// ln N = −½‖y‖² − Σ ln L_jj − d/2 ln 2π (no matrix inverse).

import { cholesky, halfLogDetFromCholesky } from "../linalg";

const HALF_LN_2PI: f64 = 0.9189385332046728;
const EPS10: f64 = 10.0 * 2.220446049250313e-16;

// @ts-ignore: decorator
@inline function f64At(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setF64(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function rowPtr(x: usize, idx: usize, i: i32, d: i32): usize {
  return x + (<usize>(load<i32>(idx + (<usize>i << 2)) * d) << 3);
}

/** Factor every covariance into chol (K·d·d) and write the per-component log normalisers
 *  ln w_k − Σ ln L_jj − d/2 ln 2π into lnorm (K). Returns 0 or k+1 for a non-SPD component. */
export function factorMixture(w: usize, cov: usize, K: i32, d: i32, chol: usize, lnorm: usize): i32 {
  const dd = d * d;
  memory.copy(chol, cov, <usize>(K * dd) << 3);
  for (let k = 0; k < K; k++) {
    const c = chol + (<usize>(k * dd) << 3);
    if (cholesky(c, d) != 0) return k + 1;
    const wk = f64At(w, k);
    setF64(lnorm, k, (wk > 0 ? Math.log(wk) : -Infinity) - halfLogDetFromCholesky(c, d) - <f64>d * HALF_LN_2PI);
  }
  return 0;
}

/** Weighted log-densities of one row for every component into lp (K); returns their
 *  log-sum-exp (the row's mixture log-likelihood). `y` is d words of scratch. */
export function rowLogProb(xr: usize, mu: usize, chol: usize, lnorm: usize, K: i32, d: i32, y: usize, lp: usize): f64 {
  let m = -Infinity;
  if (d == 2) {
    const x0 = load<f64>(xr);
    const x1 = load<f64>(xr, 8);
    for (let k = 0; k < K; k++) {
      const c = chol + (<usize>(k * 4) << 3);
      const mk = mu + (<usize>(k * 2) << 3);
      const y0 = (x0 - load<f64>(mk)) / load<f64>(c);
      const y1 = (x1 - load<f64>(mk, 8) - load<f64>(c, 16) * y0) / load<f64>(c, 24);
      const v = f64At(lnorm, k) - 0.5 * (y0 * y0 + y1 * y1);
      setF64(lp, k, v);
      if (v > m) m = v;
    }
  } else {
    const dd = d * d;
    for (let k = 0; k < K; k++) {
      const c = chol + (<usize>(k * dd) << 3);
      const mk = mu + (<usize>(k * d) << 3);
      let q = 0.0;
      for (let a = 0; a < d; a++) {
        let t = f64At(xr, a) - f64At(mk, a);
        const ra = c + (<usize>(a * d) << 3);
        for (let b = 0; b < a; b++) t -= f64At(ra, b) * f64At(y, b);
        t /= f64At(ra, a);
        setF64(y, a, t);
        q += t * t;
      }
      const v = f64At(lnorm, k) - 0.5 * q;
      setF64(lp, k, v);
      if (v > m) m = v;
    }
  }
  if (K == 1) return m;
  if (m == -Infinity) return m;
  let s = 0.0;
  for (let k = 0; k < K; k++) s += Math.exp(f64At(lp, k) - m);
  return m + Math.log(s);
}

/** M-step from responsibilities resp (n×K, rows in index order): weights, means, covariances
 *  with regCovar on the diagonal (scikit-learn's estimator, nk + 10·eps). */
export function mStep(x: usize, d: i32, idx: usize, n: i32, K: i32, resp: usize, regCovar: f64, w: usize, mu: usize, cov: usize): void {
  const dd = d * d;
  for (let k = 0; k < K; k++) {
    let nk = 0.0;
    for (let i = 0; i < n; i++) nk += f64At(resp, i * K + k);
    nk += EPS10;
    const mk = mu + (<usize>(k * d) << 3);
    for (let a = 0; a < d; a++) setF64(mk, a, 0.0);
    for (let i = 0; i < n; i++) {
      const r = f64At(resp, i * K + k);
      const xr = rowPtr(x, idx, i, d);
      for (let a = 0; a < d; a++) setF64(mk, a, f64At(mk, a) + r * f64At(xr, a));
    }
    for (let a = 0; a < d; a++) setF64(mk, a, f64At(mk, a) / nk);
    const ck = cov + (<usize>(k * dd) << 3);
    for (let a = 0; a < dd; a++) setF64(ck, a, 0.0);
    if (d == 2) {
      const m0 = load<f64>(mk);
      const m1 = load<f64>(mk, 8);
      let s00 = 0.0, s01 = 0.0, s11 = 0.0;
      for (let i = 0; i < n; i++) {
        const r = f64At(resp, i * K + k);
        const xr = rowPtr(x, idx, i, d);
        const a0 = load<f64>(xr) - m0;
        const a1 = load<f64>(xr, 8) - m1;
        s00 += r * a0 * a0;
        s01 += r * a0 * a1;
        s11 += r * a1 * a1;
      }
      store<f64>(ck, s00 / nk + regCovar);
      store<f64>(ck, s01 / nk, 8);
      store<f64>(ck, s01 / nk, 16);
      store<f64>(ck, s11 / nk + regCovar, 24);
    } else {
      for (let i = 0; i < n; i++) {
        const r = f64At(resp, i * K + k);
        const xr = rowPtr(x, idx, i, d);
        for (let a = 0; a < d; a++) {
          const da = r * (f64At(xr, a) - f64At(mk, a));
          for (let b = 0; b <= a; b++) setF64(ck, a * d + b, f64At(ck, a * d + b) + da * (f64At(xr, b) - f64At(mk, b)));
        }
      }
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          const v = f64At(ck, a * d + b) / nk;
          setF64(ck, a * d + b, v);
          setF64(ck, b * d + a, v);
        }
        setF64(ck, a * d + a, f64At(ck, a * d + a) + regCovar);
      }
    }
    setF64(w, k, nk / <f64>n);
  }
}

/** Mean log-likelihood of the rows in idx under the model (factors from factorMixture). */
export function meanLogLik(x: usize, d: i32, idx: usize, n: i32, mu: usize, chol: usize, lnorm: usize, K: i32, y: usize, lp: usize): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) s += rowLogProb(rowPtr(x, idx, i, d), mu, chol, lnorm, K, d, y, lp);
  return s / <f64>n;
}

/** f64 words of workspace gmm_em_fit needs. */
export function gmm_em_work_f64(nTrain: i32, K: i32, d: i32): i32 {
  return nTrain * K + K * d * d + K + d + K;
}

/** Fit by EM from the model in (w, mu, cov), in place, until |Δ mean train log-likelihood| < tol
 *  or maxIter iterations. result (f64 × 4): [iterations, converged (0/1), train mean LL, valid mean
 *  LL (NaN when nValid = 0)]. Returns 0, or k+1 when component k's covariance stopped being
 *  positive definite (the caller raises regCovar and refits). */
export function gmm_em_fit(x: usize, d: i32, trainIdx: usize, nTrain: i32, validIdx: usize, nValid: i32, K: i32,
  w: usize, mu: usize, cov: usize, regCovar: f64, tol: f64, maxIter: i32, work: usize, result: usize): i32 {
  const resp = work;
  const chol = resp + (<usize>(nTrain * K) << 3);
  const lnorm = chol + (<usize>(K * d * d) << 3);
  const y = lnorm + (<usize>K << 3);
  const lp = y + (<usize>d << 3);
  let prev = -Infinity;
  let lower = -Infinity;
  let iter = 0;
  let converged = 0;
  for (iter = 1; iter <= maxIter; iter++) {
    const bad = factorMixture(w, cov, K, d, chol, lnorm);
    if (bad != 0) return bad;
    // E-step: responsibilities and the mean log-likelihood under the current parameters
    let s = 0.0;
    for (let i = 0; i < nTrain; i++) {
      const rr = resp + (<usize>(i * K) << 3);
      const ll = rowLogProb(rowPtr(x, trainIdx, i, d), mu, chol, lnorm, K, d, y, rr);
      s += ll;
      for (let k = 0; k < K; k++) setF64(rr, k, Math.exp(f64At(rr, k) - ll));
    }
    prev = lower;
    lower = s / <f64>nTrain;
    mStep(x, d, trainIdx, nTrain, K, resp, regCovar, w, mu, cov);
    if (Math.abs(lower - prev) < tol) {
      converged = 1;
      break;
    }
  }
  if (iter > maxIter) iter = maxIter;
  const bad = factorMixture(w, cov, K, d, chol, lnorm);
  if (bad != 0) return bad;
  setF64(result, 0, <f64>iter);
  setF64(result, 1, <f64>converged);
  setF64(result, 2, meanLogLik(x, d, trainIdx, nTrain, mu, chol, lnorm, K, y, lp));
  setF64(result, 3, nValid > 0 ? meanLogLik(x, d, validIdx, nValid, mu, chol, lnorm, K, y, lp) : NaN);
  return 0;
}

/** Mean log-likelihood of the indexed rows under a model (work: gmm_em_work_f64(0, K, d) words).
 *  Returns NaN when a covariance is not positive definite. */
export function gmm_score(x: usize, d: i32, idx: usize, n: i32, K: i32, w: usize, mu: usize, cov: usize, work: usize): f64 {
  const chol = work;
  const lnorm = chol + (<usize>(K * d * d) << 3);
  const y = lnorm + (<usize>K << 3);
  const lp = y + (<usize>d << 3);
  if (factorMixture(w, cov, K, d, chol, lnorm) != 0) return NaN;
  return meanLogLik(x, d, idx, n, mu, chol, lnorm, K, y, lp);
}
