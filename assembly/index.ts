// The WebAssembly interface: every export of the module, named explicitly by family.
// Exports take and return only i32/f64 (no i64: that would cross into JS as BigInt).
export { mem_alloc, mem_free, debug_abort, debug_trap } from "./memory";
export { rng_seed, rng_fill_uniform, rng_fill_normal, rng_fill_below, rng_shuffle_i32 } from "./rng";
export { special_digamma, special_lgamma, special_log, special_exp, special_logsumexp } from "./special";
export { linalg_cholesky } from "./linalg";
// ---- neural estimators (issue 7): network engine, MINE, MI-NEE ----
export { nn_param_count, nn_work_size, nn_activation_ptr, nn_output_ptr, nn_input_grad_ptr, nn_dout_ptr, dense_forward, dense_backward, act_forward, act_backward, nn_forward, nn_backward, nn_adam, nn_init } from "./nn/mlp";
export { mine_epoch, mine_eval, mine_loss } from "./nn/mine";
export { nee_epoch, nee_eval, dv_ref_loss } from "./nn/nee";
export { bnaf_param_count, bnaf_work_size, bnaf_transform, bnaf_logq, bnaf_loss, bnaf_init, bnaf_epoch } from "./nn/bnaf";
