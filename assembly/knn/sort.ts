// Sorting f64 keys with an i32 payload, in place, without allocation: introsort (Hoare partition
// around a median-of-three pivot, heapsort once the depth budget is spent, insertion sort for
// short ranges). Hoare's scheme splits runs of equal keys evenly, so heavily tied data stays
// O(n log n).

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

// @ts-ignore: decorator
@inline function sortableBits(v: f64): u64 {
  // IEEE order as unsigned integer order: negative values have every bit flipped, the others
  // only the sign bit (−0 sorts just before +0; they compare equal, so the order stays sorted).
  const b = reinterpret<u64>(v);
  return (b >> 63) != 0 ? ~b : b | 0x8000000000000000;
}

const RADIX_BITS: u64 = 11;
const RADIX: i32 = 1 << <i32>RADIX_BITS;
const PASSES: i32 = 6; // 6 × 11 bits ≥ 64

/** LSD radix sort of the keys at `keys` (n f64) with their i32 payload, using `keys2` (n f64),
 *  `vals2` (n i32) and `hist` (6 × 2048 i32) as scratch; stable, O(n), result in keys/vals.
 *  Passes whose digit is the same for every key are skipped. */
function radixSort(keys: usize, vals: usize, n: i32, keys2: usize, vals2: usize, hist: usize): void {
  memory.fill(hist, 0, <usize>(PASSES * RADIX) << 2);
  for (let i = 0; i < n; i++) {
    const b = sortableBits(load<f64>(keys + (<usize>i << 3)));
    for (let p = 0; p < PASSES; p++) {
      const digit = <i32>((b >> (<u64>p * RADIX_BITS)) & <u64>(RADIX - 1));
      const h = hist + (<usize>(p * RADIX + digit) << 2);
      store<i32>(h, load<i32>(h) + 1);
    }
  }
  let srcK = keys, srcV = vals, dstK = keys2, dstV = vals2;
  for (let p = 0; p < PASSES; p++) {
    const h = hist + (<usize>(p * RADIX) << 2);
    let trivial = false;
    let sum = 0;
    for (let dgt = 0; dgt < RADIX; dgt++) {
      const c = load<i32>(h + (<usize>dgt << 2));
      if (c == n) trivial = true;
      store<i32>(h + (<usize>dgt << 2), sum);
      sum += c;
    }
    if (trivial) continue;
    const shift = <u64>p * RADIX_BITS;
    for (let i = 0; i < n; i++) {
      const k = load<f64>(srcK + (<usize>i << 3));
      const digit = <i32>((sortableBits(k) >> shift) & <u64>(RADIX - 1));
      const slot = h + (<usize>digit << 2);
      const at = load<i32>(slot);
      store<i32>(slot, at + 1);
      store<f64>(dstK + (<usize>at << 3), k);
      store<i32>(dstV + (<usize>at << 2), load<i32>(srcV + (<usize>i << 2)));
    }
    const tk = srcK; srcK = dstK; dstK = tk;
    const tv = srcV; srcV = dstV; dstV = tv;
  }
  if (srcK != keys) {
    memory.copy(keys, srcK, <usize>n << 3);
    memory.copy(vals, srcV, <usize>n << 2);
  }
}

/** Sorted copy of the n values at `values` into `sorted`, `order[r]` = the row of the value at
 *  position r, and `rank[i]` = the position of row i's value. `scratch` is n f64 + n i32 +
 *  6 × 2048 i32 of work space (see knn_sort_scratch_bytes). Large inputs use an LSD radix sort on
 *  the IEEE bits, small ones introsort; either way ties keep no particular order. */
export function knn_sort_ranks(values: usize, n: i32, sorted: usize, order: usize, rank: usize, scratch: usize): void {
  for (let i = 0; i < n; i++) {
    store<f64>(sorted + (<usize>i << 3), load<f64>(values + (<usize>i << 3)));
    store<i32>(order + (<usize>i << 2), i);
  }
  if (n >= 2048) {
    const keys2 = scratch;
    const vals2 = scratch + (<usize>n << 3);
    const hist = vals2 + ((<usize>n << 2) + 15 & ~<usize>15);
    radixSort(sorted, order, n, keys2, vals2, hist);
  } else {
    sortKeysWithPayload(sorted, order, n);
  }
  for (let r = 0; r < n; r++) store<i32>(rank + (<usize>load<i32>(order + (<usize>r << 2)) << 2), r);
}

/** Bytes of scratch knn_sort_ranks needs for n values. */
export function knn_sort_scratch_bytes(n: i32): i32 {
  return (n << 3) + (((n << 2) + 15) & ~15) + ((PASSES * RADIX) << 2);
}
