import { MIInputError } from "./errors.js";
import { setModuleSource } from "./wasm/runtime.js";

/** What `init` accepts: a compiled module, the module's bytes, a Response (or its promise), or
 *  the URL the `.wasm` file is served from. */
export type WasmSource =
  | WebAssembly.Module
  | BufferSource
  | Response
  | PromiseLike<Response>
  | URL
  | string;

function isResponse(v: unknown): v is Response {
  return typeof Response !== "undefined" && v instanceof Response;
}

/** Compile a fetched response, streaming when the server sends `application/wasm` and falling
 *  back to reading the bytes when it does not (many static servers send a generic MIME type). */
export async function compileResponse(response: Response | PromiseLike<Response>): Promise<WebAssembly.Module> {
  const res = await response;
  if (!res.ok) throw new Error(`mutinfo: fetching the WebAssembly module failed: HTTP ${res.status} ${res.statusText} (${res.url})`);
  const type = res.headers.get("content-type") ?? "";
  if (typeof WebAssembly.compileStreaming === "function" && type.split(";")[0].trim() === "application/wasm") {
    try {
      return await WebAssembly.compileStreaming(res.clone());
    } catch {
      // Fall through: some hosts reject streaming for reasons other than the MIME type.
    }
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** Fetch and compile the module at `url`. */
export function compileUrl(url: URL | string): Promise<WebAssembly.Module> {
  return compileResponse(fetch(url));
}

function toModuleSource(source: WasmSource): () => Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return async () => source;
  if (source instanceof URL || typeof source === "string") return () => compileUrl(source);
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) {
    return () => WebAssembly.compile(source as BufferSource);
  }
  if (isResponse(source) || (typeof source === "object" && source !== null && typeof (source as PromiseLike<Response>).then === "function")) {
    // A response can be read once: compile it once and hand out the same module.
    const once = compileResponse(source as Response | PromiseLike<Response>);
    return () => once;
  }
  throw new MIInputError(
    "invalid-argument",
    "init: source must be a WebAssembly.Module, the module's bytes (ArrayBuffer or typed array), a Response, or the URL of mutinfo.wasm.",
    { fn: "init", arg: "source" },
  );
}

/**
 * Tell mutinfo where its WebAssembly module comes from, replacing the entry point's default
 * (only needed when the `.wasm` file is hosted somewhere else, or a runtime needs a pre-compiled
 * module). Compiles at once so a wrong URL or bad bytes fail here, not in the first estimator
 * call. Any live instance is dropped; the next call instantiates the new module.
 */
export async function init(source: WasmSource): Promise<void> {
  const get = toModuleSource(source);
  const mod = await get();
  setModuleSource(async () => mod);
}
