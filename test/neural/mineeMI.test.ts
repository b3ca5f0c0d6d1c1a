import { describe, expect, it } from "vitest";
import { mineeMI, mixedGaussianTask } from "../../src/index.js";
import { referenceCsv } from "../helpers/fixtures.js";
import "../helpers/kernels.js";

/** The sample's own MI: the mean over its rows of the pointwise MI ln p(x, y)/(p(x)p(y)) of
 *  MG(ρ) (both marginals N(0, 1)). */
function sampleMI(x: ArrayLike<number>, y: ArrayLike<number>, rho: number): number {
  const c = 1 / (2 * Math.PI * Math.sqrt(1 - rho * rho)), k = 2 * (1 - rho * rho);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const q = x[i] * x[i] + y[i] * y[i], cr = 2 * rho * x[i] * y[i];
    s += Math.log((0.5 * c * (Math.exp(-(q - cr) / k) + Math.exp(-(q + cr) / k))) / (Math.exp(-q / 2) / (2 * Math.PI)));
  }
  return s / x.length;
}

/** I(X; Y) of MG(ρ) by the midpoint rule on [−9, 9]² (both marginals are standard normal). */
function mixedGaussianMI(rho: number): number {
  const m = 900, h = 18 / m;
  const c = 1 / (2 * Math.PI * Math.sqrt(1 - rho * rho));
  let s = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) {
    const u = -9 + (a + 0.5) * h, v = -9 + (b + 0.5) * h;
    const q = u * u + v * v, cr = 2 * rho * u * v, k = 2 * (1 - rho * rho);
    const p = 0.5 * c * (Math.exp(-(q - cr) / k) + Math.exp(-(q + cr) / k));
    const pp = Math.exp(-q / 2) / (2 * Math.PI);
    if (p > 0) s += p * Math.log(p / pp);
  }
  return s * h * h;
}

