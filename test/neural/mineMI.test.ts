import { describe, expect, it } from "vitest";
import { MIInputError, mineMI } from "../../src/index.js";
import { referenceCsv } from "../helpers/fixtures.js";
import "../helpers/kernels.js";

const TRUE_MI = 0.2231435513142097; // −½ ln(1 − 0.6²)

describe("mineMI", () => {
  it("rejects bad input, naming function, argument and row", async () => {
    await expect(mineMI([1, 2, 3, 4, 5], [1, 2, 3])).rejects.toMatchObject({ code: "length-mismatch", fn: "mineMI", arg: "y" });
    await expect(mineMI([1, 2, NaN, 4, 5], [1, 2, 3, 4, 5])).rejects.toMatchObject({ code: "not-finite", arg: "x", row: 2 });
    await expect(mineMI([1, 2, 3, 4], [1, 2, 3, 4], { objective: "kl" as never })).rejects.toBeInstanceOf(MIInputError);
    await expect(mineMI([1, 2, 3, 4], [1, 2, 3, 4], { epoch: 3 } as never)).rejects.toMatchObject({ code: "unknown-option" });
    await expect(mineMI([1, 2, 3, 4], [4, 3, 2, 1], { testFraction: 0.2 })).rejects.toMatchObject({ code: "too-few-samples", arg: "options.testFraction" });
  });

  it("same seed ⇒ same bits; another seed ⇒ another network; runs, trace and units", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    const x = t.col("x"), y = t.col("y");
    const o = { epochs: 3, nRuns: 2, hiddenSizes: [16, 16], nPermutations: 5 };
    const a = await mineMI(x, y, o);
    const b = await mineMI(x, y, o);
    const c = await mineMI(x, y, { ...o, seed: 1 });
    const bits = await mineMI(x, y, { ...o, base: 2 });
    expect(a.mi).toBe(b.mi);
    expect(a.runs).toEqual(b.runs);
    expect(c.mi).not.toBe(a.mi);
    expect(a.runs).toHaveLength(2);
    expect(a.runs[0]).not.toBe(a.runs[1]);
    expect(a.trace).toHaveLength(2);
    expect(a.trace[0].train).toHaveLength(3);
    expect(a.trace[0].test).toHaveLength(3);
    expect(Math.abs(bits.mi - a.mi / Math.LN2)).toBeLessThan(1e-12);
    expect(a).toMatchObject({ n: 200, dimX: 1, dimY: 1 });
    expect(a.options).toMatchObject({ objective: "dv", batchSize: 32, learningRate: 1e-3, emaRate: 0.01, testFraction: 0.1 });
    expect(a.options).not.toHaveProperty("signal");
  });

  it("stops between epochs when aborted", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    const ctl = new AbortController();
    let calls = 0;
    const p = mineMI(t.col("x"), t.col("y"), {
      epochs: 100, hiddenSizes: [8], signal: ctl.signal,
      onProgress: (e) => { calls++; if (e.done === 2) ctl.abort(); },
    });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toBe(2);
  });

  // Paper settings (2 × 100 ReLU, Adam 1e-3, batch 32, 50 epochs) on the first 5000 rows of the
  // reference Gaussian sample. Tolerance from the estimator's own uncertainty: the estimate is a
  // mean over the n_test = 500 held-out pairs, and the pointwise information of this Gaussian has
  // standard deviation ≈ ρ = 0.6, so its standard error is ≈ 0.6/√500 ≈ 0.027; we allow 3 SE.
  // (PyTorch with the same settings gave 0.217–0.225 across seeds.)
  const se = 0.6 / Math.sqrt(500);
  for (const objective of ["dv", "nwj"] as const) {
    it(`${objective}: near the truth on the bivariate Gaussian (rho 0.6, n 5000)`, async () => {
      const t = referenceCsv("ksg_gauss_rho0.6_n20000.csv");
      const r = await mineMI(t.col("x").slice(0, 5000), t.col("y").slice(0, 5000), { objective, seed: 2 });
      expect(Math.abs(r.mi - TRUE_MI)).toBeLessThan(3 * se);
      expect(Math.abs(r.trainMI - TRUE_MI)).toBeLessThan(3 * se);
    });
  }
});
