// Bundle the TypeScript entry points with esbuild into dist/ and put the .wasm beside them.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

mkdirSync("dist", { recursive: true });
copyFileSync("build/mutinfo.wasm", "dist/mutinfo.wasm");

const common = {
  bundle: true,
  format: "esm",
  sourcemap: true,
  logLevel: "warning",
  define: { __MUTINFO_WASM__: JSON.stringify("./mutinfo.wasm"), __MUTINFO_GMM_WORKER__: JSON.stringify("./gmm-worker.js") },
};

await build({
  ...common,
  entryPoints: { node: "src/entry/node.ts", cli: "src/cli/main.ts", "gmm-worker": "src/parallel/gmmWorker.ts" },
  outdir: "dist",
  platform: "node",
  target: "node20",
});

// ---- runtimes: browser, workerd and Web Worker entries ----
// browser.js and worker.js share a chunk, so `mutinfo` and `mutinfo/worker` share one
// MIInputError class (instanceof works on errors forwarded from the worker). worker-thread.js is
// one self-contained file (it runs alone in the Worker). Every entry finds mutinfo.wasm beside
// itself: browser.js and worker-thread.js by `new URL("./mutinfo.wasm", import.meta.url)` (that
// line lives in the entry file itself, never in a chunk), workerd.js by
// `import mod from "./mutinfo.wasm"` (kept as an import for the Worker host or its bundler).
await build({
  ...common,
  entryPoints: { browser: "src/entry/browser.ts", worker: "src/worker/index.ts" },
  outdir: "dist",
  platform: "browser",
  target: "es2022",
  splitting: true,
  chunkNames: "chunks/web-[hash]",
});
await build({
  ...common,
  entryPoints: { "worker-thread": "src/worker/thread.ts" },
  outdir: "dist",
  platform: "browser",
  target: "es2022",
});
await build({
  ...common,
  entryPoints: { workerd: "src/entry/workerd.ts" },
  outdir: "dist",
  platform: "neutral",
  target: "es2022",
  plugins: [
    {
      name: "wasm-import-stays-external",
      setup(b) {
        b.onResolve({ filter: /\.wasm$/ }, (args) => ({ path: "./mutinfo.wasm", external: true }));
      },
    },
  ],
});
