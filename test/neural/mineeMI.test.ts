import { describe, expect, it } from "vitest";
import { mineeMI } from "../../src/index.js";
import { referenceCsv } from "../helpers/fixtures.js";
import { withKernels } from "../helpers/kernels.js";

/** MG(ρ) of the MI-NEE paper: ½ N(0, [[1, ρ], [ρ, 1]]) + ½ N(0, [[1, −ρ], [−ρ, 1]]), n draws
 *  alternating between the components, normals from the project's PRNG. */
async function mixedGaussian(n: number, rho: number, seed: number): Promise<{ x: Float64Array; y: Float64Array }> {
  return withKernels((s) => {
    const p = s.allocF64(2 * n);
    s.k.rng_fill_normal(s.rng(seed, "task"), p, 2 * n);
    const z = s.readF64(p, 2 * n);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = i % 2 ? rho : -rho;
      x[i] = z[2 * i];
      y[i] = r * z[2 * i] + Math.sqrt(1 - r * r) * z[2 * i + 1];
    }
    return { x, y };
  });
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

  it("same seed ⇒ same bits; the estimate is D(XY) − D(X) − D(Y); defaults are the paper's", async () => {
    const t = referenceCsv("ksg_gauss_rho0.6_n200.csv");
    const o = { epochs: 3, hiddenSizes: [8, 8], nRuns: 2 };
    const a = await mineeMI(t.col("x"), t.col("y"), o);
    const b = await mineeMI(t.col("x"), t.col("y"), o);
    expect(a.mi).toBe(b.mi);
    expect(a.runs).toEqual(b.runs);
    expect(a.runs[0]).not.toBe(a.runs[1]);
    expect(a.trace[0]).toHaveLength(3);
    const d = a.divergences;
    expect(Math.abs(a.mi - (d.xy - d.x - d.y))).toBeLessThan(1e-12);
    expect(a.trainMI).toBe(a.mi); // testFraction 0: evaluated on the same rows
    expect(a.options).toMatchObject({ batchSize: 100, refFactor: 10, learningRate: 1e-4, initStd: 0.02, activation: "elu", hiddenSizes: [8, 8] });
  });

  it("the quadrature truth of MG(0.9) is 0.408 nat", () => {
    expect(mixedGaussianMI(0.9)).toBeCloseTo(0.40844, 4);
  });
});

export { mixedGaussian, mixedGaussianMI };
