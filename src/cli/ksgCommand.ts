import { numericColumn, parseCsv, textColumn, type CsvTable } from "../data/csv.js";
import type { Matrix } from "../data/matrix.js";
import { MIInputError } from "../errors.js";
import { ksgMI, type KsgOptions } from "../estimators/ksg/ksgMI.js";

const USAGE =
  "usage: mutinfo ksg FILE.csv --x COL[,COL…] --y COL[,COL…] [--k N] [--algorithm 1|2] " +
  "[--discrete-x] [--discrete-y] [--permutations N] [--seed N] [--noise V] [--json]";

/** `mutinfo ksg …` for the CLI to call: parses the arguments after `ksg`, reads the CSV through
 *  `readText`, runs ksgMI and returns what to print (a one-line summary, or JSON with --json).
 *  Columns are names or 0-based numbers; several columns (comma-separated) make a multivariate
 *  variable. Bad arguments throw MIInputError with the usage line. */
export async function ksgCommand(args: string[], readText: (path: string) => Promise<string> | string): Promise<string> {
  const fail = (msg: string): never => {
    throw new MIInputError("invalid-argument", `mutinfo ksg: ${msg}\n${USAGE}`, { fn: "ksg", arg: "argv" });
  };
  let file: string | undefined;
  let xCols: string[] | undefined;
  let yCols: string[] | undefined;
  let json = false;
  const opts: KsgOptions = {};
  const intArg = (name: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v)) fail(`${name} needs a non-negative integer, got ${v ?? "nothing"}.`);
    return Number(v);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case "--x": xCols = (args[++i] ?? fail("--x needs column names.")).split(","); break;
      case "--y": yCols = (args[++i] ?? fail("--y needs column names.")).split(","); break;
      case "--k": opts.k = intArg("--k", args[++i]); break;
      case "--algorithm": opts.algorithm = intArg("--algorithm", args[++i]) as 1 | 2; break;
      case "--permutations": opts.permutations = intArg("--permutations", args[++i]); break;
      case "--seed": opts.seed = intArg("--seed", args[++i]); break;
      case "--noise": {
        const v = Number(args[++i]);
        if (!Number.isFinite(v)) fail("--noise needs a number.");
        opts.noise = v;
        break;
      }
      case "--discrete-x": opts.discreteX = true; break;
      case "--discrete-y": opts.discreteY = true; break;
      case "--json": json = true; break;
      default:
        if (a.startsWith("--")) fail(`unknown flag ${a}.`);
        if (file !== undefined) fail(`one CSV file only (got ${file} and ${a}).`);
        file = a;
    }
  }
  if (file === undefined) fail("give a CSV file.");
  if (!xCols || !yCols) fail("give the columns of both variables with --x and --y.");
  const table = parseCsv(await readText(file!));
  const variable = (cols: string[], discrete: boolean | undefined): Matrix | string[] => {
    if (discrete) {
      if (cols.length !== 1) fail("a discrete variable is one column.");
      return textColumn(table, cols[0]);
    }
    return columnsMatrix(table, cols);
  };
  const r = await ksgMI(variable(xCols!, opts.discreteX), variable(yCols!, opts.discreteY), opts);
  if (json) {
    const { nullSamples, ...rest } = r;
    return JSON.stringify({ ...rest, ...(nullSamples ? { nullSamples: Array.from(nullSamples) } : {}) }, null, 2);
  }
  const parts = [
    `ksgMI (${r.method}): mi = ${r.mi.toFixed(6)} nat (unclipped ${r.miRaw.toFixed(6)})`,
    `n = ${r.n}, dimX = ${r.dimX}, dimY = ${r.dimY}, k = ${r.k}`,
  ];
  if (r.pValue !== undefined) parts.push(`permutation p = ${r.pValue.toPrecision(3)} (null ${r.nullMean!.toFixed(6)} ± ${r.nullStd!.toFixed(6)})`);
  parts.push(`${r.seconds.toFixed(3)} s`);
  return [parts.join("; "), ...r.warnings.map((w) => `warning: ${w}`)].join("\n");
}

function columnsMatrix(t: CsvTable, cols: string[]): Matrix {
  const cs = cols.map((c) => numericColumn(t, c));
  const rows = t.rows.length;
  const data = new Float64Array(rows * cs.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cs.length; j++) data[i * cs.length + j] = cs[j][i];
  return { data, rows, cols: cs.length };
}
