import { MIInputError } from "../errors.js";
import type { InputContext } from "./matrix.js";

export type Label = string | number | boolean;

/** Categorical data coded as 0..K-1 in order of first appearance. */
export interface Labels {
  codes: Int32Array;
  /** classes[c] is the original label of code c. */
  classes: Label[];
  /** counts[c] is the number of rows with code c. */
  counts: number[];
  rows: number;
}

/** Code labels of any values (numbers, strings, booleans). NaN, null and undefined name their row. */
export function toLabels(value: unknown, ctx: InputContext): Labels {
  if (value === null || typeof value !== "object" || typeof (value as ArrayLike<unknown>).length !== "number") {
    throw new MIInputError("invalid-argument", `${ctx.fn}: ${ctx.arg} must be an array of labels.`, ctx);
  }
  const arr = value as ArrayLike<unknown>;
  if (arr.length === 0) throw new MIInputError("empty-input", `${ctx.fn}: ${ctx.arg} is empty.`, ctx);
  const index = new Map<unknown, number>();
  const classes: Label[] = [];
  const counts: number[] = [];
  const codes = new Int32Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    let v = arr[i];
    if (Array.isArray(v) && v.length === 1) v = v[0];
    const ok =
      typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
    if (!ok) {
      throw new MIInputError(
        typeof v === "number" ? "not-finite" : "not-numeric",
        `${ctx.fn}: ${ctx.arg} has an invalid label at row ${i} (${String(v)}); labels must be finite numbers, strings or booleans.`,
        { ...ctx, row: i },
      );
    }
    let c = index.get(v);
    if (c === undefined) {
      c = classes.length;
      index.set(v, c);
      classes.push(v as Label);
      counts.push(0);
    }
    codes[i] = c;
    counts[c]++;
  }
  return { codes, classes, counts, rows: arr.length };
}
