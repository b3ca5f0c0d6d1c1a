import { readFileSync } from "node:fs";
import { hstack, type Matrix } from "../data/matrix.js";
import { numericColumn, parseCsv, textColumn, type CsvTable } from "../data/csv.js";
import { MIInputError } from "../errors.js";

export function readTable(file: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new MIInputError("invalid-argument", `mutinfo: cannot read ${file}: ${(e as Error).message}`, { arg: "FILE" });
  }
  return parseCsv(text, file.endsWith(".tsv") ? "\t" : ",");
}

/** `--x a,b` → the named columns side by side as a Matrix (names or 0-based indices). */
export function columns(t: CsvTable, spec: string): Matrix {
  const names = spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (!names.length) throw new MIInputError("invalid-argument", "mutinfo: empty column list", { arg: "column" });
  return hstack(...names.map((n) => ({ data: numericColumn(t, n), rows: t.rows.length, cols: 1 })));
}

export function labels(t: CsvTable, spec: string): string[] {
  return textColumn(t, spec);
}
