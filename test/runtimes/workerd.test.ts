// workerd (the Cloudflare Workers runtime, from the `workerd` npm package) serves a Worker on
// 127.0.0.1 that imports mutinfo through the `workerd` condition; its answers must carry Node's bits.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, describeRuntime, makeApp, nodeResults, runs } from "./app.js";

const workerd = join(BIN, "workerd");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, proc: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`workerd exited (${proc.exitCode}):\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`workerd did not answer on ${url}:\n${log()}`);
}

describeRuntime("workerd", runs(workerd), "It comes from the `workerd` dev dependency: run `npm install`.", () => {
  let proc: ChildProcess | undefined;
  let base = "";
  let expected: Record<string, unknown>;
  let output = "";

  beforeAll(async () => {
    expected = await nodeResults();
    const dir = makeApp("workerd", ["workerd-worker.js"]);
    // Bundle the Worker the way wrangler does: workerd/worker/browser conditions, .wasm imports
    // kept as separate modules (copied beside the script, the import path rewritten).
    await build({
      entryPoints: [join(dir, "workerd-worker.js")],
      outdir: join(dir, "out"),
      bundle: true,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      conditions: ["workerd", "worker", "browser"],
      loader: { ".wasm": "copy" },
      assetNames: "[name]",
      logLevel: "warning",
    });
    const files = readdirSync(join(dir, "out"));
    const modules = files.map((f) =>
      f.endsWith(".wasm") ? `(name = "${f}", wasm = embed "out/${f}")` : `(name = "${f}", esModule = embed "out/${f}")`,
    );
    const port = await freePort();
    writeFileSync(
      join(dir, "config.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .mainWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const mainWorker :Workerd.Worker = (
  modules = [ ${modules.filter((m) => m.includes("workerd-worker.js")).concat(modules.filter((m) => !m.includes("workerd-worker.js"))).join(", ")} ],
  compatibilityDate = "2025-01-01",
);
`,
    );
    proc = spawn(workerd, ["serve", "config.capnp", "--verbose"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    proc.stdout!.on("data", (d) => (output += d));
    proc.stderr!.on("data", (d) => (output += d));
    base = `http://127.0.0.1:${port}`;
    await waitFor(base + "/compile-from-bytes", proc, () => output);
  });

  afterAll(() => {
    proc?.kill();
  });

  it("the Worker script really is in workerd, which refuses to compile WebAssembly from bytes", async () => {
    const r = await (await fetch(base + "/compile-from-bytes")).json();
    expect(r.refused).toBe(true);
  });

  it("a Worker importing mutinfo via the workerd condition answers with Node's exact bits for every case", async () => {
    const r = await (await fetch(base + "/")).json();
    expect(r.runtime).toBe("workerd");
    expect(r.results).toEqual(expected);
  });
});
