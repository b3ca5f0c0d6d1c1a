import { MIInputError } from "../../errors.js";
import { toLabels, type Labels } from "../../data/labels.js";
import { toMatrix, type Matrix, type NumericInput } from "../../data/matrix.js";
import { checkNotConstant, checkSameRows } from "../../data/validate.js";
import { bool, commonSpecs, int, num, oneOf, publicOptions, resolveOptions, type CommonOptions } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { withKernels, type Scope } from "../../wasm/scope.js";
import { continuousPlan } from "./continuousPlan.js";
import { permutationTest } from "./permutationTest.js";
import { pluginPlan } from "./pluginPlan.js";
import { prepareContinuous } from "./prepareContinuous.js";
import { rossPlan } from "./rossPlan.js";

const FN = "ksgMI";

export interface KsgOptions extends CommonOptions {
  /** Neighbours (k-th nearest in the joint space). Default 3. Must be < the number of rows. */
  k?: number;
  /** KSG estimator 1 (scikit-learn's, strict counts inside the joint radius) or 2. Default 1. */
  algorithm?: 1 | 2;
  /** Divide each continuous column by its population standard deviation (no centring). Default true. */
  standardize?: boolean;
  /** Jitter: noise · max(1, mean |column|) · N(0, 1) added to each continuous column after
   *  standardizing, from the stream (seed, "noise"). Default 1e-10; 0 disables. */
  noise?: number;
  /** x is a label variable (numbers, strings or booleans, one per row). Default false. */
  discreteX?: boolean;
  /** y is a label variable. Default false. */
  discreteY?: boolean;
  /** Permutation test replicates (0: none). Default 0. */
  permutations?: number;
}

export type KsgResolvedOptions = Required<Omit<KsgOptions, "signal" | "onProgress">> & Pick<KsgOptions, "signal" | "onProgress">;

export interface KsgResult {
  /** max(0, miRaw) in the requested base, as scikit-learn reports it (MI is never negative). */
  mi: number;
  /** The estimate before clipping (can be slightly negative near independence; average this one). */
  miRaw: number;
  /** "ksg1" / "ksg2" (both continuous), "ross" (one discrete), "plugin" (both discrete). */
  method: "ksg1" | "ksg2" | "ross" | "plugin";
  /** Rows used (for "ross", rows of labels seen only once are dropped). */
  n: number;
  dimX: number;
  dimY: number;
  k: number;
  seconds: number;
  options: KsgResolvedOptions;
  warnings: string[];
  /** With `permutations` > 0: (#{null ≥ miRaw} + 1) / (permutations + 1). */
  pValue?: number;
  /** With `permutations` > 0: mean and sample std (ddof 1) of the null estimates (unclipped). */
  nullMean?: number;
  nullStd?: number;
  /** With `permutations` > 0: the null estimates themselves (unclipped, requested base). */
  nullSamples?: Float64Array;
}

const specs = {
  ...commonSpecs,
  k: { default: 3, check: int(1) },
  algorithm: { default: 1, check: oneOf(1, 2) },
  standardize: { default: true, check: bool },
  noise: { default: 1e-10, check: num(0) },
  discreteX: { default: false, check: bool },
  discreteY: { default: false, check: bool },
  permutations: { default: 0, check: int(0, 1_000_000) },
};

type Variable = { kind: "continuous"; m: Matrix } | { kind: "discrete"; l: Labels };

function readVariable(value: unknown, arg: "x" | "y", discrete: boolean): Variable {
  if (discrete) {
    const l = toLabels(value, { fn: FN, arg });
    if (l.classes.length < 2) {
      throw new MIInputError(
        "too-few-classes",
        `${FN}: ${arg} has a single label (${JSON.stringify(l.classes[0])}); a variable that never changes has no ` +
          `mutual information with anything. Drop it, or check that discrete${arg.toUpperCase()} is meant.`,
        { fn: FN, arg },
      );
    }
    return { kind: "discrete", l };
  }
  const m = toMatrix(value, { fn: FN, arg });
  checkNotConstant(FN, m, arg);
  return { kind: "continuous", m };
}

/**
 * Mutual information by k-nearest neighbours: KSG (Kraskov, Stögbauer & Grassberger 2004) for two
 * continuous variables of any dimension (max norm in the joint space), Ross (2014) when one is
 * discrete, the plug-in estimate when both are. Matches scikit-learn's mutual_info_regression /
 * mutual_info_classif on one-dimensional data. Neighbour searches run in WebAssembly with k-d
 * trees (sorted arrays for one-dimensional marginals): O(N log N) time, O(N) memory.
 */
