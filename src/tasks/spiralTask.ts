import type { Task } from "./task.js";
import { requireDims, transformTask, type BlockMap } from "./transformTask.js";
import { idNum } from "./task.js";

function spiral(a: number, b: number, speed: number): BlockMap {
  return (s, ptr, n, d) => {
    const out = s.allocF64(n * d);
    s.f64(out, n * d).set(s.f64(ptr, n * d));
    s.k.dist_spiral_rows(out, n, d, a, b, speed);
    return { ptr: out, cols: d };
  };
}

/** Spiral diffeomorphism (Beyond Normal): X's coordinates (0, 1) and Y's coordinates (1, 2) are
 *  rotated by the angle speed·‖row‖². Needs dimX ≥ 2 and dimY ≥ 3. */
export function spiralTask(base: Task, speed = 1 / 3): Task {
  requireDims("spiralTask", base, base.dimX >= 2 && base.dimY >= 3, "needs dimX ≥ 2 and dimY ≥ 3");
  return transformTask(base, {
    prefix: `spiral_${idNum(Number(speed.toPrecision(4)))}`,
    name: `Spiral @ ${base.name}`,
    family: "spiral",
    description: `Spiral rotation (speed ${speed.toPrecision(4)}) of: ${base.description}`,
    mapX: spiral(0, 1, speed),
    mapY: spiral(1, 2, speed),
    params: { speed },
  });
}
