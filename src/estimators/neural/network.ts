import type { Scope } from "../../wasm/scope.js";

/** Hidden activations the network engine implements (assembly/nn/mlp.ts). */
export const Activation = { relu: 0, elu: 1, tanh: 2, "tanh-linear": 3 } as const;
export type ActivationName = keyof typeof Activation;

export interface NetworkShape {
  /** Layer widths, input first, output last. */
  dims: readonly number[];
  activation: ActivationName;
  /** Slope α of the "tanh-linear" activation tanh(z) + αz. */
  alpha?: number;
  /** Rows the work block holds (largest batch a forward/backward pass sees). */
  rows: number;
}

/** A network in WASM memory: spec block, one block of parameters+gradients+Adam moments (4 × size
 *  f32), and a work block for `rows` rows. All freed with the scope. */
export interface Network {
  spec: number;
  net: number;
  work: number;
  /** Number of parameters. */
  size: number;
}

export function allocNetwork(s: Scope, shape: NetworkShape): Network {
  const L = shape.dims.length - 1;
  const spec = s.alloc(24 + 4 * (L + 1));
  const i32 = s.i32(spec, 6 + L + 1);
  i32[0] = L;
  i32[1] = Activation[shape.activation];
  i32[2] = shape.rows;
  for (let l = 0; l <= L; l++) i32[6 + l] = shape.dims[l];
  s.f64(spec + 16, 1)[0] = shape.alpha ?? 0;
  const size = s.k.nn_param_count(spec);
  const net = s.alloc(16 * size);
  const work = s.allocF64(s.k.nn_work_size(spec));
  return { spec, net, work, size };
}

/** Initialisation schemes of nn_init. */
export const Init = { uniformFanIn: 0, normal: 1 } as const;
