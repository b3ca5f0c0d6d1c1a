// Marginal neighbour counts on one dimension: a sorted array and galloping binary searches.
// The comparison is always the one the joint search makes, |v − q| < eps computed as a difference
// of the two stored values (monotone in v on each side of q, so the qualifying values form one
// run around q); q ± eps is never formed, so nothing is miscounted at the boundary. Queries are
// visited in sorted order, so consecutive searches touch neighbouring memory.

// @ts-ignore: decorator
@inline function within(dd: f64, eps: f64, inclusive: bool): bool {
  return inclusive ? dd <= eps : dd < eps;
}

/** `sorted` holds n values ascending and order[r] is the row whose value sits at position r.
 *  Query i is the value of row j with inv[j] = i (inv = 0: query i is row i). For every query:
 *  out[i] = the number of values v with |v − q_i| < eps[i] (`inclusive` ≠ 0: ≤ eps[i]); q_i is
 *  itself one of the values, so the count includes it. A strict count with eps[i] = 0 counts the
 *  values equal to q_i (scikit-learn's radius nextafter(eps, 0) has the same effect). */
export function knn_count_sorted(sorted: usize, order: usize, inv: usize, n: i32, eps: usize, inclusive: i32, out: usize): void {
  for (let r = 0; r < n; r++) {
    const row = load<i32>(order + (<usize>r << 2));
    const i = inv == 0 ? row : load<i32>(inv + (<usize>row << 2));
    const q = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(eps + (<usize>i << 3));
    const incl = inclusive != 0 || e == 0;
    // Upward: the last index u ≥ r with sorted[u] − q within eps. Gallop to a bracket
    // [base, base + len) whose first element qualifies, then halve it without branches.
    let b = 1;
    while (r + b < n && within(load<f64>(sorted + (<usize>(r + b) << 3)) - q, e, incl)) b <<= 1;
    let base = r + (b >> 1);
    let len = (r + b < n ? r + b : n) - base;
    while (len > 1) {
      const half = len >> 1;
      const probe = base + half;
      base = select<i32>(probe, base, within(load<f64>(sorted + (<usize>probe << 3)) - q, e, incl));
      len -= half;
    }
    const up = base;
    // Downward: the first index l ≤ r with q − sorted[l] within eps (mirror image).
    b = 1;
    while (r - b >= 0 && within(q - load<f64>(sorted + (<usize>(r - b) << 3)), e, incl)) b <<= 1;
    let top = r - (b >> 1);
    len = top - (r - b >= 0 ? r - b : -1);
    while (len > 1) {
      const half = len >> 1;
      const probe = top - half;
      top = select<i32>(probe, top, within(q - load<f64>(sorted + (<usize>probe << 3)), e, incl));
      len -= half;
    }
    store<i32>(out + (<usize>i << 2), up - top + 1);
  }
}

/** inv[idx[i]] = i for a permutation idx of 0..n−1. */
export function knn_invert_i32(idx: usize, n: i32, inv: usize): void {
  for (let i = 0; i < n; i++) store<i32>(inv + (<usize>load<i32>(idx + (<usize>i << 2)) << 2), i);
}
