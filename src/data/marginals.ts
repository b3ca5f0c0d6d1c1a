// Per-column maps applied before a neural estimator sees the data. Each is monotone in every
// coordinate, so it leaves I(X; Y) unchanged (exactly for "standardize"; in the limit of many rows
// for "normalScores", whose map is the empirical CDF followed by the normal quantile).
import type { Matrix } from "./matrix.js";
import type { Scope } from "../wasm/scope.js";

export type MarginalMap = "normalScores" | "standardize" | "none";
export const MARGINAL_MAPS: readonly MarginalMap[] = ["normalScores", "standardize", "none"];

/** Apply `how` to every column of `m` (a new matrix; `m` is not changed). */
export function mapMarginals(s: Scope, m: Matrix, how: MarginalMap): Matrix {
  if (how === "none") return m;
  return how === "standardize" ? standardize(m) : normalScores(s, m);
}

/** Each column shifted to mean 0 and scaled to population standard deviation 1. */
export function standardize(m: Matrix): Matrix {
  const out = new Float64Array(m.data.length);
  for (let j = 0; j < m.cols; j++) {
    let s = 0;
    for (let i = 0; i < m.rows; i++) s += m.data[i * m.cols + j];
    const mu = s / m.rows;
    let v = 0;
    for (let i = 0; i < m.rows; i++) v += (m.data[i * m.cols + j] - mu) * (m.data[i * m.cols + j] - mu);
    const sd = Math.sqrt(v / m.rows);
    for (let i = 0; i < m.rows; i++) out[i * m.cols + j] = (m.data[i * m.cols + j] - mu) / sd;
  }
  return { data: out, rows: m.rows, cols: m.cols };
}

/** Mid-rank probabilities of one column: p_i = (r_i − ½)/n with r_i the 1-based rank of value i,
 *  tied values sharing the mean of their ranks. Returned as the lower-tail probability
 *  q_i = min(p_i, 1 − p_i) (computed without rounding: both sides are (integer or half-integer)/n)
 *  and the side (−1 lower half, +1 upper half). */
export function midRanks(col: Float64Array): { q: Float64Array; side: Int8Array } {
  const n = col.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => col[a] - col[b] || a - b);
  const q = new Float64Array(n), side = new Int8Array(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && col[order[end + 1]] === col[order[start]]) end++;
    // Ranks start+1 … end+1 share their mean; 2·(mean rank − ½) = start + end + 1 is an integer.
    const twiceLow = start + end + 1, twiceHigh = 2 * n - twiceLow;
    for (let k = start; k <= end; k++) {
      const i = order[k];
      if (twiceLow <= twiceHigh) { q[i] = twiceLow / (2 * n); side[i] = -1; }
      else { q[i] = twiceHigh / (2 * n); side[i] = 1; }
    }
    start = end + 1;
  }
  return { q, side };
}

/** Each column replaced by the normal quantile of its mid-rank, Φ⁻¹((r − ½)/n): normal marginals
 *  whatever the data's, with heavy tails and outliers pulled in to ±Φ⁻¹(1 − 1/(2n)). */
export function normalScores(s: Scope, m: Matrix): Matrix {
  const out = new Float64Array(m.data.length);
  const col = new Float64Array(m.rows);
  const p = s.allocF64(Math.max(1, m.rows));
  for (let j = 0; j < m.cols; j++) {
    for (let i = 0; i < m.rows; i++) col[i] = m.data[i * m.cols + j];
    const { q, side } = midRanks(col);
    s.f64(p, m.rows).set(q);
    s.k.normal_quantile_lower_f64(p, p, m.rows);
    const z = s.f64(p, m.rows);
    for (let i = 0; i < m.rows; i++) out[i * m.cols + j] = side[i] < 0 ? z[i] : -z[i];
  }
  s.free(p);
  return { data: out, rows: m.rows, cols: m.cols };
}
