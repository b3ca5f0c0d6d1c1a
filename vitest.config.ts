import { defineConfig } from "vitest/config";

export default defineConfig({
  define: {
    // Tests import src/ directly; the Node entry finds the freshly built module here.
    __MUTINFO_WASM__: JSON.stringify("../../build/mutinfo.wasm"),
    // …and the bootstrap worker built by `npm run build` (tests run after it).
    __MUTINFO_GMM_WORKER__: JSON.stringify("../../dist/gmm-worker.js"),
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
