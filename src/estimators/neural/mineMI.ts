// MINE (Belghazi et al. 2018): a statistics network T(x, y) trained to maximise a variational
// lower bound on I(X; Y); the bound on held-out data is the estimate.
import { MINumericError } from "../../errors.js";
import { commonSpecs, int, num, oneOf, publicOptions, resolveOptions, type CommonOptions, type OptionSpecs } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import { withKernels } from "../../wasm/scope.js";
import { allocNetwork, Init, type ActivationName } from "./network.js";
import { nats, pairedInput, splitRows, takeRows, widths } from "./shared.js";
import { MARGINAL_MAPS, mapMarginals, type MarginalMap } from "../../data/marginals.js";

export type MineObjective = "dv" | "dv-biased" | "nwj";
const OBJECTIVE: Record<MineObjective, number> = { dv: 0, "dv-biased": 1, nwj: 2 };

export interface MineOptions extends CommonOptions {
  /** Map applied to every column first: "normalScores" (Φ⁻¹ of the mid-rank; the default),
   *  "standardize" (mean 0, sd 1) or "none". Each is monotone per coordinate, so MI is unchanged. */
  marginals?: MarginalMap;
  /** "dv" (Donsker–Varadhan with the moving-average gradient correction), "dv-biased", "nwj". */
  objective?: MineObjective;
  /** Hidden layer widths of T. Default [100, 100]. */
  hiddenSizes?: number[];
  activation?: Exclude<ActivationName, "tanh-linear">;
  learningRate?: number;
  batchSize?: number;
  epochs?: number;
  /** Rate of the moving average of E[e^T] in the "dv" gradient. */
  emaRate?: number;
  /** Fraction of rows held out for the final estimate. */
  testFraction?: number;
  /** Networks trained with different seeds; mi is their mean, std their spread. */
  nRuns?: number;
  /** Permutations of y averaged in the final estimate. */
  nPermutations?: number;
}

export interface MineResult {
  mi: number;
  /** Standard deviation of the run estimates (NaN with one run). */
  std: number;
  /** Held-out estimate of each run. */
  runs: number[];
  /** Mean over runs of the same bound on the training rows. */
  trainMI: number;
  /** Per run, per epoch: the mean training-batch bound and the held-out bound (one permutation). */
  trace: { train: number[]; test: number[] }[];
  n: number;
  dimX: number;
  dimY: number;
  seconds: number;
  options: Required<Omit<MineOptions, "signal" | "onProgress">>;
  warnings: string[];
}

const specs: OptionSpecs = {
  ...commonSpecs,
  objective: { default: "dv", check: oneOf("dv", "dv-biased", "nwj") },
  hiddenSizes: { default: [100, 100], check: widths },
  activation: { default: "relu", check: oneOf("relu", "elu", "tanh") },
  learningRate: { default: 1e-3, check: num(0, 1, { minExclusive: true }) },
  batchSize: { default: 32, check: int(2, 65536) },
  epochs: { default: 50, check: int(1, 1_000_000) },
  emaRate: { default: 0.01, check: num(0, 1, { minExclusive: true, maxExclusive: true }) },
  testFraction: { default: 0.1, check: num(0, 0.9) },
  marginals: { default: "normalScores", check: oneOf(...MARGINAL_MAPS) },
  nRuns: { default: 1, check: int(1, 1000) },
  nPermutations: { default: 50, check: int(1, 100000) },
};

/** Mutual information by MINE. */
export async function mineMI(x: unknown, y: unknown, options?: MineOptions): Promise<MineResult> {
  const fn = "mineMI";
  const t0 = clock();
  const o = resolveOptions<Required<MineOptions>>(fn, options, specs);
  const { X: X0, Y: Y0 } = pairedInput(fn, x, y, 4, "to train and evaluate a statistics network");
  const progress = new Progress(fn, o.signal, o.onProgress);
  return withKernels(async (s) => {
    const X = mapMarginals(s, X0, o.marginals), Y = mapMarginals(s, Y0, o.marginals);
    const { train, test } = splitRows(s, fn, X.rows, o.testFraction, o.seed, 2);
    const Xtr = takeRows(X, train), Ytr = takeRows(Y, train), Xte = takeRows(X, test), Yte = takeRows(Y, test);
    const dx = X.cols, dy = Y.cols;
    const batch = Math.min(o.batchSize, train.length);
    const rows = Math.max(2 * batch, 256);
    const xtr = s.writeF64(Xtr.data), ytr = s.writeF64(Ytr.data);
    const xte = s.writeF64(Xte.data), yte = s.writeF64(Yte.data);
    const idx = s.writeI32(Int32Array.from({ length: train.length }, (_, i) => i));
    const perm = s.allocI32(Math.max(train.length, test.length, batch));
    const state = s.allocF64(4);
    const netw = allocNetwork(s, { dims: [dx + dy, ...o.hiddenSizes, 1], activation: o.activation, rows });
    const obj = OBJECTIVE[o.objective];
    const runs: number[] = [];
    const trains: number[] = [];
    const trace: { train: number[]; test: number[] }[] = [];
    const total = o.nRuns * o.epochs;
    for (let run = 0; run < o.nRuns; run++) {
      s.k.nn_init(netw.spec, netw.net, s.rng(o.seed, "network", run), Init.uniformFanIn, 0);
      s.f64(state, 4).fill(0);
      const rngB = s.rng(o.seed, "batches", run);
      const rngTrace = s.rng(o.seed, "permutation", run, 1);
      const tr: number[] = [], te: number[] = [];
      for (let e = 0; e < o.epochs; e++) {
        tr.push(s.k.mine_epoch(netw.spec, netw.net, netw.work, xtr, ytr, train.length, dx, dy, idx, perm, batch, obj, o.emaRate, o.learningRate, rngB, state));
        te.push(s.k.mine_eval(netw.spec, netw.net, netw.work, xte, yte, test.length, dx, dy, perm, 1, obj, rngTrace));
        await progress.step("train", run * o.epochs + e + 1, total);
      }
      const rngP = s.rng(o.seed, "permutation", run, 0);
      const est = s.k.mine_eval(netw.spec, netw.net, netw.work, xte, yte, test.length, dx, dy, perm, o.nPermutations, obj, rngP);
      const estTrain = s.k.mine_eval(netw.spec, netw.net, netw.work, xtr, ytr, train.length, dx, dy, perm, o.nPermutations, obj, rngP);
      if (!Number.isFinite(est)) {
        throw new MINumericError("non-finite-result", `${fn}: run ${run} gave a non-finite estimate (${est}); the training diverged. Try a smaller options.learningRate.`);
      }
      runs.push(est);
      trains.push(estTrain);
      trace.push({ train: tr, test: te });
    }
    const u = nats(s, o.base);
    const warnings: string[] = [];
    const miNat = mean(runs);
    if (miNat < 0) warnings.push(`${fn}: the held-out bound is negative (${miNat}); the network found no dependence. MI is ≥ 0, so read this as ≈ 0.`);
    return {
      mi: u(miNat),
      std: u(sampleStd(runs)),
      runs: runs.map(u),
      trainMI: u(mean(trains)),
      trace: trace.map((t) => ({ train: t.train.map(u), test: t.test.map(u) })),
      n: X.rows,
      dimX: dx,
      dimY: dy,
      seconds: (clock() - t0) / 1000,
      options: publicOptions(o) as MineResult["options"],
      warnings,
    };
  });
}
