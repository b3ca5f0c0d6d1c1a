import { withKernels } from "./kernels.js";

/** n draws of a bivariate Gaussian with unit variances and correlation rho, from the package's
 *  own PRNG (stream (seed, "task", 1)): x = z1, y = rho z1 + √(1 − rho²) z2. */
export async function bivariateGaussian(n: number, rho: number, seed: number): Promise<{ x: Float64Array; y: Float64Array }> {
  return withKernels((s) => {
    const p = s.allocF64(2 * n);
    s.k.rng_fill_normal(s.rng(seed, "task", 1), p, 2 * n);
    const z = s.readF64(p, 2 * n);
    const x = new Float64Array(n), y = new Float64Array(n);
    const c = Math.sqrt(1 - rho * rho);
    for (let i = 0; i < n; i++) { x[i] = z[2 * i]; y[i] = rho * z[2 * i] + c * z[2 * i + 1]; }
    return { x, y };
  });
}

/** n draws of a zero-mean Gaussian with covariance `cov` (d×d rows), stream (seed, "task", 2). */
export async function multivariateGaussian(n: number, cov: number[][], seed: number): Promise<number[][]> {
  const d = cov.length;
  const L = cov.map((r) => r.map(() => 0));
  for (let j = 0; j < d; j++) {
    let v = cov[j][j];
    for (let k = 0; k < j; k++) v -= L[j][k] ** 2;
    L[j][j] = Math.sqrt(v);
    for (let i = j + 1; i < d; i++) {
      let t = cov[i][j];
      for (let k = 0; k < j; k++) t -= L[i][k] * L[j][k];
      L[i][j] = t / L[j][j];
    }
  }
  return withKernels((s) => {
    const p = s.allocF64(n * d);
    s.k.rng_fill_normal(s.rng(seed, "task", 2), p, n * d);
    const z = s.readF64(p, n * d);
    return Array.from({ length: n }, (_, i) => L.map((row) => row.reduce((acc, l, k) => acc + l * z[i * d + k], 0)));
  });
}
