import { withKernels } from "../wasm/scope.js";
import { checkParam } from "./checkParam.js";
import { defineTask, idNum, type Task } from "./task.js";

/** Monte Carlo draws behind the mixed Gaussian's true MI (standard error ≈ 1e-3 nats or less). */
export const MIXED_GAUSSIAN_MC_DRAWS = 1_000_000;

/** MI-NEE's MG(ρ): an equal mixture of two bivariate normals with unit variances and correlations
 *  +ρ and −ρ. X and Y are uncorrelated but dependent; both marginals are N(0, 1). The MI has no
 *  closed form: `mi` is a Monte Carlo mean of the pointwise MI over 10⁶ draws of a fixed stream
 *  (seed 0, purpose "reference"), `miStdErr` its standard error. */
export async function mixedGaussianTask(rho: number): Promise<Task> {
  checkParam("mixedGaussianTask", "rho", rho, (v) => v > -1 && v < 1, "a correlation strictly between −1 and 1");
  const m = MIXED_GAUSSIAN_MC_DRAWS;
  const [mi, variance] = await withKernels((s) => {
    const st = s.rng(0, "reference", 1, 0);
    const out = s.allocF64(2);
    s.k.dist_mixed_gaussian_mi_mc(st, m, rho, out);
    return Array.from(s.readF64(out, 2));
  });
  return defineTask({
    id: `mg-${idNum(rho)}`,
    name: `Mixed Gaussian MG(ρ = ${rho})`,
    family: "mixed-gaussian",
    description: "Equal mixture of two bivariate normals with correlations +ρ and −ρ.",
    dimX: 1,
    dimY: 1,
    mi,
    miStdErr: Math.sqrt(variance / m),
    params: { rho },
    drawInto(s, n, seed) {
      const st = s.rng(seed, "task");
      const x = s.allocF64(n);
      const y = s.allocF64(n);
      s.k.dist_fill_mixed_gaussian(st, x, y, n, rho);
      return { x, y };
    },
  });
}
