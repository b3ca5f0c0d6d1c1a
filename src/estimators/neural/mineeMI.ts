// MI-NEE (Chan et al., "Neural entropic estimation"): three networks estimate the divergences of
// P_XY, P_X and P_Y from reference distributions — uniform on the data's bounding box (the
// paper's) or a product of normals; since the XY reference is the product of the X and Y
// references, the reference terms cancel and I(X; Y) = D(XY) − D(X) − D(Y). The estimate is evaluated on the data every `evalEvery` steps
// and averaged over the evaluations in the last `averageLast` of the steps.
import type { Matrix } from "../../data/matrix.js";
import { MINumericError } from "../../errors.js";
import { commonSpecs, int, num, oneOf, publicOptions, resolveOptions, type CommonOptions, type OptionSpecs } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import { withKernels } from "../../wasm/scope.js";
import { allocNetwork, Init, type ActivationName } from "./network.js";
import { nats, pairedInput, splitRows, takeRows, widths } from "./shared.js";
import { MARGINAL_MAPS, mapMarginals, type MarginalMap } from "../../data/marginals.js";

export type MineeReference = "uniform" | "normal";

export interface MineeOptions extends CommonOptions {
  /** Map applied to every column first: "normalScores" (Φ⁻¹ of the mid-rank; the default),
   *  "standardize" (mean 0, sd 1) or "none". Each is monotone per coordinate, so MI is unchanged. */
  marginals?: MarginalMap;
  /** Hidden layer widths of each of the three networks. */
  hiddenSizes?: number[];
  activation?: Exclude<ActivationName, "tanh-linear">;
  /** Standard deviation of the N(0, σ²) initial weights (biases start at 0). */
  initStd?: number;
  learningRate?: number;
  batchSize?: number;
  /** Reference samples per data sample in each training batch. */
  refFactor?: number;
  /** Adam steps of each network. */
  steps?: number;
  /** Steps between evaluations of the estimate on the data (0: only after the last step). */
  evalEvery?: number;
  /** Fraction of the steps at the end whose evaluations are averaged into the estimate. */
  averageLast?: number;
  /** Reference points per evaluation: at least this many and at least refFactor × rows. */
  evalRefSize?: number;
  /** Reference distribution: "uniform" on the bounding box (the paper's), "normal", the product
   *  of normals with each column's mean and sd (works in more dimensions), or "auto" (the
   *  default): uniform up to 3 joint dimensions, normal from 4 on. */
  reference?: MineeReference | "auto";
  /** Fraction of rows held out for the final estimate; 0 (the paper's way) evaluates on all rows. */
  testFraction?: number;
  nRuns?: number;
}

export interface MineeResult {
  mi: number;
  std: number;
  runs: number[];
  /** Mean over runs of the estimate on the training rows (equals mi when testFraction is 0). */
  trainMI: number;
  /** Per run, per evaluation: D(XY) − D(X) − D(Y) from the mean training-batch bounds since the
   *  previous evaluation. */
  trace: number[][];
  /** Per run, per evaluation (every `evalEvery` steps and after the last): the estimate on the
   *  evaluation rows. */
  evalTrace: number[][];
  /** Mean over runs of the three divergence estimates behind mi. */
  divergences: { xy: number; x: number; y: number };
  /** The reference distribution used (what "auto" chose). */
  reference: MineeReference;
  n: number;
  dimX: number;
  dimY: number;
  seconds: number;
  options: Required<Omit<MineeOptions, "signal" | "onProgress">>;
  warnings: string[];
}

