import { MIInputError, MINumericError } from "../../errors.js";
import { toMatrix, type Matrix, type NumericInput } from "../../data/matrix.js";
import { checkSeed } from "../../random.js";
import { toBase } from "../../wasm/math.js";
import { withKernels } from "../../wasm/scope.js";
import type { GmmModel, Mixture } from "./model.js";
import { combine, termMoments } from "./terms.js";
import { freeMixture, writeMixture } from "./wasmMixture.js";

function bad(fn: string, msg: string): never {
  throw new MIInputError("invalid-model", `${fn}: ${msg}`, { fn, arg: "model" });
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Check a model object (e.g. parsed JSON) and return it typed. Accepts the JSON text too. */
export function gmmModelFromJSON(json: string | unknown): GmmModel {
  const fn = "gmmModelFromJSON";
  let m: any;
  try {
    m = typeof json === "string" ? JSON.parse(json) : json;
  } catch (e) {
    bad(fn, `not valid JSON (${(e as Error).message}).`);
  }
  if (!m || typeof m !== "object" || m.type !== "gmm") bad(fn, 'expected an object with type "gmm" (a result.model of gmmMI).');
  if (m.version !== 1) bad(fn, `unsupported model version ${String(m.version)} (this version reads 1).`);
  const K = m.components, d = m.dim;
  if (!Number.isInteger(K) || K < 1 || !Number.isInteger(d) || d < 1) bad(fn, "components and dim must be positive integers.");
  if (!Array.isArray(m.weights) || m.weights.length !== K || !m.weights.every((w: unknown) => isNum(w) && w >= 0)) bad(fn, `weights must be ${K} non-negative numbers.`);
  let wsum = 0;
  for (const w of m.weights) wsum += w;
  if (Math.abs(wsum - 1) > 1e-6) bad(fn, `weights sum to ${wsum}, not 1.`);
  if (!Array.isArray(m.means) || m.means.length !== K || !m.means.every((r: unknown) => Array.isArray(r) && r.length === d && r.every(isNum))) bad(fn, `means must be ${K} arrays of ${d} numbers.`);
  if (!Array.isArray(m.covariances) || m.covariances.length !== K) bad(fn, `covariances must hold ${K} matrices.`);
  m.covariances.forEach((c: unknown, k: number) => {
    if (!Array.isArray(c) || c.length !== d || !c.every((r: unknown) => Array.isArray(r) && r.length === d && r.every(isNum))) bad(fn, `covariances[${k}] must be ${d}×${d} numbers.`);
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) {
      const u = (c as number[][])[a][b], v = (c as number[][])[b][a];
      if (Math.abs(u - v) > 1e-9 * Math.max(1, Math.abs(u))) bad(fn, `covariances[${k}] is not symmetric at (${a}, ${b}).`);
    }
  });
  for (const key of ["xCols", "yCols", "zCols"]) {
    const cols = m[key];
    if (cols === undefined && key === "zCols") continue;
    if (!Array.isArray(cols) || !cols.every((c: unknown) => Number.isInteger(c) && (c as number) >= 0 && (c as number) < d)) bad(fn, `${key} must list column indices below ${d}.`);
  }
  return m as GmmModel;
}

export function modelToMixture(m: GmmModel): Mixture {
  const { components: K, dim: d } = m;
  return {
    K,
    d,
    weights: Float64Array.from(m.weights),
    means: Float64Array.from(m.means.flat()),
    covariances: Float64Array.from(m.covariances.flat(2)),
  };
}

function checkCols(fn: string, m: GmmModel, cols: number[] | undefined): number[] {
  const c = cols ?? Array.from({ length: m.dim }, (_, i) => i);
  if (!c.length || !c.every((v) => Number.isInteger(v) && v >= 0 && v < m.dim) || new Set(c).size !== c.length) {
    throw new MIInputError("invalid-option", `${fn}: options.cols must be distinct column indices below ${m.dim}.`, { fn, arg: "options.cols" });
  }
  return c;
}

