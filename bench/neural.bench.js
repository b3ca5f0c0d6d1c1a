// Neural estimators: MINE time per training step and per full estimate beside the PyTorch
// figures of the reference README (MINE, batch 32, 2 → 100 → 100 → 1: 1.7–8.6 ms per step;
// 300 steps at n = 200 took 0.6–3 s), and the MI-NEE paper's convergence comparison (estimate vs
// iteration, MINE and MI-NEE on MG(0.9), n = 400) as data and as a figure. Writes
// bench/results/neural.json, neural-convergence.json and neural-convergence-mg.svg.
import { doeMI, mineMI, mineeMI, mixedGaussianTask } from "../dist/node.js";
import { fixture, root, table, timeIt, writeResult } from "./lib.js";
import { renderSvg } from "./render.js";
import { readFileSync } from "node:fs";

function csv(name, rows) {
  const lines = readFileSync(fixture(name), "utf8").trim().split("\n").slice(1, rows + 1);
  const x = new Float64Array(lines.length), y = new Float64Array(lines.length);
  lines.forEach((l, i) => { const [a, b] = l.split(","); x[i] = +a; y[i] = +b; });
  return { x, y };
}

// `node bench/neural.bench.js --convergence` runs only this part (bench/results/neural-convergence.json).
const convRows = [];
// Convergence on MG(0.9), n = 400 (the task's sampler, data seed 1): estimate on the data vs
// iteration for both methods, as in the MI-NEE paper's comparison. MI-NEE with its defaults
// (1500 steps), evaluated every 25 steps; MINE with batch 100 on all rows for the same 1500 steps
// (375 epochs of 4 batches), its per-epoch evaluation on the rows with one permutation.
const mgTask = await mixedGaussianTask(0.9);
const mg = await mgTask.sample(400, 1);
const mineeOpts = { evalEvery: 25 };
const mineOpts = { epochs: 375, batchSize: 100, testFraction: 0, nPermutations: 1 };
const neeCpu = process.cpuUsage();
const nee = await timeIt(() => mineeMI(mg.x, mg.y, mineeOpts), { warmup: 0, runs: 1 });
const neeCpuMs = ((u) => (u.user + u.system) / 1000)(process.cpuUsage(neeCpu));
const mine = await timeIt(() => mineMI(mg.x, mg.y, mineOpts), { warmup: 0, runs: 1 });
convRows.push({ what: "MI-NEE MG(0.9) n=400, defaults (1500 steps)", mutinfo: `${(nee.medianMs / 1000).toFixed(1)} s wall, ${(neeCpuMs / 1000).toFixed(1)} s CPU (mi ${nee.value.mi.toFixed(3)})`, pytorch: "", target: `truth ${mgTask.mi.toFixed(4)}` });
convRows.push({ what: "MINE MG(0.9) n=400, 1500 iterations", mutinfo: `${(mine.medianMs / 1000).toFixed(1)} s (mi ${mine.value.mi.toFixed(3)})`, pytorch: "", target: `truth ${mgTask.mi.toFixed(4)}` });
const convergence = {
  trueMI: mgTask.mi,
  dataSeed: 1,
  minee: { options: mineeOpts, estimate: nee.value.mi, iterations: nee.value.evalTrace[0].map((_, j) => (j + 1) * 25), trace: nee.value.evalTrace[0] },
  mine: { options: mineOpts, estimate: mine.value.mi, iterations: mine.value.trace[0].test.map((_, e) => (e + 1) * 4), trace: mine.value.trace[0].test },
};

// The convergence figure, rendered like the accuracy figures (Vega-Lite → SVG):
// bench/results/neural-convergence-mg.svg.
const values = [
  ...convergence.minee.trace.map((v, j) => ({ method: "MI-NEE", iteration: convergence.minee.iterations[j], estimate: v })),
  ...convergence.mine.trace.map((v, j) => ({ method: "MINE", iteration: convergence.mine.iterations[j], estimate: v })),
];
const convergencePlot = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  title: "MG(0.9), n = 400: estimate on the data vs iteration (dashed: true MI)",
  width: 480,
  height: 300,
  layer: [
    { data: { values }, mark: "line", encoding: { x: { field: "iteration", type: "quantitative" }, y: { field: "estimate", type: "quantitative", title: "MI (nats)" }, color: { field: "method", type: "nominal" } } },
    { data: { values: [{ truth: convergence.trueMI }] }, mark: { type: "rule", strokeDash: [4, 4] }, encoding: { y: { field: "truth", type: "quantitative" } } },
  ],
};
await renderSvg(convergencePlot, new URL("bench/results/neural-convergence-mg.svg", root));
writeResult("neural-convergence", {
  note: "Wall-clock and CPU time on a shared 2-core machine (other jobs running): noisy. Traces are estimates on the data (MI-NEE: evalTrace every 25 steps; MINE: the per-epoch bound on the rows with one permutation).",
  rows: convRows,
  convergence,
  convergencePlot,
});
if (process.argv.includes("--convergence")) {
  table(convRows);
  process.exit(0);
}

