import { psiMemo, psiMemoReset } from "./digammaMean";
// Marginal neighbour counts on one dimension: a sorted array, a bucket table that guesses where a
// run ends, and galloping searches from the guess. The guess forms q ± eps, but only to choose
// where to start: the answer is always decided by the comparison the joint search makes,
// |v − q| < eps computed as a difference of the two stored values (monotone in v on each side
// of q, so the qualifying values form one run around q). Nothing is miscounted at the boundary.
// Queries are visited in sorted order, so consecutive searches touch neighbouring memory.

// @ts-ignore: decorator
@inline function within(dd: f64, eps: f64, inclusive: bool): bool {
  return inclusive ? dd <= eps : dd < eps;
}

// @ts-ignore: decorator
@inline function at(sorted: usize, i: i32): f64 {
  return load<f64>(sorted + (<usize>i << 3));
}

// Bucket b of B covers values with floor((v − lo) · scale) = b (clamped to [0, B − 1]).
let gLo: f64 = 0;
let gScale: f64 = 0;
let gB: i32 = 1;

// @ts-ignore: decorator
@inline function bucketOf(v: f64): i32 {
  const f = (v - gLo) * gScale;
  if (!(f > 0)) return 0;
  if (f >= <f64>gB) return gB - 1;
  return <i32>f;
}

function setBuckets(sorted: usize, n: i32, buckets: i32): void {
  gB = buckets > 0 ? buckets : 1;
  gLo = n > 0 ? at(sorted, 0) : 0.0;
  const span = n > 0 ? at(sorted, n - 1) - gLo : 0.0;
  gScale = span > 0 && isFinite(<f64>gB / span) ? <f64>gB / span : 0.0;
}

/** table[b] = the first position whose value falls in bucket b or later (b = 0..buckets), for
 *  the n ascending values at `sorted`. knn_count_sorted uses it to start its searches. */
export function knn_bucket_table(sorted: usize, n: i32, buckets: i32, table: usize): void {
  setBuckets(sorted, n, buckets);
  let b = 0;
  for (let r = 0; r < n; r++) {
    const br = bucketOf(at(sorted, r));
    while (b <= br) {
      store<i32>(table + (<usize>b << 2), r);
      b++;
    }
  }
  while (b <= gB) {
    store<i32>(table + (<usize>b << 2), n);
    b++;
  }
}

/** The last u ≥ r with sorted[u] − q within eps (true at r), searched from the guess g. */
function lastUp(sorted: usize, n: i32, r: i32, q: f64, e: f64, incl: bool, g: i32): i32 {
  if (g < r) g = r;
  if (g > n - 1) g = n - 1;
  let lo: i32;
  let hiEx: i32;
  if (within(at(sorted, g) - q, e, incl)) {
    let b = 1;
    while (g + b < n && within(at(sorted, g + b) - q, e, incl)) b <<= 1;
    lo = g + (b >> 1);
    hiEx = g + b < n ? g + b : n;
  } else {
    let b = 1;
    while (g - b > r && !within(at(sorted, g - b) - q, e, incl)) b <<= 1;
    lo = g - b > r ? g - b : r;
    hiEx = g - (b >> 1);
  }
  while (hiEx - lo > 1) {
    const mid = lo + ((hiEx - lo) >> 1);
    if (within(at(sorted, mid) - q, e, incl)) lo = mid;
    else hiEx = mid;
  }
  return lo;
}

/** The first l ≤ r with q − sorted[l] within eps (true at r), searched from the guess g. */
function firstDown(sorted: usize, r: i32, q: f64, e: f64, incl: bool, g: i32): i32 {
  if (g > r) g = r;
  if (g < 0) g = 0;
  let hi: i32;
  let loEx: i32;
  if (within(q - at(sorted, g), e, incl)) {
    let b = 1;
    while (g - b >= 0 && within(q - at(sorted, g - b), e, incl)) b <<= 1;
    hi = g - (b >> 1);
    loEx = g - b >= 0 ? g - b : -1;
  } else {
    let b = 1;
    while (g + b < r && !within(q - at(sorted, g + b), e, incl)) b <<= 1;
    hi = g + b < r ? g + b : r;
    loEx = g + (b >> 1);
  }
  while (hi - loEx > 1) {
    const mid = loEx + ((hi - loEx) >> 1);
    if (within(q - at(sorted, mid), e, incl)) hi = mid;
    else loEx = mid;
  }
  return hi;
}

// |v − q| within e as 0 or 1, without a branch.
// @ts-ignore: decorator
@inline function inside(dd: f64, e: f64, incl: i32): i32 {
  return <i32>(dd < e) | (incl & <i32>(dd == e));
}

// The count for the query at position r (value q = sorted[r], radius e). The bucket table
// brackets each end of the run by the bucket holding q ± e: from the last value before it to
// the first value after it. The bracket is checked (rounding in q ± e moves the end out of its
// bucket only when q ± e lies within rounding of a bucket edge; the galloping search takes over
// then) and halved without branches. The answer is decided by the comparison of the stored
// differences alone.
// Brackets longer than this (a crowded bucket: tied or heavy-tailed data) are searched by
// galloping from the bucket's edge instead: with ties the end is usually right there.
const BRACKET_MAX: i32 = 16;

