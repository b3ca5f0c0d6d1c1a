// Start-up and call overhead of the built package in Node, Deno and Bun: each runtime imports
// `mutinfo` by name from a scratch app (node_modules/mutinfo → this repository), times the first
// selfTest (import + compile + instantiate + one call) and the median of warm selfTest calls.
// Every run is a fresh process; the digest column shows the bits agree.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median, root, table, writeResult } from "./lib.js";

const rootPath = fileURLToPath(root);
const app = fileURLToPath(new URL("bench/results/tmp/runtimes-app/", root));
rmSync(app, { recursive: true, force: true });
mkdirSync(app + "node_modules", { recursive: true });
symlinkSync(rootPath, app + "node_modules/mutinfo");
writeFileSync(app + "package.json", JSON.stringify({ type: "module", private: true, dependencies: { mutinfo: "*" } }));
writeFileSync(
  app + "probe.js",
  `const t0 = performance.now();
const m = await import("mutinfo");
const first = await m.selfTest(0);
const t1 = performance.now();
const warm = [];
for (let i = 0; i < 200; i++) { const a = performance.now(); await m.selfTest(i); warm.push(performance.now() - a); }
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ firstMs: t1 - t0, warmMs: warm[100], digest: first.digest, runtime: first.runtime }));
`,
);

const bin = (name) => fileURLToPath(new URL(`node_modules/.bin/${name}`, root));
const runtimes = [
  ["node", process.execPath, []],
  ["deno", bin("deno"), ["run", "--allow-read", "--allow-env", "--node-modules-dir=manual"]],
  ["bun", bin("bun"), ["run"]],
];
const RUNS = 5;
const rows = [];
for (const [name, cmd, args] of runtimes) {
  if (!existsSync(cmd)) {
    console.log(`(${name} not installed: skipped)`);
    continue;
  }
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(cmd, [...args, "probe.js"], { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    out.push(JSON.parse(r.stdout.trim().split("\n").pop()));
  }
  rows.push({
    runtime: name,
    "first call ms (median of 5 processes)": median(out.map((o) => o.firstMs)).toFixed(1),
    "warm selfTest µs (median of 200)": (median(out.map((o) => o.warmMs)) * 1000).toFixed(0),
    digest: [...new Set(out.map((o) => o.digest))].join(","),
  });
}
const text = table(rows);
writeResult("runtimes", { rows, text, note: "Noisy: a shared 2-core machine." });