const rows = [];
// Per step: the difference between 6 and 1 epochs at n = 5000 (141 steps per epoch with the
// 10 % held out), so set-up and the final evaluation cancel; each epoch also evaluates the
// held-out trace (500 pairs, one permutation), which is included.
const g5 = csv("ksg_gauss_rho0.6_n20000.csv", 5000);
// CPU time (process.cpuUsage) is recorded beside wall time: on a loaded machine it is the
// steadier measure of the work itself.
const cpuMs = async (fn) => { const c = process.cpuUsage(); await fn(); const u = process.cpuUsage(c); return (u.user + u.system) / 1000; };
const one = await timeIt(() => mineMI(g5.x, g5.y, { epochs: 1, nPermutations: 1 }), { warmup: 1, runs: 3 });
const six = await timeIt(() => mineMI(g5.x, g5.y, { epochs: 6, nPermutations: 1 }), { warmup: 0, runs: 3 });
const perStep = (six.medianMs - one.medianMs) / (5 * 141);
const cpuOne = await cpuMs(() => mineMI(g5.x, g5.y, { epochs: 1, nPermutations: 1 }));
const cpuSix = await cpuMs(() => mineMI(g5.x, g5.y, { epochs: 6, nPermutations: 1 }));
const perStepCpu = (cpuSix - cpuOne) / (5 * 141);
rows.push({ what: "MINE step (batch 32, 2→100→100→1)", mutinfo: `${perStep.toFixed(3)} ms wall, ${perStepCpu.toFixed(3)} ms CPU`, pytorch: "1.7–8.6 ms", target: "≤ 0.2 ms" });
const g200 = csv("ksg_gauss_rho0.6_n200.csv", 200);
const small = await timeIt(() => mineMI(g200.x, g200.y), { warmup: 1, runs: 3 });
rows.push({ what: "MINE estimate n=200 (300 steps)", mutinfo: `${(small.medianMs / 1000).toFixed(2)} s (mi ${small.value.mi.toFixed(3)})`, pytorch: "0.6–3 s", target: "" });
const big = await timeIt(() => mineMI(g5.x, g5.y), { warmup: 0, runs: 1 });
rows.push({ what: "MINE estimate n=5000 (7050 steps)", mutinfo: `${(big.medianMs / 1000).toFixed(1)} s (mi ${big.value.mi.toFixed(4)})`, pytorch: "12–60 s (0.217–0.225)", target: "truth 0.2231" });

const flow = await timeIt(() => doeMI(g5.x, g5.y), { warmup: 0, runs: 1 });
rows.push({ what: "doeMI estimate n=5000 (B-NAF, defaults)", mutinfo: `${(flow.medianMs / 1000).toFixed(1)} s (mi ${flow.value.mi.toFixed(4)})`, pytorch: "", target: "truth 0.2231" });

console.log("\nTimings are wall-clock on a 2-core machine shared with other jobs: noisy, read as upper bounds.\n");
table([...convRows, ...rows]);
writeResult("neural", {
  note: "Wall-clock on a shared 2-core machine (other jobs running): noisy. Per-step time includes the per-epoch held-out trace. The 5-D flow benchmark (n = 32000) is the separate script bench/neural-flow5d.js.",
  rows,
  mineStepMs: perStep,
  mineStepCpuMs: perStepCpu,
  mineN200: { medianMs: small.medianMs, mi: small.value.mi },
  mineN5000: { ms: big.medianMs, mi: big.value.mi },
  doeN5000: { ms: flow.medianMs, mi: flow.value.mi },
});
