import { describe, expect, it } from "vitest";
import "../src/entry/node.js";
import { MIInputError, selfTest, SELF_TEST_POINTS } from "../src/index.js";
import { bitsDigest } from "../src/bitsDigest.js";

describe("selfTest", () => {
  it("selfTest(seed) gives the same bits for the same seed and different draws for another seed", async () => {
    const a = await selfTest(7);
    const b = await selfTest(7);
    const c = await selfTest(8);
    expect(b.digest).toBe(a.digest);
    expect(Array.from(b.uniform)).toEqual(Array.from(a.uniform));
    expect(c.digest).not.toBe(a.digest);
    expect(Array.from(c.uniform)).not.toEqual(Array.from(a.uniform));
    expect(a.runtime).toBe("node");
  });

  it("selfTest's digest is the digest of exactly the values it returns", async () => {
    const r = await selfTest(3);
    expect(r.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(bitsDigest([...r.uniform, ...r.normal, ...r.digamma, ...r.lgamma, ...r.log, ...r.exp, r.logSumExp])).toBe(r.digest);
  });

  it("selfTest's values are what they claim: uniforms in [0,1), special functions at known points", async () => {
    const r = await selfTest(0);
    for (const u of r.uniform) expect(u >= 0 && u < 1).toBe(true);
    for (const z of r.normal) expect(Number.isFinite(z)).toBe(true);
    // Reference values: digamma(1) = −γ (Euler–Mascheroni), lgamma(1/2) = ln √π, lgamma(1) = 0.
    // Tolerances are a few ulps of double precision for the kernels' series and recurrences.
    const at = (x: number) => SELF_TEST_POINTS.indexOf(x);
    expect(r.digamma[at(1)]).toBeCloseTo(-0.5772156649015329, 14);
    expect(r.lgamma[at(0.5)]).toBeCloseTo(0.5723649429247001, 14);
    expect(r.lgamma[at(1)]).toBeCloseTo(0, 14);
    SELF_TEST_POINTS.forEach((x, i) => {
      expect(Math.abs(r.log[i] - Math.log(x))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(Math.log(x))));
      expect(Math.abs(r.exp[i] - Math.exp(x)) / Math.exp(x)).toBeLessThanOrEqual(1e-15);
    });
    const lse = Math.log(r.normal.reduce((s, z) => s + Math.exp(z), 0));
    expect(Math.abs(r.logSumExp - lse)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(lse)));
  });

  it("selfTest reports progress and stops on an aborted signal", async () => {
    const events: string[] = [];
    await selfTest(1, { onProgress: (e) => events.push(`${e.estimator}:${e.stage}:${e.done}/${e.total}`) });
    expect(events).toEqual(["selfTest:rng:1/2", "selfTest:rng:2/2", "selfTest:special:1/1"]);
    const ac = new AbortController();
    ac.abort();
    await expect(selfTest(1, { signal: ac.signal })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("selfTest rejects a bad seed or option with MIInputError naming the argument", async () => {
    await expect(selfTest(-1)).rejects.toMatchObject({ name: "MIInputError", code: "invalid-option", fn: "selfTest", arg: "seed" });
    await expect(selfTest(1.5)).rejects.toBeInstanceOf(MIInputError);
    await expect(selfTest(0, { sigal: undefined } as never)).rejects.toMatchObject({ code: "unknown-option", arg: "options.sigal" });
  });

  it("bitsDigest tells apart values that compare equal but differ in bits (0 and −0)", () => {
    expect(bitsDigest([0])).not.toBe(bitsDigest([-0]));
    expect(bitsDigest([1, 2])).not.toBe(bitsDigest([2, 1]));
    expect(bitsDigest([])).toBe(bitsDigest(new Float64Array(0)));
  });
});
