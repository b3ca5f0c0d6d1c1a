import { abortError } from "./errors.js";

/** What `onProgress` receives. `done` of `total` units of the current `stage`. */
export interface ProgressEvent {
  /** The estimator reporting, e.g. "gmmMI". */
  estimator: string;
  /** e.g. "select", "bootstrap", "train", "permutations". */
  stage: string;
  done: number;
  total: number;
  /** Optional detail, e.g. the component count being tried. */
  detail?: string;
}

const YIELD_EVERY_MS = 25;
const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Progress and cancellation between WebAssembly calls. `step()` reports, checks the signal and,
 *  every 25 ms of work, yields to the event loop so an abort (or a UI) can get in. */
export class Progress {
  private last = now();
  constructor(
    private readonly estimator: string,
    private readonly signal?: AbortSignal,
    private readonly onProgress?: (e: ProgressEvent) => void,
  ) {
    this.check();
  }

  check(): void {
    if (this.signal?.aborted) throw abortError(this.signal);
  }

  /** Report without yielding (for progress that arrives from other threads). */
  report(stage: string, done: number, total: number, detail?: string): void {
    if (this.onProgress) this.onProgress({ estimator: this.estimator, stage, done, total, ...(detail ? { detail } : {}) });
  }

  async step(stage: string, done: number, total: number, detail?: string): Promise<void> {
    this.check();
    if (this.onProgress) this.onProgress({ estimator: this.estimator, stage, done, total, ...(detail ? { detail } : {}) });
    const t = now();
    if (t - this.last >= YIELD_EVERY_MS) {
      this.last = t;
      await nextTask();
      this.check();
    }
  }
}

export const clock = now;
