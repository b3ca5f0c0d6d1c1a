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
  define: { __MUTINFO_WASM__: JSON.stringify("./mutinfo.wasm") },
};

await build({
  ...common,
  entryPoints: { node: "src/entry/node.ts", cli: "src/cli/main.ts" },
  outdir: "dist",
  platform: "node",
  target: "node20",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

// ---- runtimes (issue 5): browser, workerd and Web Worker entries ----
// Each is one self-contained file (no chunks) so it can be copied or served on its own, and each
// finds mutinfo.wasm beside itself: browser.js and worker-thread.js by
// `new URL("./mutinfo.wasm", import.meta.url)`, workerd.js by `import mod from "./mutinfo.wasm"`
// (kept as an import for the Worker host or its bundler to turn into a compiled module).
await build({
  ...common,
  entryPoints: {
    browser: "src/entry/browser.ts",
    worker: "src/worker/index.ts",
    "worker-thread": "src/worker/thread.ts",
  },
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
