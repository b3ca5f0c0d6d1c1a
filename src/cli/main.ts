// The `mutinfo` command: `mutinfo` runs the demo; `mutinfo gmm|ksg FILE.csv --x COL --y COL …`.
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { gmmMI, MIInputError } from "../entry/node.js";
import { ksgCommand } from "./ksgCommand.js";
import { DEMO_TRUE_MI, DEMO_RHO, demoX, demoY } from "./demoSample.js";
import { progressBar } from "./progressBar.js";
import { columns, labels, readTable } from "./readColumns.js";
import { plusMinus, seconds, unitName } from "./format.js";

const HELP = `mutinfo — mutual information with honest uncertainty

Usage:
  mutinfo                                  run GMM-MI on the embedded demo sample
  mutinfo gmm FILE.csv --x COLS --y COLS [options]
  mutinfo ksg FILE.csv --x COLS --y COLS [options]
  mutinfo --help | --version

COLS is a column name or 0-based index; several, comma-separated, make a multivariate variable.

Common options:
  --seed N          seed of every random stream (default 0): same seed, same bits
  --bits            report in bits instead of nats
  --json            print the whole result as JSON on stdout
  --discrete-y      treat --y as class labels (any values)

gmm options:
  --bootstrap N     bootstrap replicates (default 50)
  --mc N            Monte Carlo samples per replicate (default 100000)
  --folds N         cross-validation folds (default 2)
  --inits N         initialisations per component count (default 3)
  --components N    fix the number of components (skip the search)
  --metric M        valid | aic | bic (default valid)
  --workers N       bootstrap threads (default 1; same result for any N)

ksg options:
  --k N             neighbours (default 3)
  --algorithm 1|2   KSG estimator 1 (scikit-learn's, default) or 2
  --permutations N  permutation test with N shuffles (adds a p-value)
  --discrete-x      treat --x as class labels
  --noise V         jitter scale (default 1e-10; 0 disables)
`;

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new MIInputError("invalid-option", `mutinfo: --${name} must be an integer, got "${v}"`, { arg: `--${name}` });
  return n;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "ksg") {
    console.log(await ksgCommand(argv.slice(1), (f) => readFileSync(f, "utf8")));
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      x: { type: "string" }, y: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" },
      bits: { type: "boolean" }, "discrete-y": { type: "boolean" },
      bootstrap: { type: "string" }, mc: { type: "string" }, folds: { type: "string" }, inits: { type: "string" },
      components: { type: "string" }, metric: { type: "string" }, workers: { type: "string" },
            help: { type: "boolean", short: "h" }, version: { type: "boolean" },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (values.version) {
    const { createRequire } = await import("node:module");
    process.stdout.write(createRequire(import.meta.url)("../package.json").version + "\n");
    return 0;
  }
  const base = values.bits ? 2 : Math.E;
  const unit = unitName(base);
  const seed = int("seed", values.seed) ?? 0;
  const bar = progressBar();
  const [command, file] = positionals;

  if (!command) {
    console.log(`mutinfo demo: GMM-MI on a bivariate Gaussian (rho = ${DEMO_RHO}, n = ${demoX.length}), seed ${seed}`);
    const r = await gmmMI(demoX, demoY, { seed, base, onProgress: bar.onProgress });
    bar.done();
    const truth = base === 2 ? DEMO_TRUE_MI / Math.LN2 : DEMO_TRUE_MI;
    if (values.json) { console.log(JSON.stringify({ ...r, samples: Array.from(r.samples), truth }, null, 1)); return 0; }
    console.log(`  estimate  MI = ${plusMinus(r.mi, r.std, unit)}  (${r.components} component${r.components === 1 ? "" : "s"}, ${r.samples.length} bootstraps, ${seconds(r.seconds)})`);
    console.log(`  truth     MI = ${truth.toFixed(4)} ${unit}   (−½ ln(1 − rho²))`);
    for (const w of r.warnings) console.log(`  warning: ${w}`);
    console.log(`\nTry: mutinfo gmm your.csv --x colA --y colB   (mutinfo --help for more)`);
    return 0;
  }
  if (command !== "gmm") {
    throw new MIInputError("invalid-argument", `mutinfo: unknown command "${command}" (expected gmm or ksg; see mutinfo --help)`, { arg: "command" });
  }
  if (!file || !values.x || !values.y) {
    throw new MIInputError("invalid-argument", `mutinfo ${command}: needs FILE.csv, --x COLS and --y COLS (see mutinfo --help)`, { arg: !file ? "FILE" : !values.x ? "--x" : "--y" });
  }
  const t = readTable(file);
  const discreteY = !!values["discrete-y"];
  const x = columns(t, values.x);
  const y = discreteY ? labels(t, values.y) : columns(t, values.y);
  let r: { mi: number; std?: number; seconds: number; warnings: string[]; [k: string]: unknown };
  let detail: string;
  if (command === "gmm") {
    const opts: Record<string, unknown> = { seed, base, onProgress: bar.onProgress };
    if (discreteY) opts.discreteY = true;
    const set = (k: string, v: unknown) => { if (v !== undefined) opts[k] = v; };
    set("nBootstrap", int("bootstrap", values.bootstrap));
    set("mcSamples", int("mc", values.mc));
    set("nFolds", int("folds", values.folds));
    set("nInits", int("inits", values.inits));
    set("components", int("components", values.components));
    set("metric", values.metric);
    set("workers", int("workers", values.workers));
    const g = await gmmMI(x as never, y as never, opts as never);
    r = g as never;
    detail = `components ${JSON.stringify((g as { components: unknown }).components)}, ${g.samples.length} bootstraps`;
  } else {
    throw new MIInputError("invalid-argument", `mutinfo: unknown command "${command}"`, { arg: "command" });
  }
  bar.done();
  if (values.json) {
    console.log(JSON.stringify(r, (_k, v) => (v instanceof Float64Array || v instanceof Int32Array ? Array.from(v) : v), 1));
    return 0;
  }
  console.log(`MI = ${plusMinus(r.mi, r.std, unit)}  (${detail}, ${seconds(r.seconds)})`);
  for (const w of r.warnings) console.log(`warning: ${w}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`\n${err?.name === "MIInputError" || err?.name === "MINumericError" ? err.message : err?.stack ?? String(err)}\n`);
    process.exit(err?.name === "MIInputError" || err?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? 2 : 1);
  },
);