export async function ksgMI(x: NumericInput | ArrayLike<unknown>, y: NumericInput | ArrayLike<unknown>, options?: KsgOptions): Promise<KsgResult> {
  const t0 = clock();
  const o = resolveOptions<KsgResolvedOptions>(FN, options, specs);
  const progress = new Progress(FN, o.signal, o.onProgress);
  const vx = readVariable(x, "x", o.discreteX);
  const vy = readVariable(y, "y", o.discreteY);
  const rx = vx.kind === "continuous" ? vx.m : vx.l;
  const ry = vy.kind === "continuous" ? vy.m : vy.l;
  checkSameRows(FN, rx, "x", ry, "y");
  const n = rx.rows;
  if (o.k >= n) {
    throw new MIInputError(
      "too-few-samples",
      `${FN}: options.k = ${o.k} needs more rows than neighbours; x and y have ${n}. Use k ≤ ${n - 1} (k = 3 is usual) or more data.`,
      { fn: FN, arg: "options.k" },
    );
  }
  const dimX = vx.kind === "continuous" ? vx.m.cols : 1;
  const dimY = vy.kind === "continuous" ? vy.m.cols : 1;
  const warnings: string[] = [];

  return withKernels(async (s: Scope) => {
    const lnBase = o.base === Math.E ? 1 : logOf(s, o.base);
    let method: KsgResult["method"];
    let used = n;
    let miRaw: number;
    let estimateIdx: (idx: number) => number;
    await progress.step("neighbours", 0, 1);

    if (vx.kind === "continuous" && vy.kind === "continuous") {
      method = o.algorithm === 1 ? "ksg1" : "ksg2";
      const px = prepareContinuous(s, vx.m, o.standardize, o.noise, o.seed, 0);
      const py = prepareContinuous(s, vy.m, o.standardize, o.noise, o.seed, 1);
      const plan = continuousPlan(s, px, dimX, py, dimY, n, o.k, o.algorithm);
      miRaw = plan.estimate(0);
      const z = plan.zeroRadius();
      if (z > 0) {
        warnings.push(
          `${z} of ${n} rows have at least k = ${o.k} exact duplicates in the joint space (k-th neighbour at distance 0); ` +
            `KSG assumes continuous data. Counts there follow scikit-learn (points at distance 0 are counted). ` +
            `Keep the default noise, or treat the variable as discrete (discreteX / discreteY).`,
        );
      }
      estimateIdx = (idx) => plan.estimate(idx);
    } else if (vx.kind === "discrete" && vy.kind === "discrete") {
      method = "plugin";
      const plan = pluginPlan(s, vx.l.codes, vx.l.classes.length, vy.l.classes.length);
      miRaw = plan.estimate(vy.l.codes);
      const shuffled = new Int32Array(n);
      estimateIdx = (idx) => {
        const p = s.i32(idx, n);
        for (let i = 0; i < n; i++) shuffled[i] = vy.l.codes[p[i]];
        return plan.estimate(shuffled);
      };
    } else {
      method = "ross";
      const cont = (vx.kind === "continuous" ? vx.m : (vy as { m: Matrix }).m);
      const lab = (vx.kind === "discrete" ? vx.l : (vy as { l: Labels }).l);
      const pc = prepareContinuous(s, cont, o.standardize, o.noise, o.seed, vx.kind === "continuous" ? 0 : 1);
      const plan = rossPlan(s, pc, n, cont.cols, lab.classes.length, o.k);
      const first = plan.estimate(lab.codes);
      used = first.used;
      if (used < 2) {
        throw new MIInputError(
          "class-too-small",
          `${FN}: every label of ${vx.kind === "discrete" ? "x" : "y"} occurs only once; the Ross estimator needs labels ` +
            `seen at least twice. Group rare labels or collect more rows.`,
          { fn: FN, arg: vx.kind === "discrete" ? "x" : "y" },
        );
      }
      if (used < n) warnings.push(`${n - used} rows whose label occurs only once were dropped (as scikit-learn does); n = ${used}.`);
      if (first.zeroRadius > 0) {
        warnings.push(
          `${first.zeroRadius} rows have their k-th same-label neighbour at distance 0 (exact duplicates); the ` +
            `continuous variable should be continuous. Keep the default noise.`,
        );
      }
      miRaw = first.mi;
      const shuffled = new Int32Array(n);
      estimateIdx = (idx) => {
        const p = s.i32(idx, n);
        for (let i = 0; i < n; i++) shuffled[i] = lab.codes[p[i]];
        return plan.estimate(shuffled).mi;
      };
    }
    await progress.step("neighbours", 1, 1);

    const result: KsgResult = {
      mi: (miRaw > 0 ? miRaw : 0) / lnBase,
      miRaw: miRaw / lnBase,
      method,
      n: used,
      dimX,
      dimY,
      k: o.k,
      seconds: 0,
      options: publicOptions(o),
      warnings,
    };
    if (o.permutations > 0) {
      const t = await permutationTest(s, n, o.permutations, o.seed, miRaw, estimateIdx, progress);
      result.pValue = t.pValue;
      result.nullMean = t.nullMean / lnBase;
      result.nullStd = t.nullStd / lnBase;
      result.nullSamples = t.nullSamples.map((v) => v / lnBase);
    }
    result.seconds = (clock() - t0) / 1000;
    return result;
  });
}

function logOf(s: Scope, v: number): number {
  const p = s.writeF64([v]);
  s.k.special_log(p, p, 1);
  const r = s.f64(p, 1)[0];
  s.free(p);
  return r;
}
