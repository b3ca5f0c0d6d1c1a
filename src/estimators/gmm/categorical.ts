import { MIInputError, MINumericError } from "../../errors.js";
import { toLabels, type Label } from "../../data/labels.js";
import { toMatrix } from "../../data/matrix.js";
import { checkNotConstant, checkSameRows } from "../../data/validate.js";
import { publicOptions } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import { toBase, wasmLog } from "../../wasm/math.js";
import { withKernels, type Scope } from "../../wasm/scope.js";
import { resampleRows } from "./bootstrap.js";
import { emFit, type DataPtr } from "./fit.js";
import { mixtureToModel, type GmmModel, type Mixture } from "./model.js";
import type { GmmResultBase } from "./gmmMI.js";
import type { GmmResolved } from "./options.js";
import { emSettings } from "./pipeline.js";
import { selectComponents, type SelectionEntry } from "./selectComponents.js";
import { freeMixture, writeMixture } from "./wasmMixture.js";

export interface GmmCategoricalResult extends GmmResultBase {
  /** I(X; Y) for class labels Y: mean of the bootstrap replicates (requested base). */
  mi: number;
  std: number;
  samples: Float64Array;
  mcStdErr: number;
  /** The labels, in order of first appearance; the per-class arrays below follow this order. */
  classes: Label[];
  classCounts: number[];
  /** Class probabilities used in the MI integral (empirical frequencies or uniform). */
  priors: number[];
  /** Selected components of each class's mixture. */
  components: number[];
  selection: SelectionEntry[][];
  /** Each class's mixture refitted on all its rows. */
  models: GmmModel[];
}

/** Monte Carlo of I(X;F) = Σ_i p_i E_{x~p(x|f_i)}[ln p(x|f_i) − ln Σ_j p_j p(x|f_j)]
 *  (Piras et al. 2023, Eq. 3, with class probabilities p_i), each class drawn from its own
 *  stream (seed, "monteCarlo", b, class + 1). Returns the value and its MC standard error. */
export function categoricalMI(s: Scope, mixtures: Mixture[], logPriors: Float64Array, priors: number[], M: number, seed: number, b: number): { value: number; se: number } {
  const C = mixtures.length;
  const d = mixtures[0].d;
  const ptrs = mixtures.map((m) => writeMixture(s, m));
  const cols = s.writeI32(Array.from({ length: d }, (_, i) => i));
  const maxK = Math.max(...mixtures.map((m) => m.K));
  const work = s.allocF64(Math.max(s.k.gmm_logpdf_work_f64(maxK, d), maxK * d * d + d));
  const points = s.allocF64(M * d);
  const lp = s.allocF64(C * M);
  const ratio = s.allocF64(M);
  const stats = s.allocF64(2);
  const lpri = s.writeF64(logPriors);
  const rng = s.alloc(48);
  let value = 0;
  let var_ = 0;
  try {
    for (let c = 0; c < C; c++) {
      s.reseed(rng, seed, "monteCarlo", b, c + 1);
      const m = ptrs[c];
      if (s.k.gmm_sample(m.w, m.mu, m.cov, m.K, d, M, rng, work, points) !== 0) {
        throw new MINumericError("non-finite-result", "gmmMI: a class mixture's covariance is not positive definite.");
      }
      for (let j = 0; j < C; j++) {
        const q = ptrs[j];
        s.k.gmm_logpdf(q.w, q.mu, q.cov, q.K, d, cols, d, points, M, work, lp + j * M * 8);
      }
      s.k.gmm_class_log_ratio(lp, C, M, lpri, c, ratio);
      s.k.stats_mean_cov(ratio, M, 1, stats);
      const [mc, vc] = s.f64(stats, 2);
      value += priors[c] * mc;
      var_ += priors[c] * priors[c] * vc / M;
    }
  } finally {
    for (const p of ptrs) freeMixture(s, p);
    for (const p of [cols, work, points, lp, ratio, stats, lpri, rng]) s.free(p);
  }
  return { value, se: Math.sqrt(var_) };
}

/** gmmMI with discreteY: one mixture per class, each with its own component selection;
 *  stratified bootstrap (every replicate resamples within each class, so keeps every class). */
