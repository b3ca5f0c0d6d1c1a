// A k-d tree stored implicitly in four caller-owned blocks (no allocation here):
//   tree  n × d f64   the points, reordered so every node is a contiguous range [lo, hi)
//   perm  n i32       perm[p] = original row of the point at tree position p
//   split n i32       split[mid] = the dimension a node [lo, hi) with mid = (lo + hi) >> 1 splits
//   box   n × 2d f64  box[mid] = the node's bounding box (min, max per dimension)
// A node with more than LEAF points has its median (along its widest dimension) at mid, points
// ≤ it on [lo, mid) and ≥ it on (mid, hi). Searches use the max norm (Chebyshev). Subtrees are
// pruned with the distance to the split planes crossed on the way down, and range counts take a
// large node whole when its box lies inside the radius. Because fl(v − q) is monotone in v,
// these bounds hold for the computed distances exactly: pruning never changes a result.
// Recursion depth is log2(n / LEAF). There is no brute-force path: measured on this project's
// machine, a scalar all-pairs scan with early exit was 5× slower than the tree even for the
// 10-dimensional joint space at N = 10⁴ (3.7 s against 0.7 s), and at two f64 lanes SIMD cannot
// close that gap.

const LEAF: i32 = 8;

// @ts-ignore: decorator
@inline function at(tree: usize, d: i32, p: i32, c: i32): f64 {
  return load<f64>(tree + (<usize>(p * d + c) << 3));
}

function swapRows(tree: usize, perm: usize, d: i32, i: i32, j: i32): void {
  const a = tree + (<usize>(i * d) << 3);
  const b = tree + (<usize>(j * d) << 3);
  for (let c = 0; c < d; c++) {
    const o = <usize>c << 3;
    const t = load<f64>(a + o);
    store<f64>(a + o, load<f64>(b + o));
    store<f64>(b + o, t);
  }
  const pi = perm + (<usize>i << 2);
  const pj = perm + (<usize>j << 2);
  const u = load<i32>(pi);
  store<i32>(pi, load<i32>(pj));
  store<i32>(pj, u);
}

/** Quickselect (Hoare partition, median-of-three) so position nth of [lo, hi] holds its order
 *  statistic along dimension c, smaller-or-equal before it and greater-or-equal after it. */
function selectRows(tree: usize, perm: usize, d: i32, lo: i32, hi: i32, nth: i32, c: i32): void {
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (at(tree, d, mid, c) < at(tree, d, lo, c)) swapRows(tree, perm, d, mid, lo);
    if (at(tree, d, hi, c) < at(tree, d, lo, c)) swapRows(tree, perm, d, hi, lo);
    if (at(tree, d, hi, c) < at(tree, d, mid, c)) swapRows(tree, perm, d, hi, mid);
    if (hi - lo < 3) return; // three or fewer: now sorted
    const pivot = at(tree, d, mid, c);
    let i = lo - 1;
    let j = hi + 1;
    while (true) {
      do { i++; } while (at(tree, d, i, c) < pivot);
      do { j--; } while (at(tree, d, j, c) > pivot);
      if (i >= j) break;
      swapRows(tree, perm, d, i, j);
    }
    if (nth <= j) hi = j;
    else lo = j + 1;
  }
}

