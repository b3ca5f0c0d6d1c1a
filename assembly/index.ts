// The WebAssembly interface: every export of the module, named explicitly by family.
// Exports take and return only i32/f64 (no i64: that would cross into JS as BigInt).
export { mem_alloc, mem_free, debug_abort, debug_trap } from "./memory";
export { rng_seed, rng_fill_uniform, rng_fill_normal, rng_fill_below, rng_shuffle_i32 } from "./rng";
export { special_digamma, special_lgamma, special_log, special_exp, special_logsumexp } from "./special";
export { linalg_cholesky } from "./linalg";
