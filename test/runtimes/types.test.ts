// The published type declarations work for a TypeScript user of `mutinfo` and `mutinfo/worker`,
// with both module resolutions a user is likely to have (NodeNext and Bundler).
import { spawnSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BIN, makeApp, ROOT } from "./app.js";

for (const [module, moduleResolution] of [["NodeNext", "NodeNext"], ["ESNext", "Bundler"]]) {
  it(`a TypeScript consumer type-checks against the packed package (moduleResolution ${moduleResolution})`, () => {
    const dir = makeApp(`types-${moduleResolution.toLowerCase()}`);
    copyFileSync(join(ROOT, "test/runtimes/consumer.ts.txt"), join(dir, "consumer.ts"));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module, moduleResolution, lib: ["ES2022", "DOM"], strict: true, noEmit: true, types: [] },
        files: ["consumer.ts"],
      }),
    );
    const r = spawnSync(join(BIN, "tsc"), ["-p", "."], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
}