function build(tree: usize, perm: usize, split: usize, box: usize, d: i32, lo: i32, hi: i32): void {
  while (hi - lo > LEAF) {
    let best = 0;
    let spread = -1.0;
    const mid = (lo + hi) >> 1;
    const b = box + (<usize>(mid * 2 * d) << 3);
    for (let c = 0; c < d; c++) {
      let mn = at(tree, d, lo, c);
      let mx = mn;
      for (let p = lo + 1; p < hi; p++) {
        const v = at(tree, d, p, c);
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      store<f64>(b + (<usize>c << 4), mn);
      store<f64>(b + (<usize>c << 4), mx, 8);
      if (mx - mn > spread) {
        spread = mx - mn;
        best = c;
      }
    }
    selectRows(tree, perm, d, lo, hi - 1, mid, best);
    store<i32>(split + (<usize>mid << 2), best);
    build(tree, perm, split, box, d, lo, mid);
    lo = mid + 1;
  }
}

/** Build the tree over the n × d row-major points at `data` into `tree`, `perm`, `split` and
 *  `box` (n × 2d f64). */
export function kdtree_build(data: usize, n: i32, d: i32, tree: usize, perm: usize, split: usize, box: usize): void {
  memory.copy(tree, data, <usize>(n * d) << 3);
  for (let i = 0; i < n; i++) {
    store<i32>(perm + (<usize>i << 2), i);
    store<i32>(split + (<usize>i << 2), 0);
  }
  build(tree, perm, split, box, d, 0, n);
}

let gBox: usize = 0;

/** Upper bound on the max-norm distance from the query to the box of node `mid`. */
function boxUpper(mid: i32): f64 {
  const b = gBox + (<usize>(mid * 2 * gD) << 3);
  let ub = 0.0;
  for (let c = 0; c < gD; c++) {
    const q = load<f64>(gQ + (<usize>c << 3));
    const v = max(q - load<f64>(b + (<usize>c << 4)), load<f64>(b + (<usize>c << 4), 8) - q);
    if (v > ub) ub = v;
  }
  return ub;
}

// ---- k nearest neighbours (the query point itself excluded) ----
// Search state lives in globals so the recursion passes only the node range and its bound.
let gTree: usize = 0;
let gPerm: usize = 0;
let gSplit: usize = 0;
let gD: i32 = 0;
let gK: i32 = 0;
let gQ: usize = 0;
let gQ0: f64 = 0; // the query's first two coordinates, kept in registers for d = 2
let gQ1: f64 = 0;
let gSelf: i32 = 0;
let gHD: usize = 0; // the k best distances so far, ascending (k f64; +Infinity = empty slot)
let gHP: usize = 0; // their tree positions (k i32; empty slots hold −1 and are never compared)
let gWorst: f64 = Infinity; // = gHD[k − 1]

// Neighbours are ordered by (distance, original row): ties at the k-th distance resolve to the
// lower row, so the neighbour set (which algorithm 2 uses) is well defined.
// @ts-ignore: decorator
@inline function rowOf(p: i32): i32 {
  return load<i32>(gPerm + (<usize>p << 2));
}

function offer(p: i32, dist: f64): void {
  const last = gK - 1;
  if (dist == gWorst && rowOf(p) > rowOf(load<i32>(gHP + (<usize>last << 2)))) return;
  let j = last;
  while (j > 0) {
    const dj = load<f64>(gHD + (<usize>(j - 1) << 3));
    const pj = load<i32>(gHP + (<usize>(j - 1) << 2));
    if (dj < dist || (dj == dist && rowOf(pj) < rowOf(p))) break;
    store<f64>(gHD + (<usize>j << 3), dj);
    store<i32>(gHP + (<usize>j << 2), pj);
    j--;
  }
  store<f64>(gHD + (<usize>j << 3), dist);
  store<i32>(gHP + (<usize>j << 2), p);
  gWorst = load<f64>(gHD + (<usize>last << 3));
}

// @ts-ignore: decorator
@inline function consider(p: i32): void {
  const row = gTree + (<usize>(p * gD) << 3);
  let dist: f64;
  if (gD == 2) {
    dist = max(abs(gQ0 - load<f64>(row)), abs(gQ1 - load<f64>(row, 8)));
  } else {
    dist = 0.0;
    for (let c = 0; c < gD; c++) {
      const v = abs(load<f64>(gQ + (<usize>c << 3)) - load<f64>(row + (<usize>c << 3)));
      if (v > dist) {
        dist = v;
        if (dist > gWorst) return;
      }
    }
  }
  if (dist <= gWorst && p != gSelf) offer(p, dist);
}

// `lb` is the largest single-coordinate distance from the query to the split planes crossed on
// the way to this subtree: a lower bound on the max-norm distance to anything in it.
function searchKnn(lo: i32, hi: i32, lb: f64): void {
  if (hi - lo <= LEAF) {
    for (let p = lo; p < hi; p++) consider(p);
    return;
  }
  const mid = (lo + hi) >> 1;
  const c = load<i32>(gSplit + (<usize>mid << 2));
  const diff = load<f64>(gQ + (<usize>c << 3)) - at(gTree, gD, mid, c);
  // Near side first (it sets a tight k-th distance), then the median, then the far side; the
  // median and everything beyond the split plane are at least max(lb, |diff|) away.
  if (diff < 0) {
    searchKnn(lo, mid, lb);
    const flb = max(-diff, lb);
    if (flb <= gWorst) {
      consider(mid);
      searchKnn(mid + 1, hi, flb);
    }
  } else {
    searchKnn(mid + 1, hi, lb);
    const flb = max(diff, lb);
    if (flb <= gWorst) {
      consider(mid);
      searchKnn(lo, mid, flb);
    }
  }
}

/** For every point of a built tree (n ≥ k + 1): the max-norm distance to its k-th nearest other
 *  point, eps[row]. With dx > 0 the first dx coordinates are the X part and the rest the Y part,
 *  and epsX[row] / epsY[row] receive the largest X-part / Y-part distance over those k neighbours
 *  (KSG's algorithm 2); pass dx = 0 to skip them. `heapD` (k f64) and `heapP` (k i32) are scratch.
 *  Outputs are indexed by original row. */
export function kdtree_knn(tree: usize, perm: usize, split: usize, box: usize, n: i32, d: i32, k: i32, dx: i32,
  heapD: usize, heapP: usize, eps: usize, epsX: usize, epsY: usize): void {
  gTree = tree; gPerm = perm; gSplit = split; gBox = box; gD = d; gK = k; gHD = heapD; gHP = heapP;
  for (let q = 0; q < n; q++) {
    gQ = tree + (<usize>(q * d) << 3);
    gQ0 = load<f64>(gQ);
    gQ1 = d > 1 ? load<f64>(gQ, 8) : 0.0;
    gSelf = q;
    for (let j = 0; j < k; j++) {
      store<f64>(heapD + (<usize>j << 3), Infinity);
      store<i32>(heapP + (<usize>j << 2), -1);
    }
    gWorst = Infinity;
    searchKnn(0, n, 0.0);
    finish(q, dx, eps, epsX, epsY);
  }
}

/** Store the k-th distance of the query at position q (and, with dx > 0, its X / Y parts). */
function finish(q: i32, dx: i32, eps: usize, epsX: usize, epsY: usize): void {
  const row = load<i32>(gPerm + (<usize>q << 2));
  store<f64>(eps + (<usize>row << 3), gWorst);
  if (dx > 0) {
    let ex = 0.0;
    let ey = 0.0;
    for (let j = 0; j < gK; j++) {
      const nb = gTree + (<usize>(load<i32>(gHP + (<usize>j << 2)) * gD) << 3);
      for (let c = 0; c < gD; c++) {
        const v = abs(load<f64>(gQ + (<usize>c << 3)) - load<f64>(nb + (<usize>c << 3)));
        if (c < dx) { if (v > ex) ex = v; } else if (v > ey) ey = v;
      }
    }
    store<f64>(epsX + (<usize>row << 3), ex);
    store<f64>(epsY + (<usize>row << 3), ey);
  }
}

// ---- range counts ----
let gEps: f64 = 0;
let gIncl: bool = false;
let gCount: i32 = 0;

function countPoint(p: i32): void {
  const row = gTree + (<usize>(p * gD) << 3);
  for (let c = 0; c < gD; c++) {
    const v = abs(load<f64>(gQ + (<usize>c << 3)) - load<f64>(row + (<usize>c << 3)));
    if (gIncl ? v > gEps : v >= gEps) return;
  }
  gCount++;
}

// @ts-ignore: decorator
@inline function inside(dist: f64): bool {
  return gIncl ? dist <= gEps : dist < gEps;
}

// Pruning uses the split-plane bound `lb` (cheap); a node of at least 64 points whose whole box
// lies inside the radius is counted without visiting its points.
function searchCount(lo: i32, hi: i32, lb: f64): void {
  if (hi - lo <= LEAF) {
    for (let p = lo; p < hi; p++) countPoint(p);
    return;
  }
  const mid = (lo + hi) >> 1;
  if (hi - lo >= 64 && inside(boxUpper(mid))) {
    gCount += hi - lo;
    return;
  }
  const c = load<i32>(gSplit + (<usize>mid << 2));
  const diff = load<f64>(gQ + (<usize>c << 3)) - at(gTree, gD, mid, c);
  countPoint(mid);
  const flb = max(diff < 0 ? -diff : diff, lb);
  if (diff < 0) {
    searchCount(lo, mid, lb);
    if (inside(flb)) searchCount(mid + 1, hi, flb);
  } else {
    searchCount(mid + 1, hi, lb);
    if (inside(flb)) searchCount(lo, mid, flb);
  }
}

/** For each of the m query rows at `queries` (row-major, d columns): how many tree points lie at
 *  max-norm distance < eps[i] (`inclusive` ≠ 0: ≤ eps[i]; a strict count with eps[i] = 0 counts
 *  the points at distance 0, scikit-learn's nextafter convention). Queries that are tree points
 *  count themselves. Writes i32 counts to out. */
export function kdtree_count(tree: usize, split: usize, box: usize, n: i32, d: i32, queries: usize, eps: usize, m: i32,
  inclusive: i32, out: usize): void {
  gTree = tree; gSplit = split; gBox = box; gD = d;
  for (let i = 0; i < m; i++) {
    gQ = queries + (<usize>(i * d) << 3);
    gEps = load<f64>(eps + (<usize>i << 3));
    gIncl = inclusive != 0 || gEps == 0;
    gCount = 0;
    if (n > 0) searchCount(0, n, 0.0);
    store<i32>(out + (<usize>i << 2), gCount);
  }
}

// ---- the candidate heap, for other searches over the same kind of point block (grid2.ts) ----

/** Use the n × d points at `pts` (position p ↔ original row rows[p]) and k-slot heap. */
export function gridSearchInit(pts: usize, rows: usize, d: i32, k: i32, heapD: usize, heapP: usize): void {
  gTree = pts; gPerm = rows; gD = d; gK = k; gHD = heapD; gHP = heapP;
}

/** Start the search for the point at position q (itself excluded): an empty heap. */
export function gridBeginQuery(q: i32): void {
  gQ = gTree + (<usize>(q * gD) << 3);
  gQ0 = load<f64>(gQ);
  gQ1 = gD > 1 ? load<f64>(gQ, 8) : 0.0;
  gSelf = q;
  for (let j = 0; j < gK; j++) {
    store<f64>(gHD + (<usize>j << 3), Infinity);
    store<i32>(gHP + (<usize>j << 2), -1);
  }
  gWorst = Infinity;
}

/** Offer the point at position p to the current query's heap. */
export function gridConsider(p: i32): void {
  consider(p);
}

/** The current k-th distance (+Infinity until k candidates are in). */
export function gridWorst(): f64 {
  return gWorst;
}

/** Store the finished query's outputs (as kdtree_knn does). */
export function gridEndQuery(q: i32, dx: i32, eps: usize, epsX: usize, epsY: usize): void {
  finish(q, dx, eps, epsX, epsY);
}
