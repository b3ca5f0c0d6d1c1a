// Shared helpers for benchmark scripts. Benchmarks import the built package (dist/), run
// warm-ups, time several runs, print a table, and write JSON to bench/results/.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

export const root = new URL("../", import.meta.url);
export const fixture = (name) => new URL(`test/fixtures/reference/${name}`, root);
export const readJson = (url) => JSON.parse(readFileSync(url, "utf8"));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Time `fn` (async allowed): `warmup` untimed runs, then `runs` timed; returns ms stats and the last value. */
export async function timeIt(fn, { warmup = 1, runs = 5 } = {}) {
  let value;
  for (let i = 0; i < warmup; i++) value = await fn(i);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn(i);
    ms.push(performance.now() - t0);
  }
  return { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), runs, ms, value };
}

export function machine() {
  const c = cpus();
  return { node: process.version, cpu: c[0]?.model ?? "unknown", cores: c.length, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString() };
}

export function writeResult(name, data) {
  mkdirSync(new URL("bench/results/", root), { recursive: true });
  writeFileSync(new URL(`bench/results/${name}.json`, root), JSON.stringify({ machine: machine(), ...data }, null, 1) + "\n");
}

/** Print rows (objects with the same keys) as an aligned markdown table; returns the text. */
export function table(rows) {
  if (!rows.length) return "";
  const keys = Object.keys(rows[0]);
  const cells = rows.map((r) => keys.map((k) => String(r[k])));
  const w = keys.map((k, j) => Math.max(k.length, ...cells.map((c) => c[j].length)));
  const line = (c) => "| " + c.map((s, j) => s.padEnd(w[j])).join(" | ") + " |";
  const text = [line(keys), "| " + w.map((n) => "-".repeat(n)).join(" | ") + " |", ...cells.map(line)].join("\n");
  console.log(text);
  return text;
}
