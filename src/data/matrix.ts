import { MIInputError } from "../errors.js";

/** Row-major f64 samples: `rows` samples of `cols` dimensions. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

/** What estimators accept for a variable: a column of numbers, rows of numbers, or a Matrix. */
export type NumericInput = ArrayLike<number> | ArrayLike<ArrayLike<number>> | Matrix;

/** Where a value came from, for error messages. */
export interface InputContext {
  fn: string;
  arg: string;
}

export function isMatrix(v: unknown): v is Matrix {
  return (
    typeof v === "object" && v !== null && (v as Matrix).data instanceof Float64Array &&
    Number.isInteger((v as Matrix).rows) && Number.isInteger((v as Matrix).cols)
  );
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return JSON.stringify(v.length > 20 ? v.slice(0, 20) + "…" : v);
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : String(v);
}

function checkValue(v: unknown, ctx: InputContext, row: number, col: number, cols: number): number {
  const where = cols > 1 ? `row ${row}, column ${col}` : `row ${row}`;
  if (typeof v !== "number") {
    throw new MIInputError(
      "not-numeric",
      `${ctx.fn}: ${ctx.arg} has a non-numeric value at ${where} (${describe(v)}). ` +
        `Convert the data to numbers first${ctx.arg === "y" ? ", or pass discreteY: true for labels" : ""}.`,
      { ...ctx, row, col },
    );
  }
  if (!Number.isFinite(v)) {
    throw new MIInputError(
      "not-finite",
      `${ctx.fn}: ${ctx.arg} has ${String(v)} at ${where}. Remove or impute that row in every ` +
        `variable (mutinfo never drops rows silently: that would misalign the variables).`,
      { ...ctx, row, col },
    );
  }
  return v;
}

/** Validate and copy any accepted input into a Matrix. Names the row of the first bad value. */
export function toMatrix(value: unknown, ctx: InputContext): Matrix {
  if (isMatrix(value)) {
    const { data, rows, cols } = value;
    if (rows < 1 || cols < 1 || data.length !== rows * cols) {
      throw new MIInputError(
        rows < 1 ? "empty-input" : "not-rectangular",
        `${ctx.fn}: ${ctx.arg} is a Matrix whose data length ${data.length} is not rows × cols = ${rows} × ${cols}.`,
        ctx,
      );
    }
    if (allFinite(data)) return { data: data.slice(), rows, cols };
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = checkValue(data[i], ctx, Math.floor(i / cols), i % cols, cols);
    return { data: out, rows, cols };
  }
  // A Float64Array column: check it in one tight loop and copy it whole (the per-value path
  // below then only runs to name the first bad value).
  if (value instanceof Float64Array && value.length > 0 && allFinite(value)) return { data: value.slice(), rows: value.length, cols: 1 };
  if (value === null || typeof value !== "object" || typeof (value as ArrayLike<unknown>).length !== "number") {
    throw new MIInputError(
      "invalid-argument",
      `${ctx.fn}: ${ctx.arg} must be an array of numbers, an array of rows, a typed array or a Matrix; got ${describe(value)}.`,
      ctx,
    );
  }
  const arr = value as ArrayLike<unknown>;
  const rows = arr.length;
  if (rows === 0) {
    throw new MIInputError("empty-input", `${ctx.fn}: ${ctx.arg} is empty.`, ctx);
  }
  const first = arr[0];
  const isRows = typeof first === "object" && first !== null && typeof (first as ArrayLike<unknown>).length === "number";
  if (!isRows) {
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = checkValue(arr[i], ctx, i, 0, 1);
    return { data: out, rows, cols: 1 };
  }
  const cols = (first as ArrayLike<unknown>).length;
  if (cols === 0) {
    throw new MIInputError("empty-input", `${ctx.fn}: ${ctx.arg} row 0 has no columns.`, { ...ctx, row: 0 });
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = arr[i] as ArrayLike<unknown>;
    if (r === null || typeof r !== "object" || typeof r.length !== "number") {
      throw new MIInputError(
        "not-rectangular",
        `${ctx.fn}: ${ctx.arg} row ${i} is ${describe(r)}, but row 0 is an array of ${cols} values.`,
        { ...ctx, row: i },
      );
    }
    if (r.length !== cols) {
      throw new MIInputError(
        "not-rectangular",
        `${ctx.fn}: ${ctx.arg} row ${i} has ${r.length} values, but row 0 has ${cols}. Every row needs the same number of columns.`,
        { ...ctx, row: i },
      );
    }
    for (let j = 0; j < cols; j++) out[i * cols + j] = checkValue(r[j], ctx, i, j, cols);
  }
  return { data: out, rows, cols };
}

/** Column j of m as a new array. */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

/** [x | y] side by side, row by row. */
export function hstack(...ms: Matrix[]): Matrix {
  const rows = ms[0].rows;
  const cols = ms.reduce((s, m) => s + m.cols, 0);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let o = i * cols;
    for (const m of ms) {
      for (let j = 0; j < m.cols; j++) data[o++] = m.data[i * m.cols + j];
    }
  }
  return { data, rows, cols };
}

function allFinite(a: Float64Array): boolean {
  // v · 0 is 0 for a finite v and NaN for NaN or ±Infinity, and NaN stays NaN through the sums:
  // no branch per value. Four sums keep the additions independent.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const m = a.length & ~3;
  for (let i = 0; i < m; i += 4) {
    s0 += a[i] * 0;
    s1 += a[i + 1] * 0;
    s2 += a[i + 2] * 0;
    s3 += a[i + 3] * 0;
  }
  for (let i = m; i < a.length; i++) s0 += a[i] * 0;
  return s0 + s1 + s2 + s3 === 0;
}
