import { withKernels } from "../wasm/scope.js";
import { checkParam } from "./checkParam.js";
import { defineTask, idNum, type Task } from "./task.js";
import { EULER_GAMMA, digammaOf, lnOf } from "./wasmMath.js";

/** Ordered Weinman exponential with θ0 = 1 and θ1 = α:
 *  p(x, y) = (2/θ0) e^(−2x/θ0) · (1/θ1) e^(−(y−x)/θ1) for 0 < x < y,
 *  i.e. X ~ Exponential(a = 2/θ0) and Y = X + D with D ~ Exponential(b = 1/θ1) independent.
 *
 *  Truth, derived here: I = h(Y) − h(D) with Y the sum of two exponentials. Expanding
 *  ln(1 − e^(−|b−a|y)) in its power series and summing with Σ_k 1/(k(k+β)) = (ψ(β+1) + γ)/β gives
 *    b > a: I = ψ(β + 1) + γ − ln β,        β = a/(b − a);
 *    a > b: I = ψ(β + 1) + γ − ln(β + 1),   β = b/(a − b);
 *    a = b: I = γ  (Y ~ Gamma(2, b)).
 *  Both branches tend to γ as a → b. The paper estimates on (ln X, ln Y): wrap with `logTask`. */
export async function weinmanTask(alpha: number): Promise<Task> {
  checkParam("weinmanTask", "alpha", alpha, (v) => v > 0 && v < 1e6, "a positive scale θ1");
  const a = 2;
  const b = 1 / alpha;
  const mi = await withKernels((s) => {
    if (a === b) return EULER_GAMMA;
    if (b > a) {
      const beta = a / (b - a);
      return digammaOf(s, beta + 1)[0] + EULER_GAMMA - lnOf(s, beta)[0];
    }
    const beta = b / (a - b);
    return digammaOf(s, beta + 1)[0] + EULER_GAMMA - lnOf(s, beta + 1)[0];
  });
  return defineTask({
    id: `weinman-${idNum(alpha)}`,
    name: `Ordered Weinman exponential (θ0 = 1, θ1 = ${alpha})`,
    family: "weinman",
    description: "X ~ Exponential(rate 2), Y = X + Exponential(rate 1/α): 0 < X < Y.",
    dimX: 1,
    dimY: 1,
    mi,
    miStdErr: 0,
    params: { alpha },
    drawInto(s, n, seed) {
      const st = s.rng(seed, "task");
      const x = s.allocF64(n);
      const y = s.allocF64(n);
      s.k.dist_fill_weinman(st, x, y, n, a, b);
      return { x, y };
    },
  });
}
