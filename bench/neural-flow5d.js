// The flow (B-NAF difference-of-entropies) estimator on a 5-dimensional Gaussian pair with y
// cubed, n = 32000: x, y ∈ ℝ⁵, (x_i, y_i) correlated with rho = 0.5 and independent across i,
// then y ← y³ (a bijection per coordinate, so the MI is unchanged):
// I = −(5/2) ln(1 − 0.25) = 0.71921 nat. Longer than the regular benchmarks, so run on its own:
// `node bench/neural-flow5d.js [epochs] [marginals]` (marginals: the doeMI option; the default
// "normalScores" maps y³ back to normal scores exactly — ranks do not see the cube — so
// "standardize" is the run in which the flow itself must undo the cube). Writes
// bench/results/neural-flow5d-<marginals>.json.
import { doeMI } from "../dist/node.js";
import { writeResult } from "./lib.js";

const n = 32000, d = 5, rho = 0.5;
const truth = -(d / 2) * Math.log(1 - rho * rho);
let s = 11;
const r = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
const g = () => Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r());
const x = new Float64Array(n * d), y = new Float64Array(n * d);
for (let i = 0; i < n * d; i++) {
  const a = g(), b = g();
  x[i] = a;
  const v = rho * a + Math.sqrt(1 - rho * rho) * b;
  y[i] = v * v * v;
}
const epochs = Number(process.argv[2] ?? 50);
const marginals = process.argv[3] ?? "normalScores";
const res = await doeMI({ data: x, rows: n, cols: d }, { data: y, rows: n, cols: d }, { epochs, marginals });
console.log(`doeMI 5-D Gaussian, y cubed, n ${n}, ${epochs} epochs, marginals ${marginals}: ${res.mi.toFixed(4)} nat (truth ${truth.toFixed(4)}), train ${res.trainMI.toFixed(4)}, ${res.seconds.toFixed(1)} s`);
writeResult(`neural-flow5d-${marginals}`, {
  note: "Wall-clock on a shared 2-core machine (other jobs running): noisy.",
  n, d, rho, truth, epochs, marginals, mi: res.mi, trainMI: res.trainMI, seconds: res.seconds, entropies: res.entropies, trace: res.trace[0], options: res.options,
});