// Defaults. Batch 100 and reference factor 10 are the paper's. Its other settings (2 × 100 ELU,
// N(0, 0.02²) weights, Adam at 1e-4 for tens of thousands of iterations) are replaced, after
// measurement, by settings that converge in seconds: with weights that small the first thousands
// of steps are a plateau (lr 1e-4, 4000 steps gave 0.28 on MG(0.9), n = 400, truth 0.41), while
// N(0, 0.2²) weights and lr 3e-3 level the three bounds off within ~1000 steps on n = 400…5000
// rows; 2 × 16 units gave the same estimates as 2 × 32 (MG(0.9), normal ρ = 0.6 and 0.9, four
// dimensions) at 2.5 times less work per step. Training far longer lets the networks fit
// individual rows (the estimate drifts up slowly), so the step count is fixed rather than "until
// converged". Adam's jitter at this rate (±0.02 nat between evaluations) and the
// reference-sampling error of one evaluation (several hundredths with 4000 points: the (X, Y)
// network is peaked) are reduced by evaluating with ≥ 20000 reference points and averaging the
// evaluations over the last 30 % of the steps — the paper smooths its per-iteration estimates
// with a moving average to the same end.
const specs: OptionSpecs = {
  ...commonSpecs,
  hiddenSizes: { default: [16, 16], check: widths },
  activation: { default: "elu", check: oneOf("relu", "elu", "tanh") },
  initStd: { default: 0.2, check: num(0, 10, { minExclusive: true }) },
  learningRate: { default: 3e-3, check: num(0, 1, { minExclusive: true }) },
  batchSize: { default: 100, check: int(2, 65536) },
  refFactor: { default: 10, check: int(1, 1000) },
  steps: { default: 1500, check: int(1, 10_000_000) },
  evalEvery: { default: 100, check: int(0, 10_000_000) },
  averageLast: { default: 0.3, check: num(0, 1) },
  evalRefSize: { default: 20000, check: int(1, 10_000_000) },
  reference: { default: "auto", check: oneOf("auto", "uniform", "normal") },
  testFraction: { default: 0, check: num(0, 0.9) },
  marginals: { default: "normalScores", check: oneOf(...MARGINAL_MAPS) },
  nRuns: { default: 1, check: int(1, 1000) },
};

/** Reference parameters of each column: (lo, hi) of the bounding box for "uniform", (mean,
 *  population sd) for "normal" (+ − × ÷ √ only, so the same bits in every runtime). */
function referenceParams(m: Matrix, kind: MineeReference): number[] {
  if (kind === "uniform") return box(m);
  const mu = new Array<number>(m.cols).fill(0), sd = new Array<number>(m.cols).fill(0);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) mu[j] += m.data[i * m.cols + j];
  for (let j = 0; j < m.cols; j++) mu[j] /= m.rows;
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) sd[j] += (m.data[i * m.cols + j] - mu[j]) * (m.data[i * m.cols + j] - mu[j]);
  for (let j = 0; j < m.cols; j++) sd[j] = Math.sqrt(sd[j] / m.rows);
  return [...mu, ...sd];
}

function box(m: Matrix): number[] {
  const lo = new Array<number>(m.cols).fill(Infinity), hi = new Array<number>(m.cols).fill(-Infinity);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) {
    const v = m.data[i * m.cols + j];
    if (v < lo[j]) lo[j] = v;
    if (v > hi[j]) hi[j] = v;
  }
  return [...lo, ...hi];
}

function concat(a: Matrix, b: Matrix): Matrix {
  const d = a.cols + b.cols;
  const out = new Float64Array(a.rows * d);
  for (let i = 0; i < a.rows; i++) {
    out.set(a.data.subarray(i * a.cols, (i + 1) * a.cols), i * d);
    out.set(b.data.subarray(i * b.cols, (i + 1) * b.cols), i * d + a.cols);
  }
  return { data: out, rows: a.rows, cols: d };
}

