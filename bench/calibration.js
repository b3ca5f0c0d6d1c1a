// `npm run bench:calibration [-- --seeds=200] [--quick]`
// Long runs can be split across processes: `--tasks=binormal --part=a` (and `--tasks=mg --n=200
// --part=b`, …) each write bench/results/tmp/calibration-<part>.json as they go (every 10 data
// seeds); `--merge` then summarises every part into the final files. Task keys: binormal, mg, gamma.
// Are GMM-MI's error bars statistically correct? Over many independent data sets (data seeds) at
// n = 200 and n = 2000, for a bivariate normal (ρ = 0.6) and a non-Gaussian task (MI-NEE's mixed
// Gaussian MG(0.8), uncorrelated but dependent; or the GMM-MI paper's gamma–exponential, α = 1, on
// (ln x, ln y), with --tasks=gamma): coverage of estimate ± 1.96·std, mean bias,
// the reported std against the real spread of the estimates, and how the std scales with n.
// Plus the paper's Sect. III A check: on one n = 200 sample, GMM-MI's reported uncertainty against
// the spread of KSG (k = 3) over 20 bootstrap resamples (after Holmes & Nemenman 2019), with the
// real spread over fresh samples as the yardstick. Needs gmmMI (and ksgMI for the second part).
// gmmMI runs with its defaults and estimator seed 1000 + data seed (nBootstrap: 20 in the III A check).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as pkg from "../dist/node.js";
import { machine, root } from "./lib.js";

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, "").split("="); return [k, v ?? true]; }));
const quick = Boolean(args.quick);
const nSeeds = Number(args.seeds ?? (quick ? 20 : 200));
const ns = (args.n ? String(args.n) : "200,2000").split(",").map(Number);
const taskKeys = (args.tasks ? String(args.tasks) : "binormal,mg").split(",");
const part = args.part ? String(args.part) : null;
/** First data seed (to split one task's seeds across processes: --from=100 --seeds=100). */
const from = Number(args.from ?? 0);
const tmpDir = new URL("bench/results/tmp/", root);
if (typeof pkg.gmmMI !== "function") {
  console.error("calibration: this build exports no gmmMI yet (merge the branch that adds it, then npm run build).");
  process.exit(2);
}
const hasKsg = typeof pkg.ksgMI === "function";

const makers = {
  binormal: () => pkg.bivariateNormalTask(0.6),
  mg: () => pkg.mixedGaussianTask(0.8),
  gamma: async () => pkg.logTask(await pkg.gammaExponentialTask(1)),
};
const tasks = args.merge ? [] : await Promise.all(taskKeys.map((k) => makers[k]()));
const out = { machine: machine(), config: { seeds: nSeeds, ns, z: 1.96, quick, tasks: taskKeys }, studies: [], bootstrapCheck: null };
const savePart = () => {
  if (!part) return;
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(new URL(`calibration-${part}.json`, tmpDir), JSON.stringify(out) + "\n");
};
const t0 = performance.now();
let gmmOptions = null;

function summarizeStudy(study) {
  const { rows } = study;
  const summary = pkg.summarizeCalibration(rows);
  const s0 = summary[0];
  const s1 = summary[summary.length - 1];
  // std ∝ n^(−p): p from the smallest and largest n (p = ½ for the usual √n scaling).
  study.summary = summary;
  study.stdExponent = s0 && s1 && s0 !== s1 ? Math.log(s0.meanStd / s1.meanStd) / Math.log(s1.n / s0.n) : null;
  study.spreadExponent = s0 && s1 && s0 !== s1 ? Math.log(s0.spread / s1.spread) / Math.log(s1.n / s0.n) : null;
  study.failures = study.failureList.length;
  study.failureExamples = study.failureList.slice(0, 5);
}

