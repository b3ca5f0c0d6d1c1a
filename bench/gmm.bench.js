// GMM-MI with the paper's settings on the three gmm_gauss_* reference samples, beside the Python
// GMM-MI package's numbers recorded in test/fixtures/reference/gmm_mi_python/ (same data, same
// settings; its wall times were taken on a machine of the same kind, see PROVENANCE.md).
// Median of 5 timed runs after one warm-up. Writes bench/results/gmm.json.
import { readFileSync } from "node:fs";
import { gmmMI, parseCsv, numericColumn } from "../dist/node.js";
import { fixture, readJson, table, timeIt, writeResult } from "./lib.js";

const PAPER = { nFolds: 2, nInits: 3, tol: 1e-5, threshold: 1e-5, patience: 1, regCovar: 1e-12, nBootstrap: 100, mcSamples: 1e4, seed: 0 };
const TARGET_MS = { 200: 30, 2000: 80, 20000: 500 };
const runs = Number(process.env.BENCH_RUNS ?? 5);

const rows = [];
const results = [];
for (const n of [200, 2000, 20000]) {
  const t = parseCsv(readFileSync(fixture(`gmm_gauss_rho0.6_n${n}.csv`), "utf8"));
  const x = numericColumn(t, "x");
  const y = numericColumn(t, "y");
  const py = readJson(fixture(`gmm_mi_python/gauss${n}_paper.json`));
  const timing = await timeIt(() => gmmMI(x, y, PAPER), { warmup: 1, runs });
  const r = timing.value;
  rows.push({
    n,
    "mutinfo ms (median)": timing.medianMs.toFixed(1),
    "min–max ms": `${timing.minMs.toFixed(1)}–${timing.maxMs.toFixed(1)}`,
    "target ms": TARGET_MS[n],
    "mutinfo MI ± std": `${r.mi.toFixed(4)} ± ${r.std.toFixed(4)}`,
    K: r.components,
    "Python ms": (py.time_total_s * 1000).toFixed(0),
    "Python MI ± std": `${py.MI_mean_nat.toFixed(4)} ± ${py.MI_std_nat.toFixed(4)}`,
    "Python K": py.best_components,
    truth: py.truth_nat.toFixed(4),
  });
  results.push({
    n, settings: PAPER, medianMs: timing.medianMs, minMs: timing.minMs, maxMs: timing.maxMs, ms: timing.ms, targetMs: TARGET_MS[n],
    mi: r.mi, std: r.std, mcStdErr: r.mcStdErr, components: r.components, warnings: r.warnings,
    python: { ms: py.time_total_s * 1000, mi: py.MI_mean_nat, std: py.MI_std_nat, components: py.best_components },
    truth: py.truth_nat,
  });
}
table(rows);
console.log("\nTimes are wall-clock on a shared machine; other processes add noise.");
writeResult("gmm", { results });
