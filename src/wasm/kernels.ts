/** The typed table of the WebAssembly module's exports (see assembly/index.ts). Pointers are
 *  byte offsets into `memory`; every export takes and returns i32/f64 only. */
export interface Kernels {
  memory: WebAssembly.Memory;
  mem_alloc(bytes: number): number;
  mem_free(ptr: number): void;
  debug_abort(): void;
  debug_trap(): void;
  rng_seed(state: number, seedLo: number, seedHi: number, purpose: number, a: number, b: number): void;
  rng_fill_uniform(state: number, out: number, n: number): void;
  rng_fill_normal(state: number, out: number, n: number): void;
  rng_fill_below(state: number, out: number, n: number, bound: number): void;
  rng_shuffle_i32(state: number, ptr: number, n: number): void;
  special_digamma(inp: number, out: number, n: number): void;
  special_lgamma(inp: number, out: number, n: number): void;
  special_log(inp: number, out: number, n: number): void;
  special_exp(inp: number, out: number, n: number): void;
  special_logsumexp(ptr: number, n: number): number;
  linalg_cholesky(src: number, dst: number, d: number): number;
  // ---- neural estimators (issue 7) ----
  nn_param_count(spec: number): number;
  nn_work_size(spec: number): number;
  nn_activation_ptr(spec: number, work: number, l: number): number;
  nn_output_ptr(spec: number, work: number): number;
  nn_input_grad_ptr(spec: number, work: number): number;
  nn_dout_ptr(spec: number, work: number): number;
  dense_forward(W: number, b: number, inp: number, out: number, rows: number, din: number, dout: number): void;
  dense_backward(W: number, inp: number, delta: number, gW: number, gb: number, dinp: number, rows: number, din: number, dout: number): void;
  act_forward(kind: number, alpha: number, z: number, out: number, n: number): void;
  act_backward(kind: number, alpha: number, z: number, a: number, da: number, dz: number, n: number): void;
  nn_forward(spec: number, params: number, work: number, rows: number): void;
  nn_backward(spec: number, params: number, grads: number, work: number, rows: number, dOut: number, wantInput: number): void;
  nn_adam(params: number, grads: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number, t: number): void;
  nn_init(spec: number, net: number, rng: number, kind: number, scale: number): void;
  mine_epoch(spec: number, net: number, work: number, x: number, y: number, n: number, dx: number, dy: number, idx: number, perm: number, batch: number, objective: number, emaRate: number, lr: number, rng: number, state: number): number;
  mine_eval(spec: number, net: number, work: number, x: number, y: number, n: number, dx: number, dy: number, perm: number, nPerm: number, objective: number, rng: number): number;
  nee_epoch(spec: number, net: number, work: number, data: number, n: number, d: number, idx: number, box: number, batch: number, refFactor: number, lr: number, rngBatch: number, rngRef: number, state: number): number;
  nee_eval(spec: number, net: number, work: number, data: number, n: number, d: number, box: number, nRef: number, rng: number): number;
  mine_loss(T: number, g: number, B: number, objective: number, emaRate: number, state: number): number;
  dv_ref_loss(f: number, g: number, B: number, R: number): number;
  bnaf_param_count(spec: number): number;
  bnaf_work_size(spec: number): number;
  bnaf_transform(spec: number, params: number, work: number, data: number, rows: number, marginal: number, zOut: number, ldOut: number): void;
  bnaf_logq(spec: number, params: number, work: number, data: number, n: number, marginal: number, out: number): void;
  bnaf_loss(spec: number, params: number, grads: number, work: number, data: number, rows: number, marginal: number): number;
  bnaf_init(spec: number, net: number, rng: number): void;
  bnaf_epoch(spec: number, net: number, work: number, data: number, n: number, idx: number, batch: number, lr: number, rng: number, state: number): number;
}
