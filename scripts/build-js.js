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
});
