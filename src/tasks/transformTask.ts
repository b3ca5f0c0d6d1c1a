import { MIInputError } from "../errors.js";
import type { Scope } from "../wasm/scope.js";
import { defineTask, type Task } from "./task.js";

/** Maps a block of n rows × d columns (pointer in scope memory) to a new block; returns its pointer
 *  and column count. Must be injective so the task keeps its MI. */
export type BlockMap = (s: Scope, ptr: number, n: number, d: number) => { ptr: number; cols: number };

export interface TransformSpec {
  prefix: string;
  name: string;
  family: string;
  description: string;
  mapX?: BlockMap;
  mapY?: BlockMap;
  /** Output column counts when a map changes the dimension (default: unchanged). */
  dimX?: number;
  dimY?: number;
  params?: Record<string, number>;
}

/** Wrap `base` with injective maps of X and/or Y. The MI (and its standard error) carry over
 *  unchanged; the id becomes `${prefix}-${base.id}` (bmi's convention). */
export function transformTask(base: Task, spec: TransformSpec): Task {
  const dimX = spec.dimX ?? base.dimX;
  const dimY = spec.dimY ?? base.dimY;
  return defineTask({
    id: `${spec.prefix}-${base.id}`,
    name: spec.name,
    family: spec.family,
    description: spec.description,
    dimX,
    dimY,
    mi: base.mi,
    miStdErr: base.miStdErr,
    params: { ...base.params, ...spec.params },
    drawInto(s, n, seed) {
      const d = base.drawInto(s, n, seed);
      const x = spec.mapX ? spec.mapX(s, d.x, n, base.dimX).ptr : d.x;
      const y = spec.mapY ? spec.mapY(s, d.y, n, base.dimY).ptr : d.y;
      return { x, y };
    },
  });
}

/** An elementwise map through a kernel taking (inp, out, count). */
export function elementwise(kernel: "dist_normal_cdf_f64" | "dist_asinh_f64" | "dist_half_cube_f64" | "special_log"): BlockMap {
  return (s, ptr, n, d) => {
    const out = s.allocF64(n * d);
    s.k[kernel](ptr, out, n * d);
    return { ptr: out, cols: d };
  };
}

/** Names `fn` and says why when a transform does not fit its base task. */
export function requireDims(fn: string, base: Task, ok: boolean, what: string): void {
  if (!ok) {
    throw new MIInputError("invalid-argument", `${fn}: base task ${base.id} (${base.dimX} × ${base.dimY}) ${what}.`, {
      fn,
      arg: "base",
    });
  }
}
