import { describe, expect, it } from "vitest";
import "../../../src/entry/node.js";
import { ksgMI, MIInputError } from "../../../src/index.js";
import { KERNEL_SIZES, withKernels } from "../../helpers/kernels.js";
import { lcg, ksgTwin, pluginTwin, rossTwin } from "../../helpers/ksgTwin.js";

function tied(n: number, d: number, seed: number, levels: number): Float64Array {
  const r = lcg(seed);
  return Float64Array.from({ length: n * d }, () => Math.floor(r() * levels) * 0.5 + (r() < 0.5 ? 0 : 0.25));
}
const rows = (a: Float64Array, d: number) => Array.from({ length: a.length / d }, (_, i) => Array.from(a.subarray(i * d, i * d + d)));

/** n draws of a (dx + dy)-dimensional Gaussian with unit variances and every correlation rho,
 *  from the library's own normal stream (seed, "task"), mixed by the Cholesky factor. */
async function equicorrelated(n: number, dx: number, dy: number, rho: number, seed: number): Promise<{ x: number[][]; y: number[][] }> {
  const d = dx + dy;
  const z = await withKernels((s) => {
    const p = s.allocF64(n * d);
    s.k.rng_fill_normal(s.rng(seed, "task"), p, n * d);
    return s.readF64(p, n * d);
  });
  const L: number[][] = Array.from({ length: d }, () => new Array(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let v = i === j ? 1 : rho;
      for (let m = 0; m < j; m++) v -= L[i][m] * L[j][m];
      L[i][j] = i === j ? Math.sqrt(v) : v / L[j][j];
    }
  }
  const x: number[][] = [];
  const y: number[][] = [];
  for (let r = 0; r < n; r++) {
    const v = L.map((row) => row.reduce((s, l, m) => s + l * z[r * d + m], 0));
    x.push(v.slice(0, dx));
    y.push(v.slice(dx));
  }
  return { x, y };
}

/** ln det of the equicorrelated m × m matrix: eigenvalues 1 + (m − 1)ρ once and 1 − ρ (m − 1 times). */
const logDetEqui = (m: number, rho: number) => Math.log(1 + (m - 1) * rho) + (m - 1) * Math.log(1 - rho);

describe("ksgMI against brute-force twins (noise 0, no standardizing, so the data are used as given)", () => {
  it("algorithms 1 and 2 match the twin on tied data with duplicate points, at kernel sizes ≥ k + 1 (k up to N − 1)", async () => {
    for (const [dx, dy] of [[1, 1], [2, 1], [2, 3]] as const) {
      for (const n of KERNEL_SIZES.filter((n) => n >= 5)) {
        for (const k of [1, 3, n - 1]) {
          const x = tied(n, dx, 11 * n + dx, 4);
          const y = tied(n, dy, 13 * n + dy + 1, 4);
          for (let i = 0; i < n; i += 3) for (let c = 0; c < dy; c++) y[i * dy + c] = x[i * dx] + c; // dependence
          for (const algorithm of [1, 2] as const) {
            const r = await ksgMI(rows(x, dx), rows(y, dy), { k, algorithm, noise: 0, standardize: false });
            const t = ksgTwin(x, dx, y, dy, n, k, algorithm);
            expect(Math.abs(r.miRaw - t), `dx ${dx} dy ${dy} n ${n} k ${k} alg ${algorithm}`).toBeLessThan(1e-12);
            expect(r.mi).toBe(Math.max(0, r.miRaw));
            expect(r.method).toBe(algorithm === 1 ? "ksg1" : "ksg2");
          }
        }
      }
    }
  });

  it("Ross (one variable discrete) matches its twin, singleton labels dropped, either side discrete", async () => {
    for (const n of [5, 17, 257]) {
      for (const d of [1, 2]) {
        const c = tied(n, d, 5 * n + d, 6);
        const r = lcg(n);
        const labels = Array.from({ length: n }, (_, i) => (i === 0 ? 99 : Math.floor(r() * 3) + (c[i * d] > 1 ? 1 : 0)));
        for (const k of [1, 3, n - 1]) {
          const res = await ksgMI(d === 1 ? c : rows(c, d), labels, { k, discreteY: true, noise: 0, standardize: false });
          expect(res.method).toBe("ross");
          expect(Math.abs(res.miRaw - rossTwin(c, d, labels, k))).toBeLessThan(1e-12);
          const once = labels.filter((l) => labels.indexOf(l) === labels.lastIndexOf(l)).length; // label 99 at least
          expect(once).toBeGreaterThanOrEqual(1);
          expect(res.n).toBe(n - once);
          expect(res.warnings.join(" ")).toContain(`${once} rows whose label occurs only once were dropped`);
          const swapped = await ksgMI(labels.map(String), d === 1 ? c : rows(c, d), { k, discreteX: true, noise: 0, standardize: false });
          expect(swapped.miRaw).toBe(res.miRaw);
        }
      }
    }
  });

  it("two discrete variables give the plug-in estimate", async () => {
    const r = lcg(3);
    const a = Array.from({ length: 300 }, () => Math.floor(r() * 4));
    const b = a.map((v) => (r() < 0.6 ? v : Math.floor(r() * 3)));
    const res = await ksgMI(a, b.map((v) => ["p", "q", "r", "s"][v]), { discreteX: true, discreteY: true });
    expect(res.method).toBe("plugin");
    expect(Math.abs(res.mi - pluginTwin(a, b))).toBeLessThan(1e-13);
  });
});

