// Neural estimators: MINE time per training step and per full estimate beside the PyTorch
// figures of the reference README (MINE, batch 32, 2 → 100 → 100 → 1: 1.7–8.6 ms per step;
// 300 steps at n = 200 took 0.6–3 s), and the MI-NEE paper's convergence comparison (estimate vs
// iteration, MINE and MI-NEE on MG(0.9), n = 400) as data. Writes bench/results/neural.json.
import { doeMI, mineMI, mineeMI } from "../dist/node.js";
import { fixture, table, timeIt, writeResult } from "./lib.js";
import { readFileSync } from "node:fs";

function csv(name, rows) {
  const lines = readFileSync(fixture(name), "utf8").trim().split("\n").slice(1, rows + 1);
  const x = new Float64Array(lines.length), y = new Float64Array(lines.length);
  lines.forEach((l, i) => { const [a, b] = l.split(","); x[i] = +a; y[i] = +b; });
  return { x, y };
}

// MG(0.9): ½ N(0, [[1, .9], [.9, 1]]) + ½ N(0, [[1, −.9], [−.9, 1]]), alternating components,
// normals from a Park–Miller generator with Box–Muller (data only; true MI 0.408443 by quadrature).
function mixedGaussian(n, seed) {
  let s = seed;
  const r = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
  const g = () => Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r());
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = g(), b = g(), rho = i % 2 ? 0.9 : -0.9;
    x[i] = a; y[i] = rho * a + Math.sqrt(1 - rho * rho) * b;
  }
  return { x, y };
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
rows.push({ what: "doeMI estimate n=5000 (B-NAF, 50 epochs)", mutinfo: `${(flow.medianMs / 1000).toFixed(1)} s (mi ${flow.value.mi.toFixed(4)})`, pytorch: "", target: "truth 0.2231" });

// Convergence on MG(0.9), n = 400: estimate vs iteration for both methods.
const mg = mixedGaussian(400, 7);
const mineeOpts = { epochs: 150, learningRate: 1e-3, hiddenSizes: [50, 50] };
const nee = await timeIt(() => mineeMI(mg.x, mg.y, mineeOpts), { warmup: 0, runs: 1 });
const mine = await timeIt(() => mineMI(mg.x, mg.y, { epochs: 150, batchSize: 100, testFraction: 0 }), { warmup: 0, runs: 1 });
rows.push({ what: "MI-NEE MG(0.9) n=400, 600 iterations", mutinfo: `${(nee.medianMs / 1000).toFixed(1)} s (mi ${nee.value.mi.toFixed(3)})`, pytorch: "", target: "truth 0.4084" });
rows.push({ what: "MINE MG(0.9) n=400, 600 iterations", mutinfo: `${(mine.medianMs / 1000).toFixed(1)} s (mi ${mine.value.mi.toFixed(3)})`, pytorch: "", target: "truth 0.4084" });
const convergence = {
  trueMI: 0.408443,
  mineeIterationsPerEpoch: 4,
  mineIterationsPerEpoch: 4,
  minee: { options: mineeOpts, estimate: nee.value.mi, trace: nee.value.trace[0] },
  mine: { options: { epochs: 150, batchSize: 100, testFraction: 0 }, estimate: mine.value.mi, trace: mine.value.trace[0].train },
};

// A Vega-Lite description of the convergence figure (data only; rendering is left to the
// report layer): estimate against iteration for both methods, with the truth as a rule.
const values = [
  ...convergence.minee.trace.map((v, e) => ({ method: "MI-NEE", iteration: (e + 1) * 4, estimate: v })),
  ...convergence.mine.trace.map((v, e) => ({ method: "MINE", iteration: (e + 1) * 4, estimate: v })),
];
const convergencePlot = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  title: "MG(0.9), n = 400: estimate per iteration (training bounds)",
  layer: [
    { data: { values }, mark: "line", encoding: { x: { field: "iteration", type: "quantitative" }, y: { field: "estimate", type: "quantitative", title: "MI (nats)" }, color: { field: "method", type: "nominal" } } },
    { data: { values: [{ truth: convergence.trueMI }] }, mark: { type: "rule", strokeDash: [4, 4] }, encoding: { y: { field: "truth", type: "quantitative" } } },
  ],
};

console.log("\nTimings are wall-clock on a 2-core machine shared with other jobs: noisy, read as upper bounds.\n");
table(rows);
writeResult("neural", {
  note: "Wall-clock on a shared 2-core machine (other jobs running): noisy. Per-step time includes the per-epoch held-out trace. The 5-D flow benchmark (n = 32000) is the separate script bench/neural-flow5d.js.",
  rows,
  mineStepMs: perStep,
  mineStepCpuMs: perStepCpu,
  mineN200: { medianMs: small.medianMs, mi: small.value.mi },
  mineN5000: { ms: big.medianMs, mi: big.value.mi },
  doeN5000: { ms: flow.medianMs, mi: flow.value.mi },
  convergence,
  convergencePlot,
});
