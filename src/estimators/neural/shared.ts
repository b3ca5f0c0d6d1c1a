// Helpers shared by the neural estimators: input checks, the train/test split, unit conversion.
import { toMatrix, type Matrix } from "../../data/matrix.js";
import { checkMinRows, checkNotConstant, checkSameRows } from "../../data/validate.js";
import { MIInputError } from "../../errors.js";
import type { Check } from "../../options.js";
import type { Scope } from "../../wasm/scope.js";

/** Validate x and y as paired numeric samples with at least `min` rows. */
export function pairedInput(fn: string, x: unknown, y: unknown, min: number, why: string): { X: Matrix; Y: Matrix } {
  const X = toMatrix(x, { fn, arg: "x" });
  const Y = toMatrix(y, { fn, arg: "y" });
  checkSameRows(fn, X, "x", Y, "y");
  checkMinRows(fn, X, "x", min, why);
  checkNotConstant(fn, X, "x");
  checkNotConstant(fn, Y, "y");
  return { X, Y };
}

/** Check for an array of layer widths. */
export const widths: Check = (v) =>
  Array.isArray(v) && v.length >= 1 && v.length <= 8 && v.every((w) => Number.isInteger(w) && w >= 1 && w <= 4096)
    ? null
    : "an array of 1 to 8 integer layer widths from 1 to 4096";

/** Rows of `m` in the order `idx`. */
export function takeRows(m: Matrix, idx: ArrayLike<number>): Matrix {
  const out = new Float64Array(idx.length * m.cols);
  for (let i = 0; i < idx.length; i++) out.set(m.data.subarray(idx[i] * m.cols, (idx[i] + 1) * m.cols), i * m.cols);
  return { data: out, rows: idx.length, cols: m.cols };
}

/** Split row indices 0..n−1 into held-out (the first ⌊n·testFraction⌋ of a shuffle keyed by the
 *  seed and the "split" purpose) and training rows. testFraction 0 → every row in both. */
export function splitRows(s: Scope, fn: string, n: number, testFraction: number, seed: number, minTrain: number): { train: Int32Array; test: Int32Array } {
  if (testFraction === 0) {
    const all = Int32Array.from({ length: n }, (_, i) => i);
    return { train: all, test: all };
  }
  const nTest = Math.floor(n * testFraction);
  if (nTest < 2 || n - nTest < minTrain) {
    throw new MIInputError(
      "too-few-samples",
      `${fn}: with ${n} rows and testFraction ${testFraction}, ${nTest} rows are held out and ${n - nTest} train; ` +
        `at least 2 held-out and ${minTrain} training rows are needed. Pass more data or change options.testFraction.`,
      { fn, arg: "options.testFraction" },
    );
  }
  const p = s.writeI32(Int32Array.from({ length: n }, (_, i) => i));
  s.k.rng_shuffle_i32(s.rng(seed, "split"), p, n);
  const order = s.readI32(p, n);
  s.free(p);
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}

/** Natural log through the WASM kernel (host Math.log may differ between engines). */
export function wasmLog(s: Scope, v: number): number {
  const p = s.writeF64([v]);
  s.k.special_log(p, p, 1);
  const r = s.f64(p, 1)[0];
  s.free(p);
  return r;
}

/** Divide nats by ln(base). */
export function nats(s: Scope, base: number): (v: number) => number {
  if (base === Math.E) return (v) => v;
  const lb = wasmLog(s, base);
  return (v) => v / lb;
}
