import { describe, expect, it } from "vitest";
import { biasStdVsNSpec, errorHeatmapSpec, estimateVsParameterSpec, markdownTable, summarizeAccuracy, summarizeCalibration, type AccuracyRow } from "../../src/index.js";

const row = (over: Partial<AccuracyRow>): AccuracyRow => ({
  estimator: "a", taskId: "t", taskName: "T", family: "f", suite: "s", parameter: null, dimX: 1, dimY: 1,
  n: 200, seed: 0, truth: 1, truthStdErr: 0, estimate: 1, std: null, seconds: 1, ...over,
});

describe("accuracy and calibration summaries", () => {
  it("summarizeAccuracy gives bias, RMSE, mean std and time per estimator and group, counting failures apart", () => {
    const rows = [
      row({ estimate: 1.5, std: 0.2, seconds: 1 }),
      row({ estimate: 0.9, std: 0.4, seconds: 3 }),
      row({ estimate: null, error: "boom", seconds: 2 }),
      row({ estimator: "b", estimate: 2 }),
    ];
    const [a, b] = summarizeAccuracy(rows);
    expect(a.estimator).toBe("a");
    expect(a.count).toBe(2);
    expect(a.failed).toBe(1);
    expect(a.bias).toBeCloseTo(0.2, 14);
    expect(a.rmse).toBeCloseTo(Math.sqrt((0.25 + 0.01) / 2), 14);
    expect(a.meanStd).toBeCloseTo(0.3, 14);
    expect(a.meanSeconds).toBeCloseTo(2, 14);
    expect(b.bias).toBe(1);
    expect(Number.isNaN(b.meanStd)).toBe(true);
  });

  it("summarizeCalibration counts coverage of ±1.96 std and compares the std with the real spread", () => {
    const rows = [0.5, -0.5, 3, -1, 1].map((e, i) => ({ n: 200, seed: i, truth: 0, estimate: e, std: 1 }));
    const [s] = summarizeCalibration(rows);
    expect(s.replicates).toBe(5);
    expect(s.coverage).toBeCloseTo(4 / 5, 14); // only 3 lies outside ±1.96
    expect(s.bias).toBeCloseTo(0.6, 14);
    const sd = Math.sqrt([0.5, -0.5, 3, -1, 1].reduce((a, e) => a + (e - 0.6) ** 2, 0) / 4);
    expect(s.spread).toBeCloseTo(sd, 14);
    expect(s.stdRatio).toBeCloseTo(1 / sd, 14);
  });

  it("markdownTable aligns numeric columns right and shows NaN as –", () => {
    const t = markdownTable([{ name: "x", v: 0.123456, w: NaN }]);
    expect(t).toBe("| name | v | w |\n| --- | ---: | ---: |\n| x | 0.123 | – |\n");
  });

  it("plot specs are Vega-Lite JSON carrying the data they plot", () => {
    const rows = [0.2, 0.4].flatMap((p) => [0, 1].map((seed) => row({ parameter: p, seed, truth: p, estimate: p + 0.01 * seed, n: seed ? 1000 : 200 })));
    const f2 = estimateVsParameterSpec(rows, { title: "t", parameter: "ρ" }) as any;
    expect(f2.$schema).toMatch(/vega-lite/);
    expect(f2.layer[0].data.values).toEqual([{ parameter: 0.2, truth: 0.2 }, { parameter: 0.4, truth: 0.4 }]);
    expect(f2.layer[1].data.values[0].estimator).toMatch(/^a \(1\.0 s per estimate\)$/);
    const f3 = biasStdVsNSpec(rows.filter((r) => r.parameter === 0.2), { title: "t" }) as any;
    expect(f3.layer[2].data.values.map((v: any) => v.n).sort()).toEqual([1000, 200]);
    const hm = errorHeatmapSpec([row({ estimate: 1.25 }), row({ estimator: "b", estimate: null, error: "skipped: big" })], { title: "h" }) as any;
    expect(hm.data.values.map((v: any) => v.label)).toEqual(["0.25", "skip"]);
  });
});
