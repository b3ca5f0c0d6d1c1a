import { readFileSync } from "node:fs";
import { numericColumn, parseCsv, textColumn } from "../../src/data/csv.js";

const dir = new URL("../fixtures/reference/", import.meta.url);

/** Columns of a reference CSV (see test/fixtures/reference/PROVENANCE.md). */
export function referenceCsv(name: string): { col(c: string): Float64Array; text(c: string): string[] } {
  const t = parseCsv(readFileSync(new URL(name, dir), "utf8"));
  return { col: (c) => numericColumn(t, c), text: (c) => textColumn(t, c) };
}

export function referenceJson<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), "utf8")) as T;
}
