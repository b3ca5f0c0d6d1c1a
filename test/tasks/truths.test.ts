import { describe, expect, it } from "vitest";
import "../../src/entry/node.js";
import {
  additiveNoiseTask,
  beyondNormalTasks,
  bivariateNormalTask,
  gammaExponentialTask,
  hgTask,
  mixedGaussianTask,
  multinormalDenseTask,
  multinormalSparseTask,
  studentIdentityTask,
  weinmanTask,
  type Task,
} from "../../src/index.js";
import { withKernels } from "../helpers/kernels.js";

// Each closed-form truth is checked against a Monte Carlo mean of the task's own pointwise MI,
// ln p(x, y) − ln p(x) − ln p(y), written out independently here (host Math is fine in tests).
// Tolerance: 4 Monte Carlo standard errors (sample std of the pmi values / √n) plus 1e-12.

const N = 200_000;

async function mcCheck(task: Task, pmi: (x: Float64Array, y: Float64Array, i: number) => number, seed = 101) {
  const { x, y } = await task.sample(N, seed);
  let mean = 0, m2 = 0;
  for (let i = 0; i < N; i++) {
    const v = pmi(x.data, y.data, i);
    const d = v - mean;
    mean += d / (i + 1);
    m2 += d * (v - mean);
  }
  const se = Math.sqrt(m2 / (N - 1) / N);
  const tol = 4 * Math.sqrt(se * se + task.miStdErr * task.miStdErr) + 1e-12;
  expect(Math.abs(mean - task.mi), `${task.id}: MC ${mean} ± ${se} vs truth ${task.mi}`).toBeLessThan(tol);
  return { mean, se };
}

async function lgammaHost(xs: number[]): Promise<number[]> {
  return withKernels((s) => {
    const inp = s.writeF64(xs);
    const out = s.allocF64(xs.length);
    s.k.special_lgamma(inp, out, xs.length);
    return Array.from(s.readF64(out, xs.length));
  });
}

