import { MIInputError } from "../../errors.js";
import { hstack, toMatrix, type Matrix, type NumericInput } from "../../data/matrix.js";
import { checkMinRows, checkNotConstant, checkSameRows } from "../../data/validate.js";
import { publicOptions, resolveOptions } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import { toBase } from "../../wasm/math.js";
import { withKernels } from "../../wasm/scope.js";
import { gmmCategorical, type GmmCategoricalResult } from "./categorical.js";
import { mixtureToModel, type GmmModel } from "./model.js";
import { gmmSpecs, type GmmOptions, type GmmResolved } from "./options.js";
import { runPipeline, type Functional } from "./pipeline.js";
import type { SelectionEntry } from "./selectComponents.js";
import type { Term } from "./terms.js";

/** An estimate with its bootstrap distribution. */
export interface Estimate {
  value: number;
  std: number;
  samples: Float64Array;
}

/** Fields every GMM-family result carries. */
export interface GmmResultBase {
  /** Every EM fit converged (selection, full fit, bootstrap). */
  converged: boolean;
  /** EM fits run, how many hit maxIter, their total iterations, and the largest regCovar used. */
  diagnostics: { fits: number; nonConverged: number; iterations: number; regCovarUsed: number };
  n: number;
  dimX: number;
  dimY: number;
  seconds: number;
  options: GmmResolved;
  warnings: string[];
}

export interface GmmResult extends GmmResultBase {
  /** Mean of the bootstrap replicates' MI (in the requested base; nats by default). */
  mi: number;
  /** Sample standard deviation (ddof 1) of the replicates. */
  std: number;
  /** Every replicate's MI. */
  samples: Float64Array;
  /** Monte Carlo standard error of `mi`: √(Σ_b se_b²) / B, where se_b is replicate b's MC
   *  standard error (0 when every fit had one component: exact formula). */
  mcStdErr: number;
  /** Components of the selected mixture. */
  components: number;
  /** Per component count tried: metric, validation log-likelihoods, AIC, BIC. */
  selection: SelectionEntry[];
  /** The selected mixture refitted on all rows (JSON-serialisable). */
  model: GmmModel;
  /** With `entropies: true`: H(X), H(Y), H(X,Y) with their bootstrap std. */
  entropies?: { x: Estimate; y: Estimate; xy: Estimate };
  /** With `kl`: KL(p_X ‖ p_Y) ("forward") or KL(p_Y ‖ p_X) ("reverse") between the fitted marginals. */
  kl?: Estimate & { direction: "forward" | "reverse" };
}

const FN = "gmmMI";

export function estimate(values: Float64Array, conv: (v: number) => number): Estimate {
  const samples = values.map(conv);
  return { value: mean(samples), std: sampleStd(samples), samples };
}

/** Checks shared by the GMM estimators; returns the variables as matrices. */
export function readContinuous(fn: string, vars: [unknown, string][], o: GmmResolved): Matrix[] {
  const ms = vars.map(([v, arg]) => toMatrix(v, { fn, arg }));
  for (let i = 1; i < ms.length; i++) checkSameRows(fn, ms[0], vars[0][1], ms[i], vars[i][1]);
  ms.forEach((m, i) => checkNotConstant(fn, m, vars[i][1]));
  const d = ms.reduce((s, m) => s + m.cols, 0);
  checkMinRows(fn, ms[0], vars[0][1], Math.max(2 * o.nFolds, d + 1), `for ${o.nFolds}-fold cross-validation of a ${d}-dimensional mixture`);
  if (o.components !== null && o.components * o.nFolds > ms[0].rows) {
    throw new MIInputError("too-few-samples", `${fn}: ${o.components} components cannot be fitted on ${ms[0].rows} rows split into ${o.nFolds} folds; lower options.components.`, { fn, arg: "options.components" });
  }
  return ms;
}

