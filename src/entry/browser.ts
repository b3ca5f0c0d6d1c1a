// Browsers (and anything with fetch + compileStreaming): fetch the .wasm file that ships beside
// this one. The `new URL("./mutinfo.wasm", import.meta.url)` form is what bundlers (Vite, webpack,
// Parcel) recognise as an asset reference; `init(...)` overrides it.
import { compileUrl } from "../init.js";
import { setModuleSource } from "../wasm/runtime.js";

declare const __MUTINFO_WASM__: string;

setModuleSource(() => compileUrl(new URL(__MUTINFO_WASM__, import.meta.url)));

export * from "../index.js";
