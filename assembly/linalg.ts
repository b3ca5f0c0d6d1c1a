// Small dense linear algebra on row-major f64 matrices (d×d, d small: a mixture's dimension).

/** In-place Cholesky A = L Lᵀ of the symmetric positive-definite d×d matrix at a; the lower
 *  triangle receives L and the strict upper triangle is zeroed. Returns 0 on success, or k+1
 *  when the leading minor of order k+1 is not positive (A is then left partly overwritten). */
export function cholesky(a: usize, d: i32): i32 {
  const row = <usize>d << 3;
  for (let j = 0; j < d; j++) {
    const rj = a + <usize>j * row;
    let s = load<f64>(rj + (<usize>j << 3));
    for (let k = 0; k < j; k++) {
      const v = load<f64>(rj + (<usize>k << 3));
      s -= v * v;
    }
    if (!(s > 0.0)) return j + 1;
    const l = Math.sqrt(s);
    store<f64>(rj + (<usize>j << 3), l);
    const inv = 1.0 / l;
    for (let i = j + 1; i < d; i++) {
      const ri = a + <usize>i * row;
      let t = load<f64>(ri + (<usize>j << 3));
      for (let k = 0; k < j; k++) t -= load<f64>(ri + (<usize>k << 3)) * load<f64>(rj + (<usize>k << 3));
      store<f64>(ri + (<usize>j << 3), t * inv);
    }
    for (let k = j + 1; k < d; k++) store<f64>(rj + (<usize>k << 3), 0.0);
  }
  return 0;
}

/** Σ ln L_jj for a Cholesky factor: ½ ln det A. */
export function halfLogDetFromCholesky(l: usize, d: i32): f64 {
  let s = 0.0;
  for (let j = 0; j < d; j++) s += Math.log(load<f64>(l + (<usize>(j * d + j) << 3)));
  return s;
}

/** Solve L z = b in place (b overwritten by z); L lower-triangular d×d. */
export function solveLower(l: usize, b: usize, d: i32): void {
  for (let i = 0; i < d; i++) {
    let s = load<f64>(b + (<usize>i << 3));
    const ri = l + (<usize>(i * d) << 3);
    for (let k = 0; k < i; k++) s -= load<f64>(ri + (<usize>k << 3)) * load<f64>(b + (<usize>k << 3));
    store<f64>(b + (<usize>i << 3), s / load<f64>(ri + (<usize>i << 3)));
  }
}

/** Solve Lᵀ z = b in place; L lower-triangular d×d. */
export function solveUpperT(l: usize, b: usize, d: i32): void {
  for (let i = d - 1; i >= 0; i--) {
    let s = load<f64>(b + (<usize>i << 3));
    for (let k = i + 1; k < d; k++) s -= load<f64>(l + (<usize>(k * d + i) << 3)) * load<f64>(b + (<usize>k << 3));
    store<f64>(b + (<usize>i << 3), s / load<f64>(l + (<usize>(i * d + i) << 3)));
  }
}

/** Exported: Cholesky of a copy (src → dst), returning 0 or the failing order. */
export function linalg_cholesky(src: usize, dst: usize, d: i32): i32 {
  memory.copy(dst, src, <usize>(d * d) << 3);
  return cholesky(dst, d);
}

/** ln det of the sub-matrix of the d×d matrix a over the L indices in cols (i32), via Cholesky
 *  into work (L·L words). NaN when that sub-matrix is not positive definite. */
export function linalg_logdet_sub(a: usize, d: i32, cols: usize, L: i32, work: usize): f64 {
  for (let i = 0; i < L; i++) {
    const ci = load<i32>(cols + (<usize>i << 2));
    for (let j = 0; j < L; j++) {
      store<f64>(work + (<usize>(i * L + j) << 3), load<f64>(a + (<usize>(ci * d + load<i32>(cols + (<usize>j << 2))) << 3)));
    }
  }
  if (cholesky(work, L) != 0) return NaN;
  return 2.0 * halfLogDetFromCholesky(work, L);
}