describe("ksgMI statistics", () => {
  it("independent variables give ≈ 0: within 4 null standard deviations of the permutation null mean", async () => {
    // The permutation null (200 shuffles) is the estimator's own sampling spread at independence;
    // 4 of its standard deviations bound a fixed-seed draw from it by a wide margin.
    const r = lcg(42);
    const n = 2000;
    const x = Float64Array.from({ length: n }, r);
    const y = Float64Array.from({ length: n }, () => r() + r());
    const res = await ksgMI(x, y, { permutations: 200, seed: 3 });
    expect(res.nullStd!).toBeGreaterThan(0);
    expect(Math.abs(res.miRaw - res.nullMean!)).toBeLessThan(4 * res.nullStd!);
    expect(Math.abs(res.nullMean!)).toBeLessThan(4 * res.nullStd! / Math.sqrt(200) + 0.005);
    expect(res.pValue!).toBeGreaterThan(0.01);
  });

  it("3 × 3 Gaussian with every correlation 0.5 is near the closed form at N = 5000 (both algorithms)", async () => {
    // Truth: ½ (ln det Σx + ln det Σy − ln det Σ) = 0.41334 nat. Tolerance: three standard errors of
    // the mean over four independent samples (the spread is measured, not assumed; ≈ 0.007–0.009
    // per sample here) plus 0.01 for KSG's finite-sample bias in six dimensions (KSG is biased
    // low for correlated Gaussians; the mean of these four samples sits 0.001–0.004 below truth).
    const truth = 0.5 * (2 * logDetEqui(3, 0.5) - logDetEqui(6, 0.5));
    expect(truth).toBeCloseTo(0.41334, 4);
    for (const algorithm of [1, 2] as const) {
      const est: number[] = [];
      for (const seed of [1, 2, 3, 4]) {
        const { x, y } = await equicorrelated(5000, 3, 3, 0.5, seed);
        est.push((await ksgMI(x, y, { algorithm, seed })).mi);
      }
      const m = est.reduce((a, b) => a + b) / est.length;
      const sd = Math.sqrt(est.reduce((a, b) => a + (b - m) ** 2, 0) / (est.length - 1));
      expect(Math.abs(m - truth), `algorithm ${algorithm}: ${est.join(", ")}`).toBeLessThan(3 * sd / 2 + 0.01);
    }
  });

  it("strong dependence gets the smallest possible p-value, (0 + 1) / (P + 1)", async () => {
    const r = lcg(9);
    const x = Float64Array.from({ length: 500 }, r);
    const y = x.map((v) => v + 0.1 * r());
    const res = await ksgMI(x, y, { permutations: 19 });
    expect(res.pValue).toBe(1 / 20);
    expect(res.nullSamples!.length).toBe(19);
    expect(res.mi).toBeGreaterThan(1);
  });
});

