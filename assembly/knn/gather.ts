// Row moves for the estimators (joint matrices, permutations, per-label subsets), so that a
// permutation replicate costs no per-sample work in JavaScript.

/** dst row i = [x row i | y row idx[i]] (idx = 0: y row i); x is n × dx, y is n × dy. */
export function knn_join_rows(x: usize, dx: i32, y: usize, dy: i32, idx: usize, n: i32, dst: usize): void {
  const d = dx + dy;
  for (let i = 0; i < n; i++) {
    const o = dst + (<usize>(i * d) << 3);
    memory.copy(o, x + (<usize>(i * dx) << 3), <usize>dx << 3);
    const j = idx == 0 ? i : load<i32>(idx + (<usize>i << 2));
    memory.copy(o + (<usize>dx << 3), y + (<usize>(j * dy) << 3), <usize>dy << 3);
  }
}

/** dst row i = src row idx[i], rows of d f64. */
export function knn_gather_rows(src: usize, d: i32, idx: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const j = load<i32>(idx + (<usize>i << 2));
    memory.copy(dst + (<usize>(i * d) << 3), src + (<usize>(j * d) << 3), <usize>d << 3);
  }
}

/** dst[i] = src[idx[i]] for i32 values. */
export function knn_gather_i32(src: usize, idx: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    store<i32>(dst + (<usize>i << 2), load<i32>(src + (<usize>load<i32>(idx + (<usize>i << 2)) << 2)));
  }
}

/** out[i] = i for i < n (the identity permutation a shuffle starts from). */
export function knn_iota_i32(out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), i);
}
