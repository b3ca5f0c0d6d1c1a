import type { Progress } from "../../progress.js";
import type { Scope } from "../../wasm/scope.js";
import { wasmLog } from "../../wasm/math.js";
import { crossValidateInit, makeFolds } from "./crossValidate.js";
import type { DataPtr, EmSettings, FitOutcome, RowSet } from "./fit.js";
import type { InitMethod } from "./initMixture.js";
import type { Mixture } from "./model.js";
import { freeMixture, writeMixture } from "./wasmMixture.js";

export type Metric = "valid" | "aic" | "bic";

/** What the search found for one component count. */
export interface SelectionEntry {
  components: number;
  /** The value compared across counts: mean validation log-likelihood ("valid"), or −AIC / −BIC. */
  metric: number;
  /** Mean validation log-likelihood (per sample) of the best initialisation. */
  validLL: number;
  /** That initialisation's validation log-likelihood on each fold. */
  foldValidLL: number[];
  /** Mean validation log-likelihood of every initialisation. */
  initValidLL: number[];
  /** AIC and BIC of the best initialisation's best fold model on all rows. */
  aic: number;
  bic: number;
  bestInit: number;
  bestFold: number;
}

export interface SelectionOutcome {
  components: number;
  /** The selected count's best fold model: every bootstrap fit starts from it. */
  start: Mixture;
  selection: SelectionEntry[];
  fits: number;
  nonConverged: number;
  iterations: number;
  maxRegCovar: number;
  reachedMax: boolean;
}

export interface SelectSettings {
  nInits: number;
  nFolds: number;
  threshold: number;
  patience: number;
  maxComponents: number;
  /** Fixed count: evaluate only this one (no search). */
  fixed: number | null;
  metric: Metric;
  init: InitMethod;
  initScale: number;
  seed: number;
  em: EmSettings;
  /** Keeps the random streams of separately selected mixtures (classes) apart. Default 0. */
  stratum?: number;
}

/** Number of free parameters of a K-component full-covariance mixture in d dimensions. */
export function parameterCount(K: number, d: number): number {
  return K - 1 + K * d + (K * d * (d + 1)) / 2;
}

/** Cross-validated choice of the number of components (GMM-MI, Piras et al. 2023, Sect. II A):
 *  for K = 1, 2, …, keep the initialisation with the best mean validation log-likelihood and,
 *  within it, the fold model with the best validation log-likelihood; stop once `patience`
 *  consecutive counts fail to improve the metric by more than `threshold`; pick the best seen. */
export async function selectComponents(s: Scope, data: DataPtr, all: RowSet, st: SelectSettings, progress: Progress): Promise<SelectionOutcome> {
  const folds = makeFolds(s, all.n, st.nFolds, st.seed, st.stratum ?? 0);
  // fold row lists hold positions 0..n−1 of `all`; map them to data rows
  const allRows = s.readI32(all.ptr, all.n);
  for (const f of folds) for (const set of [f.train, f.valid]) {
    const v = s.i32(set.ptr, set.n);
    for (let i = 0; i < set.n; i++) v[i] = allRows[v[i]];
  }
  const lnN = wasmLog(s, [all.n])[0];
  const selection: SelectionEntry[] = [];
  let best: { entry: SelectionEntry; start: Mixture } | null = null;
  let bad = 0;
  let fits = 0;
  let nonConverged = 0;
  let iterations = 0;
  let maxReg = st.em.regCovar;
  const scoreWork = s.allocF64(s.k.gmm_em_work_f64(0, Math.max(st.fixed ?? st.maxComponents, 1), data.d));
  const counts = st.fixed ? [st.fixed] : Array.from({ length: st.maxComponents }, (_, i) => i + 1);
  let reachedMax = false;
  try {
    for (const K of counts) {
      await progress.step("select", K - 1, st.fixed ? 1 : st.maxComponents, `${K} component${K > 1 ? "s" : ""}`);
      let bestInit = -1;
      let bestCV: { meanValidLL: number; foldValidLL: number[]; fits: FitOutcome[] } | null = null;
      const initValidLL: number[] = [];
      for (let i = 0; i < st.nInits; i++) {
        const cv = crossValidateInit(s, data, folds, K, i, st.seed, st.init, st.initScale, st.em, st.stratum ?? 0);
        for (const f of cv.fits) {
          fits++;
          iterations += f.iterations;
          if (!f.converged) nonConverged++;
          if (f.regCovar > maxReg) maxReg = f.regCovar;
        }
        initValidLL.push(cv.meanValidLL);
        if (!bestCV || cv.meanValidLL > bestCV.meanValidLL || Number.isNaN(bestCV.meanValidLL)) {
          bestCV = cv;
          bestInit = i;
        }
      }
      let bestFold = 0;
      for (let f = 1; f < bestCV!.foldValidLL.length; f++) if (bestCV!.foldValidLL[f] > bestCV!.foldValidLL[bestFold]) bestFold = f;
      const start = bestCV!.fits[bestFold].mixture;
      const mp = writeMixture(s, start);
      const meanLL = s.k.gmm_score(data.ptr, data.d, all.ptr, all.n, K, mp.w, mp.mu, mp.cov, scoreWork);
      freeMixture(s, mp);
      const p = parameterCount(K, data.d);
      const aic = -2 * all.n * meanLL + 2 * p;
      const bic = -2 * all.n * meanLL + p * lnN;
      const entry: SelectionEntry = {
        components: K,
        metric: st.metric === "valid" ? bestCV!.meanValidLL : st.metric === "aic" ? -aic : -bic,
        validLL: bestCV!.meanValidLL,
        foldValidLL: bestCV!.foldValidLL,
        initValidLL,
        aic,
        bic,
        bestInit,
        bestFold,
      };
      selection.push(entry);
      if (!best || entry.metric - best.entry.metric > st.threshold) {
        best = { entry, start };
        bad = 0;
      } else {
        bad++;
        if (bad >= st.patience) break;
      }
      if (!st.fixed && K === st.maxComponents) reachedMax = true;
    }
  } finally {
    s.free(scoreWork);
    for (const f of folds) {
      s.free(f.train.ptr);
      s.free(f.valid.ptr);
    }
  }
  return { components: best!.entry.components, start: best!.start, selection, fits, nonConverged, iterations, maxRegCovar: maxReg, reachedMax };
}
