import type { Scope } from "../../wasm/scope.js";

/** A searchable copy of one variable (n rows of d columns in WASM memory) that counts, for every
 *  row i, the rows within eps[i] of it under the max norm (the row itself included). One
 *  dimension: a sorted array searched from a bucket table; more: a k-d tree range count. */
export interface MarginalIndex {
  /** counts[i] = #{j : dist(q_i, row j) < eps[i]} (≤ with `inclusive`; a strict count with
   *  eps[i] = 0 counts the coincident rows), where q_i is row idx[i] (idx = 0: row i). */
  count(eps: number, idx: number, inclusive: boolean, out: number): void;
  /** One dimension only: the mean over positions r of ψ(count_r + offset), count_r = #{j :
   *  |v_j − sorted[r]| < eps[r]} (≤ with `inclusive`), the radii by position in the sorted order. */
  psiMeanRanked?(eps: number, inclusive: boolean, offset: number): number;
  /** Free the index's memory (it is freed with its scope anyway). */
  dispose(): void;
  /** One dimension only: the values ascending (n f64) and each row's position among them (n i32). */
  sorted?: number;
  rank?: number;
  /** One dimension only: order[r] = the row whose value is sorted[r] (n i32). */
  order?: number;
}

export function marginalIndex(s: Scope, data: number, n: number, d: number): MarginalIndex {
  if (d === 1) {
    const sorted = s.allocF64(n);
    const order = s.allocI32(n);
    const rank = s.allocI32(n);
    // n buckets: a search starts within a few places of its end. A large sort leaves that table
    // in its scratch.
    const table = s.alloc(Math.max(s.k.knn_sort_scratch_bytes(n), (n + 1) * 4));
    const work = s.alloc(s.k.knn_sort_work_bytes(n));
    if (!s.k.knn_sort_ranks(data, n, sorted, order, rank, table, work)) s.k.knn_bucket_table(sorted, n, n, table);
    s.free(work);
    let inv = 0;
    return {
      sorted,
      rank,
      order,
      count(eps, idx, inclusive, out) {
        if (idx) {
          if (!inv) inv = s.allocI32(n);
          s.k.knn_invert_i32(idx, n, inv);
        }
        s.k.knn_count_sorted(sorted, order, idx ? inv : 0, n, eps, inclusive ? 1 : 0, out, table, n);
      },
      psiMeanRanked(eps, inclusive, offset) {
        return s.k.knn_count_ranked_psi(sorted, n, eps, inclusive ? 1 : 0, table, n, offset);
      },
      dispose() {
        for (const p of [sorted, order, rank, table, inv]) s.free(p);
      },
    };
  }
  const tree = s.allocF64(n * d);
  const perm = s.allocI32(n);
  const split = s.allocI32(n);
  const box = s.allocF64(n * 2 * d);
  s.k.kdtree_build(data, n, d, tree, perm, split, box);
  let queries = 0;
  return {
    count(eps, idx, inclusive, out) {
      let q = data;
      if (idx) {
        if (!queries) queries = s.allocF64(n * d);
        s.k.knn_gather_rows(data, d, idx, n, queries);
        q = queries;
      }
      s.k.kdtree_count(tree, split, box, n, d, q, eps, n, inclusive ? 1 : 0, out);
    },
    dispose() {
      for (const p of [tree, perm, split, box, queries]) s.free(p);
    },
  };
}
