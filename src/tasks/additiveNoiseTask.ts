import { withKernels } from "../wasm/scope.js";
import { checkParam } from "./checkParam.js";
import { defineTask, idNum, type Task } from "./task.js";
import { lnOf } from "./wasmMath.js";

/** X ~ Uniform(0, 1), Y = X + N with N ~ Uniform(−ε, ε) independent of X. h(Y | X) = ln 2ε and
 *  Y's density is a trapezoid, which gives MI = ε − ln 2ε for ε ≤ ½ and 1/(4ε) for ε > ½. */
export async function additiveNoiseTask(epsilon: number): Promise<Task> {
  checkParam("additiveNoiseTask", "epsilon", epsilon, (v) => v > 0 && v < 1e6, "a positive half-width");
  const mi = await withKernels((s) => (epsilon <= 0.5 ? epsilon - lnOf(s, 2 * epsilon)[0] : 1 / (4 * epsilon)));
  return defineTask({
    id: `1v1-additive-${idNum(epsilon)}`,
    name: `Uniform 1 × 1 (additive noise ε = ${epsilon})`,
    family: "additive-noise",
    description: "X uniform on (0, 1), Y = X plus uniform noise on (−ε, ε).",
    dimX: 1,
    dimY: 1,
    mi,
    miStdErr: 0,
    params: { epsilon },
    drawInto(s, n, seed) {
      const st = s.rng(seed, "task");
      const x = s.allocF64(n);
      const y = s.allocF64(n);
      s.k.rng_fill_uniform(st, x, n);
      s.k.rng_fill_uniform(st, y, n);
      const xv = s.f64(x, n);
      const yv = s.f64(y, n);
      for (let i = 0; i < n; i++) yv[i] = xv[i] + epsilon * (2 * yv[i] - 1);
      return { x, y };
    },
  });
}
