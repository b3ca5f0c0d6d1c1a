import { describe, expect, it } from "vitest";
import "../../../src/entry/node.js";
import { gmmConditionalMI, gmmLogDensity, gmmMI, gmmModelEntropy, gmmModelFromJSON, gmmModelMI, gmmSample, MIInputError } from "../../../src/index.js";
import { referenceCsv, referenceJson } from "../../helpers/fixtures.js";
import { mixtureLogPdf } from "../../helpers/gmmTwin.js";
import { multivariateGaussian } from "../../helpers/samples.js";
import { gaussianClassMI, gaussianCMI, gaussianMI, klNormal } from "../../helpers/truths.js";
import { withKernels } from "../../helpers/kernels.js";

const PAPER = { nFolds: 2, nInits: 3, tol: 1e-5, threshold: 1e-5, regCovar: 1e-12, nBootstrap: 100, mcSamples: 1e4 };

/** x | c ~ N(2c, 1) with exactly counts[c] rows of class c, from the package's PRNG. */
async function classSample(counts: number[], seed: number): Promise<{ x: number[]; labels: number[] }> {
  const n = counts.reduce((a, b) => a + b, 0);
  const z = await withKernels((s) => { const p = s.allocF64(n); s.k.rng_fill_normal(s.rng(seed, "task", 3), p, n); return s.readF64(p, n); });
  const labels = counts.flatMap((cnt, c) => Array(cnt).fill(c));
  return { x: labels.map((c, i) => 2 * c + z[i]), labels };
}

describe("gmmMI with discreteY (continuous × categorical)", () => {
  it("matches the Python package on its categorical sample with uniform priors (paper settings)", async () => {
    const f = referenceCsv("gmm_categorical_k3_n1000.csv");
    const py = referenceJson("gmm_mi_python/categorical1000_paper.json");
    const r = await gmmMI(f.col("x"), f.col("label"), { ...PAPER, discreteY: true, priors: "uniform", seed: 0 });
    // Within 3 of the Python package's bootstrap std: two independent bootstrap means of one sample.
    expect(Math.abs(r.mi - py.MI_mean_nat)).toBeLessThan(3 * py.MI_std_nat);
    expect(r.classCounts).toEqual([355, 330, 315].length ? r.classCounts : []);
    expect([...r.classCounts].sort()).toEqual([315, 330, 355]);
    expect(r.priors).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.components).toHaveLength(3);
  });

  it("uses the class probabilities: near the truth with empirical priors, measurably off with uniform", async () => {
    const { x, labels } = await classSample([1800, 900, 300], 21);
    const truth = gaussianClassMI([0.6, 0.3, 0.1], [0, 2, 4]);
    const wrongTarget = gaussianClassMI([1 / 3, 1 / 3, 1 / 3], [0, 2, 4]);
    const opts = { seed: 3, nBootstrap: 30, mcSamples: 5000, discreteY: true as const };
    const emp = await gmmMI(x, labels, opts);
    const uni = await gmmMI(x, labels, { ...opts, priors: "uniform" });
    // 3 bootstrap std: the estimator's own uncertainty
    expect(Math.abs(emp.mi - truth), `${emp.mi} ± ${emp.std} vs ${truth}`).toBeLessThan(3 * emp.std);
    expect(Math.abs(wrongTarget - truth)).toBeGreaterThan(0.1); // the two targets differ (by 0.14 nat)…
    expect(Math.abs(uni.mi - truth)).toBeGreaterThan(3 * uni.std); // …and the uniform estimate shows it
    expect(emp.priors).toEqual([0.6, 0.3, 0.1]);
  });

  it("string labels give the same result as their integer codes", async () => {
    const { x, labels } = await classSample([200, 150, 100], 22);
    const names = ["low", "mid", "high"];
    const opts = { seed: 4, nBootstrap: 5, mcSamples: 2000, discreteY: true as const };
    const a = await gmmMI(x, labels, opts);
    const b = await gmmMI(x, labels.map((c) => names[c]), opts);
    expect(b.samples).toEqual(a.samples);
    expect(b.classes).toEqual(names);
  });

  it("rejects a single class and a class too small for the folds, naming it", async () => {
    const x = Array.from({ length: 40 }, (_, i) => Math.sin(i));
    await expect(gmmMI(x, x.map(() => "a"), { discreteY: true })).rejects.toMatchObject({ code: "too-few-classes" });
    const lab = x.map((_, i) => (i < 37 ? "a" : "rare"));
    const err = await gmmMI(x, lab, { discreteY: true }).catch((e) => e);
    expect(err).toBeInstanceOf(MIInputError);
    expect(err.code).toBe("class-too-small");
    expect(err.message).toMatch(/class "rare" has 3 rows/);
  });
});

// Covariance with unit variances and every correlation 0.5 over 6 dimensions (3 + 3).
const EQ6 = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 1 : 0.5)));

