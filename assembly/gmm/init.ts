// Initialisations of a mixture (weights, means, covariances) from the indexed rows.
// Every variant writes a complete model; each draws only from its own stream `rng`.

import { cholesky } from "../linalg";
import { normal, uniform, uintBelow } from "../rng";
import { mStep } from "./em";

// @ts-ignore: decorator
@inline function f64At(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setF64(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function rowPtr(x: usize, idx: usize, i: i32, d: i32): usize {
  return x + (<usize>(load<i32>(idx + (<usize>i << 2)) * d) << 3);
}

/** f64 words of workspace the init kernels need. */
export function gmm_init_work_f64(n: i32, K: i32, d: i32): i32 {
  return n * K + n + K * d + d * d + 2 * d;
}

/** scikit-learn's "random": uniform random responsibilities, normalised per row, then an M-step. */
export function gmm_init_random_resp(x: usize, d: i32, idx: usize, n: i32, K: i32, rng: usize, regCovar: f64,
  work: usize, w: usize, mu: usize, cov: usize): void {
  const resp = work;
  for (let i = 0; i < n; i++) {
    let s = 0.0;
    for (let k = 0; k < K; k++) {
      const u = uniform(rng);
      setF64(resp, i * K + k, u);
      s += u;
    }
    for (let k = 0; k < K; k++) setF64(resp, i * K + k, f64At(resp, i * K + k) / s);
  }
  mStep(x, d, idx, n, K, resp, regCovar, w, mu, cov);
}

function sqDist(a: usize, b: usize, d: i32): f64 {
  let s = 0.0;
  for (let j = 0; j < d; j++) {
    const t = f64At(a, j) - f64At(b, j);
    s += t * t;
  }
  return s;
}

/** k-means++ seeding then Lloyd iterations (at most maxIter, until no label changes); labels
 *  written as one-hot responsibilities, then an M-step. Centres go to mu as a by-product. */
function kmeans(x: usize, d: i32, idx: usize, n: i32, K: i32, rng: usize, maxIter: i32, work: usize, mu: usize): void {
  const resp = work;
  const dist = resp + (<usize>(n * K) << 3);
  const centres = mu;
  // k-means++: first centre uniform, then proportional to squared distance to the nearest
  const first = <i32>uintBelow(rng, <u32>n);
  memory.copy(centres, rowPtr(x, idx, first, d), <usize>d << 3);
  for (let i = 0; i < n; i++) setF64(dist, i, sqDist(rowPtr(x, idx, i, d), centres, d));
  for (let c = 1; c < K; c++) {
    let total = 0.0;
    for (let i = 0; i < n; i++) total += f64At(dist, i);
    let pick = n - 1;
    if (total > 0) {
      const u = uniform(rng) * total;
      let acc = 0.0;
      for (let i = 0; i < n; i++) {
        acc += f64At(dist, i);
        if (u < acc) { pick = i; break; }
      }
    } else {
      pick = <i32>uintBelow(rng, <u32>n);
    }
    const cc = centres + (<usize>(c * d) << 3);
    memory.copy(cc, rowPtr(x, idx, pick, d), <usize>d << 3);
    for (let i = 0; i < n; i++) {
      const t = sqDist(rowPtr(x, idx, i, d), cc, d);
      if (t < f64At(dist, i)) setF64(dist, i, t);
    }
  }
  // Lloyd: labels kept in dist as f64 (exact small integers)
  for (let i = 0; i < n; i++) setF64(dist, i, -1.0);
  const sums = dist + (<usize>n << 3);
  for (let it = 0; it < maxIter; it++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const xr = rowPtr(x, idx, i, d);
      let best = 0;
      let bd = Infinity;
      for (let c = 0; c < K; c++) {
        const t = sqDist(xr, centres + (<usize>(c * d) << 3), d);
        if (t < bd) { bd = t; best = c; }
      }
      if (f64At(dist, i) != <f64>best) { changed = true; setF64(dist, i, <f64>best); }
    }
    if (!changed) break;
    for (let c = 0; c < K; c++) {
      let cnt = 0;
      for (let j = 0; j < d; j++) setF64(sums, j, 0.0);
      for (let i = 0; i < n; i++) {
        if (<i32>f64At(dist, i) != c) continue;
        cnt++;
        const xr = rowPtr(x, idx, i, d);
        for (let j = 0; j < d; j++) setF64(sums, j, f64At(sums, j) + f64At(xr, j));
      }
      if (cnt > 0) for (let j = 0; j < d; j++) setF64(centres, c * d + j, f64At(sums, j) / <f64>cnt);
    }
  }
  for (let i = 0; i < n; i++) {
    const lab = <i32>f64At(dist, i);
    for (let k = 0; k < K; k++) setF64(resp, i * K + k, k == lab ? 1.0 : 0.0);
  }
}

/** "kmeans": k-means++ + Lloyd, hard labels → weights, means, covariances. */
export function gmm_init_kmeans(x: usize, d: i32, idx: usize, n: i32, K: i32, rng: usize, regCovar: f64,
  work: usize, w: usize, mu: usize, cov: usize): void {
  kmeans(x, d, idx, n, K, rng, 300, work, mu);
  mStep(x, d, idx, n, K, work, regCovar, w, mu, cov);
}

/** "randomizedKmeans": the k-means model with each mean moved by scale × a draw from its
 *  component's covariance (μ_k += scale · L_k z, z ~ N(0, I)). Returns 0 or k+1 (non-SPD). */
export function gmm_init_randomized_kmeans(x: usize, d: i32, idx: usize, n: i32, K: i32, rng: usize, regCovar: f64, scale: f64,
  work: usize, w: usize, mu: usize, cov: usize): i32 {
  gmm_init_kmeans(x, d, idx, n, K, rng, regCovar, work, w, mu, cov);
  const chol = work; // responsibilities are no longer needed
  const z = chol + (<usize>(d * d) << 3);
  for (let k = 0; k < K; k++) {
    memory.copy(chol, cov + (<usize>(k * d * d) << 3), <usize>(d * d) << 3);
    if (cholesky(chol, d) != 0) return k + 1;
    for (let j = 0; j < d; j++) setF64(z, j, normal(rng));
    for (let a = 0; a < d; a++) {
      let t = 0.0;
      for (let b = 0; b <= a; b++) t += f64At(chol, a * d + b) * f64At(z, b);
      setF64(mu, k * d + a, f64At(mu, k * d + a) + scale * t);
    }
  }
  return 0;
}

/** "minmax": means uniform in the rows' bounding box, equal weights, and every covariance the
 *  rows' sample covariance (ddof 0) plus regCovar on the diagonal. */
export function gmm_init_minmax(x: usize, d: i32, idx: usize, n: i32, K: i32, rng: usize, regCovar: f64,
  work: usize, w: usize, mu: usize, cov: usize): void {
  const lo = work;
  const hi = lo + (<usize>d << 3);
  const mean = hi + (<usize>d << 3);
  for (let j = 0; j < d; j++) { setF64(lo, j, Infinity); setF64(hi, j, -Infinity); setF64(mean, j, 0.0); }
  for (let i = 0; i < n; i++) {
    const xr = rowPtr(x, idx, i, d);
    for (let j = 0; j < d; j++) {
      const v = f64At(xr, j);
      if (v < f64At(lo, j)) setF64(lo, j, v);
      if (v > f64At(hi, j)) setF64(hi, j, v);
      setF64(mean, j, f64At(mean, j) + v);
    }
  }
  for (let j = 0; j < d; j++) setF64(mean, j, f64At(mean, j) / <f64>n);
  const c0 = cov;
  for (let a = 0; a < d * d; a++) setF64(c0, a, 0.0);
  for (let i = 0; i < n; i++) {
    const xr = rowPtr(x, idx, i, d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      setF64(c0, a * d + b, f64At(c0, a * d + b) + (f64At(xr, a) - f64At(mean, a)) * (f64At(xr, b) - f64At(mean, b)));
    }
  }
  for (let a = 0; a < d * d; a++) setF64(c0, a, f64At(c0, a) / <f64>n);
  for (let a = 0; a < d; a++) setF64(c0, a * d + a, f64At(c0, a * d + a) + regCovar);
  for (let k = 0; k < K; k++) {
    setF64(w, k, 1.0 / <f64>K);
    if (k > 0) memory.copy(cov + (<usize>(k * d * d) << 3), c0, <usize>(d * d) << 3);
    for (let j = 0; j < d; j++) setF64(mu, k * d + j, f64At(lo, j) + uniform(rng) * (f64At(hi, j) - f64At(lo, j)));
  }
}
