import { MIInputError } from "../errors.js";
import type { Matrix } from "./matrix.js";

/** Paired variables must have the same number of rows. */
export function checkSameRows(fn: string, a: { rows: number }, aName: string, b: { rows: number }, bName: string): void {
  if (a.rows !== b.rows) {
    throw new MIInputError(
      "length-mismatch",
      `${fn}: ${aName} has ${a.rows} rows but ${bName} has ${b.rows}. Paired samples need one row per ` +
        `observation in each variable; row ${Math.min(a.rows, b.rows)} is the first without a partner.`,
      { fn, arg: bName, row: Math.min(a.rows, b.rows) },
    );
  }
}

/** Throws when fewer than `min` rows are available, saying why they are needed. */
export function checkMinRows(fn: string, m: { rows: number }, arg: string, min: number, why: string): void {
  if (m.rows < min) {
    throw new MIInputError(
      "too-few-samples",
      `${fn}: ${arg} has ${m.rows} rows; at least ${min} are needed ${why}.`,
      { fn, arg },
    );
  }
}

/** A variable whose column never changes carries no information and breaks density fits. */
export function checkNotConstant(fn: string, m: Matrix, arg: string): void {
  for (let j = 0; j < m.cols; j++) {
    const v0 = m.data[j];
    let constant = true;
    for (let i = 1; i < m.rows; i++) {
      if (m.data[i * m.cols + j] !== v0) {
        constant = false;
        break;
      }
    }
    if (constant) {
      throw new MIInputError(
        "constant-variable",
        `${fn}: ${arg}${m.cols > 1 ? ` column ${j}` : ""} is constant (every row equals ${v0}). ` +
          `A constant variable has no mutual information with anything; drop it.`,
        { fn, arg, col: j },
      );
    }
  }
}
