// `mutinfo/worker`: run any mutinfo function in a Web Worker with the same signature, so long
// estimations keep the page responsive. `onProgress` and `signal` work as on the main thread.
import { abortError } from "../errors.js";
import type * as Api from "../index.js";
import type { ProgressEvent } from "../progress.js";
import { deserializeError, isOptionsObject, type FromWorker, type ToWorker } from "./protocol.js";

type Fn = (...args: never[]) => unknown;
/** Names of the public functions a worker runs (estimators, selfTest, …; not classes or init). */
export type WorkerFunctionName = {
  [K in keyof typeof Api]: (typeof Api)[K] extends Fn
    ? K extends "init" ? never : K extends Capitalize<K> ? never : K
    : never;
}[keyof typeof Api];

type Remote<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The same functions as the package, each running in the worker; plus the worker's lifecycle. */
export type MIWorker = { [K in WorkerFunctionName]: Remote<(typeof Api)[K]> } & {
  /** The underlying Web Worker. */
  readonly worker: Worker;
  /** Calls the worker is still running, including aborted ones it has not stopped yet. */
  readonly running: number;
  /** Resolves when the worker has finished every call it was given (aborted ones included). */
  idle(): Promise<void>;
  /** Stop the worker; pending calls reject. */
  terminate(): void;
};

export interface MIWorkerOptions {
  /** A worker you created from `mutinfo/worker-thread` yourself (e.g. hosted at another URL). */
  worker?: Worker;
  /** Where the worker gets the WebAssembly module: its URL (relative to the page), or a compiled
   *  module (what `init` takes). */
  wasm?: string | URL | WebAssembly.Module;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (e: ProgressEvent) => void;
  cleanup(): void;
}

/**
 * Start a Web Worker that runs mutinfo. Every function of the package is available on the
 * returned object with the same arguments and results (`await w.gmmMI(x, y, { seed: 1 })`);
 * `onProgress` callbacks are called on this thread and `signal` aborts the call in the worker.
 */
export function createMIWorker(options: MIWorkerOptions = {}): MIWorker {
  if (typeof Worker === "undefined") {
    throw new Error("mutinfo/worker needs Web Workers (browsers, Deno, Bun). In Node, call mutinfo directly or use worker_threads.");
  }
  const worker = options.worker ?? new Worker(new URL("./worker-thread.js", import.meta.url), { type: "module" });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | undefined;
  /** Ids the worker has been given and not yet answered (an aborted call stays until it stops). */
  const inWorker = new Set<number>();
  let idleWaiters: (() => void)[] = [];
  const settle = (id: number) => {
    inWorker.delete(id);
    if (inWorker.size === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      for (const f of w) f();
    }
  };

  const post = (m: ToWorker) => worker.postMessage(m);
  if (options.wasm !== undefined) {
    // A relative URL means relative to this page, not to the worker's script: resolve it here.
    const base = (globalThis as { location?: { href: string } }).location?.href;
    const wasm = options.wasm instanceof URL ? options.wasm.href
      : typeof options.wasm === "string" && base ? new URL(options.wasm, base).href
      : options.wasm;
    post({ type: "init", wasm });
  }

  const failAll = (err: Error) => {
    dead = err;
    for (const id of [...inWorker]) settle(id);
    for (const p of pending.values()) {
      p.cleanup();
      p.reject(err);
    }
    pending.clear();
  };

  worker.addEventListener("message", (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    if (msg.type === "ready") return;
    if (msg.type !== "progress") settle(msg.id);
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === "progress") {
      p.onProgress?.(msg.event);
      return;
    }
    pending.delete(msg.id);
    p.cleanup();
    if (msg.type === "result") p.resolve(msg.value);
    else p.reject(deserializeError(msg.error));
  });
  worker.addEventListener("error", (e: Event) => {
    const detail = (e as ErrorEvent).message;
    failAll(new Error(`mutinfo/worker: the worker failed${detail ? `: ${detail}` : " to load (check that worker-thread.js and mutinfo.wasm are served beside worker.js)"}.`));
  });

  function run(name: string, args: unknown[]): Promise<unknown> {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    const last = args[args.length - 1];
    let signal: AbortSignal | undefined;
    let onProgress: ((e: ProgressEvent) => void) | undefined;
    const sent = args.slice();
    if (isOptionsObject(last)) {
      const { signal: sg, onProgress: op, ...rest } = last as { signal?: AbortSignal; onProgress?: (e: ProgressEvent) => void };
      signal = sg;
      onProgress = op;
      sent[sent.length - 1] = rest;
    }
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id);
        post({ type: "abort", id, reason: "aborted" });
        reject(abortError(signal));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      pending.set(id, { resolve, reject, onProgress, cleanup: () => signal?.removeEventListener("abort", onAbort) });
      inWorker.add(id);
      post({ type: "call", id, name, args: sent, progress: typeof onProgress === "function" });
    });
  }

  const base = {
    worker,
    get running() {
      return inWorker.size;
    },
    idle(): Promise<void> {
      return inWorker.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    terminate() {
      worker.terminate();
      failAll(new Error("mutinfo/worker: the worker was terminated."));
    },
  };
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (typeof prop !== "string" || prop in target) return Reflect.get(target, prop, receiver);
      if (prop === "then") return undefined; // not a thenable
      return (...args: unknown[]) => run(prop, args);
    },
  }) as unknown as MIWorker;
}
