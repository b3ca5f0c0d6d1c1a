// `npm run bench:accuracy [-- --quick] [--estimators=gmmMI,ksgMI] [--seeds=3] [--n=200,1000,5000]
//  [--suites=gmm-paper,mi-nee,beyond-normal] [--budget=120] [--out=accuracy]`
//  or `node bench/accuracy.js --merge=accuracy-ksg,accuracy-gmm-full,… [--out=accuracy]`, which joins the
//  rows of earlier runs (bench/results/<name>.json; a later file's rows replace an earlier file's rows
//  for the same estimator, task, n and seed) and writes the joint summary and figures.
// Every estimator the built package exports × every task with known MI × n × seeds: estimate, its
// reported std, the truth and the time → bench/results/accuracy.json, a markdown summary
// (bench/results/accuracy.md) and SVG figures rendered with Vega-Lite + Vega (bench/results/*.svg).
// Takes minutes to hours in full (depending on the estimators); --quick runs small n, two seeds and
// the low-dimensional tasks; --replot only re-renders the figures from bench/results/accuracy.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as pkg from "../dist/node.js";
import { estimatorRegistry } from "./estimators.js";
import { machine, root } from "./lib.js";
import { renderSvg } from "./render.js";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? true];
  }),
);
const quick = Boolean(args.quick);
const ns = (args.n ? String(args.n) : quick ? "200,1000" : "200,1000,5000").split(",").map(Number);
const nSeeds = Number(args.seeds ?? (quick ? 2 : 3));
const suites = (args.suites ? String(args.suites) : "gmm-paper,mi-nee,beyond-normal").split(",");
const budgetMs = 1000 * Number(args.budget ?? 120);
/** Base name of the outputs: bench/results/<out>.json, <out>.md and <out>-*.svg. */
const outName = String(args.out ?? "accuracy");
/** Estimators that cannot take every task at an acceptable cost, and their limit on dimX + dimY. */
const MAX_DIM = { gmmMI: 10, mineMI: 20, mineeMI: 20, doeMI: 20 };
const estimators = estimatorRegistry(pkg, args.estimators ? String(args.estimators).split(",") : null);

async function collectTasks() {
  const out = [];
  if (suites.includes("gmm-paper")) {
    for (const sweep of await pkg.gmmPaperTasks()) {
      for (const t of sweep.tasks) out.push({ task: t, suite: "gmm-paper", parameter: t.params[sweep.parameter], sweep: sweep.family, parameterName: sweep.parameter });
    }
  }
  if (suites.includes("mi-nee")) {
    for (const rho of [0.5, 0.9]) out.push({ task: await pkg.mixedGaussianTask(rho), suite: "mi-nee", parameter: rho });
    if (!quick) for (const [rho, d] of [[0.9, 1], [0.5, 5], [0.5, 10]]) out.push({ task: await pkg.hgTask(rho, d), suite: "mi-nee", parameter: rho });
  }
  if (suites.includes("beyond-normal")) {
    for (const t of await pkg.beyondNormalTasks()) {
      if (quick && t.dimX + t.dimY > 10) continue;
      out.push({ task: t, suite: "beyond-normal", parameter: null });
    }
  }
  return out;
}

// Figures.
async function renderFigures(rows) {
const ok = rows.filter((r) => !r.error);
const nMax = Math.max(...rows.map((r) => r.n));
for (const fam of ["binormal", "gamma-exponential", "weinman"]) {
  const sel = ok.filter((r) => r.suite === "gmm-paper" && r.family.endsWith(fam) && r.n === nMax);
  if (!sel.length) continue;
  const spec = pkg.estimateVsParameterSpec(sel, { title: `${fam}${fam === "binormal" ? "" : " on (ln x, ln y)"}, n = ${nMax}`, parameter: fam === "binormal" ? "ρ" : "α" });
  await renderSvg(spec, new URL(`bench/results/${outName}-fig2-${fam}.svg`, root));
}
const fig3 = ok.filter((r) => r.taskId === "binormal-0.6");
if (fig3.length) await renderSvg(pkg.biasStdVsNSpec(fig3, { title: "Bivariate normal ρ = 0.6: |bias| and std vs n" }), new URL(`bench/results/${outName}-fig3-binormal-0.6.svg`, root));
const bn = rows.filter((r) => r.suite === "beyond-normal" && r.n === nMax);
if (bn.length) await renderSvg(pkg.errorHeatmapSpec(bn, { title: `Beyond Normal tasks: mean error (nats), n = ${nMax}` }), new URL(`bench/results/${outName}-heatmap-beyond-normal.svg`, root));
}

