import type { Scope } from "../../wasm/scope.js";

/** Reusable buffers for the k-th-neighbour search in the joint space (n rows of d columns):
 *  `run` builds a k-d tree over the rows at `data` and fills `eps` (max-norm distance to the k-th
 *  nearest other row) and, when dx > 0, `epsX` / `epsY` (the largest X-part / Y-part distance over
 *  those k neighbours, for KSG's algorithm 2). All arrays are indexed by row. */
export interface JointKnn {
  eps: number;
  epsX: number;
  epsY: number;
  /** `idx`: the y-row permutation the joint rows were made with (0: none); the tree ignores it. */
  run(data: number, dx: number, idx?: number): void;
}

export function jointKnn(s: Scope, n: number, d: number, k: number, withMarginalEps: boolean): JointKnn {
  const tree = s.allocF64(n * d);
  const perm = s.allocI32(n);
  const split = s.allocI32(n);
  const box = s.allocF64(n * 2 * d);
  const heapD = s.allocF64(k);
  const heapP = s.allocI32(k);
  const eps = s.allocF64(n);
  const epsX = withMarginalEps ? s.allocF64(n) : 0;
  const epsY = withMarginalEps ? s.allocF64(n) : 0;
  return {
    eps,
    epsX,
    epsY,
    run(data, dx) {
      s.k.kdtree_build(data, n, d, tree, perm, split, box);
      s.k.kdtree_knn(tree, perm, split, box, n, d, k, withMarginalEps ? dx : 0, heapD, heapP, eps, epsX, epsY);
    },
  };
}
