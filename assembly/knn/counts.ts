// Marginal neighbour counts on one dimension: a sorted array and galloping binary searches.
// The comparison is always the one the joint search makes, |v − q| < eps computed as a difference
// of the two stored values (monotone in v on each side of q, so the qualifying values form one
// run around q); q ± eps is never formed, so nothing is miscounted at the boundary.

// @ts-ignore: decorator
@inline function within(dd: f64, eps: f64, inclusive: bool): bool {
  return inclusive ? dd <= eps : dd < eps;
}

/** For each query i (m of them): the number of sorted values v with |v − q_i| < eps[i]
 *  (`inclusive` ≠ 0: ≤ eps[i]), where q_i = sorted[rank[i]] is itself one of the values, so the
 *  count includes the query. A strict count with eps[i] = 0 counts the values equal to q_i
 *  (scikit-learn's radius nextafter(eps, 0) has the same effect). Writes i32 counts to out. */
export function knn_count_sorted(sorted: usize, n: i32, rank: usize, eps: usize, m: i32, inclusive: i32, out: usize): void {
  for (let i = 0; i < m; i++) {
    const r = load<i32>(rank + (<usize>i << 2));
    const q = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(eps + (<usize>i << 3));
    const incl = inclusive != 0 || e == 0;
    // Upward: the last index u ≥ r with sorted[u] − q within eps.
    let b = 1;
    while (r + b < n && within(load<f64>(sorted + (<usize>(r + b) << 3)) - q, e, incl)) b <<= 1;
    let lo = r + (b >> 1);
    let hi = r + b < n ? r + b : n;
    while (hi - lo > 1) {
      const mid = lo + ((hi - lo) >> 1);
      if (within(load<f64>(sorted + (<usize>mid << 3)) - q, e, incl)) lo = mid;
      else hi = mid;
    }
    const up = lo;
    // Downward: the first index l ≤ r with q − sorted[l] within eps.
    b = 1;
    while (r - b >= 0 && within(q - load<f64>(sorted + (<usize>(r - b) << 3)), e, incl)) b <<= 1;
    hi = r - (b >> 1);
    lo = r - b >= 0 ? r - b : -1;
    while (hi - lo > 1) {
      const mid = lo + ((hi - lo) >> 1);
      if (within(q - load<f64>(sorted + (<usize>mid << 3)), e, incl)) hi = mid;
      else lo = mid;
    }
    store<i32>(out + (<usize>i << 2), up - hi + 1);
  }
}
