import type { Scope } from "../../wasm/scope.js";
import { bootstrap, type ReplicateStats } from "./bootstrap.js";
import type { DataPtr, EmSettings } from "./fit.js";
import type { Mixture } from "./model.js";
import { combine, termMoments, type Term } from "./terms.js";

/** A named linear combination of log-density terms, e.g. MI = E ln p(x,y) − E ln p(x) − E ln p(y). */
export interface Functional {
  name: string;
  coeffs: number[];
}

/** Everything replicates `from`..`to`−1 depend on: the same for every worker, so the values do
 *  not depend on how the replicates are split. */
export interface ReplicateTask {
  start: Mixture;
  em: EmSettings;
  seed: number;
  mcSamples: number;
  terms: Term[];
  functionals: Functional[];
  from: number;
  to: number;
}

export interface ReplicateRange {
  /** values[j][b − from]: functional j on replicate b. */
  values: Float64Array[];
  /** se2[j][b − from]: squared Monte Carlo standard error of functional j on replicate b (summed
   *  by the caller in replicate order, so the total has the same bits however the work is split). */
  se2: Float64Array[];
  stats: ReplicateStats;
}

/** Bootstrap replicates from..to−1: resample (stream (seed, "bootstrap", b)), refit from `start`,
 *  and evaluate every functional with the Monte Carlo stream (seed, "monteCarlo", b). */
export async function replicateRange(s: Scope, data: DataPtr, t: ReplicateTask, onReplicate: (b: number) => Promise<void>): Promise<ReplicateRange> {
  const mcRng = s.alloc(48);
  const n = t.to - t.from;
  const se2 = t.functionals.map(() => new Float64Array(n));
  try {
    const boot = await bootstrap(s, data, t.start, t.from, t.to, t.seed, t.em, onReplicate, (fit, b) => {
      s.reseed(mcRng, t.seed, "monteCarlo", b);
      const tm = termMoments(s, fit.mixture, t.terms, t.mcSamples, mcRng);
      return t.functionals.map((f, j) => {
        const c = combine(tm, f.coeffs);
        se2[j][b - t.from] = c.mcStdErr * c.mcStdErr;
        return c.value;
      });
    });
    const values = t.functionals.map((_, j) => Float64Array.from(boot.values, (v) => v[j]));
    return { values, se2, stats: boot.stats };
  } finally {
    s.free(mcRng);
  }
}