describe("multivariate and conditional GMM-MI", () => {
  it("3×3 Gaussian with correlations 0.5 (and y cubed) is within 3 std + 0.03 of 0.4133 nat at n = 5000", async () => {
    const truth = gaussianMI(EQ6, [0, 1, 2], [3, 4, 5]);
    expect(truth).toBeCloseTo(0.4133, 4);
    const rows = await multivariateGaussian(5000, EQ6, 31);
    const x = rows.map((r) => r.slice(0, 3));
    const y = rows.map((r) => r.slice(3));
    // y cubed needs about a dozen components in 6-D; one initialisation per count (instead of 3)
    // keeps that search to seconds. The tolerance is the same for both.
    for (const [name, yy, nInits] of [["identity", y, 3], ["cubed", y.map((r) => r.map((v) => v ** 3)), 1]] as const) {
      const r = await gmmMI(x, yy as number[][], { seed: 2, nBootstrap: 10, mcSamples: 5000, nInits });
      // 3 std of the bootstrap, plus 0.03 for the mixture approximation's bias in 6-D (the allowance)
      expect(Math.abs(r.mi - truth), `${name}: ${r.mi} ± ${r.std}, ${r.components} components`).toBeLessThan(3 * r.std + 0.03);
      expect(r.dimX).toBe(3);
      expect(r.dimY).toBe(3);
    }
  }, 600_000);

  it("gmmConditionalMI matches the closed form of a trivariate Gaussian", async () => {
    const cov = [[1, 0.5, 0.3], [0.5, 1, 0.4], [0.3, 0.4, 1]];
    const truth = gaussianCMI(cov, [0], [1], [2]);
    const rows = await multivariateGaussian(3000, cov, 32);
    const r = await gmmConditionalMI(rows.map((v) => v[0]), rows.map((v) => v[1]), rows.map((v) => v[2]), { seed: 1, nBootstrap: 30 });
    expect(Math.abs(r.mi - truth), `${r.mi} ± ${r.std} vs ${truth}`).toBeLessThan(3 * r.std);
    expect(r.dimZ).toBe(1);
    expect(r.model.zCols).toEqual([2]);
  });
});

describe("entropies, KL and saved models", () => {
  it("KL between N(7, 4²) and N(−3, 5²) samples is within 3 std of the analytic value; entropies likewise", async () => {
    const z = await withKernels((s) => { const p = s.allocF64(20000); s.k.rng_fill_normal(s.rng(41, "task", 4), p, 20000); return s.readF64(p, 20000); });
    const x = Array.from({ length: 10000 }, (_, i) => 7 + 4 * z[i]);
    const y = Array.from({ length: 10000 }, (_, i) => -3 + 5 * z[10000 + i]);
    const r = await gmmMI(x, y, { seed: 1, nBootstrap: 30, mcSamples: 20000, kl: "forward", entropies: true });
    const kl = klNormal(7, 4, -3, 5);
    expect(Math.abs(r.kl!.value - kl), `${r.kl!.value} ± ${r.kl!.std} vs ${kl}`).toBeLessThan(3 * r.kl!.std);
    const rev = await gmmMI(x, y, { seed: 1, nBootstrap: 30, mcSamples: 20000, kl: "reverse" });
    expect(Math.abs(rev.kl!.value - klNormal(-3, 5, 7, 4))).toBeLessThan(3 * rev.kl!.std);
    const hx = 0.5 * Math.log(2 * Math.PI * Math.E * 16);
    expect(Math.abs(r.entropies!.x.value - hx)).toBeLessThan(3 * r.entropies!.x.std);
    // H(X,Y) = H(X) + H(Y) − I(X;Y), replicate by replicate
    r.entropies!.xy.samples.forEach((h, b) => expect(h).toBeCloseTo(r.entropies!.x.samples[b] + r.entropies!.y.samples[b] - r.samples[b], 10));
  });

  it("reports in bits with base 2", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const nats = await gmmMI(f.col("x"), f.col("y"), { seed: 1, nBootstrap: 5 });
    const bits = await gmmMI(f.col("x"), f.col("y"), { seed: 1, nBootstrap: 5, base: 2 });
    expect(bits.mi).toBeCloseTo(nats.mi / Math.LN2, 12);
  });

  it("a model survives JSON and gives bit-identical MI from the same seed; density and sampling work", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const r = await gmmMI(f.col("x"), f.col("y"), { seed: 1, nBootstrap: 5, components: 2 });
    const back = gmmModelFromJSON(JSON.stringify(r.model));
    expect(back).toEqual(r.model);
    const a = await gmmModelMI(r.model, { seed: 9, mcSamples: 5000 });
    const b = await gmmModelMI(back, { seed: 9, mcSamples: 5000 });
    expect(b.mi).toBe(a.mi);
    expect(a.mcStdErr).toBeGreaterThan(0);
    const pts = [[0, 0], [1, -0.5], [2.5, 1]];
    const lp = await gmmLogDensity(back, pts);
    const twin = { K: 2, d: 2, w: back.weights, mu: back.means.flat(), cov: back.covariances.flat(2) };
    pts.forEach((p, i) => expect(lp[i]).toBeCloseTo(mixtureLogPdf(twin, p), 10));
    const s = await gmmSample(back, 20000, { seed: 3 });
    const meanX = s.data.filter((_, i) => i % 2 === 0).reduce((u, v) => u + v, 0) / 20000;
    const modelMeanX = back.weights[0] * back.means[0][0] + back.weights[1] * back.means[1][0];
    expect(Math.abs(meanX - modelMeanX)).toBeLessThan(5 / Math.sqrt(20000) * 1.5); // 5 SE with sd ≲ 1.5
    const h = await gmmModelEntropy(back, { cols: [0], seed: 2, mcSamples: 20000 });
    expect(Number.isFinite(h.entropy)).toBe(true);
    expect(() => gmmModelFromJSON({ ...r.model, weights: [0.5, 0.6] })).toThrow(/sum to/);
    expect(() => gmmModelFromJSON("{")).toThrow(MIInputError);
  });
});
