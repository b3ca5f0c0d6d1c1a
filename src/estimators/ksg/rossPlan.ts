import type { Scope } from "../../wasm/scope.js";
import { digammaOf } from "./digammaOf.js";
import { marginalIndex } from "./marginalIndex.js";

/** Ross (2014) for a continuous variable c (n × d in WASM memory) and labels (codes 0..K−1), as
 *  scikit-learn's mutual_info_classif computes it: for each label with count N_l ≥ 2, k_l =
 *  min(k, N_l − 1) and r_i = the max-norm distance to the k_l-th nearest other row of the same
 *  label; rows of singleton labels are dropped and N' counts the rest; m_i = #{j : ‖c_j − c_i‖ <
 *  r_i} over the kept rows, the row itself included (r_i = 0: the coincident rows). Then
 *    I = ψ(N') + ⟨ψ(k_i)⟩ − ⟨ψ(N_label(i))⟩ − ⟨ψ(m_i)⟩   (nats, unclipped).
 *  `estimate(codes)` takes the labels row by row (a permutation test passes them shuffled). */
export interface RossPlan {
  estimate(codes: Int32Array): { mi: number; used: number; zeroRadius: number };
}

export function rossPlan(s: Scope, c: number, n: number, d: number, nClasses: number, k: number): RossPlan {
  const order = s.allocI32(n);
  const grouped = s.allocF64(n * d);
  const tree = s.allocF64(n * d);
  const perm = s.allocI32(n);
  const split = s.allocI32(n);
  const box = s.allocF64(n * 2 * d);
  const radius = s.allocF64(n);
  const kArr = s.allocI32(n);
  const labelCount = s.allocI32(n);
  const m = s.allocI32(n);
  const heapD = s.allocF64(k);
  const heapP = s.allocI32(k);
  return {
    estimate(codes) {
      const counts = new Int32Array(nClasses);
      for (let i = 0; i < n; i++) counts[codes[i]]++;
      // Rows grouped by label (labels with ≥ 2 rows only), each group a contiguous block.
      const start = new Int32Array(nClasses + 1);
      for (let l = 0; l < nClasses; l++) start[l + 1] = start[l] + (counts[l] > 1 ? counts[l] : 0);
      const used = start[nClasses];
      const fill = start.slice(0, nClasses);
      const ord = s.i32(order, n);
      for (let i = 0; i < n; i++) if (counts[codes[i]] > 1) ord[fill[codes[i]]++] = i;
      s.k.knn_gather_rows(c, d, order, used, grouped);
      const ka = s.i32(kArr, n);
      const lc = s.i32(labelCount, n);
      for (let l = 0; l < nClasses; l++) {
        const cnt = counts[l];
        if (cnt < 2) continue;
        const kl = Math.min(k, cnt - 1);
        for (let j = start[l]; j < start[l + 1]; j++) {
          ka[j] = kl;
          lc[j] = cnt;
        }
      }
      for (let l = 0; l < nClasses; l++) {
        const cnt = counts[l];
        if (cnt < 2) continue;
        const o = start[l];
        s.k.kdtree_build(grouped + o * d * 8, cnt, d, tree + o * d * 8, perm + o * 4, split + o * 4, box + o * 2 * d * 8);
        s.k.kdtree_knn(tree + o * d * 8, perm + o * 4, split + o * 4, box + o * 2 * d * 8, cnt, d, Math.min(k, cnt - 1), 0, heapD, heapP, radius + o * 8, 0, 0);
      }
      const all = marginalIndex(s, grouped, used, d);
      all.count(radius, 0, false, m);
      all.dispose();
      const [psiN] = digammaOf(s, [used]);
      const mi = psiN + s.k.knn_digamma_mean_i32(kArr, used, 0) - s.k.knn_digamma_mean_i32(labelCount, used, 0) -
        s.k.knn_digamma_mean_i32(m, used, 0);
      const r = s.f64(radius, used);
      let zeroRadius = 0;
      for (let i = 0; i < used; i++) if (r[i] === 0) zeroRadius++;
      return { mi, used, zeroRadius };
    },
  };
}
