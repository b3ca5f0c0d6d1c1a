import { abortError, MIInputError, MINumericError } from "../errors.js";
import type { ReplicateRange } from "../estimators/gmm/replicates.js";
import type { ParallelBackend, ReplicateJob } from "./backend.js";

declare const __MUTINFO_GMM_WORKER__: string;

type WorkerMessage =
  | { type: "progress" }
  | { type: "done"; result: ReplicateRange }
  | { type: "error"; name: string; message: string; code?: string };

function rebuild(m: { name: string; message: string; code?: string }): Error {
  if (m.name === "MINumericError") return new MINumericError((m.code ?? "wasm-trap") as never, m.message);
  if (m.name === "MIInputError") return new MIInputError((m.code ?? "invalid-argument") as never, m.message);
  const e = new Error(m.message);
  e.name = m.name;
  return e;
}

/** worker_threads backend: one worker (one WebAssembly instance) per job, terminated afterwards. */
export const nodeBackend: ParallelBackend = {
  name: "worker_threads",
  async run(jobs: ReplicateJob[], onReplicate: () => void, signal?: AbortSignal): Promise<ReplicateRange[]> {
    const { Worker } = await import("node:worker_threads");
    const url = new URL(__MUTINFO_GMM_WORKER__, import.meta.url);
    const workers = jobs.map(() => new Worker(url));
    let onAbort: (() => void) | undefined;
    try {
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(abortError(signal));
        if (signal?.aborted) onAbort();
        else signal?.addEventListener("abort", onAbort, { once: true });
      });
      const results = Promise.all(
        jobs.map((job, i) => new Promise<ReplicateRange>((resolve, reject) => {
          const w = workers[i];
          w.on("message", (m: WorkerMessage) => {
            if (m.type === "progress") onReplicate();
            else if (m.type === "done") resolve(m.result);
            else reject(rebuild(m));
          });
          w.on("error", reject);
          w.on("exit", (code) => reject(new MINumericError("wasm-trap", `gmmMI: a bootstrap worker exited (code ${code}) before finishing.`)));
          w.postMessage(job);
        })),
      );
      return await Promise.race([results, aborted]);
    } finally {
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      await Promise.all(workers.map((w) => w.terminate()));
    }
  },
};
