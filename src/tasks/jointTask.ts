import { MIInputError } from "../errors.js";
import { withKernels } from "../wasm/scope.js";
import { checkParam, isDim } from "./checkParam.js";
import { splitRows } from "./splitRows.js";
import { defineTask, idNum, type Task } from "./task.js";
import { block, choleskyOf, digammaOf, halfLogDet, lgammaOf } from "./wasmMath.js";

export interface JointTaskSpec {
  id: string;
  name: string;
  family: string;
  description: string;
  dimX: number;
  dimY: number;
  /** (dimX + dimY)² row-major covariance (Gaussian) or dispersion (Student-t) of (X, Y). */
  matrix: ArrayLike<number>;
  params: Record<string, number>;
  /** Degrees of freedom of a multivariate Student-t; omit (or 0) for a Gaussian. */
  df?: number;
}

/** A Gaussian (df = 0) or multivariate Student-t task on (X, Y) with the given joint matrix.
 *  Truth: Gaussian MI = ½(ln det Σxx + ln det Σyy − ln det Σ); the Student-t adds
 *  g(dX) + g(dY) − g(dX + dY) − g(0), g(d) = −ln Γ((ν+d)/2) + ((ν+d)/2)(ψ((ν+d)/2) − ψ(ν/2)),
 *  from the t entropy h = ln Γ(ν/2) + (d/2) ln(νπ) + ½ ln det Σ + g(d) (marginals of a
 *  multivariate t are t with the same ν and the matching block of Σ). */
export async function jointTask(spec: JointTaskSpec): Promise<Task> {
  const { dimX, dimY } = spec;
  const d = dimX + dimY;
  const df = spec.df ?? 0;
  return withKernels((s) => {
    let chol: Float64Array;
    try {
      chol = choleskyOf(s, spec.matrix, d);
    } catch {
      throw new MIInputError("invalid-argument", `${spec.id}: the joint matrix is not positive definite.`, {
        fn: spec.id,
        arg: "matrix",
      });
    }
    const hx = halfLogDet(s, choleskyOf(s, block(spec.matrix, d, 0, dimX), dimX), dimX);
    const hy = halfLogDet(s, choleskyOf(s, block(spec.matrix, d, dimX, dimY), dimY), dimY);
    let mi = hx + hy - halfLogDet(s, chol, d);
    if (df > 0) {
      const args = [df / 2, (df + dimX) / 2, (df + dimY) / 2, (df + d) / 2];
      const lg = lgammaOf(s, ...args);
      const dg = digammaOf(s, ...args);
      const g = (i: number) => -lg[i] + args[i] * (dg[i] - dg[0]);
      mi += g(1) + g(2) - g(3) - g(0);
    }
    return defineTask({
      id: spec.id,
      name: spec.name,
      family: spec.family,
      description: spec.description,
      dimX,
      dimY,
      mi,
      miStdErr: 0,
      params: spec.params,
      drawInto(sc, n, seed) {
        const st = sc.rng(seed, "task");
        const L = sc.writeF64(chol);
        const z = sc.allocF64(d);
        const out = sc.allocF64(n * d);
        sc.k.dist_fill_mvt(st, L, z, out, n, d, df);
        return splitRows(sc, out, n, dimX, dimY);
      },
    });
  });
}

const isCorr = (v: number) => v > -1 && v < 1;

/** Bivariate normal with unit variances and correlation ρ: MI = −½ ln(1 − ρ²). */
export function bivariateNormalTask(rho: number): Promise<Task> {
  checkParam("bivariateNormalTask", "rho", rho, isCorr, "a correlation strictly between −1 and 1");
  return jointTask({
    id: `binormal-${idNum(rho)}`,
    name: `Bivariate normal 1 × 1 (ρ = ${rho})`,
    family: "binormal",
    description: "X, Y standard normal with correlation ρ.",
    dimX: 1,
    dimY: 1,
    matrix: [1, rho, rho, 1],
    params: { rho },
  });
}

/** Dense multinormal: every pair of the dimX + dimY coordinates has correlation offDiag
 *  (Beyond Normal's `multinormal-dense`). */
