import type { ReplicateRange, ReplicateTask } from "../estimators/gmm/replicates.js";

/** One share of the bootstrap for a worker: the data and the replicate range. */
export interface ReplicateJob {
  data: Float64Array;
  rows: number;
  d: number;
  task: ReplicateTask;
}

/** Runs replicate jobs on other threads (each its own WebAssembly instance). Entry points register
 *  one where their runtime has threads; elsewhere `workers` > 1 falls back to one thread. */
export interface ParallelBackend {
  name: string;
  run(jobs: ReplicateJob[], onReplicate: () => void, signal?: AbortSignal): Promise<ReplicateRange[]>;
}

let backend: ParallelBackend | undefined;

export function setParallelBackend(b: ParallelBackend | undefined): void {
  backend = b;
}

export function getParallelBackend(): ParallelBackend | undefined {
  return backend;
}

/** Split 0..B−1 into `w` contiguous ranges of near-equal size. */
export function splitRange(B: number, w: number): [number, number][] {
  const out: [number, number][] = [];
  const base = Math.floor(B / w);
  const extra = B % w;
  let from = 0;
  for (let i = 0; i < w; i++) {
    const to = from + base + (i < extra ? 1 : 0);
    if (to > from) out.push([from, to]);
    from = to;
  }
  return out;
}
