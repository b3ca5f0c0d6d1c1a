import { describe, expect, it } from "vitest";
import "../../src/entry/node.js";
import { bivariateNormalTask, multinormalDenseTask } from "../../src/index.js";
// @ts-expect-error: benchmark helpers are plain JavaScript modules without type declarations
import { estimatorRegistry } from "../../bench/estimators.js";
// @ts-expect-error: as above
import { gaussianBaseline } from "../../bench/gaussianBaseline.js";

describe("benchmark estimator registry", () => {
  it("picks up exactly the known estimators a package exports, by name, plus the Gaussian baseline", async () => {
    const calls: unknown[] = [];
    const fake = {
      ksgMI: async (_x: unknown, _y: unknown, o: unknown) => (calls.push(o), { mi: 0.5, warnings: [] }),
      gmmMI: async () => ({ mi: 0.25, std: 0.01, warnings: ["w"] }),
      notAnEstimator: () => 1,
    };
    const reg = estimatorRegistry(fake);
    expect(reg.map((e: { name: string }) => e.name)).toEqual(["gmmMI", "ksgMI", "gaussian-baseline"]);
    expect(await reg[0].run(null, null, 3)).toEqual({ mi: 0.25, std: 0.01, warnings: ["w"] });
    expect(await reg[1].run(null, null, 3)).toEqual({ mi: 0.5, std: null, warnings: [] });
    expect(calls).toEqual([{ k: 3, seed: 3 }]);
    expect(estimatorRegistry(fake, ["ksgMI"]).map((e: { name: string }) => e.name)).toEqual(["ksgMI"]);
  });

  it("the Gaussian baseline recovers Gaussian MI within its sampling error", async () => {
    // SE of the plug-in Gaussian MI for one pair is about ρ/√n (delta method); 4 SE plus the
    // O(dX·dY/2n) plug-in bias. For the dense 2 × 2 task use the same bound with ρ → 1 (looser).
    const n = 20_000;
    const t = await bivariateNormalTask(0.6);
    const { x, y } = await t.sample(n, 1);
    expect(Math.abs(gaussianBaseline(x, y) - t.mi)).toBeLessThan((4 * 0.6) / Math.sqrt(n) + 1 / (2 * n));
    const d = await multinormalDenseTask(2, 2);
    const s = await d.sample(n, 2);
    expect(Math.abs(gaussianBaseline(s.x, s.y) - d.mi)).toBeLessThan(4 / Math.sqrt(n) + 4 / (2 * n));
  });
});
