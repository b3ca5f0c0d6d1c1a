import type { Scope } from "../../wasm/scope.js";
import { digammaOf } from "./digammaOf.js";
import { jointKnn, type JointKnn } from "./jointKnn.js";
import { marginalIndex, type MarginalIndex } from "./marginalIndex.js";

/** KSG for two continuous variables already in WASM memory (x: n × dx, y: n × dy). `estimate`
 *  pairs row i of x with row idx[i] of y (idx = 0: row i) and returns the unclipped estimate in
 *  nats; the marginal indexes are built once and reused for every permutation.
 *  Algorithm 1 (Kraskov et al. 2004, eq. 8; scikit-learn's):
 *    ψ(N) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩,  n_x = #{j ≠ i : ‖x_j − x_i‖ < eps_i}
 *  Algorithm 2 (eq. 9): ψ(N) + ψ(k) − 1/k − ⟨ψ(n_x)⟩ − ⟨ψ(n_y)⟩ with n_x = #{j ≠ i :
 *    ‖x_j − x_i‖ ≤ eps_x,i}, eps_x,i the largest x-distance among the k joint neighbours. */
export interface ContinuousPlan {
  estimate(idx: number): number;
  /** Rows whose k-th joint neighbour was at distance 0 in the last estimate (exact duplicates). */
  zeroRadius(): number;
}

export function continuousPlan(s: Scope, x: number, dx: number, y: number, dy: number, n: number, k: number, algorithm: 1 | 2): ContinuousPlan {
  const mx = marginalIndex(s, x, n, dx);
  const my = marginalIndex(s, y, n, dy);
  const oneByOne = dx === 1 && dy === 1;
  const [psiN, psiK] = digammaOf(s, [n, k]);
  if (oneByOne && algorithm === 1) {
    // 1-D × 1-D, algorithm 1: the k-th distance alone from a grid in rank space over the two
    // marginal sorts, delivered in each marginal's sorted order, so both counts run sequentially.
    const grid = gridEps(s, n, k, y, mx, my);
    return {
      estimate(idx) {
        grid.run(idx);
        // counts include the row itself, so count = n_x + 1
        return psiN + psiK - mx.psiMeanRanked!(grid.epsX, false, 0) - my.psiMeanRanked!(grid.epsY, false, 0);
      },
      zeroRadius() {
        return s.k.knn_count_zero_f64(grid.epsX, n);
      },
    };
  }
  // Otherwise the k neighbours themselves: a grid in rank space for 1-D × 1-D (algorithm 2),
  // a k-d tree over the joint rows in higher dimension.
  const knn = oneByOne ? gridKnn(s, n, k, algorithm === 2, mx, my) : jointKnn(s, n, dx + dy, k, algorithm === 2);
  const joint = s.allocF64(n * (dx + dy));
  const cx = s.allocI32(n);
  const cy = s.allocI32(n);
  return {
    estimate(idx) {
      s.k.knn_join_rows(x, dx, y, dy, idx, n, joint);
      knn.run(joint, dx, idx);
      if (algorithm === 1) {
        mx.count(knn.eps, 0, false, cx);
        my.count(knn.eps, idx, false, cy);
        return psiN + psiK - s.k.knn_digamma_mean_i32(cx, n, 0) - s.k.knn_digamma_mean_i32(cy, n, 0);
      }
      mx.count(knn.epsX, 0, true, cx);
      my.count(knn.epsY, idx, true, cy);
      return psiN + psiK - 1 / k - s.k.knn_digamma_mean_i32(cx, n, -1) - s.k.knn_digamma_mean_i32(cy, n, -1);
    },
    zeroRadius() {
      return s.k.knn_count_zero_f64(knn.eps, n);
    },
  };
}

/** The joint k-th-neighbour search for one-dimensional x and y (knn_grid2): no tree to build,
 *  the cells come from the ranks the marginal sorts already computed. */
function gridKnn(s: Scope, n: number, k: number, withMarginalEps: boolean, mx: MarginalIndex, my: MarginalIndex): JointKnn {
  const g = s.k.knn_grid2_side(n);
  const start = s.allocI32(g * g + 1);
  const pts = s.allocF64(n * 2);
  const rows = s.allocI32(n);
  const heapD = s.allocF64(k);
  const heapP = s.allocI32(k);
  const eps = s.allocF64(n);
  const epsX = withMarginalEps ? s.allocF64(n) : 0;
  const epsY = withMarginalEps ? s.allocF64(n) : 0;
  let rankY = 0;
  return {
    eps,
    epsX,
    epsY,
    run(data, dx, idx = 0) {
      let ry = my.rank!;
      if (idx) {
        if (!rankY) rankY = s.allocI32(n);
        s.k.knn_gather_i32(my.rank!, idx, n, rankY);
        ry = rankY;
      }
      s.k.knn_grid2(data, mx.rank!, ry, mx.sorted!, my.sorted!, n, k, withMarginalEps ? dx : 0, start, pts, rows, heapD, heapP, eps, epsX, epsY);
    },
  };
}

/** The k-th-neighbour distance alone for one-dimensional x and y (knn_grid2_eps, algorithm 1):
 *  reads x's sort, y and the permutation directly, no joint copy; `epsX` / `epsY` hold the distances by
 *  x-rank and by y-rank. */
function gridEps(s: Scope, n: number, k: number, y: number, mx: MarginalIndex, my: MarginalIndex) {
  const g = s.k.knn_grid2_eps_side(n);
  const start = s.allocI32(g * g + 1);
  const px = s.allocF64(n + 1);
  const py = s.allocF64(n + 1);
  const rk = s.allocI32(2 * n);
  const best = s.allocF64(k + 1);
  const epsX = s.allocF64(n);
  const epsY = s.allocF64(n);
  return {
    epsX,
    epsY,
    run(idx: number) {
      s.k.knn_grid2_eps(mx.order!, y, idx, my.rank!, mx.sorted!, my.sorted!, n, k, start, px, py, rk, best, epsX, epsY);
    },
  };
}
