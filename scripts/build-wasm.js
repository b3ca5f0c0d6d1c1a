// Compile assembly/ into build/mutinfo.wasm with the options in asconfig.json (SIMD on, -O3,
// incremental runtime, raw bindings). Writes to a temporary name and renames, so a concurrent
// reader never sees a half-written file.
import { mkdirSync, renameSync } from "node:fs";
import asc from "assemblyscript/asc";

mkdirSync("build", { recursive: true });
const { error, stderr } = await asc.main(
  ["assembly/index.ts", "--target", "release", "--outFile", "build/mutinfo.tmp.wasm", "--textFile", "build/mutinfo.wat"],
  {},
);
if (error) {
  process.stderr.write(stderr.toString());
  console.error("build-wasm: " + error.message);
  process.exit(1);
}
renameSync("build/mutinfo.tmp.wasm", "build/mutinfo.wasm");