async function writeOutputs(rows, config) {
  mkdirSync(new URL("bench/results/", root), { recursive: true });
  const byFamily = pkg.summarizeAccuracy(rows, (r) => r.family);
  const byN = pkg.summarizeAccuracy(rows, (r) => `n=${String(r.n).padStart(5, " ")}`);
  const bySuiteN = pkg.summarizeAccuracy(rows, (r) => `${r.suite} n=${String(r.n).padStart(5, " ")}`);
  writeFileSync(new URL(`bench/results/${outName}.json`, root), JSON.stringify({ machine: machine(), config, summaryByFamily: byFamily, summaryByN: byN, summaryBySuiteAndN: bySuiteN, rows }, null, 1) + "\n");

  const fmtRows = (s) => s.map((r) => ({ estimator: r.estimator, group: r.group, ok: r.count, failed: r.failed, bias: r.bias, rmse: r.rmse, "mean std": r.meanStd, "mean s": r.meanSeconds }));
  const md = [
    `# Accuracy benchmark${config.quick ? " (quick mode)" : ""}`,
    "",
    `${machine().date}, Node ${process.version}, ${machine().cpu} × ${machine().cores} (shared with other jobs: times are noisy).`,
    `Estimators: ${config.estimators.join(", ")}. n ∈ {${config.ns.join(", ")}}, ${new Set(rows.map((r) => r.seed)).size} seeds per task and n. Bias and RMSE in nats; "mean std" is the estimator's own reported std.`,
    "",
    "## Per estimator and task family",
    "",
    pkg.markdownTable(fmtRows(byFamily)),
    "## Per estimator and n",
    "",
    pkg.markdownTable(fmtRows(byN)),
    "## Per estimator, suite and n",
    "",
    pkg.markdownTable(fmtRows(bySuiteN)),
  ].join("\n");
  writeFileSync(new URL(`bench/results/${outName}.md`, root), md);
  console.log(md);
  await renderFigures(rows);
}

if (args.replot) {
  await renderFigures(JSON.parse(readFileSync(new URL(`bench/results/${outName}.json`, root), "utf8")).rows);
  process.exit(0);
}

if (args.merge) {
  const byKey = new Map();
  const configs = [];
  for (const name of String(args.merge).split(",")) {
    const file = JSON.parse(readFileSync(new URL(`bench/results/${name}.json`, root), "utf8"));
    configs.push({ file: name, ...file.config });
    for (const r of file.rows) byKey.set(`${r.estimator}|${r.taskId}|${r.n}|${r.seed}`, r);
  }
  const rows = [...byKey.values()];
  const estimatorsIn = [...new Set(rows.map((r) => r.estimator))];
  await writeOutputs(rows, { merged: configs, ns: [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b), estimators: estimatorsIn });
  console.error(`accuracy: merged ${rows.length} rows from ${configs.length} files`);
  process.exit(0);
}

const tasks = await collectTasks();
console.error(`accuracy: ${estimators.map((e) => e.name).join(", ")} × ${tasks.length} tasks × n ∈ {${ns}} × ${nSeeds} seeds`);
const rows = [];
const t0 = performance.now();
for (const { task, suite, parameter } of tasks) {
  for (const n of ns) {
    for (let seed = 0; seed < nSeeds; seed++) {
      const { x, y } = await task.sample(n, seed);
      for (const e of estimators) {
        const row = {
          estimator: e.name, taskId: task.id, taskName: task.name, family: task.family, suite, parameter,
          dimX: task.dimX, dimY: task.dimY, n, seed, truth: task.mi, truthStdErr: task.miStdErr,
          estimate: null, std: null, seconds: 0,
        };
        if ((MAX_DIM[e.name] ?? Infinity) < task.dimX + task.dimY) {
          row.error = `skipped: dimX + dimY > ${MAX_DIM[e.name]}`;
          rows.push(row);
          continue;
        }
        const s0 = performance.now();
        try {
          const r = await e.run(x, y, 1000 + seed, AbortSignal.timeout(budgetMs));
          row.estimate = r.mi;
          row.std = r.std;
          if (r.warnings.length) row.warnings = r.warnings;
        } catch (err) {
          row.error = `${err.name}: ${err.message}`.slice(0, 300);
        }
        row.seconds = (performance.now() - s0) / 1000;
        rows.push(row);
      }
    }
    process.stderr.write(`  ${task.id} n=${n} done (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
}

const config = { quick, ns, seeds: nSeeds, suites, budgetSeconds: budgetMs / 1000, maxDim: MAX_DIM, estimators: estimators.map((e) => e.name) };
await writeOutputs(rows, config);
console.error(`accuracy: ${rows.length} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
