import { describe, expect, it } from "vitest";
import "../../../src/entry/node.js";
import { ksgMI } from "../../../src/index.js";
import { referenceCsv, referenceJson } from "../../helpers/fixtures.js";

// Reference values: scikit-learn 1.2.1 on the fixture samples (test/fixtures/reference/PROVENANCE.md).
const ref = referenceJson("ksg_expected.json");
const files = [...new Set<string>(ref.cases.map((c: { file: string }) => c.file))];
const data = new Map(files.map((f) => {
  const t = referenceCsv(f);
  return [f, { x: t.col("x"), y: t.col("y") }];
}));

describe("ksgMI matches scikit-learn's mutual_info_regression", () => {
  for (const c of ref.cases as { file: string; n: number; k: number; ksg1_noise_free: number; sklearn_mutual_info_regression: number }[]) {
    it(`noise 0 gives ksg1_noise_free within 1e-9 (${c.file}, k = ${c.k})`, async () => {
      const { x, y } = data.get(c.file)!;
      const r = await ksgMI(x, y, { k: c.k, noise: 0 });
      expect(r.n).toBe(c.n);
      expect(Math.abs(r.miRaw - c.ksg1_noise_free)).toBeLessThan(1e-9);
      expect(r.mi).toBe(Math.max(0, r.miRaw));
    });
  }

  // The jitter (1e-10 × scale) can flip a comparison between two nearly equal distances; one flip
  // moves the estimate by about 1 / (N · count) — scikit-learn's own jittered value differs from its
  // noise-free one by up to 1e-7 here. The bound is 1e-6 for any seed; three seeds are checked.
  for (const c of (ref.cases as { file: string; k: number; sklearn_mutual_info_regression: number }[]).filter((c) => c.k === 3 || c.file.includes("n100000"))) {
    it(`default noise is within 1e-6 of scikit-learn for seeds 0, 1, 2 (${c.file}, k = ${c.k})`, async () => {
      const { x, y } = data.get(c.file)!;
      for (const seed of [0, 1, 2]) {
        const r = await ksgMI(x, y, { k: c.k, seed });
        expect(Math.abs(r.mi - c.sklearn_mutual_info_regression)).toBeLessThan(1e-6);
      }
    });
  }
});

describe("ksgMI matches scikit-learn's mutual_info_classif (Ross 2014)", () => {
  const t = referenceCsv("gmm_categorical_k3_n1000.csv");
  const x = t.col("x");
  const label = t.text("label");
  for (const c of ref.classification_cases as { k: number; sklearn_mutual_info_classif: number }[]) {
    it(`continuous x with labels y, k = ${c.k}: within 1e-6 for seeds 0 and 1, and with the roles swapped`, async () => {
      for (const seed of [0, 1]) {
        const r = await ksgMI(x, label, { k: c.k, discreteY: true, seed });
        expect(r.method).toBe("ross");
        expect(Math.abs(r.mi - c.sklearn_mutual_info_classif)).toBeLessThan(1e-6);
      }
      const swapped = await ksgMI(label, x, { k: c.k, discreteX: true });
      expect(Math.abs(swapped.mi - c.sklearn_mutual_info_classif)).toBeLessThan(1e-6);
    });
  }
});
