import type { Matrix } from "../data/matrix.js";
import { MIInputError } from "../errors.js";
import { checkSeed } from "../random.js";
import { withKernels, type Scope } from "../wasm/scope.js";

/** One draw of n paired samples from a task. */
export interface TaskSample {
  x: Matrix;
  y: Matrix;
}

/** A distribution with known mutual information (after bmi's Task: the id encodes the
 *  parameters, the object carries its true MI). */
export interface Task {
  /** Parameters in the id, e.g. `multinormal-dense-3-3-0.5`; transforms prefix their name. */
  readonly id: string;
  /** Human-readable name, e.g. "Multinormal 3 × 3 (dense)". */
  readonly name: string;
  /** The family it belongs to (for summaries): "multinormal-dense", "student", "spiral", …. */
  readonly family: string;
  readonly description: string;
  readonly dimX: number;
  readonly dimY: number;
  /** True MI in nats. */
  readonly mi: number;
  /** 0 for a closed form; otherwise the Monte Carlo standard error of `mi`. */
  readonly miStdErr: number;
  /** The numeric parameters (also encoded in the id). */
  readonly params: Readonly<Record<string, number>>;
  /** n samples drawn from the PRNG stream (seed, "task"): same seed ⇒ same bits everywhere. */
  sample(n: number, seed: number): Promise<TaskSample>;
  /** Draws into memory owned by scope `s` and returns pointers to the row-major n×dimX and n×dimY
   *  blocks. Used by transforms to work on a base task's draws without leaving WebAssembly memory. */
  drawInto(s: Scope, n: number, seed: number): { x: number; y: number };
}

export type TaskSpec = Omit<Task, "sample">;

/** Largest n a single `sample` call accepts (keeps the WebAssembly memory well below its limit). */
export const MAX_TASK_SAMPLES = 10_000_000;

export function checkSampleSize(fn: string, n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_TASK_SAMPLES) {
    throw new MIInputError(
      "invalid-argument",
      `${fn}: n must be an integer from 1 to ${MAX_TASK_SAMPLES}, got ${String(n)}.`,
      { fn, arg: "n" },
    );
  }
  return n;
}

/** Turn a spec (id, truth, drawInto) into a frozen Task with a validating `sample`. */
export function defineTask(spec: TaskSpec): Task {
  const task: Task = {
    ...spec,
    params: Object.freeze({ ...spec.params }),
    async sample(n: number, seed: number): Promise<TaskSample> {
      const fn = `task(${spec.id}).sample`;
      checkSampleSize(fn, n);
      checkSeed(fn, seed, "seed");
      return withKernels((s) => {
        const { x, y } = spec.drawInto(s, n, seed);
        return {
          x: { data: s.readF64(x, n * spec.dimX), rows: n, cols: spec.dimX },
          y: { data: s.readF64(y, n * spec.dimY), rows: n, cols: spec.dimY },
        };
      });
    },
  };
  return Object.freeze(task);
}

/** Number formatting for ids: the shortest round-trip decimal (0.5 → "0.5", 2 → "2"). */
export function idNum(v: number): string {
  return String(v);
}