/** GMM-MI (Piras et al. 2023): mutual information between x and y from Gaussian mixtures fitted
 *  by EM from several initialisations, the number of components chosen by k-fold
 *  cross-validation (or AIC/BIC), bootstrap refits, and Monte Carlo integration — with the
 *  bootstrap distribution as the uncertainty. With `discreteY: true`, y holds class labels. */
export async function gmmMI(x: NumericInput, y: ArrayLike<string | number | boolean>, options: GmmOptions & { discreteY: true }): Promise<GmmCategoricalResult>;
export async function gmmMI(x: NumericInput, y: NumericInput, options?: GmmOptions & { discreteY?: false }): Promise<GmmResult>;
export async function gmmMI(x: NumericInput, y: NumericInput | ArrayLike<string | number | boolean>, options?: GmmOptions): Promise<GmmResult | GmmCategoricalResult>;
export async function gmmMI(x: NumericInput, y: NumericInput | ArrayLike<string | number | boolean>, options?: GmmOptions): Promise<GmmResult | GmmCategoricalResult> {
  const t0 = clock();
  const o = resolveOptions<GmmResolved>(FN, options, gmmSpecs);
  if (o.discreteY) return gmmCategorical(FN, x, y, o, t0);
  if (o.priors !== "empirical") {
    throw new MIInputError("invalid-option", `${FN}: options.priors applies only with discreteY: true.`, { fn: FN, arg: "options.priors" });
  }
  const [mx, my] = readContinuous(FN, [[x, "x"], [y, "y"]], o);
  if (o.kl && mx.cols !== my.cols) {
    throw new MIInputError("invalid-option", `${FN}: options.kl compares the X and Y marginals, which needs dimX = dimY (got ${mx.cols} and ${my.cols}).`, { fn: FN, arg: "options.kl" });
  }
  const progress = new Progress(FN, o.signal, o.onProgress);
  const joint = hstack(mx, my);
  const xCols = Array.from({ length: mx.cols }, (_, i) => i);
  const yCols = Array.from({ length: my.cols }, (_, i) => mx.cols + i);
  const all = [...xCols, ...yCols];
  const terms: Term[] = [{ dens: all }, { dens: xCols }, { dens: yCols }];
  const functionals: Functional[] = [{ name: "mi", coeffs: [1, -1, -1] }];
  if (o.entropies) {
    functionals.push({ name: "hxy", coeffs: [-1, 0, 0] }, { name: "hx", coeffs: [0, -1, 0] }, { name: "hy", coeffs: [0, 0, -1] });
  }
  if (o.kl) {
    // forward: E_{p_X}[ln p_X(u) − ln p_Y(u)]; reverse: E_{p_Y}[ln p_Y(u) − ln p_X(u)]
    terms.push(o.kl === "forward" ? { dens: yCols, input: xCols } : { dens: xCols, input: yCols });
    functionals.push({ name: "kl", coeffs: o.kl === "forward" ? [0, 1, 0, -1] : [0, 0, 1, -1] });
  }
  return withKernels(async (s) => {
    const out = await runPipeline(FN, s, joint, o, progress, terms, functionals);
    const conv = toBase(s, o.base);
    const mi = estimate(out.values.mi, conv);
    const result: GmmResult = {
      mi: mi.value,
      std: mi.std,
      samples: mi.samples,
      mcStdErr: conv(out.mcStdErr.mi),
      components: out.components,
      selection: out.selection,
      model: mixtureToModel(out.full, xCols, yCols),
      converged: out.converged,
      diagnostics: { fits: out.fits, nonConverged: out.nonConverged, iterations: out.iterations, regCovarUsed: out.regCovarUsed },
      n: joint.rows,
      dimX: mx.cols,
      dimY: my.cols,
      seconds: 0,
      options: publicOptions(o),
      warnings: out.warnings,
    };
    if (o.entropies) result.entropies = { x: estimate(out.values.hx, conv), y: estimate(out.values.hy, conv), xy: estimate(out.values.hxy, conv) };
    if (o.kl) result.kl = { ...estimate(out.values.kl, conv), direction: o.kl };
    result.seconds = (clock() - t0) / 1000;
    return result;
  });
}
