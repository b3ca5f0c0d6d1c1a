import type { Scope } from "../../wasm/scope.js";
import { emFit, type DataPtr, type EmSettings, type FitOutcome } from "./fit.js";
import type { Mixture } from "./model.js";

export interface ReplicateStats {
  fits: number;
  nonConverged: number;
  iterations: number;
  maxRegCovar: number;
}

/** Draw bootstrap replicate b's row list: n indices uniform over `rows` (or 0..n−1) from the
 *  stream (seed, "bootstrap", b, stratum). The caller frees the returned pointer. */
export function resampleRows(s: Scope, n: number, seed: number, b: number, rng: number, rows?: Int32Array, stratum = 0): number {
  s.reseed(rng, seed, "bootstrap", b, stratum);
  const ptr = s.allocI32(n);
  s.k.rng_fill_below(rng, ptr, n, n);
  if (rows) {
    const v = s.i32(ptr, n);
    for (let i = 0; i < n; i++) v[i] = rows[v[i]];
  }
  return ptr;
}

/** Bootstrap replicates b = from..to−1: resample the rows, refit from `start`, and evaluate the
 *  fitted mixture with `evaluate(fit, b)`. Each replicate depends only on (data, start, seed, b),
 *  so the values do not depend on the order or the number of workers that compute them. */
export async function bootstrap<T>(s: Scope, data: DataPtr, start: Mixture, from: number, to: number, seed: number, em: EmSettings,
  onReplicate: (b: number) => Promise<void>, evaluate: (fit: FitOutcome, b: number) => T): Promise<{ values: T[]; stats: ReplicateStats }> {
  const rng = s.alloc(48);
  const values: T[] = [];
  const stats: ReplicateStats = { fits: 0, nonConverged: 0, iterations: 0, maxRegCovar: em.regCovar };
  try {
    for (let b = from; b < to; b++) {
      await onReplicate(b);
      const idx = resampleRows(s, data.rows, seed, b, rng);
      let fit: FitOutcome;
      try {
        fit = emFit(s, data, { ptr: idx, n: data.rows }, null, start, em);
      } finally {
        s.free(idx);
      }
      stats.fits++;
      stats.iterations += fit.iterations;
      if (!fit.converged) stats.nonConverged++;
      if (fit.regCovar > stats.maxRegCovar) stats.maxRegCovar = fit.regCovar;
      values.push(evaluate(fit, b));
    }
  } finally {
    s.free(rng);
  }
  return { values, stats };
}
