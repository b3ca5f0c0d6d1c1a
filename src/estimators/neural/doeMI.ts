// Difference-of-entropies estimator with a block neural autoregressive flow: one B-NAF over
// (y, x) models q(x | y) with all its weights and q(x) with the blocks from y into x masked off;
// training alternates Adam steps on L1 = −mean ln q(x|y) and L2 = −mean ln q(x), and
// Î = L2 − L1 = Ĥ(X) − Ĥ(X | Y) on held-out rows.
import type { Matrix } from "../../data/matrix.js";
import { MIInputError, MINumericError } from "../../errors.js";
import { commonSpecs, int, num, publicOptions, resolveOptions, type CommonOptions, type OptionSpecs, oneOf } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import { withKernels } from "../../wasm/scope.js";
import { allocFlow } from "./flow.js";
import { nats, pairedInput, splitRows, takeRows } from "./shared.js";
import { MARGINAL_MAPS, mapMarginals, type MarginalMap } from "../../data/marginals.js";

export interface DoeOptions extends CommonOptions {
  /** Map applied to every column first: "normalScores" (Φ⁻¹ of the mid-rank; the default),
   *  "standardize" (mean 0, sd 1) or "none". Each is monotone per coordinate, so MI is unchanged. */
  marginals?: MarginalMap;
  /** Hidden units per dimension in each of the two hidden B-NAF layers. */
  hiddenPerDim?: number;
  /** Slope α of the activation tanh(z) + αz (> 0 keeps the flow onto ℝ). */
  alpha?: number;
  learningRate?: number;
  batchSize?: number;
  /** Training length: at least this many epochs, and at least `minSteps` batches. */
  epochs?: number;
  minSteps?: number;
  testFraction?: number;
  /** Share of the training rows set aside to stop training early (0: train for the whole length). */
  validationFraction?: number;
  /** Early stopping: validation checks without improvement before training stops. */
  patience?: number;
  nRuns?: number;
}

export interface DoeResult {
  mi: number;
  std: number;
  runs: number[];
  trainMI: number;
  /** Per run, per epoch: the mean over batches of L2 − L1 (training rows). */
  trace: number[][];
  /** Per run, per validation check: the validation loss L1 + L2 (nats; empty without validation). */
  validationTrace: number[][];
  /** Per run: the epoch (1-based) whose weights were kept (the best validation loss), and the
   *  epochs trained before stopping. */
  bestEpoch: number[];
  epochsRun: number[];
  /** Mean over runs of the held-out entropy estimates −mean ln q(x) and −mean ln q(x|y) (of x after the `marginals` map). */
  entropies: { x: number; xGivenY: number };
  n: number;
  dimX: number;
  dimY: number;
  seconds: number;
  options: Required<Omit<DoeOptions, "signal" | "onProgress">>;
  warnings: string[];
}

const specs: OptionSpecs = {
  ...commonSpecs,
  hiddenPerDim: { default: 8, check: int(1, 256) },
  alpha: { default: 0.2, check: num(0, 10, { minExclusive: true }) },
  learningRate: { default: 1e-2, check: num(0, 1, { minExclusive: true }) },
  batchSize: { default: 128, check: int(1, 65536) },
  epochs: { default: 50, check: int(1, 1_000_000) },
  minSteps: { default: 2000, check: int(0, 100_000_000) },
  testFraction: { default: 0.2, check: num(0, 0.9) },
  validationFraction: { default: 0.2, check: num(0, 0.5) },
  patience: { default: 5, check: int(1, 1_000_000) },
  marginals: { default: "normalScores", check: oneOf(...MARGINAL_MAPS) },
  nRuns: { default: 1, check: int(1, 1000) },
};