export function multinormalDenseTask(dimX: number, dimY: number, offDiag = 0.5): Promise<Task> {
  const fn = "multinormalDenseTask";
  checkParam(fn, "dimX", dimX, isDim, "an integer from 1 to 1000");
  checkParam(fn, "dimY", dimY, isDim, "an integer from 1 to 1000");
  const d = dimX + dimY;
  checkParam(fn, "offDiag", offDiag, (v) => v > -1 / (d - 1) && v < 1, `in (−1/${d - 1}, 1)`);
  const m = new Float64Array(d * d).fill(offDiag);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  return jointTask({
    id: `multinormal-dense-${dimX}-${dimY}-${idNum(offDiag)}`,
    name: `Multinormal ${dimX} × ${dimY} (dense)`,
    family: "multinormal-dense",
    description: `Unit variances, correlation ${offDiag} between every pair of coordinates.`,
    dimX,
    dimY,
    matrix: m,
    params: { dimX, dimY, offDiag },
  });
}

/** Sparse ("k-pair") multinormal after Beyond Normal's latent-variable construction: the first
 *  nInteracting coordinates of X and Y share a latent Z_i with weight `strength`, every coordinate
 *  has unit noise, the others get an extra independent term of the same weight. All variances are
 *  1 + strength², so Corr(X_i, Y_i) = strength² / (1 + strength²) for i < k and every other
 *  correlation is 0 (strength 2 gives 0.8: the "2-pair" tasks). */
export function multinormalSparseTask(dimX: number, dimY: number, nInteracting = 2, strength = 2): Promise<Task> {
  const fn = "multinormalSparseTask";
  checkParam(fn, "dimX", dimX, isDim, "an integer from 1 to 1000");
  checkParam(fn, "dimY", dimY, isDim, "an integer from 1 to 1000");
  checkParam(fn, "nInteracting", nInteracting, (v) => Number.isInteger(v) && v >= 0 && v <= Math.min(dimX, dimY), "an integer from 0 to min(dimX, dimY)");
  checkParam(fn, "strength", strength, (v) => v >= 0, "a non-negative number");
  const d = dimX + dimY;
  const s2 = strength * strength;
  const r = s2 / (1 + s2);
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  for (let i = 0; i < nInteracting; i++) {
    m[i * d + dimX + i] = r;
    m[(dimX + i) * d + i] = r;
  }
  return jointTask({
    id: `multinormal-sparse-${dimX}-${dimY}-${nInteracting}-${idNum(strength)}`,
    name: `Multinormal ${dimX} × ${dimY} (${nInteracting}-pair)`,
    family: "multinormal-sparse",
    description: `${nInteracting} pairs (X_i, Y_i) with correlation ${r.toPrecision(3)}, all other coordinates independent.`,
    dimX,
    dimY,
    matrix: m,
    params: { dimX, dimY, nInteracting, strength },
  });
}

/** MI-NEE's HG(ρ, d): d independent pairs (X_i, Y_i), each a bivariate normal with correlation ρ.
 *  MI = −(d/2) ln(1 − ρ²). */
export function hgTask(rho: number, d: number): Promise<Task> {
  checkParam("hgTask", "rho", rho, isCorr, "a correlation strictly between −1 and 1");
  checkParam("hgTask", "d", d, isDim, "an integer from 1 to 1000");
  const D = 2 * d;
  const m = new Float64Array(D * D);
  for (let i = 0; i < D; i++) m[i * D + i] = 1;
  for (let i = 0; i < d; i++) {
    m[i * D + d + i] = rho;
    m[(d + i) * D + i] = rho;
  }
  return jointTask({
    id: `hg-${idNum(rho)}-${d}`,
    name: `HG(ρ = ${rho}, d = ${d})`,
    family: "hg",
    description: `MI-NEE's higher-dimensional Gaussian: ${d} independent pairs with correlation ρ.`,
    dimX: d,
    dimY: d,
    matrix: m,
    params: { rho, d },
  });
}

/** Multivariate Student-t with identity dispersion and ν degrees of freedom (Beyond Normal's
 *  `student-identity`): uncorrelated, yet dependent through the shared scale. */
export function studentIdentityTask(dimX: number, dimY: number, df: number): Promise<Task> {
  const fn = "studentIdentityTask";
  checkParam(fn, "dimX", dimX, isDim, "an integer from 1 to 1000");
  checkParam(fn, "dimY", dimY, isDim, "an integer from 1 to 1000");
  checkParam(fn, "df", df, (v) => v > 0 && v <= 1e6, "a positive number of degrees of freedom");
  const d = dimX + dimY;
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  return jointTask({
    id: `student-identity-${dimX}-${dimY}-${idNum(df)}`,
    name: `Student-t ${dimX} × ${dimY} (ν = ${df})`,
    family: "student",
    description: "Multivariate t, identity dispersion: X = Z_X/√(W/ν), Y = Z_Y/√(W/ν) with one shared W ~ χ²(ν).",
    dimX,
    dimY,
    matrix: m,
    params: { dimX, dimY, df },
    df,
  });
}
