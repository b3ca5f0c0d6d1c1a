import type { Matrix } from "../../data/matrix.js";
import type { Progress } from "../../progress.js";
import type { Scope } from "../../wasm/scope.js";
import { getParallelBackend, splitRange } from "../../parallel/backend.js";
import { emFit, type DataPtr, type EmSettings } from "./fit.js";
import type { Mixture } from "./model.js";
import type { GmmResolved } from "./options.js";
import { selectComponents, type SelectionEntry } from "./selectComponents.js";
import type { Term } from "./terms.js";
import { replicateRange, type Functional, type ReplicateRange, type ReplicateTask } from "./replicates.js";

export type { Functional };

export interface PipelineOutcome {
  components: number;
  selection: SelectionEntry[];
  start: Mixture;
  /** The selected count refitted from `start` on all rows: the model a user keeps. */
  full: Mixture;
  /** Per functional: the B replicate values (nats). */
  values: Record<string, Float64Array>;
  /** Per functional: Monte Carlo standard error of the replicate mean, √(Σ_b se_b²) / B. */
  mcStdErr: Record<string, number>;
  converged: boolean;
  warnings: string[];
  fits: number;
  nonConverged: number;
  iterations: number;
  regCovarUsed: number;
}

/** Population variance of each column, averaged (+ − × ÷ only). */
export function meanColumnVariance(m: Matrix): number {
  let total = 0;
  for (let j = 0; j < m.cols; j++) {
    let mean = 0;
    for (let i = 0; i < m.rows; i++) mean += m.data[i * m.cols + j];
    mean /= m.rows;
    let v = 0;
    for (let i = 0; i < m.rows; i++) v += (m.data[i * m.cols + j] - mean) * (m.data[i * m.cols + j] - mean);
    total += v / m.rows;
  }
  return total / m.cols;
}

export function emSettings(o: GmmResolved, m: Matrix): EmSettings {
  return { regCovar: o.regCovar, tol: o.tol, maxIter: o.maxIter, maxRegCovar: Math.max(o.regCovar, 1e-3 * meanColumnVariance(m)) };
}

/** Fit a mixture to the rows of `m` (component search by cross-validation), bootstrap it, and
 *  evaluate the functionals on every replicate's fitted mixture. */
export async function runPipeline(fn: string, s: Scope, m: Matrix, o: GmmResolved, progress: Progress, terms: Term[], functionals: Functional[]): Promise<PipelineOutcome> {
  const data: DataPtr = { ptr: s.writeF64(m.data), rows: m.rows, d: m.cols };
  const all = { ptr: s.writeI32(Array.from({ length: m.rows }, (_, i) => i)), n: m.rows };
  const em = emSettings(o, m);
  const sel = await selectComponents(s, data, all, {
    nInits: o.nInits, nFolds: o.nFolds, threshold: o.threshold, patience: o.patience, maxComponents: o.maxComponents,
    fixed: o.components, metric: o.metric, init: o.init, initScale: o.initScale, seed: o.seed, em,
  }, progress);
  const full = emFit(s, data, all, null, sel.start, em);
  const B = o.nBootstrap;
  const task: ReplicateTask = { start: sel.start, em, seed: o.seed, mcSamples: o.mcSamples, terms, functionals, from: 0, to: B };
  const backend = o.workers > 1 && B > 1 ? getParallelBackend() : undefined;
  let ranges: ReplicateRange[];
  if (backend) {
    let done = 0;
    progress.report("bootstrap", 0, B);
    ranges = await backend.run(
      splitRange(B, Math.min(o.workers, B)).map(([from, to]) => ({ data: m.data, rows: m.rows, d: m.cols, task: { ...task, from, to } })),
      () => progress.report("bootstrap", ++done, B),
      o.signal,
    );
  } else {
    ranges = [await replicateRange(s, data, task, (b) => progress.step("bootstrap", b, B))];
    await progress.step("bootstrap", B, B);
  }
  // Concatenate in replicate order and sum the Monte Carlo variances in that order, so every
  // degree of parallelism gives the same bits.
  const values: Record<string, Float64Array> = {};
  const mcStdErr: Record<string, number> = {};
  functionals.forEach((f, j) => {
    const v = new Float64Array(B);
    let off = 0;
    let se2 = 0;
    for (const r of ranges) {
      v.set(r.values[j], off);
      off += r.values[j].length;
      for (const e of r.se2[j]) se2 += e;
    }
    values[f.name] = v;
    mcStdErr[f.name] = Math.sqrt(se2) / B;
  });
  const boot = { stats: { fits: 0, nonConverged: 0, iterations: 0, maxRegCovar: em.regCovar } };
  for (const r of ranges) {
    boot.stats.fits += r.stats.fits;
    boot.stats.nonConverged += r.stats.nonConverged;
    boot.stats.iterations += r.stats.iterations;
    boot.stats.maxRegCovar = Math.max(boot.stats.maxRegCovar, r.stats.maxRegCovar);
  }
  const fits = sel.fits + boot.stats.fits + 1;
  const nonConverged = sel.nonConverged + boot.stats.nonConverged + (full.converged ? 0 : 1);
  const regUsed = Math.max(sel.maxRegCovar, boot.stats.maxRegCovar, full.regCovar);
  const warnings: string[] = [];
  if (nonConverged) {
    warnings.push(`${fn}: ${nonConverged} of ${fits} EM fits reached maxIter (${o.maxIter}) before the log-likelihood changed by less than tol (${o.tol}); raise maxIter or tol.`);
  }
  if (regUsed > o.regCovar) {
    warnings.push(`${fn}: a mixture component collapsed (its covariance stopped being positive definite) in some fits; ` +
      `regCovar was raised from ${o.regCovar} up to ${regUsed.toExponential(1)} for those fits. Duplicated rows or heavy tails cause this; the estimate may be biased.`);
  }
  if (o.workers > 1 && !getParallelBackend()) {
    warnings.push(`${fn}: workers = ${o.workers} was asked for, but this runtime has no thread backend; the bootstrap ran on one thread (in browsers, run the estimator in mutinfo/worker).`);
  }
  if (sel.reachedMax) {
    warnings.push(`${fn}: the component search reached maxComponents (${o.maxComponents}) while still improving; raise maxComponents.`);
  }
  s.free(data.ptr);
  s.free(all.ptr);
  return { components: sel.components, selection: sel.selection, start: sel.start, full: full.mixture, values, mcStdErr, converged: nonConverged === 0, warnings, fits, nonConverged, iterations: sel.iterations + boot.stats.iterations + full.iterations, regCovarUsed: regUsed };
}