/** ln p(points) under the model, or under its marginal over `cols` (points then hold those columns). */
export async function gmmLogDensity(model: GmmModel, points: NumericInput, options: { cols?: number[] } = {}): Promise<Float64Array> {
  const fn = "gmmLogDensity";
  const m = gmmModelFromJSON(model);
  const cols = checkCols(fn, m, options.cols);
  const pts = toMatrix(points, { fn, arg: "points" });
  if (pts.cols !== cols.length) {
    throw new MIInputError("not-rectangular", `${fn}: points have ${pts.cols} columns but the density is over ${cols.length}.`, { fn, arg: "points" });
  }
  return withKernels((s) => {
    const mix = modelToMixture(m);
    const mp = writeMixture(s, mix);
    const cp = s.writeI32(cols);
    const pp = s.writeF64(pts.data);
    const work = s.allocF64(s.k.gmm_logpdf_work_f64(mix.K, cols.length));
    const out = s.allocF64(pts.rows);
    const code = s.k.gmm_logpdf(mp.w, mp.mu, mp.cov, mix.K, mix.d, cp, cols.length, pp, pts.rows, work, out);
    if (code !== 0) throw new MINumericError("non-finite-result", `${fn}: component ${-code - 1}'s covariance is not positive definite.`);
    const r = s.readF64(out, pts.rows);
    freeMixture(s, mp);
    return r;
  });
}

/** n draws from the model (rows × dim), from the stream (seed, "task", 0). */
export async function gmmSample(model: GmmModel, n: number, options: { seed?: number } = {}): Promise<Matrix> {
  const fn = "gmmSample";
  const m = gmmModelFromJSON(model);
  if (!Number.isInteger(n) || n < 0) throw new MIInputError("invalid-argument", `${fn}: n must be a non-negative integer, got ${n}.`, { fn, arg: "n" });
  const seed = checkSeed(fn, options.seed ?? 0);
  return withKernels((s) => {
    const mix = modelToMixture(m);
    const mp = writeMixture(s, mix);
    const out = s.allocF64(Math.max(1, n * mix.d));
    const work = s.allocF64(mix.K * mix.d * mix.d + mix.d);
    const code = s.k.gmm_sample(mp.w, mp.mu, mp.cov, mix.K, mix.d, n, s.rng(seed, "task", 0), work, out);
    if (code !== 0) throw new MINumericError("non-finite-result", `${fn}: component ${-code - 1}'s covariance is not positive definite.`);
    return { data: s.readF64(out, n * mix.d), rows: n, cols: mix.d };
  });
}

export interface ModelEvalOptions {
  /** Monte Carlo draws (exact formula when the model has one component). Default 1e5. */
  mcSamples?: number;
  /** Seed of the Monte Carlo stream (seed, "monteCarlo", 0). Default 0. */
  seed?: number;
  /** Logarithm base of the result. Default e (nats). */
  base?: number;
}

async function evalModel(fn: string, model: GmmModel, terms: { dens: number[] }[], coeffs: number[], o: ModelEvalOptions): Promise<{ value: number; mcStdErr: number }> {
  const m = gmmModelFromJSON(model);
  const seed = checkSeed(fn, o.seed ?? 0);
  const M = o.mcSamples ?? 100_000;
  if (!Number.isInteger(M) || M < 2) throw new MIInputError("invalid-option", `${fn}: options.mcSamples must be an integer ≥ 2.`, { fn, arg: "options.mcSamples" });
  const base = o.base ?? Math.E;
  if (!(base > 1) || !Number.isFinite(base)) throw new MIInputError("invalid-option", `${fn}: options.base must be a finite number > 1.`, { fn, arg: "options.base" });
  return withKernels((s) => {
    const tm = termMoments(s, modelToMixture(m), terms, M, s.rng(seed, "monteCarlo", 0));
    const c = combine(tm, coeffs);
    const conv = toBase(s, base);
    return { value: conv(c.value), mcStdErr: conv(c.mcStdErr) };
  });
}

/** I(X;Y) of a saved model (X and Y as its xCols and yCols), by Monte Carlo with a given seed. */
export async function gmmModelMI(model: GmmModel, options: ModelEvalOptions = {}): Promise<{ mi: number; mcStdErr: number }> {
  const m = gmmModelFromJSON(model);
  const r = await evalModel("gmmModelMI", m, [{ dens: [...m.xCols, ...m.yCols] }, { dens: m.xCols }, { dens: m.yCols }], [1, -1, -1], options);
  return { mi: r.value, mcStdErr: r.mcStdErr };
}

/** Differential entropy of a saved model's marginal over `cols` (default: all dimensions). */
export async function gmmModelEntropy(model: GmmModel, options: ModelEvalOptions & { cols?: number[] } = {}): Promise<{ entropy: number; mcStdErr: number }> {
  const m = gmmModelFromJSON(model);
  const cols = checkCols("gmmModelEntropy", m, options.cols);
  const r = await evalModel("gmmModelEntropy", m, [{ dens: cols }], [-1], options);
  return { entropy: r.value, mcStdErr: r.mcStdErr };
}
