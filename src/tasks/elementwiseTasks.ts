import type { Task } from "./task.js";
import { elementwise, transformTask, type BlockMap } from "./transformTask.js";

/** Φ applied to every coordinate (Gaussian margins become uniform). */
export function normalCdfTask(base: Task): Task {
  return transformTask(base, {
    prefix: "normal_cdf",
    name: `Normal CDF @ ${base.name}`,
    family: "normal-cdf",
    description: `Standard normal CDF of every coordinate of: ${base.description}`,
    mapX: elementwise("dist_normal_cdf_f64"),
    mapY: elementwise("dist_normal_cdf_f64"),
  });
}

/** x ↦ x·√|x| on every coordinate (lengthens the tails). */
export function halfCubeTask(base: Task): Task {
  return transformTask(base, {
    prefix: "half_cube",
    name: `Half-cube @ ${base.name}`,
    family: "half-cube",
    description: `x·√|x| of every coordinate of: ${base.description}`,
    mapX: elementwise("dist_half_cube_f64"),
    mapY: elementwise("dist_half_cube_f64"),
  });
}

/** asinh on every coordinate (shortens heavy tails). */
export function asinhTask(base: Task): Task {
  return transformTask(base, {
    prefix: "asinh",
    name: `Asinh @ ${base.name}`,
    family: "asinh",
    description: `asinh of every coordinate of: ${base.description}`,
    mapX: elementwise("dist_asinh_f64"),
    mapY: elementwise("dist_asinh_f64"),
  });
}

/** Natural log on every coordinate (for positive tasks: the GMM-MI paper's gamma–exponential and
 *  Weinman tasks are estimated on (ln X, ln Y)). */
export function logTask(base: Task): Task {
  return transformTask(base, {
    prefix: "log",
    name: `Log @ ${base.name}`,
    family: `log-${base.family}`,
    description: `ln of every coordinate of: ${base.description}`,
    mapX: elementwise("special_log"),
    mapY: elementwise("special_log"),
  });
}

/** The benchmark's "wiggly" maps: X and Y each through a different increasing x + small-sines map. */
export function wigglyTask(base: Task): Task {
  const wiggle = (which: number): BlockMap => (s, ptr, n, d) => {
    const out = s.allocF64(n * d);
    s.k.dist_wiggly_f64(ptr, out, n * d, which);
    return { ptr: out, cols: d };
  };
  return transformTask(base, {
    prefix: "wiggly",
    name: `Wiggly @ ${base.name}`,
    family: "wiggly",
    description: `Increasing wiggly maps of every coordinate of: ${base.description}`,
    mapX: wiggle(0),
    mapY: wiggle(1),
  });
}
