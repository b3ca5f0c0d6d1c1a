import type { Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import type { Scope } from "../../wasm/scope.js";

export interface PermutationSummary {
  /** (#{null ≥ observed} + 1) / (permutations + 1): never 0, valid at any number of permutations. */
  pValue: number;
  nullMean: number;
  /** Sample standard deviation (ddof 1) of the null estimates; NaN with one permutation. */
  nullStd: number;
  /** The null estimates (unclipped nats), replicate p from stream (seed, "permutation", p). */
  nullSamples: Float64Array;
}

/** Permutation test of independence: replicate p shuffles the row order of the second variable
 *  (Fisher–Yates with the stream (seed, "permutation", p)), breaking any dependence while keeping
 *  both marginals, and re-estimates. `estimate` receives the pointer to the n shuffled row indices. */
export async function permutationTest(s: Scope, n: number, permutations: number, seed: number, observed: number,
  estimate: (idx: number) => number, progress: Progress): Promise<PermutationSummary> {
  const idx = s.allocI32(n);
  const state = s.rng(seed, "permutation", 0);
  const nullSamples = new Float64Array(permutations);
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    s.k.knn_iota_i32(idx, n);
    s.reseed(state, seed, "permutation", p);
    s.k.rng_shuffle_i32(state, idx, n);
    const v = estimate(idx);
    nullSamples[p] = v;
    if (v >= observed) atLeast++;
    await progress.step("permutations", p + 1, permutations);
  }
  return { pValue: (atLeast + 1) / (permutations + 1), nullMean: mean(nullSamples), nullStd: sampleStd(nullSamples), nullSamples };
}
