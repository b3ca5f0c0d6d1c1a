import type { Scope } from "../../wasm/scope.js";

/** A block neural autoregressive flow in WASM memory (assembly/nn/bnaf.ts): d = dy + dx
 *  dimensions ordered (y, x), `hidden` units per dimension in each of the two hidden layers. */
export interface Flow {
  spec: number;
  net: number;
  work: number;
  size: number;
}

export function allocFlow(s: Scope, shape: { d: number; dy: number; hidden: number; alpha: number; rows: number }): Flow {
  const spec = s.alloc(24);
  const i = s.i32(spec, 4);
  i[0] = shape.d;
  i[1] = shape.dy;
  i[2] = shape.hidden;
  i[3] = shape.rows;
  s.f64(spec + 16, 1)[0] = shape.alpha;
  const size = s.k.bnaf_param_count(spec);
  const net = s.allocF64(4 * size);
  const work = s.allocF64(s.k.bnaf_work_size(spec));
  return { spec, net, work, size };
}
