// Sorting f64 keys with an i32 payload, in place, without allocation: introsort (Hoare partition
// around a median-of-three pivot, heapsort once the depth budget is spent, insertion sort for
// short ranges). Hoare's scheme splits runs of equal keys evenly, so heavily tied data stays
// O(n log n).

/** Counting sort's middle step: `start` holds m + 1 i32 with the count of bucket b at b + 1 (and 0
 *  at 0); afterwards start[b] is the first slot of bucket b and start[m] the total. */
// @ts-ignore: decorator
@inline export function countsToStarts(start: usize, m: i32): void {
  for (let b = 0; b < m; b++) {
    const c = start + (<usize>(b + 1) << 2);
    store<i32>(c, load<i32>(c) + load<i32>(start + (<usize>b << 2)));
  }
}

// Bucket of v among B equal-width buckets from lo (scale = B / span; the top edge goes in B − 1).
// fl((v − lo) · scale) is monotone in v, so bucket order is value order.
// @ts-ignore: decorator
@inline function bucketIndex(v: f64, lo: f64, scale: f64, B: i32): i32 {
  const f = (v - lo) * scale;
  return f < <f64>B ? <i32>f : B - 1;
}

// The next free slot of bucket b (cursor array at `next`), advanced.
// @ts-ignore: decorator
@inline function takeSlot(next: usize, b: i32): i32 {
  const c = next + (<usize>b << 2);
  const p = load<i32>(c);
  store<i32>(c, p + 1);
  return p;
}

