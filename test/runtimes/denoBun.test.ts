// Deno and Bun (from their npm packages) import mutinfo by name and must reproduce Node's bits.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { BIN, describeRuntime, makeApp, nodeResults, runs } from "./app.js";

let expected: Record<string, unknown>;
beforeAll(async () => {
  expected = await nodeResults();
});

function smoke(dir: string, cmd: string, args: string[]): { runtime: string; results: Record<string, unknown> } {
  const r = spawnSync(cmd, [...args, "smoke.js"], { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const deno = join(BIN, "deno");
describeRuntime("Deno", runs(deno), "It comes from the `deno` dev dependency: run `npm install`.", () => {
  it("Deno imports mutinfo from node_modules and gives Node's exact bits for every case", () => {
    const dir = makeApp("deno", ["smoke.js"]);
    const out = smoke(dir, deno, ["run", "--allow-read", "--allow-env", "--node-modules-dir=manual"]);
    expect(out.runtime).toBe("deno");
    expect(out.results).toEqual(expected);
  });
});

const bun = join(BIN, "bun");
describeRuntime("Bun", runs(bun), "It comes from the `bun` dev dependency: run `npm install`.", () => {
  it("Bun imports mutinfo from node_modules and gives Node's exact bits for every case", () => {
    const dir = makeApp("bun", ["smoke.js"]);
    const out = smoke(dir, bun, ["run"]);
    expect(out.runtime).toBe("bun");
    expect(out.results).toEqual(expected);
  });
});
