import { withKernels } from "../wasm/scope.js";
import { checkParam } from "./checkParam.js";
import { defineTask, idNum, type Task } from "./task.js";
import { digammaOf, lnOf } from "./wasmMath.js";

/** The GMM-MI paper's gamma–exponential pair: X ~ Gamma(α, 1), Y | X ~ Exponential(rate X), i.e.
 *  p(x, y) = x^α e^(−x(1+y)) / Γ(α). MI = ψ(α + 1) − ln α. Heavy-tailed in Y; the paper estimates
 *  on (ln X, ln Y): wrap with `logTask`. */
export async function gammaExponentialTask(alpha: number): Promise<Task> {
  checkParam("gammaExponentialTask", "alpha", alpha, (v) => v > 0 && v < 1e6, "a positive shape");
  const mi = await withKernels((s) => digammaOf(s, alpha + 1)[0] - lnOf(s, alpha)[0]);
  return defineTask({
    id: `gamma-exponential-${idNum(alpha)}`,
    name: `Gamma–exponential (α = ${alpha})`,
    family: "gamma-exponential",
    description: "X ~ Gamma(α, 1); Y given X exponential with rate X.",
    dimX: 1,
    dimY: 1,
    mi,
    miStdErr: 0,
    params: { alpha },
    drawInto(s, n, seed) {
      const st = s.rng(seed, "task");
      const x = s.allocF64(n);
      const y = s.allocF64(n);
      s.k.dist_fill_gamma_exponential(st, x, y, n, alpha);
      return { x, y };
    },
  });
}
