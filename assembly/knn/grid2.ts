// All k-th-neighbour distances for two-dimensional joint data (one-dimensional x and y, the
// common case) with a grid in rank space instead of a tree: cell (a, b) holds the rows whose
// x-rank lies in column a and y-rank in row b (W ranks per column, G columns), so every cell
// holds about n / G² points whatever the marginal distributions. Points are bucketed by a
// counting sort (O(n), no tree to build). A query scans rings of cells around its own; a ring's
// distance from the query is bounded below by the sorted values at the column and row edges
// (fl(v − q) is monotone in v, so the bounds are exact for the computed distances), and the scan
// stops once that bound exceeds the current k-th distance. Neighbour order, ties and outputs are
// those of kdtree_knn (it shares the candidate heap).
import { gridBeginQuery, gridConsider, gridEndQuery, gridSearchInit, gridWorst } from "./kdtree";
import { countsToStarts } from "./sort";

let gSx: usize = 0; // sorted x values
let gSy: usize = 0; // sorted y values
let gN: i32 = 0;
let gW: i32 = 1;
let gG: i32 = 1;
let gStart: usize = 0;

// Lower bound on |x − qx| over column a (a ≠ the query's column ca).
// @ts-ignore: decorator
@inline function colLower(a: i32, ca: i32, qx: f64): f64 {
  if (a > ca) return load<f64>(gSx + (<usize>(a * gW) << 3)) - qx;
  const last = (a + 1) * gW - 1;
  return qx - load<f64>(gSx + (<usize>(last < gN ? last : gN - 1) << 3));
}

// @ts-ignore: decorator
@inline function rowLower(b: i32, cb: i32, qy: f64): f64 {
  if (b > cb) return load<f64>(gSy + (<usize>(b * gW) << 3)) - qy;
  const last = (b + 1) * gW - 1;
  return qy - load<f64>(gSy + (<usize>(last < gN ? last : gN - 1) << 3));
}

function scanCell(a: i32, b: i32, ca: i32, cb: i32, qx: f64, qy: f64): void {
  const lb = max(a == ca ? 0.0 : colLower(a, ca, qx), b == cb ? 0.0 : rowLower(b, cb, qy));
  if (lb > gridWorst()) return;
  const cell = a * gG + b;
  const end = load<i32>(gStart + (<usize>(cell + 1) << 2));
  for (let p = load<i32>(gStart + (<usize>cell << 2)); p < end; p++) gridConsider(p);
}

/** Cells per side for n points (about four points per cell: measured fastest, flat from 1 to 8). */
export function knn_grid2_side(n: i32): i32 {
  const g = <i32>Math.sqrt(<f64>n / 4.0);
  return g > 1 ? g : 1;
}

/** For joint rows (x_i, y_i) at `data` (n × 2) with rankX[i], rankY[i] their positions in the
 *  ascending arrays sortedX, sortedY (each a permutation of 0..n−1): eps[i] = the max-norm
 *  distance to the k-th nearest other row (n ≥ k + 1), and with dx = 1 also epsX[i], epsY[i]
 *  (KSG algorithm 2), exactly as kdtree_knn computes them. Work space: `start` (G² + 1 i32, G =
 *  knn_grid2_side(n)), `pts` (n × 2 f64), `rows` (n i32), `heapD` (k f64), `heapP` (k i32). */
export function knn_grid2(data: usize, rankX: usize, rankY: usize, sortedX: usize, sortedY: usize, n: i32, k: i32, dx: i32,
  start: usize, pts: usize, rows: usize, heapD: usize, heapP: usize, eps: usize, epsX: usize, epsY: usize): void {
  const G = knn_grid2_side(n);
  const W = (n + G - 1) / G;
  gSx = sortedX; gSy = sortedY; gN = n; gW = W; gG = G; gStart = start;
  const cells = G * G;
  // Counting sort of the rows by cell.
  memory.fill(start, 0, <usize>(cells + 1) << 2);
  for (let i = 0; i < n; i++) {
    const cell = (load<i32>(rankX + (<usize>i << 2)) / W) * G + load<i32>(rankY + (<usize>i << 2)) / W;
    const s = start + (<usize>(cell + 1) << 2);
    store<i32>(s, load<i32>(s) + 1);
  }
  countsToStarts(start, cells);
  for (let i = 0; i < n; i++) {
    const cell = (load<i32>(rankX + (<usize>i << 2)) / W) * G + load<i32>(rankY + (<usize>i << 2)) / W;
    const s = start + (<usize>cell << 2);
    const p = load<i32>(s);
    store<i32>(s, p + 1);
    v128.store(pts + (<usize>p << 4), v128.load(data + (<usize>i << 4)));
    store<i32>(rows + (<usize>p << 2), i);
  }
  // start[c] now holds the end of cell c: shift back to starts.
  for (let c = cells; c > 0; c--) store<i32>(start + (<usize>c << 2), load<i32>(start + (<usize>(c - 1) << 2)));
  store<i32>(start, 0);

  gridSearchInit(pts, rows, 2, k, heapD, heapP);
  for (let a = 0; a < G; a++) {
    for (let b = 0; b < G; b++) {
      const cell = a * G + b;
      const end = load<i32>(start + (<usize>(cell + 1) << 2));
      for (let q = load<i32>(start + (<usize>cell << 2)); q < end; q++) {
        const qx = load<f64>(pts + (<usize>q << 4));
        const qy = load<f64>(pts + (<usize>q << 4), 8);
        gridBeginQuery(q);
        scanCell(a, b, a, b, qx, qy);
        for (let r = 1; r < G; r++) {
          // Lower bound for the whole ring r: the nearest of its four sides that exist.
          let ring = Infinity;
          if (a - r >= 0) ring = min(ring, colLower(a - r, a, qx));
          if (a + r < G) ring = min(ring, colLower(a + r, a, qx));
          if (b - r >= 0) ring = min(ring, rowLower(b - r, b, qy));
          if (b + r < G) ring = min(ring, rowLower(b + r, b, qy));
          if (ring == Infinity || ring > gridWorst()) break;
          const a0 = a - r > 0 ? a - r : 0;
          const a1 = a + r < G - 1 ? a + r : G - 1;
          const b0 = b - r > 0 ? b - r : 0;
          const b1 = b + r < G - 1 ? b + r : G - 1;
          for (let aa = a0; aa <= a1; aa++) {
            if (b - r >= 0) scanCell(aa, b - r, a, b, qx, qy);
            if (b + r < G) scanCell(aa, b + r, a, b, qx, qy);
          }
          for (let bb = b - r + 1; bb <= b + r - 1; bb++) {
            if (bb < b0 || bb > b1) continue;
            if (a - r >= 0) scanCell(a - r, bb, a, b, qx, qy);
            if (a + r < G) scanCell(a + r, bb, a, b, qx, qy);
          }
        }
        gridEndQuery(q, dx, eps, epsX, epsY);
      }
    }
  }
}
