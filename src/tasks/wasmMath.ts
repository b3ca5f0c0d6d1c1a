// Scalar special functions for true-MI formulas, evaluated by the WebAssembly kernels so every
// runtime gets the same bits (host Math.log may differ in the last bit between engines).
import type { Scope } from "../wasm/scope.js";

type Elementwise = "special_log" | "special_digamma" | "special_lgamma";

function apply(s: Scope, kernel: Elementwise, xs: readonly number[]): number[] {
  const inp = s.writeF64(xs);
  const out = s.allocF64(xs.length);
  s.k[kernel](inp, out, xs.length);
  return Array.from(s.readF64(out, xs.length));
}

export const lnOf = (s: Scope, ...xs: number[]) => apply(s, "special_log", xs);
export const digammaOf = (s: Scope, ...xs: number[]) => apply(s, "special_digamma", xs);
export const lgammaOf = (s: Scope, ...xs: number[]) => apply(s, "special_lgamma", xs);

/** Cholesky factor (row-major lower triangle) of the d×d SPD matrix `a`; throws if not SPD. */
export function choleskyOf(s: Scope, a: ArrayLike<number>, d: number): Float64Array {
  const src = s.writeF64(a);
  const dst = s.allocF64(d * d);
  const status = s.k.linalg_cholesky(src, dst, d);
  if (status !== 0) throw new RangeError(`matrix is not positive definite (leading minor ${status})`);
  return s.readF64(dst, d * d);
}

/** ½ ln det of an SPD matrix from its Cholesky factor: Σ ln L_jj. */
export function halfLogDet(s: Scope, chol: Float64Array, d: number): number {
  const diag: number[] = [];
  for (let j = 0; j < d; j++) diag.push(chol[j * d + j]);
  return lnOf(s, ...diag).reduce((a, b) => a + b, 0);
}

/** The d×d block of `a` (size n×n) starting at (r0, r0). */
export function block(a: ArrayLike<number>, n: number, r0: number, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[i * d + j] = a[(r0 + i) * n + r0 + j];
  return out;
}

/** Euler–Mascheroni constant γ = −ψ(1). */
export const EULER_GAMMA = 0.5772156649015329;
