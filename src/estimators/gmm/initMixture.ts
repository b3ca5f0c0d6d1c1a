import type { Scope } from "../../wasm/scope.js";
import type { DataPtr, RowSet } from "./fit.js";
import type { Mixture } from "./model.js";
import { allocMixture, freeMixture, readMixture } from "./wasmMixture.js";

export type InitMethod = "randomResp" | "kmeans" | "randomizedKmeans" | "minmax";

/** A starting mixture of K components from the rows, drawn from the stream at `rng`. */
export function initMixture(s: Scope, data: DataPtr, rows: RowSet, K: number, method: InitMethod, rng: number, regCovar: number, initScale: number): Mixture {
  const d = data.d;
  const work = s.allocF64(s.k.gmm_init_work_f64(rows.n, K, d));
  const p = allocMixture(s, K, d);
  try {
    switch (method) {
      case "randomResp":
        s.k.gmm_init_random_resp(data.ptr, d, rows.ptr, rows.n, K, rng, regCovar, work, p.w, p.mu, p.cov);
        break;
      case "kmeans":
        s.k.gmm_init_kmeans(data.ptr, d, rows.ptr, rows.n, K, rng, regCovar, work, p.w, p.mu, p.cov);
        break;
      case "randomizedKmeans":
        // A cluster whose covariance is singular cannot be drawn from: leave its mean unmoved
        // (the kernel stops perturbing at that component; EM's recovery handles the rest).
        s.k.gmm_init_randomized_kmeans(data.ptr, d, rows.ptr, rows.n, K, rng, regCovar, initScale, work, p.w, p.mu, p.cov);
        break;
      case "minmax":
        s.k.gmm_init_minmax(data.ptr, d, rows.ptr, rows.n, K, rng, regCovar, work, p.w, p.mu, p.cov);
        break;
    }
    return readMixture(s, p);
  } finally {
    freeMixture(s, p);
    s.free(work);
  }
}
