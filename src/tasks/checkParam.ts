import { MIInputError } from "../errors.js";

/** Throws MIInputError unless `v` is a finite number satisfying `ok`; `what` says the range. */
export function checkParam(fn: string, arg: string, v: unknown, ok: (v: number) => boolean, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || !ok(v)) {
    throw new MIInputError("invalid-argument", `${fn}: ${arg} must be ${what}, got ${String(v)}.`, { fn, arg });
  }
  return v;
}

export const isDim = (v: number) => Number.isInteger(v) && v >= 1 && v <= 1000;
