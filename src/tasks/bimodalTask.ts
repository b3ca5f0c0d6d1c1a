import { bivariateNormalTask } from "./jointTask.js";
import { idNum, type Task } from "./task.js";
import { transformTask, type BlockMap } from "./transformTask.js";

function mixtureQuantile(w: number, m1: number, m2: number): BlockMap {
  return (s, ptr, n, d) => {
    const out = s.allocF64(n * d);
    s.k.dist_mixture_icdf_f64(ptr, out, n * d, w, m1, m2);
    return { ptr: out, cols: d };
  };
}

/** Beyond Normal's bimodal task: a bivariate normal with correlation ρ whose margins are pushed
 *  through Φ and then through the inverse CDFs of 0.3·N(0, 1) + 0.7·N(5, 1) (X) and
 *  0.5·N(−1, 1) + 0.5·N(3, 1) (Y). Monotone margins, so MI = −½ ln(1 − ρ²). */
export async function bimodalTask(rho = 0.75): Promise<Task> {
  const base = await bivariateNormalTask(rho);
  const t = transformTask(base, {
    prefix: "bimodal",
    name: "Bimodal 1 × 1",
    family: "bimodal",
    description: `Bivariate normal (ρ = ${rho}) with bimodal Gaussian-mixture margins.`,
    mapX: mixtureQuantile(0.3, 0, 5),
    mapY: mixtureQuantile(0.5, -1, 3),
  });
  return Object.freeze({ ...t, id: `1v1-bimodal-${idNum(rho)}` });
}