/** Mutual information as the difference of two flow entropy estimates. */
export async function doeMI(x: unknown, y: unknown, options?: DoeOptions): Promise<DoeResult> {
  const fn = "doeMI";
  const t0 = clock();
  const o = resolveOptions<Required<DoeOptions>>(fn, options, specs);
  const { X, Y } = pairedInput(fn, x, y, 4, "to train the flow");
  const progress = new Progress(fn, o.signal, o.onProgress);
  return withKernels(async (s) => {
    const dx = X.cols, dy = Y.cols, d = dx + dy;
    const Xs = mapMarginals(s, X, o.marginals), Ys = mapMarginals(s, Y, o.marginals);
    const YX = new Float64Array(X.rows * d);
    for (let i = 0; i < X.rows; i++) {
      YX.set(Ys.data.subarray(i * dy, (i + 1) * dy), i * d);
      YX.set(Xs.data.subarray(i * dx, (i + 1) * dx), i * d + dy);
    }
    const all: Matrix = { data: YX, rows: X.rows, cols: d };
    const { train: fit, test } = splitRows(s, fn, X.rows, o.testFraction, o.seed, 2);
    // Early stopping sets aside validationFraction of the training rows (the first ones of the
    // already shuffled split): training stops once the validation loss L1 + L2 has not improved
    // for `patience` checks, and the weights of the best check are the ones evaluated.
    const nVal = o.validationFraction > 0 ? Math.max(2, Math.floor(fit.length * o.validationFraction)) : 0;
    if (nVal > 0 && fit.length - nVal < 2) {
      throw new MIInputError("too-few-samples", `${fn}: with ${X.rows} rows, testFraction ${o.testFraction} and validationFraction ${o.validationFraction} fewer than 2 rows are left to train on. Pass more data or lower the fractions.`, { fn, arg: "options.validationFraction" });
    }
    const val = fit.subarray(0, nVal), train = fit.subarray(nVal);
    const tr = s.writeF64(takeRows(all, train).data), te = s.writeF64(takeRows(all, test).data);
    const va = nVal > 0 ? s.writeF64(takeRows(all, val).data) : 0;
    const batch = Math.min(o.batchSize, train.length);
    const f = allocFlow(s, { d, dy, hidden: o.hiddenPerDim, alpha: o.alpha, rows: Math.max(batch, 256) });
    const idx = s.allocI32(train.length);
    const state = s.allocF64(1);
    const lq = s.allocF64(Math.max(train.length, test.length, nVal));
    const meanLogQ = (data: number, n: number, marginal: number) => {
      s.k.bnaf_logq(f.spec, f.net, f.work, data, n, marginal, lq);
      return mean(s.f64(lq, n));
    };
    // Length: `epochs` epochs or `minSteps` batches, whichever is longer (small samples have few
    // batches per epoch). Validation about every 50 batches.
    const perEpoch = Math.ceil(train.length / batch);
    const maxEpochs = Math.max(o.epochs, Math.ceil(o.minSteps / perEpoch));
    const checkEvery = Math.max(1, Math.round(50 / perEpoch));
    const runs: number[] = [], trains: number[] = [], trace: number[][] = [], validationTrace: number[][] = [];
    const hx: number[] = [], hxy: number[] = [], bestEpoch: number[] = [], epochsRun: number[] = [];
    const best = new Float64Array(f.size);
    for (let run = 0; run < o.nRuns; run++) {
      s.k.bnaf_init(f.spec, f.net, s.rng(o.seed, "network", run));
      s.f64(state, 1)[0] = 0;
      s.i32(idx, train.length).set(Int32Array.from({ length: train.length }, (_, i) => i));
      const rng = s.rng(o.seed, "batches", run);
      const t: number[] = [], vt: number[] = [];
      let bestLoss = Infinity, bestAt = maxEpochs, since = 0, e = 0;
      while (e < maxEpochs) {
        t.push(s.k.bnaf_epoch(f.spec, f.net, f.work, tr, train.length, idx, batch, o.learningRate, rng, state));
        e++;
        if (nVal > 0 && (e % checkEvery === 0 || e === maxEpochs)) {
          const loss = -(meanLogQ(va, nVal, 0) + meanLogQ(va, nVal, 1));
          vt.push(loss);
          if (loss < bestLoss) {
            bestLoss = loss;
            bestAt = e;
            since = 0;
            best.set(s.f64(f.net, f.size));
          } else if (++since >= o.patience) {
            break;
          }
        }
        await progress.step("train", run * maxEpochs + e, o.nRuns * maxEpochs);
      }
      if (nVal > 0 && bestLoss < Infinity) s.f64(f.net, f.size).set(best);
      const cond = meanLogQ(te, test.length, 0), marg = meanLogQ(te, test.length, 1);
      const est = cond - marg;
      if (!Number.isFinite(est)) {
        throw new MINumericError("non-finite-result", `${fn}: run ${run} gave a non-finite estimate (${est}); the training diverged. Try a smaller options.learningRate.`);
      }
      runs.push(est);
      trains.push(meanLogQ(tr, train.length, 0) - meanLogQ(tr, train.length, 1));
      hx.push(-marg);
      hxy.push(-cond);
      trace.push(t);
      validationTrace.push(vt);
      bestEpoch.push(bestAt);
      epochsRun.push(e);
    }
    const u = nats(s, o.base);
    const warnings: string[] = [];
    const miNat = mean(runs);
    if (miNat < 0) warnings.push(`${fn}: the estimate is negative (${miNat}); MI is ≥ 0, so read this as ≈ 0.`);
    return {
      mi: u(miNat),
      std: u(sampleStd(runs)),
      runs: runs.map(u),
      trainMI: u(mean(trains)),
      trace: trace.map((r) => r.map(u)),
      validationTrace: validationTrace.map((r) => r.map(u)),
      bestEpoch,
      epochsRun,
      entropies: { x: u(mean(hx)), xGivenY: u(mean(hxy)) },
      n: X.rows,
      dimX: dx,
      dimY: dy,
      seconds: (clock() - t0) / 1000,
      options: publicOptions(o) as DoeResult["options"],
      warnings,
    };
  });
}
