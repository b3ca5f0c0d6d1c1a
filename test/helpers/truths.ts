// Closed-form and quadrature truths for tests (host Math is fine here: these are references,
// not results that must reproduce bit for bit).

/** ln det of a symmetric positive-definite matrix (rows) by Cholesky. */
export function logDet(a: number[][]): number {
  const d = a.length;
  const l = a.map((r) => r.map(() => 0));
  let s = 0;
  for (let j = 0; j < d; j++) {
    let v = a[j][j];
    for (let k = 0; k < j; k++) v -= l[j][k] ** 2;
    l[j][j] = Math.sqrt(v);
    s += Math.log(l[j][j]);
    for (let i = j + 1; i < d; i++) {
      let t = a[i][j];
      for (let k = 0; k < j; k++) t -= l[i][k] * l[j][k];
      l[i][j] = t / l[j][j];
    }
  }
  return 2 * s;
}

/** Sub-matrix of rows/cols `idx`. */
export function sub(a: number[][], idx: number[]): number[][] {
  return idx.map((i) => idx.map((j) => a[i][j]));
}

/** Gaussian I(X;Y) for covariance `cov` over columns [x…, y…]: ½ (ln|Σx| + ln|Σy| − ln|Σ|). */
export function gaussianMI(cov: number[][], xIdx: number[], yIdx: number[]): number {
  return 0.5 * (logDet(sub(cov, xIdx)) + logDet(sub(cov, yIdx)) - logDet(sub(cov, [...xIdx, ...yIdx])));
}

/** Gaussian I(X;Y|Z) = ½ (ln|Σxz| + ln|Σyz| − ln|Σxyz| − ln|Σz|). */
export function gaussianCMI(cov: number[][], x: number[], y: number[], z: number[]): number {
  return 0.5 * (logDet(sub(cov, [...x, ...z])) + logDet(sub(cov, [...y, ...z])) - logDet(sub(cov, [...x, ...y, ...z])) - logDet(sub(cov, z)));
}

/** KL(N(m1, s1²) ‖ N(m2, s2²)). */
export function klNormal(m1: number, s1: number, m2: number, s2: number): number {
  return Math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5;
}

/** I(X; C) for x | c ~ N(means[c], 1) with class probabilities p, by Simpson quadrature of
 *  H(X) − H(X|C) on a wide grid (error far below 1e-9 for these smooth integrands). */
export function gaussianClassMI(p: number[], means: number[], sd = 1): number {
  const lo = Math.min(...means) - 12 * sd;
  const hi = Math.max(...means) + 12 * sd;
  const n = 20000;
  const h = (hi - lo) / n;
  const dens = (x: number) => p.reduce((s, pc, c) => s + pc * Math.exp(-0.5 * ((x - means[c]) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI)), 0);
  let hx = 0;
  for (let i = 0; i <= n; i++) {
    const x = lo + i * h;
    const f = dens(x);
    const g = f > 0 ? -f * Math.log(f) : 0;
    hx += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * g;
  }
  hx *= h / 3;
  return hx - 0.5 * Math.log(2 * Math.PI * Math.E * sd * sd);
}
