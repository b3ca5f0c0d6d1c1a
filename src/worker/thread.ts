// The worker side of `mutinfo/worker`: runs the browser entry inside a Web Worker and answers
// calls from `createMIWorker`. Progress is posted back; an abort message aborts a local signal.
import * as api from "../entry/browser.js";
import { init } from "../init.js";
import { isOptionsObject, serializeError, type FromWorker, type ToWorker } from "./protocol.js";

interface WorkerScope {
  postMessage(m: FromWorker): void;
  addEventListener(type: "message", fn: (e: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const running = new Map<number, AbortController>();
let ready: Promise<void> = Promise.resolve();

/** Functions of the public API a worker may run: everything callable except classes and init. */
function callable(name: string): ((...args: unknown[]) => unknown) | undefined {
  const f = (api as Record<string, unknown>)[name];
  if (typeof f !== "function" || name === "init" || /^[A-Z]/.test(name)) return undefined;
  return f as (...args: unknown[]) => unknown;
}

async function call(msg: Extract<ToWorker, { type: "call" }>): Promise<void> {
  const { id, name, args, progress } = msg;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    await ready;
    const f = callable(name);
    if (!f) throw new TypeError(`mutinfo/worker: "${name}" is not a function mutinfo exports.`);
    const last = args[args.length - 1];
    if (isOptionsObject(last)) {
      const opts: Record<string, unknown> = { ...last, signal: controller.signal };
      if (progress) opts.onProgress = (event: unknown) => scope.postMessage({ type: "progress", id, event } as FromWorker);
      args[args.length - 1] = opts;
    }
    const value = await f(...args);
    scope.postMessage({ type: "result", id, value });
  } catch (err) {
    scope.postMessage({ type: "error", id, error: serializeError(err) });
  } finally {
    running.delete(id);
  }
}

scope.addEventListener("message", (e) => {
  const msg = e.data;
  if (msg.type === "init") ready = init(msg.wasm);
  else if (msg.type === "call") void call(msg);
  else if (msg.type === "abort") running.get(msg.id)?.abort(msg.reason);
});
scope.postMessage({ type: "ready" });
