// The page script of the Chromium tests. The same file is loaded three ways: unbundled through an
// import map, bundled by esbuild, and built by Vite. It runs every case on the main thread and
// through mutinfo/worker, checks progress, abort and error forwarding, and leaves the outcome in
// `window.__results` for the test to read.
import * as m from "mutinfo";
import { createMIWorker } from "mutinfo/worker";
import { runCases, SAMPLE } from "./cases.js";

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
    // A ksgMI permutation test reports each permutation through the worker.
    const ksgProgress = [];
    await w.ksgMI(SAMPLE.x, SAMPLE.y, { seed: 2, permutations: 25, onProgress: (e) => ksgProgress.push(e) });

    // gmmMI reports its component search and bootstrap through the worker.
    const gmmStages = new Set();
    let gmmLast;
    await w.gmmMI(SAMPLE.x, SAMPLE.y, { seed: 1, maxComponents: 2, nBootstrap: 4, mcSamples: 500, onProgress: (e) => { gmmStages.add(e.stage); gmmLast = e; } });

    // Abort a run that would take minutes (10^6 permutations) after its third progress event:
    // the call rejects at once, and the worker itself stops the run (idle() resolves; were the
    // abort not forwarded, the worker would stay busy and the page would time out).
    const long = new AbortController();
    let seen = 0;
    const longAbort = await w
      .ksgMI(SAMPLE.x, SAMPLE.y, { seed: 1, permutations: 1000000, signal: long.signal, onProgress: () => ++seen === 3 && long.abort() })
      .then(() => "resolved", (e) => e.name);
    await w.idle();
    const runningAfterIdle = w.running;

    const after = await w.selfTest(3);

    // ?wasm=URL: also start a worker that gets a WebAssembly.Module compiled on this thread.
    // ?wasm=URL (relative to the page): also a worker given that URL.
    const wasmParam = new URLSearchParams(location.search).get("wasm");
    let moduleWorker = null;
    let urlWorker = null;
    if (wasmParam) {
      const mod = await WebAssembly.compileStreaming(fetch(wasmParam));
      for (const [wasm, set] of [[mod, (r) => (moduleWorker = r)], [wasmParam, (r) => (urlWorker = r)]]) {
        const w2 = createMIWorker({ wasm });
        try {
          set(await runCases(w2));
        } finally {
          w2.terminate();
        }
      }
    }
    return {
      direct,
      worker,
      progress,
      workerRuntime: st.runtime,
      preAbort,
      midAbort,
      bad,
      afterAbortSameDigest: after.digest === st.digest,
      ksgProgressCount: ksgProgress.length,
      ksgProgressLast: ksgProgress[ksgProgress.length - 1],
      longAbort,
      gmmStages: [...gmmStages].sort(),
      gmmLast,
      runningAfterIdle,
      moduleWorker,
      urlWorker,
    };
  } finally {
    w.terminate();
  }
}

main().then(
  (r) => (globalThis.__results = r),
  (e) => (globalThis.__results = { fatal: String((e && e.stack) || e) }),
);
