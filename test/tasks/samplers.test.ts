import { describe, expect, it } from "vitest";
import "../../src/entry/node.js";
import {
  MIInputError,
  additiveNoiseTask,
  asinhTask,
  bimodalTask,
  bivariateNormalTask,
  gammaExponentialTask,
  halfCubeTask,
  logTask,
  mixedGaussianTask,
  multinormalDenseTask,
  multinormalSparseTask,
  normalCdfTask,
  spiralTask,
  studentIdentityTask,
  swissRollTask,
  weinmanTask,
} from "../../src/index.js";

// Empirical moments of each sampler against their exact values. Tolerance: 5 standard errors of
// the moment at the stated n (the SE formula is given next to each check).
const N = 100_000;
const meanOf = (v: ArrayLike<number>, f = (x: number) => x) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += f(v[i]);
  return s / v.length;
};
const col = (d: Float64Array, cols: number, j: number) => d.filter((_, i) => i % cols === j);
const near = (got: number, want: number, sd: number, n = N) => expect(Math.abs(got - want)).toBeLessThan((5 * sd) / Math.sqrt(n));

describe("task samplers", () => {
  it("same seed gives the same bits; another seed does not", async () => {
    const t = await studentIdentityTask(2, 2, 3);
    const a = await t.sample(257, 4);
    const b = await t.sample(257, 4);
    const c = await t.sample(257, 5);
    expect(Array.from(b.x.data)).toEqual(Array.from(a.x.data));
    expect(Array.from(b.y.data)).toEqual(Array.from(a.y.data));
    expect(Array.from(c.x.data)).not.toEqual(Array.from(a.x.data));
    expect(a.x.rows).toBe(257);
    expect(a.x.cols).toBe(2);
  });

  it("rejects bad sizes, seeds and parameters with MIInputError naming the argument", async () => {
    const t = await bivariateNormalTask(0.5);
    await expect(t.sample(0, 1)).rejects.toThrow(MIInputError);
    await expect(t.sample(10, -1)).rejects.toThrow(/seed/);
    await expect(t.sample(2.5, 1)).rejects.toThrow(/n must be/);
    expect(() => bivariateNormalTask(1)).toThrow(/rho/);
    expect(() => studentIdentityTask(2, 2, 0)).toThrow(/df/);
    expect(() => spiralTask(t)).toThrow(/dimY ≥ 3/);
    expect(() => swissRollTask(normalCdfTask(t)) && swissRollTask(swissRollTask(normalCdfTask(t)))).toThrow(/one-dimensional/);
  });

  it("bivariate normal and dense multinormal: unit variances and the set correlation", async () => {
    const { x, y } = await (await bivariateNormalTask(0.6)).sample(N, 1);
    near(meanOf(x.data), 0, 1);
    near(meanOf(x.data, (v) => v * v), 1, Math.SQRT2); // Var(X²) = 2
    let xy = 0;
    for (let i = 0; i < N; i++) xy += x.data[i] * y.data[i];
    near(xy / N, 0.6, Math.sqrt(1 + 0.36)); // Var(XY) = 1 + ρ²
    const dn = await (await multinormalDenseTask(3, 2, 0.5)).sample(N, 2);
    let c = 0;
    for (let i = 0; i < N; i++) c += dn.x.data[i * 3 + 2] * dn.y.data[i * 2 + 1];
    near(c / N, 0.5, Math.sqrt(1.25));
    const sp = await (await multinormalSparseTask(3, 3)).sample(N, 3);
    let c0 = 0, c2 = 0;
    for (let i = 0; i < N; i++) {
      c0 += sp.x.data[i * 3] * sp.y.data[i * 3];
      c2 += sp.x.data[i * 3 + 2] * sp.y.data[i * 3 + 2];
    }
    near(c0 / N, 0.8, Math.sqrt(1.64));
    near(c2 / N, 0, 1);
  });

  it("Student-t: ν/(ν − 2) variance for ν = 5, half the mass within ±1 for ν = 1", async () => {
    const { x } = await (await studentIdentityTask(2, 1, 5)).sample(N, 6);
    // Var(T²) for ν = 5: E T⁴ − (E T²)² = 3ν²/((ν−2)(ν−4)) − (ν/(ν−2))² = 25 − 25/9
    near(meanOf(x.data, (v) => v * v), 5 / 3, Math.sqrt(25 - 25 / 9), 2 * N);
    const c = await (await studentIdentityTask(1, 1, 1)).sample(N, 7);
    near(meanOf(c.x.data, (v) => (Math.abs(v) < 1 ? 1 : 0)), 0.5, 0.5); // Cauchy: P(|T| < 1) = ½
  });

  it("additive noise, gamma–exponential, Weinman and mixed Gaussian moments", async () => {
    const an = await (await additiveNoiseTask(0.75)).sample(N, 8);
    near(meanOf(an.y.data), 0.5, Math.sqrt(1 / 12 + 0.75 ** 2 / 3));
    near(meanOf(an.y.data, (v) => (v - 0.5) ** 2), 1 / 12 + 0.75 ** 2 / 3, 0.5);
    const ge = await (await gammaExponentialTask(2)).sample(N, 9);
    near(meanOf(ge.x.data), 2, Math.SQRT2); // Gamma(2, 1): mean 2, variance 2
    near(meanOf(ge.x.data, (v) => (v - 2) ** 2), 2, Math.sqrt(6 * 2 + 2 * 4)); // Var((X−2)²) = μ4 − σ⁴ = (3α² + 6α) − α²
    near(meanOf(ge.y.data, (v) => 1 / (1 + v)), 2 / 3, 0.25); // P(Y > y) = (1+y)^−α ⇒ E[1/(1+Y)] = α/(α+1)
    const lg = await logTask(await gammaExponentialTask(2)).sample(N, 9);
    for (let i = 0; i < 100; i++) expect(lg.x.data[i]).toBeCloseTo(Math.log(ge.x.data[i]), 12);
    const w = await (await weinmanTask(3)).sample(N, 10);
    near(meanOf(w.x.data), 0.5, 0.5); // Exponential(2)
    let gap = 0, ordered = true;
    for (let i = 0; i < N; i++) {
      gap += w.y.data[i] - w.x.data[i];
      ordered &&= w.y.data[i] > w.x.data[i];
    }
    expect(ordered).toBe(true);
    near(gap / N, 3, 3); // Exponential(1/3)
    const mg = await (await mixedGaussianTask(0.8)).sample(N, 11);
    let xy = 0, x2y2 = 0;
    for (let i = 0; i < N; i++) {
      xy += mg.x.data[i] * mg.y.data[i];
      x2y2 += (mg.x.data[i] * mg.y.data[i]) ** 2;
    }
    near(xy / N, 0, Math.sqrt(1 + 0.64)); // the ±ρ components cancel
    near(x2y2 / N, 1 + 2 * 0.64, 6); // E[X²Y²] = 1 + 2ρ² in each component
  });

  it("transforms apply their map to the base task's draws and keep its MI", async () => {
    const base = await multinormalSparseTask(3, 3);
    const b = await base.sample(300, 12);
    const checks: [ReturnType<typeof asinhTask>, (v: number) => number][] = [
      [asinhTask(base), Math.asinh],
      [halfCubeTask(base), (v) => v * Math.sqrt(Math.abs(v))],
    ];
    for (const [t, f] of checks) {
      expect(t.mi).toBe(base.mi);
      const s = await t.sample(300, 12);
      for (let i = 0; i < 900; i++) expect(s.x.data[i]).toBeCloseTo(f(b.x.data[i]), 12);
    }
    const u = await normalCdfTask(base).sample(N, 13);
    near(meanOf(col(u.x.data, 3, 1)), 0.5, Math.sqrt(1 / 12));
    near(meanOf(col(u.x.data, 3, 1), (v) => (v - 0.5) ** 2), 1 / 12, Math.sqrt(1 / 80 - 1 / 144));
    // Spiral: rotation keeps each row's norm and leaves the other coordinates alone.
    const sp = await spiralTask(base).sample(300, 12);
    for (let i = 0; i < 300; i++) {
      const n0 = b.y.data[i * 3 + 1] ** 2 + b.y.data[i * 3 + 2] ** 2;
      const n1 = sp.y.data[i * 3 + 1] ** 2 + sp.y.data[i * 3 + 2] ** 2;
      expect(n1).toBeCloseTo(n0, 10);
      expect(sp.y.data[i * 3]).toBe(b.y.data[i * 3]);
    }
    const sr = await swissRollTask(normalCdfTask(await bivariateNormalTask(0.75))).sample(1000, 14);
    expect(sr.x.cols).toBe(2);
    for (let i = 0; i < 1000; i++) {
      const r = Math.hypot(sr.x.data[2 * i], sr.x.data[2 * i + 1]);
      expect(r).toBeGreaterThanOrEqual((1.5 * Math.PI) / 21 - 1e-12);
      expect(r).toBeLessThanOrEqual((4.5 * Math.PI) / 21 + 1e-12);
    }
  });

  it("bimodal task: mixture margins with means 3.5 and 1, variances 6.25 and 5", async () => {
    const { x, y } = await (await bimodalTask(0.75)).sample(N, 15);
    near(meanOf(x.data), 3.5, 2.5);
    near(meanOf(x.data, (v) => (v - 3.5) ** 2), 6.25, 9);
    near(meanOf(y.data), 1, Math.sqrt(5));
    near(meanOf(y.data, (v) => (v - 1) ** 2), 5, 7);
  });
});