for (const task of tasks) {
  const rows = [];
  const failures = [];
  const study = { taskId: task.id, taskName: task.name, truth: task.mi, truthStdErr: task.miStdErr, rows, failureList: failures };
  out.studies.push(study);
  for (const n of ns) {
    for (let seed = from; seed < from + nSeeds; seed++) {
      const { x, y } = await task.sample(n, seed);
      try {
        const r = await pkg.gmmMI(x, y, { seed: 1000 + seed });
        gmmOptions ??= r.options;
        if (!(Number.isFinite(r.mi) && r.std > 0)) throw new Error(`mi ${r.mi}, std ${r.std}`);
        rows.push({ n, seed, truth: task.mi, estimate: r.mi, std: r.std, warnings: r.warnings?.length ?? 0 });
      } catch (err) {
        failures.push({ n, seed, error: `${err.name}: ${err.message}`.slice(0, 200) });
      }
      if (seed % 10 === 9) savePart();
      if (seed % 20 === 19) process.stderr.write(`  ${task.id} n=${n}: ${seed + 1 - from}/${nSeeds} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
  }
  summarizeStudy(study);
  savePart();
}

if (hasKsg && !args.merge && taskKeys.includes("binormal") && !args["no-bootstrap-check"]) {
  // Sect. III A: one n = 200 sample of the bivariate normal (ρ = 0.6).
  const task = tasks[taskKeys.indexOf("binormal")];
  const n = 200;
  const { x, y } = await task.sample(n, 0);
  const gmm = await pkg.gmmMI(x, y, { seed: 7, nBootstrap: 20 });
  const ksg = await pkg.ksgMI(x, y, { k: 3, seed: 7 });
  // 20 bootstrap resamples (rows drawn with replacement by a fixed 32-bit LCG, benchmark-only).
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const boot = [];
  for (let b = 0; b < 20; b++) {
    const bx = new Float64Array(n), by = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(next() * n);
      bx[i] = x.data[j];
      by[i] = y.data[j];
    }
    boot.push((await pkg.ksgMI(bx, by, { k: 3, seed: 7 })).mi);
  }
  const mean = boot.reduce((a, b) => a + b, 0) / boot.length;
  const sd = Math.sqrt(boot.reduce((a, b) => a + (b - mean) ** 2, 0) / (boot.length - 1));
  // Yardstick: the spread of each estimator over fresh samples (same n, data seeds 1000…).
  const fresh = { gmm: [], ksg: [] };
  for (let seed = 1000; seed < 1000 + Math.min(nSeeds, 100); seed++) {
    const d = await task.sample(n, seed);
    fresh.ksg.push((await pkg.ksgMI(d.x, d.y, { k: 3, seed: 7 })).mi);
  }
  const study = out.studies.find((s) => s.taskId === task.id);
  const gmmSpread = study.summary.find((s) => s.n === n)?.spread ?? null;
  savePart();
  const fm = fresh.ksg.reduce((a, b) => a + b, 0) / fresh.ksg.length;
  const ksgSpread = Math.sqrt(fresh.ksg.reduce((a, b) => a + (b - fm) ** 2, 0) / (fresh.ksg.length - 1));
  out.bootstrapCheck = {
    taskId: task.id, truth: task.mi, n,
    gmm: { mi: gmm.mi, std: gmm.std, spreadOverFreshSamples: gmmSpread },
    ksg: { mi: ksg.mi, bootstrapMean: mean, bootstrapStd: sd, bootstrapReplicates: boot, spreadOverFreshSamples: ksgSpread, freshSamples: fresh.ksg.length },
  };
}
out.gmmOptions = gmmOptions;
out.seconds = (performance.now() - t0) / 1000;
savePart();
if (part) {
  console.error(`calibration: part ${part} written to bench/results/tmp/`);
  process.exit(0);
}
if (args.merge) {
  // Combine every part: studies of the same task are concatenated (rows and failures).
  const byTask = new Map();
  for (const f of readdirSync(tmpDir).filter((f) => f.startsWith("calibration-") && f.endsWith(".json")).sort()) {
    const p = JSON.parse(readFileSync(new URL(f, tmpDir), "utf8"));
    out.gmmOptions ??= p.gmmOptions;
    out.seconds = (out.seconds ?? 0) + (p.seconds ?? 0);
    out.bootstrapCheck ??= p.bootstrapCheck;
    for (const st of p.studies) {
      const prev = byTask.get(st.taskId);
      if (prev) {
        prev.rows.push(...st.rows);
        prev.failureList.push(...st.failureList);
      } else byTask.set(st.taskId, { ...st, rows: [...st.rows], failureList: [...st.failureList] });
    }
  }
  out.studies = [...byTask.values()];
  for (const st of out.studies) summarizeStudy(st);
  out.config.seeds = Object.fromEntries(out.studies.map((st) => [st.taskId, Object.fromEntries(st.summary.map((r) => [r.n, r.replicates]))]));
  out.config.merged = true;
}
mkdirSync(new URL("bench/results/", root), { recursive: true });
for (const st of out.studies) delete st.failureList;
writeFileSync(new URL("bench/results/calibration.json", root), JSON.stringify(out, null, 1) + "\n");

const lines = [`# GMM-MI calibration`, "", `${out.machine.date}; replicates (data seeds) per task and n in the column R.`, ""];
for (const s of out.studies) {
  lines.push(`## ${s.taskName} — truth ${s.truth.toFixed(4)} nats`, "");
  lines.push(pkg.markdownTable(s.summary.map((r) => ({ n: r.n, R: r.replicates, coverage: r.coverage, "±": r.coverageStdErr, bias: r.bias, "bias SE": r.biasStdErr, "mean std": r.meanStd, spread: r.spread, "std/spread": r.stdRatio, "z mean": r.zMean, "z sd": r.zStd })), 4));
  lines.push(`std ∝ n^−${s.stdExponent?.toFixed(3)}; spread ∝ n^−${s.spreadExponent?.toFixed(3)}; failed calls: ${s.failures}`, "");
}
if (out.bootstrapCheck) {
  const b = out.bootstrapCheck;
  lines.push("## Sect. III A bootstrap check (one n = 200 sample)", "");
  lines.push(pkg.markdownTable([
    { estimator: "GMM-MI", estimate: b.gmm.mi, "reported / bootstrap std": b.gmm.std, "spread over fresh samples": b.gmm.spreadOverFreshSamples },
    { estimator: "KSG k=3 (20 bootstraps)", estimate: b.ksg.mi, "reported / bootstrap std": b.ksg.bootstrapStd, "spread over fresh samples": b.ksg.spreadOverFreshSamples },
  ], 4));
}
const md = lines.join("\n");
writeFileSync(new URL("bench/results/calibration.md", root), md);
console.log(md);
