import { describe, expect, it } from "vitest";
import { toMatrix } from "../../src/data/matrix.js";
import { toLabels } from "../../src/data/labels.js";
import { resolveOptions, commonSpecs, int } from "../../src/options.js";
import { MIInputError } from "../../src/errors.js";

const ctx = { fn: "gmmMI", arg: "x" };

describe("toMatrix", () => {
  it("accepts a column, rows, typed arrays and a Matrix", () => {
    expect(toMatrix([1, 2, 3], ctx)).toMatchObject({ rows: 3, cols: 1 });
    expect(toMatrix([[1, 2], [3, 4], [5, 6]], ctx)).toMatchObject({ rows: 3, cols: 2 });
    expect(toMatrix(new Float32Array([1, 2]), ctx)).toMatchObject({ rows: 2, cols: 1 });
    expect(toMatrix([new Float64Array([1, 2]), new Float64Array([3, 4])], ctx).data).toEqual(new Float64Array([1, 2, 3, 4]));
    expect(toMatrix({ data: new Float64Array([1, 2, 3, 4]), rows: 2, cols: 2 }, ctx).cols).toBe(2);
  });

  it("names the row (and column) of NaN, Infinity and non-numbers", () => {
    const e1 = (() => { try { toMatrix([1, 2, NaN], ctx); } catch (e) { return e as MIInputError; } })()!;
    expect(e1).toBeInstanceOf(MIInputError);
    expect(e1).toMatchObject({ code: "not-finite", row: 2, arg: "x", fn: "gmmMI" });
    expect(e1.message).toMatch(/gmmMI: x has NaN at row 2/);
    expect(() => toMatrix([[1, 2], [3, Infinity]], ctx)).toThrow(/row 1, column 1/);
    expect(() => toMatrix([1, "2", 3], ctx)).toThrow(expect.objectContaining({ code: "not-numeric", row: 1 }));
    expect(() => toMatrix([[1, 2], [3]], ctx)).toThrow(expect.objectContaining({ code: "not-rectangular", row: 1 }));
    expect(() => toMatrix([], ctx)).toThrow(expect.objectContaining({ code: "empty-input" }));
    expect(() => toMatrix("abc", ctx)).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });

  it("finds a non-finite value anywhere in a Float64Array or a Matrix (the fast whole-array check)", () => {
    for (const n of [1, 3, 4, 5, 1001]) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const at of new Set([0, n >> 1, n - 1])) {
          const a = Float64Array.from({ length: n }, (_, i) => i * 0.5 - 3);
          a[at] = bad;
          expect(() => toMatrix(a, ctx)).toThrow(expect.objectContaining({ code: "not-finite", row: at }));
          if (n % 2 === 0) {
            expect(() => toMatrix({ data: a, rows: n / 2, cols: 2 }, ctx)).toThrow(expect.objectContaining({ code: "not-finite", row: at >> 1 }));
          }
        }
      }
      expect(toMatrix(Float64Array.from({ length: n }, (_, i) => 1e308 * (i % 3 - 1)), ctx).rows).toBe(n);
    }
  });
});

describe("toLabels", () => {
  it("codes any labels in order of first appearance and counts them", () => {
    const l = toLabels(["b", "a", "b", "c"], { fn: "f", arg: "y" });
    expect(Array.from(l.codes)).toEqual([0, 1, 0, 2]);
    expect(l.classes).toEqual(["b", "a", "c"]);
    expect(l.counts).toEqual([2, 1, 1]);
    expect(() => toLabels([1, null, 2], { fn: "f", arg: "y" })).toThrow(/row 1/);
  });
});

describe("resolveOptions", () => {
  const specs = { ...commonSpecs, nFolds: { default: 2, check: int(2) } };
  it("fills defaults and rejects unknown options with a suggestion", () => {
    expect(resolveOptions<{ seed: number; nFolds: number }>("gmmMI", {}, specs)).toMatchObject({ seed: 0, nFolds: 2 });
    expect(() => resolveOptions("gmmMI", { nFold: 3 }, specs)).toThrow(/unknown option "nFold". Did you mean "nFolds"/);
    expect(() => resolveOptions("gmmMI", { nFolds: 1 }, specs)).toThrow(expect.objectContaining({ code: "invalid-option", arg: "options.nFolds" }));
    expect(() => resolveOptions("gmmMI", { seed: -1 }, specs)).toThrow(/options.seed must be an integer/);
  });
});
