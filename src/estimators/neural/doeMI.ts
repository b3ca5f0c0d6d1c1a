// Difference-of-entropies estimator with a block neural autoregressive flow: one B-NAF over
// (y, x) models q(x | y) with all its weights and q(x) with the blocks from y into x masked off;
// training alternates Adam steps on L1 = −mean ln q(x|y) and L2 = −mean ln q(x), and
// Î = L2 − L1 = Ĥ(X) − Ĥ(X | Y) on held-out rows.
import type { Matrix } from "../../data/matrix.js";
import { MINumericError } from "../../errors.js";
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
  epochs?: number;
  testFraction?: number;
  nRuns?: number;
}

export interface DoeResult {
  mi: number;
  std: number;
  runs: number[];
  trainMI: number;
  /** Per run, per epoch: the mean over batches of L2 − L1 (training rows). */
  trace: number[][];
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
  testFraction: { default: 0.2, check: num(0, 0.9) },
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
    const { train, test } = splitRows(s, fn, X.rows, o.testFraction, o.seed, 2);
    const tr = s.writeF64(takeRows(all, train).data), te = s.writeF64(takeRows(all, test).data);
    const batch = Math.min(o.batchSize, train.length);
    const f = allocFlow(s, { d, dy, hidden: o.hiddenPerDim, alpha: o.alpha, rows: Math.max(batch, 256) });
    const idx = s.allocI32(train.length);
    const state = s.allocF64(1);
    const lq = s.allocF64(Math.max(train.length, test.length));
    const meanLogQ = (data: number, n: number, marginal: number) => {
      s.k.bnaf_logq(f.spec, f.net, f.work, data, n, marginal, lq);
      return mean(s.f64(lq, n));
    };
    const runs: number[] = [], trains: number[] = [], trace: number[][] = [];
    const hx: number[] = [], hxy: number[] = [];
    for (let run = 0; run < o.nRuns; run++) {
      s.k.bnaf_init(f.spec, f.net, s.rng(o.seed, "network", run));
      s.f64(state, 1)[0] = 0;
      s.i32(idx, train.length).set(Int32Array.from({ length: train.length }, (_, i) => i));
      const rng = s.rng(o.seed, "batches", run);
      const t: number[] = [];
      for (let e = 0; e < o.epochs; e++) {
        t.push(s.k.bnaf_epoch(f.spec, f.net, f.work, tr, train.length, idx, batch, o.learningRate, rng, state));
        await progress.step("train", run * o.epochs + e + 1, o.nRuns * o.epochs);
      }
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
