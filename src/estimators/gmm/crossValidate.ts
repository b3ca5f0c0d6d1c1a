import type { Scope } from "../../wasm/scope.js";
import { emFit, type DataPtr, type EmSettings, type FitOutcome, type RowSet } from "./fit.js";
import { initMixture, type InitMethod } from "./initMixture.js";

/** k-fold split of rows 0..n−1 after a shuffle from the stream (seed, "folds", stratum): fold f holds
 *  positions [start_f, end_f) of the shuffled order, the first n mod k folds one row larger
 *  (scikit-learn's KFold sizes). Returns, per fold, its train and valid row lists in WASM. */
export function makeFolds(s: Scope, n: number, nFolds: number, seed: number, stratum = 0): { train: RowSet; valid: RowSet }[] {
  const order = s.writeI32(Array.from({ length: n }, (_, i) => i));
  const rng = s.rng(seed, "folds", stratum);
  s.k.rng_shuffle_i32(rng, order, n);
  s.free(rng);
  const shuffled = s.readI32(order, n);
  s.free(order);
  const folds: { train: RowSet; valid: RowSet }[] = [];
  const base = Math.floor(n / nFolds);
  const extra = n % nFolds;
  let start = 0;
  for (let f = 0; f < nFolds; f++) {
    const size = base + (f < extra ? 1 : 0);
    const valid = shuffled.subarray(start, start + size);
    const train = new Int32Array(n - size);
    train.set(shuffled.subarray(0, start), 0);
    train.set(shuffled.subarray(start + size), start);
    folds.push({ train: { ptr: s.writeI32(train), n: train.length }, valid: { ptr: s.writeI32(valid), n: size } });
    start += size;
  }
  return folds;
}

export interface InitCV {
  /** Validation mean log-likelihood of each fold's fit. */
  foldValidLL: number[];
  /** Mean over folds. */
  meanValidLL: number;
  fits: FitOutcome[];
}

/** Cross-validate one initialisation i of a K-component mixture: on each fold, initialise from
 *  the fold's train rows with the stream (seed, "init", K + 1001·stratum, i·nFolds + f), fit, and
 *  score the valid rows. (K ≤ 1000, so strata — the classes of a categorical fit — never share.) */
export function crossValidateInit(s: Scope, data: DataPtr, folds: { train: RowSet; valid: RowSet }[], K: number, i: number,
  seed: number, method: InitMethod, initScale: number, em: EmSettings, stratum = 0): InitCV {
  const rng = s.alloc(48);
  const fits: FitOutcome[] = [];
  try {
    folds.forEach((fold, f) => {
      s.reseed(rng, seed, "init", K + 1001 * stratum, i * folds.length + f);
      const start = initMixture(s, data, fold.train, K, method, rng, em.regCovar, initScale);
      fits.push(emFit(s, data, fold.train, fold.valid, start, em));
    });
  } finally {
    s.free(rng);
  }
  const foldValidLL = fits.map((r) => r.validLL);
  let sum = 0;
  for (const v of foldValidLL) sum += v;
  return { foldValidLL, meanValidLL: sum / foldValidLL.length, fits };
}
