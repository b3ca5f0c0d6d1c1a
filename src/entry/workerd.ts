// Cloudflare Workers / workerd and other edge runtimes that refuse to compile WebAssembly from
// bytes at run time: the module is imported, so the host (or its bundler) compiles it at deploy.
import mod from "./mutinfo.wasm";
import { setModuleSource } from "../wasm/runtime.js";

setModuleSource(async () => mod);

export * from "../index.js";