export async function gmmCategorical(fn: string, x: unknown, y: unknown, o: GmmResolved, t0: number): Promise<GmmCategoricalResult> {
  const mx = toMatrix(x, { fn, arg: "x" });
  const labels = toLabels(y, { fn, arg: "y" });
  checkSameRows(fn, mx, "x", labels, "y");
  checkNotConstant(fn, mx, "x");
  const C = labels.classes.length;
  if (C < 2) {
    throw new MIInputError("too-few-classes", `${fn}: y has a single class (${JSON.stringify(labels.classes[0])}); MI with a constant is 0. Check the labels.`, { fn, arg: "y" });
  }
  const minRows = Math.max(2 * o.nFolds, mx.cols + 1);
  labels.counts.forEach((cnt, c) => {
    if (cnt < minRows) {
      throw new MIInputError("class-too-small", `${fn}: class ${JSON.stringify(labels.classes[c])} has ${cnt} rows; each class needs at least ${minRows} ` +
        `for ${o.nFolds}-fold cross-validation of its ${mx.cols}-dimensional mixture. Merge rare classes or lower nFolds.`, { fn, arg: "y" });
    }
  });
  const progress = new Progress(fn, o.signal, o.onProgress);
  const rowsOf: Int32Array[] = labels.counts.map((cnt) => new Int32Array(cnt));
  const fill = new Array(C).fill(0);
  for (let i = 0; i < labels.rows; i++) rowsOf[labels.codes[i]][fill[labels.codes[i]]++] = i;
  const priors = o.priors === "uniform" ? labels.counts.map(() => 1 / C) : labels.counts.map((c) => c / labels.rows);
  return withKernels(async (s) => {
    const logPriors = wasmLog(s, priors);
    const data: DataPtr = { ptr: s.writeF64(mx.data), rows: mx.rows, d: mx.cols };
    const em = emSettings(o, mx);
    const starts: Mixture[] = [];
    const fulls: Mixture[] = [];
    const selections: SelectionEntry[][] = [];
    const components: number[] = [];
    let fits = 0, nonConverged = 0, iterations = 0, reg = o.regCovar, reachedMax = false;
    for (let c = 0; c < C; c++) {
      const all = { ptr: s.writeI32(rowsOf[c]), n: rowsOf[c].length };
      const sel = await selectComponents(s, data, all, {
        nInits: o.nInits, nFolds: o.nFolds, threshold: o.threshold, patience: o.patience, maxComponents: o.maxComponents,
        fixed: o.components, metric: o.metric, init: o.init, initScale: o.initScale, seed: o.seed, em, stratum: c + 1,
      }, progress);
      const full = emFit(s, data, all, null, sel.start, em);
      s.free(all.ptr);
      starts.push(sel.start);
      fulls.push(full.mixture);
      selections.push(sel.selection);
      components.push(sel.components);
      fits += sel.fits + 1;
      iterations += sel.iterations + full.iterations;
      nonConverged += sel.nonConverged + (full.converged ? 0 : 1);
      reg = Math.max(reg, sel.maxRegCovar, full.regCovar);
      reachedMax ||= sel.reachedMax;
    }
    const B = o.nBootstrap;
    const samples = new Float64Array(B);
    let se2 = 0;
    const rng = s.alloc(48);
    for (let b = 0; b < B; b++) {
      await progress.step("bootstrap", b, B);
      const fitted: Mixture[] = [];
      for (let c = 0; c < C; c++) {
        const idx = resampleRows(s, rowsOf[c].length, o.seed, b, rng, rowsOf[c], c + 1);
        const f = emFit(s, data, { ptr: idx, n: rowsOf[c].length }, null, starts[c], em);
        s.free(idx);
        fits++;
        iterations += f.iterations;
        if (!f.converged) nonConverged++;
        reg = Math.max(reg, f.regCovar);
        fitted.push(f.mixture);
      }
      const r = categoricalMI(s, fitted, logPriors, priors, o.mcSamples, o.seed, b);
      samples[b] = r.value;
      se2 += r.se * r.se;
    }
    await progress.step("bootstrap", B, B);
    s.free(rng);
    s.free(data.ptr);
    const conv = toBase(s, o.base);
    const conv_samples = samples.map(conv);
    const warnings: string[] = [];
    if (nonConverged) warnings.push(`${fn}: ${nonConverged} of ${fits} EM fits reached maxIter (${o.maxIter}) before converging; raise maxIter or tol.`);
    if (reg > o.regCovar) warnings.push(`${fn}: a mixture component collapsed in some fits; regCovar was raised up to ${reg.toExponential(1)} for those fits (duplicated rows or heavy tails); the estimate may be biased.`);
    if (reachedMax) warnings.push(`${fn}: a class's component search reached maxComponents (${o.maxComponents}); raise maxComponents.`);
    return {
      mi: mean(conv_samples),
      std: sampleStd(conv_samples),
      samples: conv_samples,
      mcStdErr: conv(Math.sqrt(se2) / B),
      classes: labels.classes,
      classCounts: labels.counts,
      priors,
      components,
      selection: selections,
      models: fulls.map((m) => mixtureToModel(m, Array.from({ length: mx.cols }, (_, i) => i), [])),
      converged: nonConverged === 0,
      diagnostics: { fits, nonConverged, iterations, regCovarUsed: reg },
      n: mx.rows,
      dimX: mx.cols,
      dimY: 1,
      seconds: (clock() - t0) / 1000,
      options: publicOptions(o),
      warnings,
    };
  });
}
