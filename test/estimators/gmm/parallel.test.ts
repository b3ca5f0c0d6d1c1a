import { describe, expect, it } from "vitest";
import "../../../src/entry/node.js";
import { gmmMI } from "../../../src/index.js";
import { referenceCsv } from "../../helpers/fixtures.js";

// The workers load dist/gmm-worker.js, which `npm test` builds before running the tests.
describe("gmmMI bootstrap on worker threads", () => {
  const f = referenceCsv("gmm_gauss_rho0.6_n2000.csv");
  const opts = { seed: 7, components: 2, nBootstrap: 9, mcSamples: 3000, entropies: true };

  it("gives the same bits with 1, 2 and 3 workers", async () => {
    const one = await gmmMI(f.col("x"), f.col("y"), opts);
    for (const workers of [2, 3]) {
      const r = await gmmMI(f.col("x"), f.col("y"), { ...opts, workers });
      expect(new Uint8Array(r.samples.buffer)).toEqual(new Uint8Array(one.samples.buffer));
      expect(r.mi).toBe(one.mi);
      expect(r.std).toBe(one.std);
      expect(r.mcStdErr).toBe(one.mcStdErr);
      expect(r.entropies!.xy.samples).toEqual(one.entropies!.xy.samples);
      expect(r.diagnostics).toEqual(one.diagnostics);
      expect(r.warnings).toEqual(one.warnings);
    }
  });

  it("reports every replicate's progress and aborts the workers", async () => {
    const seen: number[] = [];
    await gmmMI(f.col("x"), f.col("y"), { ...opts, workers: 2, onProgress: (e) => { if (e.stage === "bootstrap") seen.push(e.done); } });
    expect(seen[seen.length - 1]).toBe(9);
    expect(new Set(seen).size).toBe(10); // 0 … 9
    const ac = new AbortController();
    const p = gmmMI(f.col("x"), f.col("y"), { ...opts, nBootstrap: 400, workers: 2, signal: ac.signal, onProgress: (e) => { if (e.stage === "bootstrap" && e.done === 2) ac.abort(); } });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
  });
});
