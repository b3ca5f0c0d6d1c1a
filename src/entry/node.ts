// Node (and Deno/Bun through the node condition): compile the .wasm file that ships beside this one.
import { readFile } from "node:fs/promises";
import { setParallelBackend } from "../parallel/backend.js";
import { nodeBackend } from "../parallel/nodeBackend.js";
import { setModuleSource } from "../wasm/runtime.js";

declare const __MUTINFO_WASM__: string;

setParallelBackend(nodeBackend);
setModuleSource(async () => WebAssembly.compile(await readFile(new URL(__MUTINFO_WASM__, import.meta.url))));

export * from "../index.js";
