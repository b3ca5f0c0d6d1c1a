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
  rng_fill_normal_ziggurat(state: number, out: number, n: number): void;
  rng_fill_below(state: number, out: number, n: number, bound: number): void;
  rng_shuffle_i32(state: number, ptr: number, n: number): void;
  special_digamma(inp: number, out: number, n: number): void;
  special_lgamma(inp: number, out: number, n: number): void;
  special_log(inp: number, out: number, n: number): void;
  special_exp(inp: number, out: number, n: number): void;
  special_logsumexp(ptr: number, n: number): number;
  linalg_cholesky(src: number, dst: number, d: number): number;
  // ---- tasks with known MI: samplers and injective maps (assembly/dist/) ----
  dist_fill_gamma(state: number, out: number, n: number, shape: number, scale: number): void;
  dist_fill_chisq(state: number, out: number, n: number, df: number): void;
  dist_fill_exponential(state: number, out: number, n: number, rate: number): void;
  dist_fill_gamma_exponential(state: number, x: number, y: number, n: number, shape: number): void;
  dist_fill_weinman(state: number, x: number, y: number, n: number, rate0: number, rate1: number): void;
  dist_fill_mvt(state: number, chol: number, z: number, out: number, n: number, d: number, df: number): void;
  dist_normal_cdf_f64(inp: number, out: number, n: number): void;
  normal_quantile_lower_f64(inp: number, out: number, n: number): void;
  dist_mixture_icdf_f64(inp: number, out: number, n: number, w: number, m1: number, m2: number): void;
  dist_asinh_f64(inp: number, out: number, n: number): void;
  dist_half_cube_f64(inp: number, out: number, n: number): void;
  dist_wiggly_f64(inp: number, out: number, n: number, which: number): void;
  dist_spiral_rows(ptr: number, n: number, d: number, a: number, b: number, speed: number): void;
  dist_swissroll_rows(inp: number, out: number, n: number): void;
  dist_fill_mixed_gaussian(state: number, x: number, y: number, n: number, rho: number): void;
  dist_mixed_gaussian_mi_mc(state: number, m: number, rho: number, out: number): void;
  // ---- knn (KSG / Ross / plug-in) ----
  knn_sort_ranks(values: number, n: number, sorted: number, order: number, rank: number, scratch: number, work: number): number;
  knn_sort_scratch_bytes(n: number): number;
  knn_sort_work_bytes(n: number): number;
  knn_bucket_table(sorted: number, n: number, buckets: number, table: number): void;
  knn_count_sorted(sorted: number, order: number, inv: number, n: number, eps: number, inclusive: number, out: number,
    table: number, buckets: number): void;
  knn_count_ranked(sorted: number, n: number, eps: number, inclusive: number, out: number, table: number, buckets: number): void;
  knn_count_ranked_psi(sorted: number, n: number, eps: number, inclusive: number, table: number, buckets: number, offset: number): number;
  knn_invert_i32(idx: number, n: number, inv: number): void;
  kdtree_build(data: number, n: number, d: number, tree: number, perm: number, split: number, box: number): void;
  kdtree_knn(tree: number, perm: number, split: number, box: number, n: number, d: number, k: number, dx: number,
    heapD: number, heapP: number, eps: number, epsX: number, epsY: number): void;
  kdtree_count(tree: number, split: number, box: number, n: number, d: number, queries: number, eps: number, m: number,
    inclusive: number, out: number): void;
  knn_grid2(data: number, rankX: number, rankY: number, sortedX: number, sortedY: number, n: number, k: number, dx: number,
    start: number, pts: number, rows: number, heapD: number, heapP: number, eps: number, epsX: number, epsY: number): void;
  knn_grid2_side(n: number): number;
  knn_grid2_eps(orderX: number, y: number, idx: number, rankY: number, sortedX: number, sortedY: number, n: number,
    k: number, start: number, px: number, py: number, rk: number, best: number, epsX: number, epsY: number): void;
  knn_grid2_eps_side(n: number): number;
  knn_digamma_mean_i32(counts: number, n: number, offset: number): number;
  knn_count_zero_f64(values: number, n: number): number;
  knn_join_rows(x: number, dx: number, y: number, dy: number, idx: number, n: number, dst: number): void;
  knn_gather_rows(src: number, d: number, idx: number, n: number, dst: number): void;
  knn_gather_i32(src: number, idx: number, n: number, dst: number): void;
  knn_iota_i32(out: number, n: number): void;
  knn_prepare(data: number, n: number, d: number, standardize: number, noise: number, z: number): void;
  knn_plugin_mi(table: number, rowSums: number, colSums: number, r: number, c: number, n: number): number;

  linalg_logdet_sub(a: number, d: number, cols: number, L: number, work: number): number;

  // ---- GMM (assembly/gmm) ----
  gmm_em_work_f64(nTrain: number, K: number, d: number): number;
  gmm_em_fit(x: number, d: number, trainIdx: number, nTrain: number, validIdx: number, nValid: number, K: number,
    w: number, mu: number, cov: number, regCovar: number, tol: number, maxIter: number, work: number, result: number): number;
  gmm_score(x: number, d: number, idx: number, n: number, K: number, w: number, mu: number, cov: number, work: number): number;
  gmm_init_work_f64(n: number, K: number, d: number): number;
  gmm_init_random_resp(x: number, d: number, idx: number, n: number, K: number, rng: number, regCovar: number, work: number, w: number, mu: number, cov: number): void;
  gmm_init_kmeans(x: number, d: number, idx: number, n: number, K: number, rng: number, regCovar: number, work: number, w: number, mu: number, cov: number): void;
  gmm_init_randomized_kmeans(x: number, d: number, idx: number, n: number, K: number, rng: number, regCovar: number, scale: number, work: number, w: number, mu: number, cov: number): number;
  gmm_init_minmax(x: number, d: number, idx: number, n: number, K: number, rng: number, regCovar: number, work: number, w: number, mu: number, cov: number): void;
  gmm_mc_work_f64(K: number, d: number, spec: number, nTerms: number): number;
  gmm_mc_terms(w: number, mu: number, cov: number, K: number, d: number, spec: number, nTerms: number, M: number, rng: number, work: number, vals: number): number;
  gmm_sample(w: number, mu: number, cov: number, K: number, d: number, n: number, rng: number, work: number, out: number): number;
  gmm_logpdf_work_f64(K: number, L: number): number;
  gmm_logpdf(w: number, mu: number, cov: number, K: number, d: number, cols: number, L: number, points: number, n: number, work: number, out: number): number;
  gmm_class_log_ratio(lp: number, C: number, n: number, logPriors: number, target: number, out: number): void;
  stats_mean_cov(vals: number, n: number, p: number, out: number): void;
  // ---- neural estimators ----
  nn_param_count(spec: number): number;
  nn_work_size(spec: number): number;
  nn_activation_ptr(spec: number, work: number, l: number): number;
  nn_output_ptr(spec: number, work: number): number;
  nn_input_grad_ptr(spec: number, work: number): number;
  nn_dout_ptr(spec: number, work: number): number;
  dense32_forward(W: number, b: number, inp: number, out: number, rows: number, din: number, dout: number, mode: number, mask: number): void;
  dense32_weight_grad(inp: number, delta: number, gW: number, gb: number, rows: number, din: number, dout: number): void;
  dense32_transpose(W: number, WT: number, din: number, dout: number): void;
  dense32_forward_sparse(W: number, b: number, inp: number, out: number, rows: number, din: number, dout: number, mode: number, mask: number, scratch: number): void;
  dense32_weight_grad_sparse(inp: number, delta: number, gW: number, gb: number, rows: number, din: number, dout: number, scratch: number): void;
  nn_sparse_scratch_bytes(lists: number, len: number): number;
  dense_forward(W: number, b: number, inp: number, out: number, rows: number, din: number, dout: number): void;
  dense_backward(W: number, inp: number, delta: number, gW: number, gb: number, dinp: number, rows: number, din: number, dout: number): void;
  act_forward(kind: number, alpha: number, z: number, out: number, n: number): void;
  act_backward(kind: number, alpha: number, z: number, a: number, da: number, dz: number, n: number): void;
  nn_forward(spec: number, params: number, work: number, rows: number): void;
  nn_backward(spec: number, params: number, grads: number, work: number, rows: number, dOut: number, wantInput: number): void;
  nn_adam32(params: number, grads: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number, t: number): void;
  nn_adam(params: number, grads: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number, t: number): void;
  nn_init(spec: number, net: number, rng: number, kind: number, scale: number): void;
  mine_epoch(spec: number, net: number, work: number, x: number, y: number, n: number, dx: number, dy: number, idx: number, perm: number, batch: number, objective: number, emaRate: number, lr: number, rng: number, state: number): number;
  mine_eval(spec: number, net: number, work: number, x: number, y: number, n: number, dx: number, dy: number, perm: number, nPerm: number, objective: number, rng: number): number;
  nee_train(spec: number, net: number, work: number, data: number, n: number, d: number, idx: number, ref: number, refKind: number, batch: number, refFactor: number, lr: number, steps: number, rngBatch: number, rngRef: number, state: number): number;
  nee_eval(spec: number, net: number, work: number, data: number, n: number, d: number, ref: number, refKind: number, nRef: number, rng: number): number;
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

