import { MIInputError, MINumericError, abortError } from "../errors.js";
import type { MIInputErrorCode, MINumericErrorCode } from "../errors.js";
import type { ProgressEvent } from "../progress.js";

/** Messages between `createMIWorker` (main thread) and the worker thread. Everything in them is
 *  structured-cloneable: callbacks and signals stay on the main thread and cross as messages. */
export type ToWorker =
  | { type: "init"; wasm: string | WebAssembly.Module }
  | { type: "call"; id: number; name: string; args: unknown[]; progress: boolean }
  | { type: "abort"; id: number; reason: string };

export type FromWorker =
  | { type: "ready" }
  | { type: "progress"; id: number; event: ProgressEvent }
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  fn?: string;
  arg?: string;
  row?: number;
  col?: number;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    const e = err as Error & Partial<Omit<SerializedError, "name" | "message">>;
    return { name: e.name, message: e.message, code: e.code, fn: e.fn, arg: e.arg, row: e.row, col: e.col };
  }
  return { name: "Error", message: String(err) };
}

/** Rebuild the error on the main thread with its class, code and details. */
export function deserializeError(e: SerializedError): Error {
  if (e.name === "MIInputError") {
    return new MIInputError(e.code as MIInputErrorCode, e.message, { fn: e.fn, arg: e.arg, row: e.row, col: e.col });
  }
  if (e.name === "MINumericError") return new MINumericError(e.code as MINumericErrorCode, e.message);
  if (e.name === "AbortError") return abortError(undefined);
  const out = new Error(e.message);
  out.name = e.name;
  return out;
}

/** A plain options object (the last argument of every estimator), as opposed to data. */
export function isOptionsObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) &&
    Object.getPrototypeOf(v) === Object.prototype;
}
