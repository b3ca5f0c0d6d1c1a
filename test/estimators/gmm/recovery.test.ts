import { describe, expect, it } from "vitest";
import "../../../src/entry/node.js";
import { gmmMI, gmmModelMI } from "../../../src/index.js";
import { withKernels } from "../../helpers/kernels.js";
import { bivariateGaussian } from "../../helpers/samples.js";

describe("EM parameter recovery and closed forms", () => {
  it("recovers the weights, means and covariances of a well-separated 2-component mixture", async () => {
    // 0.3·N((−4, 0), diag(1, 0.5)) + 0.7·N((4, 2), [[1, 0.6], [0.6, 2]]), n = 4000
    const n = 4000;
    const z = await withKernels((s) => {
      const p = s.allocF64(3 * n);
      s.k.rng_fill_uniform(s.rng(8, "task", 5), p, n);
      s.k.rng_fill_normal(s.rng(8, "task", 6), p + 8 * n, 2 * n);
      return s.readF64(p, 3 * n);
    });
    const x: number[] = [], y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = z[n + 2 * i], b = z[n + 2 * i + 1];
      if (z[i] < 0.3) { x.push(-4 + a); y.push(Math.sqrt(0.5) * b); }
      else { x.push(4 + a); y.push(2 + 0.6 * a + Math.sqrt(2 - 0.36) * b); }
    }
    const r = await gmmMI(x, y, { seed: 1, components: 2, nBootstrap: 2, mcSamples: 1000 });
    const m = r.model;
    const k = m.means[0][0] < 0 ? 0 : 1; // component order is arbitrary
    const o = 1 - k;
    // Standard errors at n = 4000: weight √(0.21/n) ≈ 0.007, means ≈ 0.03, covariances ≈ 0.05;
    // the bounds are about 4 of them.
    expect(Math.abs(m.weights[k] - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(m.means[k][0] + 4)).toBeLessThan(0.1);
    expect(Math.abs(m.means[k][1])).toBeLessThan(0.1);
    expect(Math.abs(m.means[o][0] - 4)).toBeLessThan(0.1);
    expect(Math.abs(m.means[o][1] - 2)).toBeLessThan(0.1);
    expect(Math.abs(m.covariances[k][1][1] - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(m.covariances[o][0][1] - 0.6)).toBeLessThan(0.15);
    expect(Math.abs(m.covariances[o][1][1] - 2)).toBeLessThan(0.2);
  });

  it("one-component MI is the closed form −½ ln(1 − r²) of the fitted covariance", async () => {
    const { x, y } = await bivariateGaussian(500, 0.6, 3);
    const r = await gmmMI(x, y, { seed: 1, components: 1, nBootstrap: 3 });
    const c = r.model.covariances[0];
    const rho2 = (c[0][1] * c[0][1]) / (c[0][0] * c[1][1]);
    const closed = -0.5 * Math.log(1 - rho2);
    const m = await gmmModelMI(r.model, { seed: 4 });
    expect(m.mcStdErr).toBe(0);
    expect(m.mi).toBeCloseTo(closed, 12);
  });

  it("every initialisation method gives an estimate within 3 std of the truth", async () => {
    const { x, y } = await bivariateGaussian(1000, 0.6, 5);
    const truth = -0.5 * Math.log(1 - 0.36);
    for (const init of ["randomResp", "kmeans", "randomizedKmeans", "minmax"] as const) {
      const r = await gmmMI(x, y, { seed: 2, init, nBootstrap: 20, mcSamples: 5000 });
      expect(Math.abs(r.mi - truth), `${init}: ${r.mi} ± ${r.std}`).toBeLessThan(3 * r.std);
      expect(r.options.init).toBe(init);
    }
  });
});
