import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import "../../src/entry/node.js";
import { MIInputError } from "../../src/index.js";
import { ksgCommand } from "../../src/cli/ksgCommand.js";
import { referenceJson } from "../helpers/fixtures.js";

const read = (name: string) => readFileSync(new URL(`../fixtures/reference/${name}`, import.meta.url), "utf8");

describe("ksgCommand (what `mutinfo ksg FILE.csv --x … --y …` prints)", () => {
  it("prints a summary line with scikit-learn's value for the 2000-row fixture", async () => {
    const want = referenceJson("ksg_expected.json").cases.find((c: { n: number; k: number }) => c.n === 2000 && c.k === 3);
    const out = await ksgCommand(["ksg_gauss_rho0.6_n2000.csv", "--x", "x", "--y", "y", "--k", "3"], read);
    expect(out).toMatch(/^ksgMI \(ksg1\): mi = \d\.\d{6} nat/);
    expect(Number(/mi = ([\d.]+)/.exec(out)![1])).toBeCloseTo(want.sklearn_mutual_info_regression, 6);
  });

  it("gives JSON with --json, takes labels with --discrete-y, and runs a permutation test", async () => {
    const out = JSON.parse(await ksgCommand(["gmm_categorical_k3_n1000.csv", "--x", "x", "--y", "label", "--discrete-y", "--permutations", "9", "--json"], read));
    expect(out).toMatchObject({ method: "ross", n: 1000, k: 3, pValue: 0.1 });
    expect(out.nullSamples).toHaveLength(9);
  });

  it("rejects missing columns and unknown flags with the usage line", async () => {
    await expect(ksgCommand(["f.csv", "--x", "x"], read)).rejects.toThrow(/--x and --y[\s\S]*usage: mutinfo ksg/);
    await expect(ksgCommand(["f.csv", "--x", "x", "--y", "y", "--kk", "3"], read)).rejects.toBeInstanceOf(MIInputError);
    await expect(ksgCommand(["ksg_gauss_rho0.6_n200.csv", "--x", "x", "--y", "nope"], read)).rejects.toThrow(/no column "nope"/);
  });
});
