// The page script of the Chromium tests. The same file is loaded three ways: unbundled through an
// import map, bundled by esbuild, and built by Vite. It runs every case on the main thread and
// through mutinfo/worker, checks progress, abort and error forwarding, and leaves the outcome in
// `window.__results` for the test to read.
import * as m from "mutinfo";
import { createMIWorker } from "mutinfo/worker";
import { runCases } from "./cases.js";

async function main() {
  const direct = await runCases(m);
  const w = createMIWorker();
  try {
    const worker = await runCases(w);

    const progress = [];
    const st = await w.selfTest(3, { onProgress: (e) => progress.push(e) });

    const pre = new AbortController();
    pre.abort();
    const preAbort = await w.selfTest(3, { signal: pre.signal }).then(() => "resolved", (e) => e.name);

    const mid = new AbortController();
    const midAbort = await w
      .selfTest(4, { signal: mid.signal, onProgress: () => mid.abort() })
      .then(() => "resolved", (e) => e.name);

    const bad = await w.selfTest(-1).then(
      () => null,
      (e) => ({ name: e.name, code: e.code, fn: e.fn, arg: e.arg, isInputError: e instanceof m.MIInputError }),
    );
    const after = await w.selfTest(3);
    return {
      direct,
      worker,
      progress,
      workerRuntime: st.runtime,
      preAbort,
      midAbort,
      bad,
      afterAbortSameDigest: after.digest === st.digest,
    };
  } finally {
    w.terminate();
  }
}

main().then(
  (r) => (globalThis.__results = r),
  (e) => (globalThis.__results = { fatal: String((e && e.stack) || e) }),
);
