// Start-up and speed of the built package in Node, Deno, Bun and Chromium. Each runtime imports
// `mutinfo` by name (Node/Deno/Bun from a scratch app whose node_modules/mutinfo links to this
// repository; Chromium through an import map on a page served from 127.0.0.1) and reports:
// the first selfTest (import + compile + instantiate + one call), the median warm selfTest, and
// the median of 5 warm ksgMI runs on a fixed 5000-row sample. Node/Deno/Bun: median over 3 fresh
// processes. The digest columns show that the bits agree.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { median, root, table, writeResult } from "./lib.js";

const rootPath = fileURLToPath(root);
const app = fileURLToPath(new URL("bench/results/tmp/runtimes-app/", root));
rmSync(app, { recursive: true, force: true });
mkdirSync(app + "node_modules", { recursive: true });
symlinkSync(rootPath, app + "node_modules/mutinfo");
writeFileSync(app + "package.json", JSON.stringify({ type: "module", private: true, dependencies: { mutinfo: "*" } }));
const probe = `
import { fixedSample } from "./cases.js";
export async function probe(load) {
  const t0 = performance.now();
  const m = await load();
  const first = await m.selfTest(0);
  const t1 = performance.now();
  const warm = [];
  for (let i = 0; i < 200; i++) { const a = performance.now(); await m.selfTest(i); warm.push(performance.now() - a); }
  const { x, y } = fixedSample(5000);
  const ksg = [];
  let r;
  for (let i = 0; i < 6; i++) { const a = performance.now(); r = await m.ksgMI(x, y, { seed: 1 }); if (i) ksg.push(performance.now() - a); }
  const med = (v) => v.sort((a, b) => a - b)[v.length >> 1];
  const bits = new DataView(new ArrayBuffer(8)); bits.setFloat64(0, r.mi);
  return { firstMs: t1 - t0, warmMs: med(warm), ksgMs: med(ksg), digest: first.digest, ksgBits: bits.getBigUint64(0).toString(16) };
}
`;
writeFileSync(app + "probe-lib.js", probe);
writeFileSync(app + "cases.js", readFileSync(new URL("test/runtimes/cases.js", root)));
writeFileSync(app + "probe.js", `import { probe } from "./probe-lib.js";\nconsole.log(JSON.stringify(await probe(() => import("mutinfo"))));\n`);

const bin = (name) => fileURLToPath(new URL(`node_modules/.bin/${name}`, root));
const runtimes = [
  ["node", process.execPath, []],
  ["deno", bin("deno"), ["run", "--allow-read", "--allow-env", "--node-modules-dir=manual"]],
  ["bun", bin("bun"), ["run"]],
];
const PROCESSES = 3;
const rows = [];
const row = (name, out) => ({
  runtime: name,
  "first call ms": median(out.map((o) => o.firstMs)).toFixed(1),
  "warm selfTest µs": (median(out.map((o) => o.warmMs)) * 1000).toFixed(0),
  "ksgMI n=5000 ms": median(out.map((o) => o.ksgMs)).toFixed(1),
  digest: [...new Set(out.map((o) => o.digest))].join(","),
  "ksgMI mi bits": [...new Set(out.map((o) => o.ksgBits))].join(","),
});
for (const [name, cmd, args] of runtimes) {
  if (!existsSync(cmd)) {
    console.log(`(${name} not installed: skipped)`);
    continue;
  }
  const out = [];
  for (let i = 0; i < PROCESSES; i++) {
    const r = spawnSync(cmd, [...args, "probe.js"], { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    out.push(JSON.parse(r.stdout.trim().split("\n").pop()));
  }
  rows.push(row(name, out));
}

// Chromium: one page load per measurement, served from 127.0.0.1.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(CHROMIUM)) {
  const { chromium } = await import("playwright-core");
  writeFileSync(
    app + "index.html",
    `<!doctype html><script type="importmap">{"imports":{"mutinfo":"./node_modules/mutinfo/dist/browser.js"}}</script>
<script type="module">import { probe } from "./probe-lib.js"; probe(() => import("mutinfo")).then((r) => (globalThis.__r = r), (e) => (globalThis.__r = { error: String(e) }));</script>`,
  );
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    const file = normalize(join(app, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(app) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const out = [];
  for (let i = 0; i < PROCESSES; i++) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => globalThis.__r !== undefined, undefined, { timeout: 120_000 });
    const r = await page.evaluate(() => globalThis.__r);
    if (r.error) throw new Error(`chromium: ${r.error}`);
    out.push(r);
    await page.close();
  }
  await browser.close();
  server.close();
  rows.push(row("chromium", out));
} else {
  console.log("(chromium not installed: skipped)");
}

const text = table(rows);
writeResult("runtimes", { rows, text, note: "Noisy: a 2-core machine shared with other work while this ran." });
