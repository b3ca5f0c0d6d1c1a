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
}