// @ts-ignore: decorator
@inline function key(keys: usize, i: i32): f64 {
  return load<f64>(keys + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline function swap2(keys: usize, vals: usize, i: i32, j: i32): void {
  const ki = keys + (<usize>i << 3);
  const kj = keys + (<usize>j << 3);
  const t = load<f64>(ki);
  store<f64>(ki, load<f64>(kj));
  store<f64>(kj, t);
  const vi = vals + (<usize>i << 2);
  const vj = vals + (<usize>j << 2);
  const u = load<i32>(vi);
  store<i32>(vi, load<i32>(vj));
  store<i32>(vj, u);
}

function insertionSort(keys: usize, vals: usize, lo: i32, hi: i32): void {
  for (let i = lo + 1; i <= hi; i++) {
    const k = key(keys, i);
    const v = load<i32>(vals + (<usize>i << 2));
    let j = i - 1;
    while (j >= lo && key(keys, j) > k) {
      store<f64>(keys + (<usize>(j + 1) << 3), key(keys, j));
      store<i32>(vals + (<usize>(j + 1) << 2), load<i32>(vals + (<usize>j << 2)));
      j--;
    }
    store<f64>(keys + (<usize>(j + 1) << 3), k);
    store<i32>(vals + (<usize>(j + 1) << 2), v);
  }
}

function siftDown(keys: usize, vals: usize, base: i32, root: i32, n: i32): void {
  let r = root;
  while (true) {
    let c = 2 * r + 1;
    if (c >= n) break;
    if (c + 1 < n && key(keys, base + c + 1) > key(keys, base + c)) c++;
    if (key(keys, base + r) >= key(keys, base + c)) break;
    swap2(keys, vals, base + r, base + c);
    r = c;
  }
}

function heapSort(keys: usize, vals: usize, lo: i32, hi: i32): void {
  const n = hi - lo + 1;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(keys, vals, lo, i, n);
  for (let end = n - 1; end > 0; end--) {
    swap2(keys, vals, lo, lo + end);
    siftDown(keys, vals, lo, 0, end);
  }
}

function introsort(keys: usize, vals: usize, lo: i32, hi: i32, depth: i32): void {
  while (hi - lo > 16) {
    if (depth == 0) {
      heapSort(keys, vals, lo, hi);
      return;
    }
    depth--;
    const mid = lo + ((hi - lo) >> 1);
    if (key(keys, mid) < key(keys, lo)) swap2(keys, vals, mid, lo);
    if (key(keys, hi) < key(keys, lo)) swap2(keys, vals, hi, lo);
    if (key(keys, hi) < key(keys, mid)) swap2(keys, vals, hi, mid);
    const pivot = key(keys, mid);
    let i = lo - 1;
    let j = hi + 1;
    while (true) {
      do { i++; } while (key(keys, i) < pivot);
      do { j--; } while (key(keys, j) > pivot);
      if (i >= j) break;
      swap2(keys, vals, i, j);
    }
    // [lo, j] ≤ pivot ≤ [j + 1, hi]; recurse into the smaller part, loop on the larger.
    if (j - lo < hi - j - 1) {
      introsort(keys, vals, lo, j, depth);
      lo = j + 1;
    } else {
      introsort(keys, vals, j + 1, hi, depth);
      hi = j;
    }
  }
  insertionSort(keys, vals, lo, hi);
}

/** Sort keys[0..n) ascending in place, applying the same moves to the i32 payload vals[0..n). */
export function sortKeysWithPayload(keys: usize, vals: usize, n: i32): void {
  if (n < 2) return;
  let depth = 0;
  for (let m = n; m > 1; m >>= 1) depth += 2;
  introsort(keys, vals, 0, n - 1, depth);
}

/** Sorted copy of the n values at `values` into `sorted`, `order[r]` = the row of the value at
 *  position r, and `rank[i]` = the position of row i's value. `scratch` is (n + 1) i32 of work
 *  space (see knn_sort_scratch_bytes). Large inputs are bucket-sorted by value (n buckets of
 *  equal width between the minimum and the maximum; fl((v − min) · scale) is monotone in v, so
 *  bucket order is value order), then each bucket is insertion-sorted, or, when it holds more
 *  than 48 values (clustered or heavy-tailed data), bucket-sorted again between its own extremes
 *  (given `work`, knn_sort_work_bytes(n); up to three levels) or introsorted, so the worst case
 *  stays O(n log n); `scratch` is then left holding knn_bucket_table(sorted, n, n, ·) and the result
 *  is 1, else 0. Small inputs (n < 2048) use introsort. Either way ties keep no particular order. */
export function knn_sort_ranks(values: usize, n: i32, sorted: usize, order: usize, rank: usize, scratch: usize, work: usize): i32 {
  if (n < 2048) {
    for (let i = 0; i < n; i++) {
      store<f64>(sorted + (<usize>i << 3), load<f64>(values + (<usize>i << 3)));
      store<i32>(order + (<usize>i << 2), i);
    }
    sortKeysWithPayload(sorted, order, n);
  } else {
    let lo = load<f64>(values);
    let hi = lo;
    for (let i = 1; i < n; i++) {
      const v = load<f64>(values + (<usize>i << 3));
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    const span = hi - lo;
    const B = n;
    const scale = span > 0 && isFinite(<f64>B / span) ? <f64>B / span : 0.0;
    const start = scratch; // B + 1 i32: counts, then the next free slot of each bucket
    memory.fill(start, 0, <usize>(B + 1) << 2);
    for (let i = 0; i < n; i++) takeSlot(start, bucketIndex(load<f64>(values + (<usize>i << 3)), lo, scale, B) + 1);
    countsToStarts(start, B);
    for (let i = 0; i < n; i++) {
      const v = load<f64>(values + (<usize>i << 3));
      const p = takeSlot(start, bucketIndex(v, lo, scale, B));
      store<f64>(sorted + (<usize>p << 3), v);
      store<i32>(order + (<usize>p << 2), i);
    }
    // start[b] is now the end of bucket b.
    let from = 0;
    for (let b = 0; b < B; b++) {
      const end = load<i32>(start + (<usize>b << 2));
      if (end - from > 48) {
        if (work != 0) {
          bucketSortRange(sorted, order, from, end, n, work, 3);
        } else {
          let depth = 0;
          for (let m = end - from; m > 1; m >>= 1) depth += 2;
          introsort(sorted, order, from, end - 1, depth);
        }
      } else if (end - from > 1) {
        insertionSort(sorted, order, from, end - 1);
      }
      from = end;
    }
    // Shifted by one bucket, the ends become the starts: scratch is now exactly
    // knn_bucket_table(sorted, n, n) (same buckets: lo = sorted[0], the same scale).
    memory.copy(start + 4, start, <usize>B << 2);
    store<i32>(start, 0);
  }
  for (let r = 0; r < n; r++) store<i32>(rank + (<usize>load<i32>(order + (<usize>r << 2)) << 2), r);
  return n < 2048 ? 0 : 1;
}

/** Bytes of scratch knn_sort_ranks needs for n values (the bucket table it leaves behind). */
export function knn_sort_scratch_bytes(n: i32): i32 {
  return (n + 1) << 2;
}

/** Bytes of the optional work space of knn_sort_ranks for n values (counts n + 1 i32, staging
 *  keys n f64 and payloads n i32): with it, crowded buckets are bucket-sorted again. */
export function knn_sort_work_bytes(n: i32): i32 {
  return ((n + 1) << 2) + 8 + (n << 3) + (n << 2);
}

// A crowded bucket (heavy tails put most values in a few buckets of equal width): bucket-sort its
// m values again between their own minimum and maximum, m buckets, and recurse into the crowded
// sub-buckets, `depth` levels at most before introsort takes over. Work space at `work`, indexed
// by absolute position so nested and sibling calls never share a slot: counts (n + 1 i32), then
// (8-aligned) staging keys (n f64) and payloads (n i32).
function bucketSortRange(keys: usize, vals: usize, lo: i32, hi: i32, n: i32, work: usize, depth: i32): void {
  const m = hi - lo;
  if (m <= 48) {
    if (m > 1) insertionSort(keys, vals, lo, hi - 1);
    return;
  }
  let mn = key(keys, lo), mx = mn;
  for (let i = lo + 1; i < hi; i++) {
    const v = key(keys, i);
    mn = v < mn ? v : mn;
    mx = v > mx ? v : mx;
  }
  const span = mx - mn;
  const scale = span > 0 && isFinite(<f64>m / span) ? <f64>m / span : 0.0;
  if (depth == 0 || scale == 0) {
    if (span > 0) {
      let d = 0;
      for (let k = m; k > 1; k >>= 1) d += 2;
      introsort(keys, vals, lo, hi - 1, d);
    }
    return; // span 0: all equal, already sorted
  }
  const cnt = work + (<usize>lo << 2); // m + 1 i32
  const tk = ((work + (<usize>(n + 1) << 2) + 7) & ~(<usize>7)) + (<usize>lo << 3);
  const tv = ((work + (<usize>(n + 1) << 2) + 7) & ~(<usize>7)) + (<usize>n << 3) + (<usize>lo << 2);
  memory.fill(cnt, 0, <usize>(m + 1) << 2);
  for (let i = lo; i < hi; i++) takeSlot(cnt, bucketIndex(key(keys, i), mn, scale, m) + 1);
  countsToStarts(cnt, m);
  for (let i = lo; i < hi; i++) {
    const v = key(keys, i);
    const p = takeSlot(cnt, bucketIndex(v, mn, scale, m));
    store<f64>(tk + (<usize>p << 3), v);
    store<i32>(tv + (<usize>p << 2), load<i32>(vals + (<usize>i << 2)));
  }
  memory.copy(keys + (<usize>lo << 3), tk, <usize>m << 3);
  memory.copy(vals + (<usize>lo << 2), tv, <usize>m << 2);
  // Walk the runs of equal sub-bucket (recomputed from the values) and sort each.
  let a = lo;
  while (a < hi) {
    const ba = bucketIndex(key(keys, a), mn, scale, m);
    let e = a + 1;
    while (e < hi && bucketIndex(key(keys, e), mn, scale, m) == ba) e++;
    if (e - a > 48) bucketSortRange(keys, vals, a, e, n, work, depth - 1);
    else if (e - a > 1) insertionSort(keys, vals, a, e - 1);
    a = e;
  }
}
