import type { Scope } from "../../wasm/scope.js";

/** Plug-in mutual information of two label variables (codes 0..A−1 and 0..B−1) from their
 *  contingency table: Σ p_ab ln(p_ab / (p_a p_b)), nats. The table is counted here (integers);
 *  the logarithms run in WASM. `estimate(b)` takes the second variable's codes row by row. */
export interface PluginPlan {
  estimate(b: Int32Array): number;
}

export function pluginPlan(s: Scope, a: Int32Array, nA: number, nB: number): PluginPlan {
  const n = a.length;
  const table = s.allocI32(nA * nB);
  const rows = s.allocI32(nA);
  const cols = s.allocI32(nB);
  return {
    estimate(b) {
      const t = new Int32Array(nA * nB);
      const ra = new Int32Array(nA);
      const cb = new Int32Array(nB);
      for (let i = 0; i < n; i++) {
        t[a[i] * nB + b[i]]++;
        ra[a[i]]++;
        cb[b[i]]++;
      }
      s.i32(table, nA * nB).set(t);
      s.i32(rows, nA).set(ra);
      s.i32(cols, nB).set(cb);
      return s.k.knn_plugin_mi(table, rows, cols, nA, nB, n);
    },
  };
}
