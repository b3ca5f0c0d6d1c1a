// Plain TypeScript twins of the GMM kernels: straightforward, unoptimised, written from the
// formulas (Cholesky-free: Gaussian log-density via explicit inverse and determinant).

export interface TwinMixture { K: number; d: number; w: number[]; mu: number[]; cov: number[] }

function invDet(a: number[], d: number): { inv: number[]; logDet: number } {
  // Gauss–Jordan with partial pivoting
  const m = a.slice();
  const inv: number[] = Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 ? 1 : 0));
  let logDet = 0;
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r * d + c]) > Math.abs(m[p * d + c])) p = r;
    if (p !== c) for (let j = 0; j < d; j++) {
      [m[c * d + j], m[p * d + j]] = [m[p * d + j], m[c * d + j]];
      [inv[c * d + j], inv[p * d + j]] = [inv[p * d + j], inv[c * d + j]];
    }
    const piv = m[c * d + c];
    logDet += Math.log(Math.abs(piv));
    for (let j = 0; j < d; j++) { m[c * d + j] /= piv; inv[c * d + j] /= piv; }
    for (let r = 0; r < d; r++) if (r !== c) {
      const f = m[r * d + c];
      for (let j = 0; j < d; j++) { m[r * d + j] -= f * m[c * d + j]; inv[r * d + j] -= f * inv[c * d + j]; }
    }
  }
  return { inv, logDet };
}

/** ln N(x; μ, Σ) over the columns `cols` of the component, x holding those columns in order. */
export function logNormal(x: number[], mu: number[], cov: number[], d: number, cols: number[]): number {
  const L = cols.length;
  const sub = cols.flatMap((a) => cols.map((b) => cov[a * d + b]));
  const { inv, logDet } = invDet(sub, L);
  let q = 0;
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) q += (x[a] - mu[cols[a]]) * inv[a * L + b] * (x[b] - mu[cols[b]]);
  return -0.5 * q - 0.5 * logDet - (L / 2) * Math.log(2 * Math.PI);
}

export function mixtureLogPdf(m: TwinMixture, x: number[], cols = Array.from({ length: m.d }, (_, i) => i)): number {
  const lps = Array.from({ length: m.K }, (_, k) =>
    Math.log(m.w[k]) + logNormal(x, m.mu.slice(k * m.d, (k + 1) * m.d), m.cov.slice(k * m.d * m.d, (k + 1) * m.d * m.d), m.d, cols));
  const mx = Math.max(...lps);
  return mx + Math.log(lps.reduce((s, v) => s + Math.exp(v - mx), 0));
}

/** One E-step + M-step (scikit-learn's formulas) on rows X (n×d). Returns the mean
 *  log-likelihood under the input parameters and the updated mixture. */
export function emStep(m: TwinMixture, X: number[][], reg: number): { ll: number; next: TwinMixture } {
  const { K, d } = m;
  const n = X.length;
  const resp = X.map((x) => {
    const lps = Array.from({ length: K }, (_, k) => Math.log(m.w[k]) + logNormal(x, m.mu.slice(k * d, (k + 1) * d), m.cov.slice(k * d * d, (k + 1) * d * d), d, Array.from({ length: d }, (_, i) => i)));
    const mx = Math.max(...lps);
    const lse = mx + Math.log(lps.reduce((s, v) => s + Math.exp(v - mx), 0));
    return { ll: lse, r: lps.map((v) => Math.exp(v - lse)) };
  });
  const ll = resp.reduce((s, r) => s + r.ll, 0) / n;
  return { ll, next: mStep(X, resp.map((r) => r.r), K, d, reg) };
}

export function mStep(X: number[][], resp: number[][], K: number, d: number, reg: number): TwinMixture {
  const n = X.length;
  const w: number[] = [], mu: number[] = [], cov: number[] = [];
  for (let k = 0; k < K; k++) {
    const nk = resp.reduce((s, r) => s + r[k], 0) + 10 * 2.220446049250313e-16;
    const mk = Array.from({ length: d }, (_, a) => X.reduce((s, x, i) => s + resp[i][k] * x[a], 0) / nk);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      cov.push(X.reduce((s, x, i) => s + resp[i][k] * (x[a] - mk[a]) * (x[b] - mk[b]), 0) / nk + (a === b ? reg : 0));
    }
    mu.push(...mk);
    w.push(nk / n);
  }
  return { K, d, w, mu, cov };
}
