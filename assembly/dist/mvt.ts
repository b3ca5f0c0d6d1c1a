// Multivariate normal and Student-t rows: z ~ N(0, I_d), out = L z (L lower-triangular, row-major,
// the Cholesky factor of the covariance or dispersion); for df > 0 each row is then divided by
// sqrt(w / df) with w ~ chi-square(df), giving a multivariate t with dispersion L Lᵀ.
import { normal } from "../rng";
import { gammaDraw } from "./gamma";

/** n rows of dimension d into out (row-major). `z` is d doubles of scratch. df = 0 → Gaussian. */
export function dist_fill_mvt(state: usize, chol: usize, z: usize, out: usize, n: i32, d: i32, df: f64): void {
  const row = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) store<f64>(z + (<usize>j << 3), normal(state));
    let scale = 1.0;
    if (df > 0.0) scale = 1.0 / Math.sqrt(2.0 * gammaDraw(state, 0.5 * df) / df);
    const o = out + <usize>i * row;
    for (let r = 0; r < d; r++) {
      const lr = chol + <usize>r * row;
      let acc = 0.0;
      for (let c = 0; c <= r; c++) acc += load<f64>(lr + (<usize>c << 3)) * load<f64>(z + (<usize>c << 3));
      store<f64>(o + (<usize>r << 3), acc * scale);
    }
  }
}
