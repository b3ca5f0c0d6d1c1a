// The k-th-neighbour distance alone (KSG algorithm 1 needs nothing else) for two-dimensional
// joint data, max norm. Like knn_grid2 it works on a grid in rank space (column a holds x-ranks
// [aW, (a + 1)W), row b the y-ranks likewise), but it is built for speed:
//  - cells are numbered column by column and the points are stored in cell order as separate x
//    and y arrays, so a run of cells in one column is one contiguous stretch of memory, scanned
//    two points at a time with f64x2;
//  - only the k + 1 smallest distances are kept (the query itself included: it is at distance 0,
//    the smallest, so the (k + 1)-th smallest distance over all points is the k-th over the
//    others, ties and duplicate points included). The k-th distance does not depend on which
//    of several equidistant points is taken, so no row order is needed. For k ≤ 7 they sit in
//    f64x2 registers and each pair of points is merged in without a branch (mispredicted
//    branches cost more than the whole merge); larger k use a sorted array in memory;
//  - a query first scans the 3 × 3 block of cells around its own (widening ring by ring only
//    while it has fewer than k + 1 candidates), then every further column and row whose lower
//    bound is still below the current k-th distance. Bounds come from the sorted values at the
//    column and row edges: fl(v − q) is monotone in v, so a cell whose bound is ≥ the current
//    k-th distance cannot hold a point that would change it, and skipping it is exact.
// Outputs are bit-identical to kdtree_knn's and knn_grid2's eps (the same |q − v| and max).
import { countsToStarts } from "./sort";

let gX: usize = 0; // point x values in cell order
let gY: usize = 0; // point y values in cell order
let gStart: usize = 0; // first point of each cell (G² + 1 i32)
let gSx: usize = 0; // sorted x values
let gSy: usize = 0; // sorted y values
let gN: i32 = 0;
let gW: i32 = 1;
let gG: i32 = 1;
let gBest: usize = 0; // the K = k + 1 smallest distances so far, ascending
let gK1: i32 = 1;
let gWorst: f64 = Infinity; // gBest[K − 1]

