import { MINumericError } from "../errors.js";
import type { Kernels } from "./kernels.js";

/** How an entry point obtains the compiled module (each runtime has its own way; Workers may
 *  not compile from bytes at run time, so the module, not bytes, is what crosses this seam). */
export type ModuleSource = () => Promise<WebAssembly.Module>;

let source: ModuleSource | undefined;
let current: Promise<Runtime> | undefined;

/** Set by each entry point (src/entry/*.ts), or by `init(...)`. Drops any live instance. */
export function setModuleSource(s: ModuleSource): void {
  source = s;
  current = undefined;
}

/** One WebAssembly.Instance with its kernels. Views over memory are made fresh on every access
 *  because `memory.grow()` detaches the old buffer. */
export class Runtime {
  readonly k: Kernels;
  /** Set when the instance aborted or trapped: it is never used again. */
  broken = false;

  constructor(instance: WebAssembly.Instance) {
    this.k = instance.exports as unknown as Kernels;
  }

  f64(ptr: number, length: number): Float64Array {
    return new Float64Array(this.k.memory.buffer, ptr, length);
  }

  i32(ptr: number, length: number): Int32Array {
    return new Int32Array(this.k.memory.buffer, ptr, length);
  }

  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.k.memory.buffer, ptr, length);
  }
}

function readAsString(memory: WebAssembly.Memory, ptr: number): string {
  if (!ptr) return "";
  try {
    const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0];
    const units = new Uint16Array(memory.buffer, ptr, bytes >>> 1);
    let s = "";
    for (let i = 0; i < units.length; i++) s += String.fromCharCode(units[i]);
    return s;
  } catch {
    return "";
  }
}

async function instantiate(mod: WebAssembly.Module): Promise<Runtime> {
  let rt: Runtime | undefined;
  const imports = {
    env: {
      abort(msg: number, file: number, line: number, column: number): never {
        const memory = rt!.k.memory;
        rt!.broken = true;
        if (current && rt) current = undefined;
        throw new MINumericError(
          "wasm-abort",
          `mutinfo's WebAssembly core stopped: ${readAsString(memory, msg) || "abort"} ` +
            `(${readAsString(memory, file)}:${line}:${column}). The instance was discarded; the next call starts a fresh one.`,
        );
      },
      seed(): number {
        // Never used for results (all randomness comes from rng.ts); required by some std paths.
        return 0;
      },
    },
  };
  const instance = await WebAssembly.instantiate(mod, imports);
  rt = new Runtime(instance);
  return rt;
}

/** The shared runtime, created on first use and rebuilt after an abort or trap. */
export function getRuntime(): Promise<Runtime> {
  if (!source) {
    throw new Error(
      "mutinfo: no WebAssembly module source is set. Import mutinfo through its package entry " +
        "(import { gmmMI } from \"mutinfo\"), or call init(moduleOrUrl) first.",
    );
  }
  if (!current) {
    const s = source;
    const p = s().then(instantiate);
    current = p;
    p.catch(() => {
      if (current === p) current = undefined;
    });
  }
  return current;
}

/** Forget a broken instance so the next call builds a fresh one. */
export function discardRuntime(rt: Runtime): void {
  rt.broken = true;
  const p = current;
  if (p) {
    p.then((live) => {
      if (live === rt && current === p) current = undefined;
    }).catch(() => {});
  }
}