/** Mutual information by MI-NEE. */
export async function mineeMI(x: unknown, y: unknown, options?: MineeOptions): Promise<MineeResult> {
  const fn = "mineeMI";
  const t0 = clock();
  const o = resolveOptions<Required<MineeOptions>>(fn, options, specs);
  const { X: X0, Y: Y0 } = pairedInput(fn, x, y, 4, "to train the divergence networks");
  const progress = new Progress(fn, o.signal, o.onProgress);
  return withKernels(async (s) => {
    const X = mapMarginals(s, X0, o.marginals), Y = mapMarginals(s, Y0, o.marginals);
    const { train, test } = splitRows(s, fn, X.rows, o.testFraction, o.seed, 2);
    const XY = concat(X, Y);
    // From 4 joint dimensions on, samples from the uniform box rarely land where the data are
    // (the estimate then collapses far below zero); "auto" takes the product of normals there.
    const reference: MineeReference = o.reference === "auto" ? (X.cols + Y.cols <= 3 ? "uniform" : "normal") : o.reference;
    // The reference parameters come from all rows (so held-out points are inside the boxes too).
    const refKind = reference === "normal" ? 1 : 0;
    const parts = [XY, X, Y].map((m) => ({
      d: m.cols,
      ref: s.writeF64(referenceParams(m, reference)),
      tr: s.writeF64(takeRows(m, train).data),
      te: s.writeF64(takeRows(m, test).data),
    }));
    const batch = Math.min(o.batchSize, train.length);
    const rows = (1 + o.refFactor) * batch;
    const nets = parts.map((p) => allocNetwork(s, { dims: [p.d, ...o.hiddenSizes, 1], activation: o.activation, rows }));
    const idx = parts.map(() => s.allocI32(train.length));
    const states = parts.map(() => s.allocF64(2));
    const chunk = o.evalEvery > 0 ? Math.min(o.evalEvery, o.steps) : o.steps;
    // Evaluations after more than this many steps are averaged into the estimate (the last one
    // always is).
    const avgFrom = o.steps - o.averageLast * o.steps;
    const runs: number[] = [], trains: number[] = [], trace: number[][] = [], evalTrace: number[][] = [];
    const divs = { xy: [] as number[], x: [] as number[], y: [] as number[] };
    for (let run = 0; run < o.nRuns; run++) {
      const rngs = parts.map((_, k) => ({ b: s.rng(o.seed, "batches", run, k), r: s.rng(o.seed, "reference", run, k) }));
      parts.forEach((_, k) => {
        s.k.nn_init(nets[k].spec, nets[k].net, s.rng(o.seed, "network", run, k), Init.normal, o.initStd);
        s.i32(idx[k], train.length).set(Int32Array.from({ length: train.length }, (_, i) => i));
        s.f64(states[k], 2).set([0, train.length]); // Adam step 0; cursor at the end: shuffle first
      });
      // Evaluation j draws its reference points from streams 3 + 6j + k (held-out or all rows)
      // and 6 + 6j + k (training rows), k = 0, 1, 2 for XY, X, Y.
      const evalOn = (which: "te" | "tr", n: number, j: number) =>
        parts.map((p, k) => s.k.nee_eval(nets[k].spec, nets[k].net, nets[k].work, p[which], n, p.d, p.ref, refKind,
          Math.max(o.refFactor * n, o.evalRefSize), s.rng(o.seed, "reference", run, 3 + 6 * j + (which === "te" ? 0 : 3) + k)));
      const tr: number[] = [], ev: number[] = [];
      const acc = [0, 0, 0], accTrain = [0, 0, 0];
      let nAvg = 0;
      for (let done = 0; done < o.steps;) {
        const m = Math.min(chunk, o.steps - done);
        const b = parts.map((p, k) => s.k.nee_train(nets[k].spec, nets[k].net, nets[k].work, p.tr, train.length, p.d, idx[k],
          p.ref, refKind, batch, o.refFactor, o.learningRate, m, rngs[k].b, rngs[k].r, states[k]));
        done += m;
        tr.push(b[0] - b[1] - b[2]);
        const d = evalOn("te", test.length, ev.length);
        ev.push(d[0] - d[1] - d[2]);
        if (done > avgFrom || done === o.steps) {
          const dt = o.testFraction === 0 ? d : evalOn("tr", train.length, ev.length - 1);
          for (let k = 0; k < 3; k++) { acc[k] += d[k]; accTrain[k] += dt[k]; }
          nAvg++;
        }
        await progress.step("train", run * o.steps + done, o.nRuns * o.steps);
      }
      const d = acc.map((v) => v / nAvg);
      const est = d[0] - d[1] - d[2];
      if (!Number.isFinite(est)) {
        throw new MINumericError("non-finite-result", `${fn}: run ${run} gave a non-finite estimate (${est}); the training diverged. Try a smaller options.learningRate.`);
      }
      runs.push(est);
      trains.push((accTrain[0] - accTrain[1] - accTrain[2]) / nAvg);
      divs.xy.push(d[0]); divs.x.push(d[1]); divs.y.push(d[2]);
      trace.push(tr);
      evalTrace.push(ev);
    }
    const u = nats(s, o.base);
    const warnings: string[] = [];
    const miNat = mean(runs);
    // In many dimensions the uniform box reference rarely lands where the data are and
    // ln E_ref[e^f] rests on a few points: the estimate can then be far below zero.
    const hint = reference === "uniform" ? `the uniform reference on the bounding box failed; try options.reference = "normal" or another estimator` : "the reference failed; use another estimator";
    if (miNat < 0) {
      warnings.push(`${fn}: the estimate is negative (${miNat}); MI is ≥ 0, so read a small negative value as ≈ 0. ` +
        `A large one (here ${X.cols + Y.cols} joint dimensions) means ${hint}.`);
    }
    return {
      mi: u(miNat),
      std: u(sampleStd(runs)),
      runs: runs.map(u),
      trainMI: u(mean(trains)),
      trace: trace.map((t) => t.map(u)),
      evalTrace: evalTrace.map((t) => t.map(u)),
      divergences: { xy: u(mean(divs.xy)), x: u(mean(divs.x)), y: u(mean(divs.y)) },
      reference,
      n: X.rows,
      dimX: X.cols,
      dimY: Y.cols,
      seconds: (clock() - t0) / 1000,
      options: publicOptions(o) as MineeResult["options"],
      warnings,
    };
  });
}