// @ts-ignore: decorator
@inline function ldf(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline function cellStart(c: i32): i32 {
  return load<i32>(gStart + (<usize>c << 2));
}

// Distance from q to the nearest x value of column a (a < ca: left of q's column; a > ca: right).
// @ts-ignore: decorator
@inline function colDist(a: i32, ca: i32, qx: f64): f64 {
  if (a > ca) return ldf(gSx, a * gW) - qx;
  const last = (a + 1) * gW - 1;
  return qx - ldf(gSx, last < gN ? last : gN - 1);
}

// @ts-ignore: decorator
@inline function rowDist(b: i32, cb: i32, qy: f64): f64 {
  if (b > cb) return ldf(gSy, b * gW) - qy;
  const last = (b + 1) * gW - 1;
  return qy - ldf(gSy, last < gN ? last : gN - 1);
}

// The candidates: for k ≤ 7 the K = k + 1 smallest distances live in up to four f64x2
// registers B0..B3 (ascending across lanes, unused slots +Infinity), updated by the pair merge
// in scan. pmin / pmax are exact here (no NaN can arise from finite inputs). Larger k keep them
// in memory (gBest) with an insertion step.
let gB0: v128 = f64x2.splat(Infinity);
let gB1: v128 = f64x2.splat(Infinity);
let gB2: v128 = f64x2.splat(Infinity);
let gB3: v128 = f64x2.splat(Infinity);
let gNV: i32 = 1; // vectors in use: ceil(K / 2), or 0 for the memory path

function insertMem(d: f64): void {
  let j = gK1 - 1;
  while (j > 0) {
    const b = load<f64>(gBest + (<usize>(j - 1) << 3));
    if (b <= d) break;
    store<f64>(gBest + (<usize>j << 3), b);
    j--;
  }
  store<f64>(gBest + (<usize>j << 3), d);
  gWorst = load<f64>(gBest + (<usize>(gK1 - 1) << 3));
}

// @ts-ignore: decorator
@inline function pairDist(p: i32, qx2: v128, qy2: v128): v128 {
  const o = <usize>p << 3;
  return f64x2.pmax(f64x2.abs(f64x2.sub(qx2, v128.load(gX + o))), f64x2.abs(f64x2.sub(qy2, v128.load(gY + o))));
}

// Offer the points at positions [s, e) (max-norm distance to (qx, qy)).
// @ts-ignore: decorator
@inline function scan(s: i32, e: i32, qx: f64, qy: f64): void {
  scan3(s, e, 0, 0, 0, 0, qx, qy);
}

// Offer the points of up to three runs [s0, e0), [s1, e1), [s2, e2) (one call for the 3 × 3
// block: the candidate registers are loaded and stored once).
function scan3(s0: i32, e0: i32, s1: i32, e1: i32, s2: i32, e2: i32, qx: f64, qy: f64): void {
  const qx2 = f64x2.splat(qx);
  const qy2 = f64x2.splat(qy);
  const nv = gNV;
  if (nv == 0) {
    for (let run = 0; run < 3; run++) {
      const s = run == 0 ? s0 : run == 1 ? s1 : s2;
      const e = run == 0 ? e0 : run == 1 ? e1 : e2;
      let p = s;
      for (; p + 1 < e; p += 2) {
        const dv = pairDist(p, qx2, qy2);
        if (v128.any_true(f64x2.lt(dv, f64x2.splat(gWorst)))) {
          const d0 = f64x2.extract_lane(dv, 0);
          if (d0 < gWorst) insertMem(d0);
          const d1 = f64x2.extract_lane(dv, 1);
          if (d1 < gWorst) insertMem(d1);
        }
      }
      if (p < e) {
        const d = max(abs(qx - ldf(gX, p)), abs(qy - ldf(gY, p)));
        if (d < gWorst) insertMem(d);
      }
    }
    return;
  }
  const lowest = f64x2.splat(-Infinity);
  let b0 = gB0, b1 = gB1, b2 = gB2, b3 = gB3;
  for (let run = 0; run < 3; run++) {
    const s = run == 0 ? s0 : run == 1 ? s1 : s2;
    const e = run == 0 ? e0 : run == 1 ? e1 : e2;
    for (let p = s; p < e; p += 2) {
      let dv = pairDist(p, qx2, qy2);
      // An odd run's last pair reads one value past the run (px, py have a spare slot at the
      // end): that lane becomes +Infinity, which changes nothing.
      if (p + 1 >= e) dv = f64x2.replace_lane(dv, 1, Infinity);
      // Both lanes at once: with l ≤ h the pair, the j-th smallest of the old K and the pair is
      // min(b_j, max(b_{j−1}, l), max(b_{j−2}, h)) (b_{−1} = b_{−2} = −Infinity).
      const sw = v128.shuffle<f64>(dv, dv, 1, 0);
      const l = f64x2.pmin(dv, sw);
      const h = f64x2.pmax(dv, sw);
      const t0 = v128.shuffle<f64>(lowest, b0, 1, 2);
      if (nv == 1) {
        b0 = f64x2.pmin(f64x2.pmin(b0, f64x2.pmax(t0, l)), h);
      } else if (nv == 2) {
        const t1 = v128.shuffle<f64>(b0, b1, 1, 2);
        const n1 = f64x2.pmin(f64x2.pmin(b1, f64x2.pmax(t1, l)), f64x2.pmax(b0, h));
        b0 = f64x2.pmin(f64x2.pmin(b0, f64x2.pmax(t0, l)), h);
        b1 = n1;
      } else {
        const t1 = v128.shuffle<f64>(b0, b1, 1, 2);
        const t2 = v128.shuffle<f64>(b1, b2, 1, 2);
        const t3 = v128.shuffle<f64>(b2, b3, 1, 2);
        const n3 = f64x2.pmin(f64x2.pmin(b3, f64x2.pmax(t3, l)), f64x2.pmax(b2, h));
        const n2 = f64x2.pmin(f64x2.pmin(b2, f64x2.pmax(t2, l)), f64x2.pmax(b1, h));
        const n1 = f64x2.pmin(f64x2.pmin(b1, f64x2.pmax(t1, l)), f64x2.pmax(b0, h));
        b0 = f64x2.pmin(f64x2.pmin(b0, f64x2.pmax(t0, l)), h);
        b1 = n1; b2 = n2; b3 = n3;
      }
    }
  }
  const last = gK1 - 1;
  gB0 = b0; gB1 = b1; gB2 = b2; gB3 = b3;
  const v = last >> 1 == 0 ? b0 : last >> 1 == 1 ? b1 : last >> 1 == 2 ? b2 : b3;
  gWorst = (last & 1) == 0 ? f64x2.extract_lane(v, 0) : f64x2.extract_lane(v, 1);
}

// Cells b0..b1 (clamped to the grid) of column a, one contiguous run of points.
// @ts-ignore: decorator
@inline function scanColumn(a: i32, b0: i32, b1: i32, qx: f64, qy: f64): void {
  if (b0 < 0) b0 = 0;
  if (b1 > gG - 1) b1 = gG - 1;
  if (b0 <= b1) scan(cellStart(a * gG + b0), cellStart(a * gG + b1 + 1), qx, qy);
}

// rank / W without an integer division: the product with 1 / W is off by at most one.
// @ts-ignore: decorator
@inline function bandOf(rank: i32, W: i32, invW: f64): i32 {
  let c = <i32>(<f64>rank * invW);
  if (c * W > rank) c--;
  else if ((c + 1) * W <= rank) c++;
  return c;
}

/** Cells per side for n points at about two points per cell (the fastest measured; flat from 1
 *  to 4), adjusted so that no column or row of ranks is empty. */
export function knn_grid2_eps_side(n: i32): i32 {
  let g = <i32>Math.sqrt(<f64>n / 2.0);
  if (g < 1) return 1;
  const w = (n + g - 1) / g;
  return (n + w - 1) / w;
}

/** For the joint rows (x_i, y_j), j = idx[i] (idx = 0: j = i), of the n values x and the n values
 *  at y: the max-norm distance from joint row i to its k-th nearest other joint row (n ≥ k + 1),
 *  stored twice, by rank: epsX[rank of x_i] and epsY[rankY[j]]. The marginal counts then visit
 *  their queries in sorted order and read these sequentially (knn_count_ranked). x enters only
 *  through its sort: sortedX ascending and orderX[r] = the row whose value is sortedX[r];
 *  rankY[j] is y_j's position in the ascending copy sortedY.
 *  Work space: `start` (G² + 1 i32, G = knn_grid2_eps_side(n)), `px`, `py` (n + 1 f64 each), `rk`
 *  (2n i32), `best` (k + 1 f64). */
export function knn_grid2_eps(orderX: usize, y: usize, idx: usize, rankY: usize, sortedX: usize, sortedY: usize,
  n: i32, k: i32, start: usize, px: usize, py: usize, rk: usize, best: usize, epsX: usize, epsY: usize): void {
  const G = knn_grid2_eps_side(n);
  const W = (n + G - 1) / G;
  gX = px; gY = py; gStart = start; gSx = sortedX; gSy = sortedY; gN = n; gW = W; gG = G; gBest = best; gK1 = k + 1;
  gNV = k + 1 <= 2 ? 1 : k + 1 <= 4 ? 2 : k + 1 <= 8 ? 4 : 0;
  const cells = G * G;
  // Counting sort of the joint rows by cell (column-major cell numbers), visiting them in x
  // order: column a holds exactly the x-ranks [aW, (a + 1)W), so every count and every write
  // stays within the current column's short stretch of memory. Each rank's y row and y-rank are
  // kept between the two passes in epsY (2n i32 of room, not written until the searches).
  const keep = epsY;
  memory.fill(start, 0, <usize>(cells + 1) << 2);
  const invW = 1.0 / <f64>W;
  for (let r = 0; r < n; r++) {
    const i = load<i32>(orderX + (<usize>r << 2));
    const j = idx == 0 ? i : load<i32>(idx + (<usize>i << 2));
    const ry = load<i32>(rankY + (<usize>j << 2));
    store<i32>(keep + (<usize>r << 3), j);
    store<i32>(keep + (<usize>r << 3), ry, 4);
    const s = start + (<usize>(bandOf(r, W, invW) * G + bandOf(ry, W, invW) + 1) << 2);
    store<i32>(s, load<i32>(s) + 1);
  }
  countsToStarts(start, cells);
  for (let r = 0; r < n; r++) {
    const j = load<i32>(keep + (<usize>r << 3));
    const ry = load<i32>(keep + (<usize>r << 3), 4);
    const s = start + (<usize>(bandOf(r, W, invW) * G + bandOf(ry, W, invW)) << 2);
    const p = load<i32>(s);
    store<i32>(s, p + 1);
    store<f64>(px + (<usize>p << 3), ldf(sortedX, r));
    store<f64>(py + (<usize>p << 3), ldf(y, j));
    store<i32>(rk + (<usize>p << 3), r);
    store<i32>(rk + (<usize>p << 3), ry, 4);
  }
  // start[c] now holds the end of cell c: shift back to starts.
  for (let c = cells; c > 0; c--) store<i32>(start + (<usize>c << 2), load<i32>(start + (<usize>(c - 1) << 2)));
  store<i32>(start, 0);

  for (let a = 0; a < G; a++) {
    for (let b = 0; b < G; b++) {
      const end = cellStart(a * G + b + 1);
      // The 3 × 3 block around the cell, as three runs (a missing neighbour column: an empty run).
      const c0 = b > 0 ? b - 1 : 0;
      const c1 = (b < G - 1 ? b + 1 : G - 1) + 1;
      const m = a * G;
      const ls = a > 0 ? cellStart(m - G + c0) : 0;
      const le = a > 0 ? cellStart(m - G + c1) : 0;
      const ms = cellStart(m + c0), me = cellStart(m + c1);
      const rs = a < G - 1 ? cellStart(m + G + c0) : 0;
      const re = a < G - 1 ? cellStart(m + G + c1) : 0;
      let q = cellStart(a * G + b);
      if (gK1 <= 4) {
        // Every query of the cell has the same block: two queries at a time, one per lane, each
        // block point loaded once. Lane j of c_t holds the t-th smallest distance of query j.
        for (; q < end; q += 2) {
          const q2 = q + 1 < end ? q + 1 : q; // an odd last query fills both lanes
          const qx2 = f64x2.replace_lane(f64x2.splat(ldf(px, q)), 1, ldf(px, q2));
          const qy2 = f64x2.replace_lane(f64x2.splat(ldf(py, q)), 1, ldf(py, q2));
          let t0 = f64x2.splat(Infinity), t1 = t0, t2 = t0, t3 = t0;
          for (let run = 0; run < 3; run++) {
            const rs0 = run == 0 ? ls : run == 1 ? ms : rs;
            const re0 = run == 0 ? le : run == 1 ? me : re;
            for (let p = rs0; p < re0; p++) {
              const d = f64x2.pmax(f64x2.abs(f64x2.sub(qx2, f64x2.splat(ldf(px, p)))), f64x2.abs(f64x2.sub(qy2, f64x2.splat(ldf(py, p)))));
              t3 = f64x2.pmin(t3, f64x2.pmax(t2, d));
              t2 = f64x2.pmin(t2, f64x2.pmax(t1, d));
              t1 = f64x2.pmin(t1, f64x2.pmax(t0, d));
              t0 = f64x2.pmin(t0, d);
            }
          }
          // Hand each query's candidates to the one-query search for the rest.
          gB0 = v128.shuffle<f64>(t0, t1, 0, 2);
          gB1 = v128.shuffle<f64>(t2, t3, 0, 2);
          gWorst = f64x2.extract_lane(gK1 == 1 ? t0 : gK1 == 2 ? t1 : gK1 == 3 ? t2 : t3, 0);
          finishQuery(q, a, b, rk, epsX, epsY);
          if (q2 != q) {
            gB0 = v128.shuffle<f64>(t0, t1, 1, 3);
            gB1 = v128.shuffle<f64>(t2, t3, 1, 3);
            gWorst = f64x2.extract_lane(gK1 == 1 ? t0 : gK1 == 2 ? t1 : gK1 == 3 ? t2 : t3, 1);
            finishQuery(q2, a, b, rk, epsX, epsY);
          }
        }
        continue;
      }
      for (; q < end; q++) {
        const qx = ldf(px, q);
        const qy = ldf(py, q);
        for (let j = 0; j < gK1; j++) store<f64>(best + (<usize>j << 3), Infinity);
        gB0 = gB1 = gB2 = gB3 = f64x2.splat(Infinity);
        gWorst = Infinity;
        scan3(ls, le, ms, me, rs, re, qx, qy);
        finishQuery(q, a, b, rk, epsX, epsY);
      }
    }
  }
}

// The rest of the search for the query at position q of cell (a, b) once its 3 × 3 block has
// been offered (the candidates in gB0..gB3 or gBest, gWorst their (k + 1)-th): whole rings
// while fewer than k + 1 points have been seen, then every further column and row that can still
// hold a closer point; stores the k-th distance.
function finishQuery(q: i32, a: i32, b: i32, rk: usize, epsX: usize, epsY: usize): void {
  const G = gG;
  const qx = ldf(gX, q);
  const qy = ldf(gY, q);
  let r = 1;
  while (gWorst == Infinity && (a - r > 0 || a + r < G - 1 || b - r > 0 || b + r < G - 1)) {
    r++;
    if (a - r >= 0) scanColumn(a - r, b - r, b + r, qx, qy);
    if (a + r < G) scanColumn(a + r, b - r, b + r, qx, qy);
    for (let aa = a - r + 1; aa < a + r; aa++) {
      if (aa < 0 || aa >= G) continue;
      if (b - r >= 0) scanColumn(aa, b - r, b - r, qx, qy);
      if (b + r < G) scanColumn(aa, b + r, b + r, qx, qy);
    }
  }
  // Every cell that can still hold a closer point lies in columns aLo..aHi and rows
  // bLo..bHi; the square a ± r, b ± r is done.
  let aLo = a - r > 0 ? a - r : 0;
  while (aLo > 0 && colDist(aLo - 1, a, qx) < gWorst) aLo--;
  let aHi = a + r < G - 1 ? a + r : G - 1;
  while (aHi < G - 1 && colDist(aHi + 1, a, qx) < gWorst) aHi++;
  let bLo = b - r > 0 ? b - r : 0;
  while (bLo > 0 && rowDist(bLo - 1, b, qy) < gWorst) bLo--;
  let bHi = b + r < G - 1 ? b + r : G - 1;
  while (bHi < G - 1 && rowDist(bHi + 1, b, qy) < gWorst) bHi++;
  // Columns inside the square: the rows above and below it.
  if (bLo < b - r || bHi > b + r) {
    const a0 = a - r > 0 ? a - r : 0;
    const a1 = a + r < G - 1 ? a + r : G - 1;
    for (let aa = a0; aa <= a1; aa++) {
      if (bLo < b - r && rowDist(b - r - 1, b, qy) < gWorst) scanColumn(aa, bLo, b - r - 1, qx, qy);
      if (bHi > b + r && rowDist(b + r + 1, b, qy) < gWorst) scanColumn(aa, b + r + 1, bHi, qx, qy);
    }
  }
  // Columns outside it, nearest first.
  for (let aa = a - r - 1; aa >= aLo; aa--) {
    if (colDist(aa, a, qx) >= gWorst) break;
    scanColumn(aa, bLo, bHi, qx, qy);
  }
  for (let aa = a + r + 1; aa <= aHi; aa++) {
    if (colDist(aa, a, qx) >= gWorst) break;
    scanColumn(aa, bLo, bHi, qx, qy);
  }
  store<f64>(epsX + (<usize>load<i32>(rk + (<usize>q << 3)) << 3), gWorst);
  store<f64>(epsY + (<usize>load<i32>(rk + (<usize>q << 3), 4) << 3), gWorst);
}