// @ts-ignore: decorator
@inline function countAt(sorted: usize, n: i32, r: i32, e: f64, inclusive: i32, table: usize): i32 {
  const q = at(sorted, r);
  const incl = <i32>(inclusive != 0 || e == 0);
  // Upper end: the last u ≥ r with sorted[u] − q within e (true at r).
  const bU = bucketOf(q + e);
  let lo = load<i32>(table + (<usize>bU << 2)) - 1;
  if (lo < r) lo = r;
  let hi = load<i32>(table + (<usize>(bU + 1) << 2));
  if (hi <= lo) hi = lo + 1;
  let up: i32;
  if (hi - lo > BRACKET_MAX) {
    up = lastUp(sorted, n, r, q, e, incl != 0, hi - 1);
  } else if ((lo > r && !inside(at(sorted, lo) - q, e, incl)) || (hi < n && inside(at(sorted, hi) - q, e, incl))) {
    up = lastUp(sorted, n, r, q, e, incl != 0, lo);
  } else {
    let base = lo;
    let len = hi - lo;
    while (len > 1) {
      const half = len >> 1;
      base = select<i32>(base + half, base, inside(at(sorted, base + half) - q, e, incl));
      len -= half;
    }
    up = base;
  }
  // Lower end: the first l ≤ r with q − sorted[l] within e (true at r).
  const bD = bucketOf(q - e);
  let lo2 = load<i32>(table + (<usize>bD << 2)) - 1; // −1: before the first value
  let hi2 = load<i32>(table + (<usize>(bD + 1) << 2));
  if (hi2 > r) hi2 = r;
  if (lo2 >= hi2) lo2 = hi2 - 1;
  let down: i32;
  if (hi2 - lo2 > BRACKET_MAX) {
    down = firstDown(sorted, r, q, e, incl != 0, lo2 + 1);
  } else if ((lo2 >= 0 && inside(q - at(sorted, lo2), e, incl)) || (hi2 < r && !inside(q - at(sorted, hi2), e, incl))) {
    down = firstDown(sorted, r, q, e, incl != 0, hi2);
  } else {
    // The last position outside the radius in [lo2, hi2), then one past it.
    let base = lo2;
    let len = hi2 - lo2;
    while (len > 1) {
      const half = len >> 1;
      base = select<i32>(base + half, base, inside(q - at(sorted, base + half), e, incl) ^ 1);
      len -= half;
    }
    down = base + 1;
  }
  return up - down + 1;
}

/** `sorted` holds n values ascending, order[r] is the row whose value sits at position r, and
 *  `table` is their knn_bucket_table with `buckets` buckets. Query i is the value of row j with
 *  inv[j] = i (inv = 0: query i is row i). For every query: out[i] = the number of values v with
 *  |v − q_i| < eps[i] (`inclusive` ≠ 0: ≤ eps[i]); q_i is itself one of the values, so the count
 *  includes it. A strict count with eps[i] = 0 counts the values equal to q_i (scikit-learn's
 *  radius nextafter(eps, 0) has the same effect). */
export function knn_count_sorted(sorted: usize, order: usize, inv: usize, n: i32, eps: usize, inclusive: i32, out: usize,
  table: usize, buckets: i32): void {
  setBuckets(sorted, n, buckets);
  for (let r = 0; r < n; r++) {
    const row = load<i32>(order + (<usize>r << 2));
    const i = inv == 0 ? row : load<i32>(inv + (<usize>row << 2));
    store<i32>(out + (<usize>i << 2), countAt(sorted, n, r, load<f64>(eps + (<usize>i << 3)), inclusive, table));
  }
}

/** knn_count_sorted with the radii and the counts by position: out[r] = the number of values v
 *  with |v − sorted[r]| < eps[r] (≤ with `inclusive`). Every access is sequential. */
export function knn_count_ranked(sorted: usize, n: i32, eps: usize, inclusive: i32, out: usize, table: usize, buckets: i32): void {
  setBuckets(sorted, n, buckets);
  for (let r = 0; r < n; r++) {
    store<i32>(out + (<usize>r << 2), countAt(sorted, n, r, load<f64>(eps + (<usize>r << 3)), inclusive, table));
  }
}

/** knn_count_ranked followed by knn_digamma_mean_i32 without storing the counts: the mean over
 *  positions r of ψ(count_r + offset), summed in position order (the same bits as the two
 *  calls). n = 0 gives NaN. */
export function knn_count_ranked_psi(sorted: usize, n: i32, eps: usize, inclusive: i32, table: usize, buckets: i32, offset: f64): f64 {
  setBuckets(sorted, n, buckets);
  const fill = psiMemoReset(n);
  let s = 0.0;
  for (let r = 0; r < n; r++) {
    s += psiMemo(countAt(sorted, n, r, load<f64>(eps + (<usize>r << 3)), inclusive, table), offset, fill);
  }
  return s / <f64>n;
}

/** inv[idx[i]] = i for a permutation idx of 0..n−1. */
export function knn_invert_i32(idx: usize, n: i32, inv: usize): void {
  for (let i = 0; i < n; i++) store<i32>(inv + (<usize>load<i32>(idx + (<usize>i << 2)) << 2), i);
}