describe("mineeMI", () => {
  it("rejects bad input and options", async () => {
    await expect(mineeMI([1, 2, 3, 4, 5], [1, 2, 3])).rejects.toMatchObject({ code: "length-mismatch", fn: "mineeMI" });
    await expect(mineeMI([1, 2, 3, 4], [1, 1, 1, 1])).rejects.toMatchObject({ code: "constant-variable", arg: "y" });
    await expect(mineeMI([1, 2, 3, 4], [4, 3, 2, 1], { refFactor: 0 })).rejects.toMatchObject({ code: "invalid-option", arg: "options.refFactor" });
  });

  it("same seed ⇒ same bits; the estimate is D(XY) − D(X) − D(Y), averaged over the last evaluations", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    const o = { steps: 12, evalEvery: 4, averageLast: 0.5, hiddenSizes: [8, 8], nRuns: 2 };
    const a = await mineeMI(t.col("x"), t.col("y"), o);
    const b = await mineeMI(t.col("x"), t.col("y"), o);
    expect(a.mi).toBe(b.mi);
    expect(a.runs).toEqual(b.runs);
    expect(a.runs[0]).not.toBe(a.runs[1]);
    expect(a.trace[0]).toHaveLength(3);
    expect(a.evalTrace[0]).toHaveLength(3); // after steps 4, 8 and 12
    const d = a.divergences;
    expect(Math.abs(a.mi - (d.xy - d.x - d.y))).toBeLessThan(1e-12);
    // Evaluations after more than 12 − 0.5·12 = 6 steps (8 and 12) are averaged.
    for (let r = 0; r < 2; r++) expect(Math.abs(a.runs[r] - (a.evalTrace[r][1] + a.evalTrace[r][2]) / 2)).toBeLessThan(1e-12);
    expect(a.trainMI).toBe(a.mi); // testFraction 0: evaluated on the same rows
    expect(a.options).toMatchObject({ batchSize: 100, refFactor: 10, learningRate: 3e-3, initStd: 0.2, activation: "elu", hiddenSizes: [8, 8], steps: 12 });
    // Without intermediate evaluations the estimate comes from the last step alone.
    const c = await mineeMI(t.col("x"), t.col("y"), { ...o, evalEvery: 0 });
    expect(c.evalTrace[0]).toHaveLength(1);
    expect(c.runs[0]).toBe(c.evalTrace[0][0]);
  });

  it('reference "auto": the uniform box up to 3 joint dimensions, the product of normals from 4 on', async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    const x = t.col("x"), y = t.col("y");
    const o = { steps: 4, evalEvery: 0, hiddenSizes: [4] };
    const one = await mineeMI(x, y, o);
    expect(one.options.reference).toBe("auto");
    expect(one.reference).toBe("uniform");
    expect(one.mi).toBe((await mineeMI(x, y, { ...o, reference: "uniform" })).mi);
    const x2 = Array.from(x, (v, i) => [v, y[(i * 7) % 200]]);
    const y2 = Array.from(y, (v, i) => [v, x[(i * 13) % 200]]);
    const three = await mineeMI(x2, y, o);
    expect(three.reference).toBe("uniform");
    const four = await mineeMI(x2, y2, o);
    expect(four.reference).toBe("normal");
    expect(four.mi).toBe((await mineeMI(x2, y2, { ...o, reference: "normal" })).mi);
    expect((await mineeMI(x2, y2, { ...o, reference: "uniform" })).reference).toBe("uniform");
    await expect(mineeMI(x, y, { reference: "box" as never })).rejects.toMatchObject({ code: "invalid-option", arg: "options.reference" });
  });

  it("MG(0.9), n = 400, default options: within 10 % of the true MI, and close to each sample's own MI", async () => {
    // The truth (0.4084, Monte Carlo) is a population value; one sample of 400 carries its own
    // MI, the mean of the pointwise MI ln p(x, y)/(p(x)p(y)) over its rows, whose spread over
    // samples is sd(pointwise MI)/√400 = 0.747/20 = 0.037 nat (9 % of the truth): even an
    // estimator that knew the density would miss the truth by more than 10 % on about one
    // sample in four. Measured with the defaults (normal-score marginals) over data seeds 1–8:
    // sample MIs 0.420, 0.458, 0.366, 0.456, 0.449, 0.361, 0.407, 0.361; estimates 0.424, 0.442,
    // 0.371, 0.438, 0.449, 0.358, 0.400, 0.344 (sd over seeds 0.041, the sampling spread; 6 of 8
    // within 10 % of the truth, mean 0.403). Estimate − sample MI: mean −0.006, sd 0.009, largest
    // 0.018 — the estimator's own error is a quarter of the sampling spread. Two checks on three
    // fixed samples (seeds 1, 2, 3, the first three, not chosen by outcome):
    // - each estimate within 10 % of the truth (0.041) of its own sample's MI: the measured bias
    //   plus 3.8 sd of the measured estimator error;
    // - the mean of the three estimates within 10 % of the truth: this one carries the sampling
    //   spread, sd 0.041/√3 = 0.024, so 0.041 is only 1.7 sd — a correct estimator fails it on
    //   about one draw of three samples in eleven; on seeds 1–3 the mean is 0.412 (+0.9 %), the
    //   single estimates +3.8 %, +8.2 % and −9.2 % from the truth.
    const task = await mixedGaussianTask(0.9);
    const truth = task.mi;
    const est: number[] = [];
    for (const seed of [1, 2, 3]) {
      const { x, y } = await task.sample(400, seed);
      const r = await mineeMI(x, y);
      const own = sampleMI(x.data, y.data, 0.9);
      expect(Math.abs(r.mi - own)).toBeLessThan(0.1 * truth);
      est.push(r.mi);
    }
    expect(Math.abs((est[0] + est[1] + est[2]) / 3 - truth)).toBeLessThan(0.1 * truth);
  }, 300_000);

  it("the quadrature truth of MG(0.9) is 0.408 nat", () => {
    expect(mixedGaussianMI(0.9)).toBeCloseTo(0.40844, 4);
  });
});