describe("ksgMI options and results", () => {
  const r = lcg(1);
  const x = Float64Array.from({ length: 400 }, r);
  const y = x.map((v) => v * v + 0.3 * r());

  it("same seed gives the same bits; another seed moves the estimate only by the jitter", async () => {
    const a = await ksgMI(x, y, { seed: 5, permutations: 5 });
    const b = await ksgMI(x, y, { seed: 5, permutations: 5 });
    expect(b.miRaw).toBe(a.miRaw);
    expect(Array.from(b.nullSamples!)).toEqual(Array.from(a.nullSamples!));
    const c = await ksgMI(x, y, { seed: 6 });
    expect(Math.abs(c.miRaw - a.miRaw)).toBeLessThan(1e-3);
  });

  it("reports the resolved options, shape and timing, and converts to bits with base 2", async () => {
    const a = await ksgMI(x, y);
    expect(a).toMatchObject({ n: 400, dimX: 1, dimY: 1, k: 3, warnings: [] });
    expect(a.options).toEqual({ seed: 0, base: Math.E, k: 3, algorithm: 1, standardize: true, noise: 1e-10, discreteX: false, discreteY: false, permutations: 0 });
    expect(a.seconds).toBeGreaterThan(0);
    expect(a.pValue).toBeUndefined();
    const bits = await ksgMI(x, y, { base: 2 });
    expect(Math.abs(bits.mi - a.mi / Math.LN2)).toBeLessThan(1e-14);
  });

  it("standardize: false changes the answer when the scales differ (the max norm mixes them)", async () => {
    const big = x.map((v) => v * 1000);
    const a = await ksgMI(big, y, { noise: 0 });
    const b = await ksgMI(big, y, { noise: 0, standardize: false });
    expect(a.miRaw).not.toBe(b.miRaw);
    const c = await ksgMI(x, y, { noise: 0 });
    expect(Math.abs(c.miRaw - a.miRaw)).toBeLessThan(1e-12); // standardizing removes the scale
  });

  it("warns when exact duplicates put the k-th neighbour at distance 0", async () => {
    const d = Array.from({ length: 40 }, (_, i) => i % 5);
    const res = await ksgMI(d, d.map((v) => v * 2), { noise: 0 });
    expect(res.warnings.join(" ")).toMatch(/exact duplicates/);
  });

  it("reports progress and stops on an aborted signal", async () => {
    const events: string[] = [];
    await ksgMI(x, y, { permutations: 3, onProgress: (e) => events.push(`${e.stage} ${e.done}/${e.total}`) });
    expect(events).toContain("permutations 3/3");
    const ac = new AbortController();
    ac.abort();
    await expect(ksgMI(x, y, { signal: ac.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("ksgMI rejects bad input with MIInputError naming the function, argument and row", () => {
  const cases: [string, () => Promise<unknown>, object][] = [
    ["length mismatch", () => ksgMI([1, 2, 3, 4, 5], [1, 2, 3, 4]), { code: "length-mismatch", arg: "y", row: 4 }],
    ["NaN", () => ksgMI([1, 2, NaN, 4, 5], [1, 2, 3, 4, 5]), { code: "not-finite", arg: "x", row: 2 }],
    ["non-numeric", () => ksgMI([1, 2, 3, 4, 5], [1, "a", 3, 4, 5]), { code: "not-numeric", arg: "y", row: 1 }],
    ["ragged rows", () => ksgMI([[1, 2], [3]], [1, 2]), { code: "not-rectangular", arg: "x", row: 1 }],
    ["empty", () => ksgMI([], []), { code: "empty-input", arg: "x" }],
    ["constant", () => ksgMI([1, 1, 1, 1, 1], [1, 2, 3, 4, 5]), { code: "constant-variable", arg: "x" }],
    ["not an array", () => ksgMI(3 as never, [1]), { code: "invalid-argument", arg: "x" }],
    ["k ≥ N", () => ksgMI([1, 2, 3], [3, 1, 2], { k: 3 }), { code: "too-few-samples", arg: "options.k" }],
    ["k = 0", () => ksgMI([1, 2, 3], [3, 1, 2], { k: 0 }), { code: "invalid-option", arg: "options.k" }],
    ["algorithm 3", () => ksgMI([1, 2, 3], [3, 1, 2], { algorithm: 3 as never }), { code: "invalid-option", arg: "options.algorithm" }],
    ["negative noise", () => ksgMI([1, 2, 3], [3, 1, 2], { noise: -1 }), { code: "invalid-option", arg: "options.noise" }],
    ["unknown option", () => ksgMI([1, 2, 3], [3, 1, 2], { neighbors: 3 } as never), { code: "unknown-option", arg: "options.neighbors" }],
    ["options not an object", () => ksgMI([1, 2, 3], [3, 1, 2], 5 as never), { code: "invalid-argument", arg: "options" }],
    ["single label", () => ksgMI([1, 2, 3], ["a", "a", "a"], { discreteY: true }), { code: "too-few-classes", arg: "y" }],
    ["only singleton labels", () => ksgMI([1, 2, 3], ["a", "b", "c"], { discreteY: true, k: 1 }), { code: "class-too-small", arg: "y" }],
    ["null label", () => ksgMI([1, 2, 3], ["a", null, "b"], { discreteY: true }), { code: "not-numeric", arg: "y", row: 1 }],
  ];
  for (const [name, run, expected] of cases) {
    it(name, async () => {
      const err = await run().then(() => undefined, (e) => e);
      expect(err).toBeInstanceOf(MIInputError);
      expect(err).toMatchObject({ fn: "ksgMI", ...expected });
      expect((err as Error).message).toMatch(/^ksgMI: /);
    });
  }

  it("leaves the WebAssembly instance usable after bad input", async () => {
    await expect(ksgMI([1, 2], [1, 2], { k: 5 })).rejects.toBeInstanceOf(MIInputError);
    expect((await ksgMI([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], { k: 1 })).n).toBe(6);
  });
});
