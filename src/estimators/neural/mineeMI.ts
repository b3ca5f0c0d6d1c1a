// MI-NEE (Chan et al., "Neural entropic estimation"): three networks estimate the divergences of
// P_XY, P_X and P_Y from uniform distributions on the data's bounding box; since
// h(·) = ln vol(box) − D(· ‖ U) and the XY box is the product of the X and Y boxes,
// I(X; Y) = D(XY) − D(X) − D(Y).
import type { Matrix } from "../../data/matrix.js";
import { MINumericError } from "../../errors.js";
import { commonSpecs, int, num, oneOf, publicOptions, resolveOptions, type CommonOptions, type OptionSpecs } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { mean, sampleStd } from "../../summary.js";
import { withKernels } from "../../wasm/scope.js";
import { allocNetwork, Init, type ActivationName } from "./network.js";
import { nats, pairedInput, splitRows, takeRows, widths } from "./shared.js";

export interface MineeOptions extends CommonOptions {
  /** Hidden layer widths of each of the three networks. Default [100, 100]. */
  hiddenSizes?: number[];
  activation?: Exclude<ActivationName, "tanh-linear">;
  /** Standard deviation of the N(0, σ²) initial weights (biases start at 0). */
  initStd?: number;
  learningRate?: number;
  batchSize?: number;
  /** Reference samples per data sample, in training batches and in the final estimate. */
  refFactor?: number;
  epochs?: number;
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
  /** Per run, per epoch: D(XY) − D(X) − D(Y) from the mean training-batch bounds. */
  trace: number[][];
  /** Mean over runs of the three divergence estimates behind mi. */
  divergences: { xy: number; x: number; y: number };
  n: number;
  dimX: number;
  dimY: number;
  seconds: number;
  options: Required<Omit<MineeOptions, "signal" | "onProgress">>;
  warnings: string[];
}

const specs: OptionSpecs = {
  ...commonSpecs,
  hiddenSizes: { default: [100, 100], check: widths },
  activation: { default: "elu", check: oneOf("relu", "elu", "tanh") },
  initStd: { default: 0.02, check: num(0, 10, { minExclusive: true }) },
  learningRate: { default: 1e-4, check: num(0, 1, { minExclusive: true }) },
  batchSize: { default: 100, check: int(2, 65536) },
  refFactor: { default: 10, check: int(1, 1000) },
  epochs: { default: 1000, check: int(1, 1_000_000) },
  testFraction: { default: 0, check: num(0, 0.9) },
  nRuns: { default: 1, check: int(1, 1000) },
};

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
  const { X, Y } = pairedInput(fn, x, y, 4, "to train the divergence networks");
  const progress = new Progress(fn, o.signal, o.onProgress);
  return withKernels(async (s) => {
    const { train, test } = splitRows(s, fn, X.rows, o.testFraction, o.seed, 2);
    const XY = concat(X, Y);
    // The boxes come from all rows, so held-out points are inside them too.
    const parts = [XY, X, Y].map((m) => ({
      d: m.cols,
      box: s.writeF64(box(m)),
      tr: s.writeF64(takeRows(m, train).data),
      te: s.writeF64(takeRows(m, test).data),
    }));
    const batch = Math.min(o.batchSize, train.length);
    const rows = (1 + o.refFactor) * batch;
    const idx = s.allocI32(train.length);
    const nets = parts.map((p) => allocNetwork(s, { dims: [p.d, ...o.hiddenSizes, 1], activation: o.activation, rows }));
    const runs: number[] = [], trains: number[] = [], trace: number[][] = [];
    const divs = { xy: [] as number[], x: [] as number[], y: [] as number[] };
    for (let run = 0; run < o.nRuns; run++) {
      const rngs = parts.map((_, k) => ({ b: s.rng(o.seed, "batches", run, k), r: s.rng(o.seed, "reference", run, k) }));
      const states = parts.map(() => s.allocF64(1));
      parts.forEach((_, k) => {
        s.k.nn_init(nets[k].spec, nets[k].net, s.rng(o.seed, "network", run, k), Init.normal, o.initStd);
        s.f64(states[k], 1)[0] = 0;
      });
      const tr: number[] = [];
      for (let e = 0; e < o.epochs; e++) {
        const b = parts.map((p, k) => {
          s.i32(idx, train.length).set(Int32Array.from({ length: train.length }, (_, i) => i));
          return s.k.nee_epoch(nets[k].spec, nets[k].net, nets[k].work, p.tr, train.length, p.d, idx, p.box, batch, o.refFactor, o.learningRate, rngs[k].b, rngs[k].r, states[k]);
        });
        tr.push(b[0] - b[1] - b[2]);
        await progress.step("train", run * o.epochs + e + 1, o.nRuns * o.epochs);
      }
      const evalOn = (which: "te" | "tr", n: number, a: number) =>
        parts.map((p, k) => s.k.nee_eval(nets[k].spec, nets[k].net, nets[k].work, p[which], n, p.d, p.box, o.refFactor * n, s.rng(o.seed, "reference", run, a + k)));
      const d = evalOn("te", test.length, 3);
      const est = d[0] - d[1] - d[2];
      const dt = o.testFraction === 0 ? d : evalOn("tr", train.length, 6);
      if (!Number.isFinite(est)) {
        throw new MINumericError("non-finite-result", `${fn}: run ${run} gave a non-finite estimate (${est}); the training diverged. Try a smaller options.learningRate.`);
      }
      runs.push(est);
      trains.push(dt[0] - dt[1] - dt[2]);
      divs.xy.push(d[0]); divs.x.push(d[1]); divs.y.push(d[2]);
      trace.push(tr);
    }
    const u = nats(s, o.base);
    const warnings: string[] = [];
    const miNat = mean(runs);
    if (miNat < 0) warnings.push(`${fn}: the estimate is negative (${miNat}); MI is ≥ 0, so read this as ≈ 0 (or train longer).`);
    return {
      mi: u(miNat),
      std: u(sampleStd(runs)),
      runs: runs.map(u),
      trainMI: u(mean(trains)),
      trace: trace.map((t) => t.map(u)),
      divergences: { xy: u(mean(divs.xy)), x: u(mean(divs.x)), y: u(mean(divs.y)) },
      n: X.rows,
      dimX: X.cols,
      dimY: Y.cols,
      seconds: (clock() - t0) / 1000,
      options: publicOptions(o) as MineeResult["options"],
      warnings,
    };
  });
}
