import { MIInputError } from "../errors.js";

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Parse CSV text (RFC 4180 quoting, comma or given delimiter, first line a header). */
export function parseCsv(text: string, delimiter = ","): CsvTable {
  const records: string[][] = [];
  let field = "";
  let rec: string[] = [];
  let i = 0;
  let quoted = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === "") { quoted = true; i++; continue; }
    if (ch === delimiter) { rec.push(field); field = ""; i++; continue; }
    if (ch === "\n" || ch === "\r") {
      rec.push(field); field = "";
      if (!(rec.length === 1 && rec[0] === "")) records.push(rec);
      rec = [];
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch; i++;
  }
  if (field !== "" || rec.length) { rec.push(field); records.push(rec); }
  if (records.length === 0) throw new MIInputError("csv-parse", "CSV: the file is empty.", { arg: "file" });
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  rows.forEach((r, k) => {
    if (r.length !== header.length) {
      throw new MIInputError("csv-parse", `CSV: line ${k + 2} has ${r.length} fields but the header has ${header.length}.`, { arg: "file", row: k });
    }
  });
  return { header, rows };
}

/** Index of a column given by name or by 0-based number. */
export function columnIndex(t: CsvTable, col: string): number {
  const byName = t.header.indexOf(col);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(col) && Number(col) < t.header.length) return Number(col);
  throw new MIInputError("invalid-argument", `CSV: no column "${col}"; the columns are ${t.header.join(", ")}.`, { arg: "column" });
}

/** A column as numbers; a cell that is not a number names its data row (0-based) and line. */
export function numericColumn(t: CsvTable, col: string): Float64Array {
  const j = columnIndex(t, col);
  const out = new Float64Array(t.rows.length);
  t.rows.forEach((r, i) => {
    const s = r[j].trim();
    const v = s === "" ? NaN : Number(s);
    if (!Number.isFinite(v)) {
      throw new MIInputError("not-numeric", `CSV: column "${t.header[j]}" row ${i} (line ${i + 2}) is "${s}", not a finite number.`, { arg: t.header[j], row: i });
    }
    out[i] = v;
  });
  return out;
}

/** A column as raw strings (for labels). */
export function textColumn(t: CsvTable, col: string): string[] {
  const j = columnIndex(t, col);
  return t.rows.map((r) => r[j].trim());
}
