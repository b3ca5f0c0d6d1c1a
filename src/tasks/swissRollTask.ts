import type { Task } from "./task.js";
import { requireDims, transformTask } from "./transformTask.js";

/** Swiss-roll embedding of a 1-D X with values in (0, 1) (e.g. a normal-CDF task) into the plane:
 *  t = 1.5π(1 + 2x), X ↦ (t cos t, t sin t)/21. Injective, so the MI is kept; dimX becomes 2. */
export function swissRollTask(base: Task): Task {
  requireDims("swissRollTask", base, base.dimX === 1, "needs a one-dimensional X with values in (0, 1)");
  return transformTask(base, {
    prefix: "swissroll_x",
    name: `Swiss roll 2 × ${base.dimY}`,
    family: "swiss-roll",
    description: `X rolled into a Swiss roll in the plane; from: ${base.description}`,
    dimX: 2,
    mapX: (s, ptr, n) => {
      const out = s.allocF64(2 * n);
      s.k.dist_swissroll_rows(ptr, out, n);
      return { ptr: out, cols: 2 };
    },
  });
}
