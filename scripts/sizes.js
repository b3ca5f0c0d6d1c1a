// Print the size of dist/mutinfo.wasm and of each entry (with the chunks it imports), raw and
// gzipped (level 9), as a markdown table. Run after `npm run build`: `node scripts/sizes.js`.
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = "dist";
const ENTRIES = [
  ["mutinfo.wasm", "the WebAssembly core (every entry loads it)"],
  ["node.js", "`mutinfo` under Node, Deno, Bun"],
  ["browser.js", "`mutinfo` in browsers"],
  ["workerd.js", "`mutinfo` in workerd / Workers"],
  ["worker.js", "`mutinfo/worker` (main thread side)"],
  ["worker-thread.js", "the Web Worker script it starts"],
];

/** The file and every JS file it imports statically (relative imports only), once each. */
function closure(file, seen = new Set()) {
  if (seen.has(file) || !file.endsWith(".js")) return seen;
  seen.add(file);
  const src = readFileSync(join(DIST, file), "utf8");
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["'](\.[^"']+)["']/g)) {
    closure(normalize(join(dirname(file), m[1])), seen);
  }
  return seen;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("| file | what | raw | gzip |");
console.log("| --- | --- | ---: | ---: |");
for (const [file, what] of ENTRIES) {
  const files = file.endsWith(".wasm") ? [file] : [...closure(file)];
  const bytes = Buffer.concat(files.map((f) => readFileSync(join(DIST, f))));
  const label = files.length > 1 ? `${file} + ${files.length - 1} chunk${files.length > 2 ? "s" : ""}` : file;
  console.log(`| ${label} | ${what} | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`);
}