describe("true MI of each task", () => {
  it("bivariate normal: −½ ln(1 − ρ²), matched by the Monte Carlo of its log-density", async () => {
    const t = await bivariateNormalTask(0.6);
    expect(t.mi).toBeCloseTo(-0.5 * Math.log(1 - 0.36), 14);
    await mcCheck(t, (x, y, i) => {
      const q = 1 - 0.36;
      return -0.5 * Math.log(q) - (x[i] ** 2 - 1.2 * x[i] * y[i] + y[i] ** 2) / (2 * q) + (x[i] ** 2 + y[i] ** 2) / 2;
    });
  });

  it("dense multinormal equals the equicorrelation determinant formula", async () => {
    // det of a d×d matrix with unit diagonal and off-diagonal c: (1 − c)^(d−1) (1 + (d − 1)c).
    const ld = (d: number, c: number) => (d - 1) * Math.log(1 - c) + Math.log(1 + (d - 1) * c);
    for (const [dx, dy] of [[2, 2], [3, 3], [5, 5], [25, 25], [50, 50], [2, 5]]) {
      const t = await multinormalDenseTask(dx, dy, 0.5);
      expect(t.mi).toBeCloseTo(0.5 * (ld(dx, 0.5) + ld(dy, 0.5) - ld(dx + dy, 0.5)), 10);
    }
  });

  it("sparse 2-pair multinormal and HG: sums of independent pairs", async () => {
    for (const d of [2, 3, 5, 25]) {
      const t = await multinormalSparseTask(d, d);
      expect(t.mi).toBeCloseTo(-Math.log(1 - 0.64), 12); // two pairs with ρ = 4/5
    }
    expect((await hgTask(0.5, 3)).mi).toBeCloseTo(-1.5 * Math.log(0.75), 13);
  });

  it("Student-t (identity dispersion): digamma/log-gamma correction matches its log-density", async () => {
    for (const [dx, dy, nu] of [[1, 1, 1], [2, 2, 3], [3, 3, 2]]) {
      const t = await studentIdentityTask(dx, dy, nu);
      const d = dx + dy;
      const [g0, gx, gy, gd] = await lgammaHost([nu / 2, (nu + dx) / 2, (nu + dy) / 2, (nu + d) / 2]);
      const c = (g: number, k: number) => g - g0 - (k / 2) * Math.log(nu * Math.PI);
      await mcCheck(t, (x, y, i) => {
        let sx = 0, sy = 0;
        for (let j = 0; j < dx; j++) sx += x[i * dx + j] ** 2;
        for (let j = 0; j < dy; j++) sy += y[i * dy + j] ** 2;
        const lp = (k: number, g: number, r2: number) => c(g, k) - ((nu + k) / 2) * Math.log1p(r2 / nu);
        return lp(d, gd, sx + sy) - lp(dx, gx, sx) - lp(dy, gy, sy);
      }, 7 + dx);
    }
  });

  it("additive uniform noise: ε − ln 2ε (ε ≤ ½) and 1/(4ε) (ε > ½)", async () => {
    for (const eps of [0.1, 0.75]) {
      const t = await additiveNoiseTask(eps);
      expect(t.mi).toBeCloseTo(eps <= 0.5 ? eps - Math.log(2 * eps) : 1 / (4 * eps), 14);
      // pmi = ln p(y|x) − ln p(y) = −ln |[y − ε, y + ε] ∩ [0, 1]|
      await mcCheck(t, (_x, y, i) => -Math.log(Math.min(1, y[i] + eps) - Math.max(0, y[i] - eps)));
    }
  });

  it("gamma–exponential: ψ(α + 1) − ln α against its log-density", async () => {
    for (const a of [0.5, 2]) {
      const t = await gammaExponentialTask(a);
      // p(y) = α/(1 + y)^(α+1), p(y | x) = x e^(−xy)
      await mcCheck(t, (x, y, i) => Math.log(x[i]) - x[i] * y[i] - Math.log(a) + (a + 1) * Math.log1p(y[i]));
    }
    expect((await gammaExponentialTask(1)).mi).toBeCloseTo(1 - 0.5772156649015329, 14); // ψ(2) = 1 − γ
  });

  it("ordered Weinman exponential: both branches of the derived closed form match the log-density", async () => {
    for (const alpha of [0.25, 0.5, 2]) {
      const t = await weinmanTask(alpha);
      const a = 2, b = 1 / alpha;
      await mcCheck(t, (x, y, i) => {
        const yy = y[i];
        // ln p(y) for the sum of Exponential(a) and Exponential(b), written to avoid cancellation
        const lpy = a === b
          ? 2 * Math.log(b) + Math.log(yy) - b * yy
          : b > a
            ? Math.log((a * b) / (b - a)) - a * yy + Math.log(-Math.expm1(-(b - a) * yy))
            : Math.log((a * b) / (a - b)) - b * yy + Math.log(-Math.expm1(-(a - b) * yy));
        return Math.log(b) - b * (yy - x[i]) - lpy;
      });
    }
    expect((await weinmanTask(0.5)).mi).toBe(0.5772156649015329);
  });

  it("mixed Gaussian MG(ρ): its Monte Carlo truth agrees with an independent Monte Carlo", async () => {
    const t = await mixedGaussianTask(0.8);
    expect(t.miStdErr).toBeGreaterThan(0);
    expect(t.miStdErr).toBeLessThan(2e-3);
    await mcCheck(t, (x, y, i) => {
      const q = 1 - 0.64;
      const lp = (r: number) => -(x[i] ** 2 - 2 * r * x[i] * y[i] + y[i] ** 2) / (2 * q);
      const m = Math.max(lp(0.8), lp(-0.8));
      return Math.log(0.5) - 0.5 * Math.log(q) + m + Math.log(Math.exp(lp(0.8) - m) + Math.exp(lp(-0.8) - m)) + (x[i] ** 2 + y[i] ** 2) / 2;
    });
  });

  it("the Beyond Normal list has its 40 tasks with distinct ids and finite positive truths", async () => {
    const tasks = await beyondNormalTasks();
    expect(tasks.length).toBe(40);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(40);
    for (const t of tasks) {
      expect(Number.isFinite(t.mi) && t.mi > 0, t.id).toBe(true);
      expect(t.miStdErr).toBe(0);
    }
    const byId = new Map(tasks.map((t) => [t.id, t]));
    expect(byId.get("multinormal-dense-2-2-0.5")!.dimX).toBe(2);
    expect(byId.get("swissroll_x-normal_cdf-binormal-0.75")!.dimX).toBe(2);
    expect(byId.get("swissroll_x-normal_cdf-binormal-0.75")!.mi).toBe(byId.get("binormal-0.75")!.mi);
  });
});
