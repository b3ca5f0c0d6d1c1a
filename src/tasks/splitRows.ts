import type { Scope } from "../wasm/scope.js";

/** Split n joint rows of dimension dimX + dimY (at ptr) into separate x and y blocks. Pure data
 *  movement through one view each, no arithmetic. */
export function splitRows(s: Scope, ptr: number, n: number, dimX: number, dimY: number): { x: number; y: number } {
  const d = dimX + dimY;
  const x = s.allocF64(n * dimX);
  const y = s.allocF64(n * dimY);
  const joint = s.f64(ptr, n * d);
  const xv = s.f64(x, n * dimX);
  const yv = s.f64(y, n * dimY);
  for (let i = 0; i < n; i++) {
    xv.set(joint.subarray(i * d, i * d + dimX), i * dimX);
    yv.set(joint.subarray(i * d + dimX, (i + 1) * d), i * dimY);
  }
  return { x, y };
}
