import { describe, expect, it } from "vitest";
import "../../../src/entry/node.js";
import { gmmMI, MIInputError } from "../../../src/index.js";
import { referenceCsv, referenceJson } from "../../helpers/fixtures.js";
import { bivariateGaussian } from "../../helpers/samples.js";

const PAPER = { nFolds: 2, nInits: 3, tol: 1e-5, threshold: 1e-5, regCovar: 1e-12, nBootstrap: 100, mcSamples: 1e4 };
const TRUTH = -0.5 * Math.log(1 - 0.36);

describe("gmmMI", () => {
  it("matches the Python GMM-MI package on its n = 200 reference sample (paper settings)", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const py = referenceJson("gmm_mi_python/gauss200_paper.json");
    const r = await gmmMI(f.col("x"), f.col("y"), { ...PAPER, seed: 0 });
    // The acceptance bounds: mean within 0.015 of Python's 0.2148 (a third of one
    // bootstrap std) and std within 25 %; both are bootstrap quantities from different streams.
    expect(Math.abs(r.mi - py.MI_mean_nat)).toBeLessThan(0.015);
    expect(Math.abs(r.std / py.MI_std_nat - 1)).toBeLessThan(0.25);
    expect(r.components).toBe(1);
    expect(r.samples).toHaveLength(100);
    expect(r.selection.map((e) => e.components)).toEqual([1, 2]);
    expect(r.mcStdErr).toBe(0); // one component: exact formula, no sampling
    expect(r).toMatchObject({ n: 200, dimX: 1, dimY: 1, converged: true, warnings: [] });
    expect(r.options).toMatchObject({ nBootstrap: 100, mcSamples: 1e4, nFolds: 2, seed: 0 });
    expect(r.model.weights).toEqual([1]);
  });

  // Over 3 data seeds × (identity, y + 0.5y³, ln(y + 5.5)): the bootstrap mean is within 3 std
  // of the truth (the paper's invertible transforms keep the MI). 3 std keeps the chance of a
  // false failure per case near 0.3 % if the error bars are right; seeds are fixed.
  const transforms: [string, (v: number) => number][] = [["identity", (v) => v], ["y + 0.5y³", (v) => v + 0.5 * v ** 3], ["ln(y + 5.5)", (v) => Math.log(v + 5.5)]];
  for (const [name, tf] of transforms) {
    it(`is within 3 std of the truth at n = 2000 for several data seeds (${name})`, async () => {
      for (const seed of [11, 12, 13]) {
        const { x, y } = await bivariateGaussian(2000, 0.6, seed);
        const r = await gmmMI(x, y.map(tf), { seed, nBootstrap: 30, mcSamples: 5000 });
        expect(Math.abs(r.mi - TRUTH), `${name}, seed ${seed}: ${r.mi} ± ${r.std} with ${r.components} components`).toBeLessThan(3 * r.std);
      }
    });
  }

  it("gives identical bits for the same seed and different replicates for different seeds", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const opts = { nBootstrap: 10, mcSamples: 2000, components: 2 };
    const a = await gmmMI(f.col("x"), f.col("y"), { ...opts, seed: 5 });
    const b = await gmmMI(f.col("x"), f.col("y"), { ...opts, seed: 5 });
    const c = await gmmMI(f.col("x"), f.col("y"), { ...opts, seed: 6 });
    expect(new Uint8Array(a.samples.buffer)).toEqual(new Uint8Array(b.samples.buffer));
    expect(a.mi).toBe(b.mi);
    expect(Array.from(c.samples)).not.toEqual(Array.from(a.samples));
    expect(a.mcStdErr).toBeGreaterThan(0);
  });

  it("accepts rows, typed arrays and number[] alike", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const x = Array.from(f.col("x")), y = Array.from(f.col("y"));
    const o = { nBootstrap: 5, seed: 2 };
    const a = await gmmMI(x, y, o);
    const b = await gmmMI(x.map((v) => [v]), y.map((v) => [v]), o);
    const c = await gmmMI(Float64Array.from(x), Float64Array.from(y), o);
    expect(b.samples).toEqual(a.samples);
    expect(c.samples).toEqual(a.samples);
  });

  it("finishes on degenerate data (many duplicate rows, one extreme outlier) with a warning", async () => {
    const { x, y } = await bivariateGaussian(300, 0.6, 4);
    const xs = Array.from(x), ys = Array.from(y);
    for (let i = 0; i < 150; i++) { xs[i] = 0.25; ys[i] = -0.5; } // half the rows identical
    xs[299] = 1e4; ys[299] = -1e4; // one extreme outlier
    const r = await gmmMI(xs, ys, { seed: 1, nBootstrap: 20, mcSamples: 2000, regCovar: 0 });
    expect(Number.isFinite(r.mi)).toBe(true);
    expect(r.warnings.join("\n")).toMatch(/collapsed/);
    expect(r.diagnostics.regCovarUsed).toBeGreaterThan(0);
  });

  it("fixes the component count with `components`, and reports AIC/BIC with metric 'bic'", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const r = await gmmMI(f.col("x"), f.col("y"), { seed: 1, components: 2, nBootstrap: 5, mcSamples: 1000 });
    expect(r.components).toBe(2);
    expect(r.selection).toHaveLength(1);
    const b = await gmmMI(f.col("x"), f.col("y"), { seed: 1, metric: "bic", nBootstrap: 5 });
    expect(b.selection[0].metric).toBe(-b.selection[0].bic);
    // BIC penalises the 11 parameters of 2 components over the 5 of one by (11 − 5) ln 200 ≈ 31.8
    expect(b.components).toBe(1);
  });

  it("reports progress per stage and aborts between WASM calls with an AbortError", async () => {
    const f = referenceCsv("gmm_gauss_rho0.6_n200.csv");
    const stages = new Set<string>();
    await gmmMI(f.col("x"), f.col("y"), { seed: 1, nBootstrap: 5, onProgress: (e) => stages.add(e.stage) });
    expect([...stages]).toEqual(["select", "bootstrap"]);
    const ac = new AbortController();
    const p = gmmMI(f.col("x"), f.col("y"), { seed: 1, nBootstrap: 10000, onProgress: (e) => { if (e.stage === "bootstrap" && e.done === 3) ac.abort(); }, signal: ac.signal });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    // the instance still works afterwards
    const ok = await gmmMI(f.col("x"), f.col("y"), { seed: 1, nBootstrap: 3 });
    expect(Number.isFinite(ok.mi)).toBe(true);
  });

  it("rejects bad input with MIInputError naming the argument and row", async () => {
    const x = Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const y = Array.from({ length: 50 }, (_, i) => Math.cos(i * 1.3));
    const cases: [() => Promise<unknown>, string, RegExp, number?][] = [
      [() => gmmMI(x, y.slice(1)), "length-mismatch", /x has 50 rows but y has 49/],
      [() => gmmMI(x.slice(0, 3), y.slice(0, 3)), "too-few-samples", /at least 4/],
      [() => gmmMI(x.map((v, i) => (i === 7 ? NaN : v)), y), "not-finite", /row 7/, 7],
      [() => gmmMI(x, y.map((v, i) => (i === 9 ? Infinity : v))), "not-finite", /y has Infinity at row 9/, 9],
      [() => gmmMI(x.map((v, i) => (i === 3 ? ("a" as unknown as number) : v)), y), "not-numeric", /row 3/, 3],
      [() => gmmMI(x.map(() => 2), y), "constant-variable", /x is constant/],
      [() => gmmMI(x, y, { nBootstraps: 3 } as never), "unknown-option", /Did you mean "nBootstrap"/],
      [() => gmmMI(x, y, { nFolds: 1 }), "invalid-option", /options.nFolds must be an integer from 2/],
      [() => gmmMI(x, y, { tol: -1 }), "invalid-option", /options.tol/],
      [() => gmmMI(x, y, { metric: "aicc" as never }), "invalid-option", /one of "valid", "aic", "bic"/],
      [() => gmmMI(x, y, { kl: "forward", entropies: 3 as never }), "invalid-option", /options.entropies/],
    ];
    for (const [call, code, msg, row] of cases) {
      const err = await call().then(() => null, (e) => e);
      expect(err, code).toBeInstanceOf(MIInputError);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(msg);
      expect(err.message).toMatch(/^gmmMI: /);
      if (row !== undefined) expect(err.row).toBe(row);
    }
    const ok = await gmmMI(x, y, { nBootstrap: 3 });
    expect(Number.isFinite(ok.mi)).toBe(true);
  });
});
