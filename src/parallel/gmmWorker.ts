// A worker_threads worker that runs a range of GMM-MI bootstrap replicates on its own
// WebAssembly instance (bundled as dist/gmm-worker.js beside dist/mutinfo.wasm).
import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { replicateRange } from "../estimators/gmm/replicates.js";
import { setModuleSource } from "../wasm/runtime.js";
import { withKernels } from "../wasm/scope.js";
import type { ReplicateJob } from "./backend.js";

declare const __MUTINFO_WASM__: string;

setModuleSource(async () => WebAssembly.compile(await readFile(new URL(__MUTINFO_WASM__, import.meta.url))));

parentPort!.on("message", async (job: ReplicateJob) => {
  try {
    const result = await withKernels(async (s) => {
      const data = { ptr: s.writeF64(job.data), rows: job.rows, d: job.d };
      return replicateRange(s, data, job.task, async () => parentPort!.postMessage({ type: "progress" }));
    });
    parentPort!.postMessage({ type: "done", result });
  } catch (e) {
    const err = e as { name?: string; message?: string; code?: string };
    parentPort!.postMessage({ type: "error", name: err?.name ?? "Error", message: err?.message ?? String(e), code: err?.code });
  }
});
