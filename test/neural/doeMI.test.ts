import { describe, expect, it } from "vitest";
import { doeMI } from "../../src/index.js";
import { referenceCsv } from "../helpers/fixtures.js";
import "../helpers/kernels.js";

const TRUE_MI = 0.2231435513142097; // −½ ln(1 − 0.6²)

describe("doeMI", () => {
  it("rejects bad input and options", async () => {
    await expect(doeMI([1, 2, 3, 4, 5], [1, 2, 3])).rejects.toMatchObject({ code: "length-mismatch", fn: "doeMI" });
    await expect(doeMI([1, 2, Infinity, 4], [1, 2, 3, 4])).rejects.toMatchObject({ code: "not-finite", arg: "x", row: 2 });
    await expect(doeMI([1, 2, 3, 4], [4, 3, 2, 1], { alpha: 0 })).rejects.toMatchObject({ code: "invalid-option", arg: "options.alpha" });
  });

  it("same seed ⇒ same bits; the estimate is the entropy difference; 2-D x and y", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    const o = { epochs: 2, minSteps: 0, nRuns: 2 };
    const a = await doeMI(t.col("x"), t.col("y"), o);
    const b = await doeMI(t.col("x"), t.col("y"), o);
    expect(a.mi).toBe(b.mi);
    expect(a.runs[0]).not.toBe(a.runs[1]);
    expect(a.trace[0]).toHaveLength(2);
    expect(Math.abs(a.mi - (a.entropies.x - a.entropies.xGivenY))).toBeLessThan(1e-12);
    const x2 = Array.from(t.col("x"), (v, i) => [v, t.col("y")[(i * 7) % 200]]);
    const y2 = Array.from(t.col("y"), (v, i) => [v, t.col("x")[(i * 13) % 200]]);
    const c = await doeMI(x2, y2, { epochs: 1, minSteps: 0 });
    expect(c).toMatchObject({ dimX: 2, dimY: 2, n: 200 });
    expect(Number.isFinite(c.mi)).toBe(true);
  });

  it("stops early on the validation loss and keeps the weights of the best check", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    // 200 rows: 40 held out, 32 for validation, 128 to train — one batch per epoch, so a check
    // every 50 epochs; 600 epochs at most, stop after 3 checks without improvement.
    const r = await doeMI(t.col("x"), t.col("y"), { epochs: 600, minSteps: 0, patience: 3, seed: 3 });
    const v = r.validationTrace[0];
    expect(r.epochsRun[0]).toBe(50 * v.length);
    const iBest = v.indexOf(Math.min(...v));
    expect(r.bestEpoch[0]).toBe(50 * (iBest + 1));
    if (r.epochsRun[0] < 600) expect(v.length - 1 - iBest).toBe(3); // stopped by patience
    // Training the same flow (same seed: same initialisation and batches) for exactly bestEpoch
    // epochs without early stopping ends at the weights that were kept: the same estimate, bit for bit.
    const again = await doeMI(t.col("x"), t.col("y"), { epochs: r.bestEpoch[0], minSteps: 0, patience: 1_000_000, seed: 3 });
    expect(again.epochsRun[0]).toBe(r.bestEpoch[0]);
    expect(again.mi).toBe(r.mi);
    expect(again.entropies).toEqual(r.entropies);
    // Without validation the whole length is trained and nothing is checked.
    const none = await doeMI(t.col("x"), t.col("y"), { epochs: 3, minSteps: 0, validationFraction: 0 });
    expect(none.validationTrace[0]).toEqual([]);
    expect(none.epochsRun[0]).toBe(3);
    await expect(doeMI(t.col("x").slice(0, 6), t.col("y").slice(0, 6), { validationFraction: 0.5, testFraction: 0.5 })).rejects.toMatchObject({ code: "too-few-samples" });
  });

  // Defaults (two hidden B-NAF layers of 8 units per dimension, batch 128, at least 50 epochs and
  // 2000 batches, early stopping on 20 % of the training rows, lr 1e-2) on the first 5000 rows of
  // the reference Gaussian sample. Tolerance from the estimator's own
  // uncertainty: Î is a mean over the 1000 held-out rows of ln q(x|y) − ln q(x), whose spread is
  // ≈ ρ = 0.6 for this Gaussian, so its standard error is ≈ 0.6/√1000 ≈ 0.019; we allow 3 SE.
  it("near the truth on the bivariate Gaussian (rho 0.6, n 5000)", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n20000.csv");
    const r = await doeMI(t.col("x").slice(0, 5000), t.col("y").slice(0, 5000));
    const se = 0.6 / Math.sqrt(1000);
    expect(Math.abs(r.mi - TRUE_MI)).toBeLessThan(3 * se);
    // and the marginal entropy of the standardised x is the standard normal's, 1.4189
    expect(Math.abs(r.entropies.x - 1.4189385332)).toBeLessThan(3 * Math.sqrt(0.5 / 1000));
  });
});
