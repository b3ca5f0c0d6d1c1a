// The WebAssembly interface: every export of the module, named explicitly by family.
// Exports take and return only i32/f64 (no i64: that would cross into JS as BigInt).
export { mem_alloc, mem_free, debug_abort, debug_trap } from "./memory";
export { rng_seed, rng_fill_uniform, rng_fill_normal, rng_fill_normal_ziggurat, rng_fill_below, rng_shuffle_i32 } from "./rng";
export { special_digamma, special_lgamma, special_log, special_exp, special_logsumexp } from "./special";
export { linalg_cholesky, linalg_logdet_sub } from "./linalg";
// ---- knn (KSG / Ross / plug-in) ----
export { knn_sort_ranks, knn_sort_scratch_bytes, knn_sort_work_bytes } from "./knn/sort";
export { knn_bucket_table, knn_count_sorted, knn_count_ranked, knn_count_ranked_psi, knn_invert_i32 } from "./knn/counts";
export { kdtree_build, kdtree_knn, kdtree_count } from "./knn/kdtree";
export { knn_grid2, knn_grid2_side } from "./knn/grid2";
export { knn_grid2_eps, knn_grid2_eps_side } from "./knn/grid2eps";
export { knn_digamma_mean_i32, knn_count_zero_f64 } from "./knn/digammaMean";
export { knn_join_rows, knn_gather_rows, knn_gather_i32, knn_iota_i32 } from "./knn/gather";
export { knn_plugin_mi } from "./knn/plugin";
export { knn_prepare } from "./knn/prepare";

// ---- GMM ----
export { gmm_em_fit, gmm_em_work_f64, gmm_score } from "./gmm/em";
export { gmm_init_work_f64, gmm_init_random_resp, gmm_init_kmeans, gmm_init_randomized_kmeans, gmm_init_minmax } from "./gmm/init";
export { gmm_mc_work_f64, gmm_mc_terms, gmm_sample, gmm_logpdf_work_f64, gmm_logpdf, gmm_class_log_ratio, stats_mean_cov } from "./gmm/mixtureMC";
// ---- tasks with known MI: samplers and injective maps ----
export { dist_fill_gamma, dist_fill_chisq } from "./dist/gamma";
export { dist_fill_exponential, dist_fill_gamma_exponential, dist_fill_weinman } from "./dist/exponential";
export { dist_fill_mvt } from "./dist/mvt";
export { dist_normal_cdf_f64, dist_mixture_icdf_f64, normal_quantile_lower_f64 } from "./dist/normalCdf";
export { dist_asinh_f64, dist_half_cube_f64, dist_wiggly_f64, dist_spiral_rows, dist_swissroll_rows } from "./dist/transforms";
export { dist_fill_mixed_gaussian, dist_mixed_gaussian_mi_mc } from "./dist/mixedGaussian";
// ---- neural estimators: network engine, MINE, MI-NEE ----
export { nn_param_count, nn_work_size, nn_activation_ptr, nn_output_ptr, nn_input_grad_ptr, nn_dout_ptr, dense32_forward, dense32_weight_grad, dense32_transpose, dense32_forward_sparse, dense32_weight_grad_sparse, sparseScratchBytes as nn_sparse_scratch_bytes, dense_forward, dense_backward, act_forward, act_backward, nn_forward, nn_backward, nn_adam32, nn_adam, nn_init } from "./nn/mlp";
export { mine_epoch, mine_eval, mine_loss } from "./nn/mine";
export { nee_train, nee_eval, dv_ref_loss } from "./nn/nee";
export { bnaf_param_count, bnaf_work_size, bnaf_transform, bnaf_logq, bnaf_loss, bnaf_init, bnaf_epoch } from "./nn/bnaf";
