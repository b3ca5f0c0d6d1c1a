import { describe, expect, it } from "vitest";
import { withKernels, KERNEL_SIZES } from "../helpers/kernels.js";

// Plain TypeScript twins, by different methods: digamma via the harmonic-number identity at
// integers and half-integers; lgamma via Lanczos (g = 7, n = 9).
function digammaTwin(x: number): number {
  if (Number.isInteger(x)) {
    let s = -0.5772156649015329;
    for (let k = 1; k < x; k++) s += 1 / k;
    return s;
  }
  // x = m + 1/2: ψ(m + 1/2) = −γ − 2 ln 2 + Σ_{k=1..m} 2/(2k − 1)
  const m = x - 0.5;
  let s = -0.5772156649015329 - 2 * Math.LN2;
  for (let k = 1; k <= m; k++) s += 2 / (2 * k - 1);
  return s;
}
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
function lgammaTwin(x: number): number {
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

describe("special functions", () => {
  it("digamma and lgamma match their twins at every kernel size", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const xs = Array.from({ length: n }, (_, i) => (i % 2 ? 0.5 + i : 1 + i));
        const inp = s.writeF64(xs);
        const out = s.allocF64(Math.max(n, 1));
        s.k.special_digamma(inp, out, n);
        const d = s.readF64(out, n);
        s.k.special_lgamma(inp, out, n);
        const g = s.readF64(out, n);
        for (let i = 0; i < n; i++) {
          expect(Math.abs(d[i] - digammaTwin(xs[i]))).toBeLessThan(1e-13 * Math.max(1, Math.abs(d[i])));
          expect(Math.abs(g[i] - lgammaTwin(xs[i]))).toBeLessThan(1e-11 * Math.max(1, Math.abs(g[i])));
        }
      }
    });
  });

  it("digamma(1) = −γ and lgamma(0.5) = ln √π to full precision", async () => {
    await withKernels((s) => {
      const inp = s.writeF64([1, 0.5, 1e-8, 1e6]);
      const out = s.allocF64(4);
      s.k.special_digamma(inp, out, 4);
      const d = s.readF64(out, 4);
      expect(d[0]).toBeCloseTo(-0.5772156649015329, 15);
      s.k.special_lgamma(inp, out, 4);
      const g = s.readF64(out, 4);
      expect(g[1]).toBeCloseTo(0.5723649429247001, 14);
      expect(g[2]).toBeCloseTo(18.420680738180209, 9); // ln Γ(1e-8) ≈ −ln(1e-8) − γ·1e-8
      expect(d[3]).toBeCloseTo(13.815510057964274, 12); // ψ(1e6) = ln(1e6) − 1/(2e6) − …
    });
  });

  it("logsumexp is stable for large and −Infinity inputs", async () => {
    await withKernels((s) => {
      const p = s.writeF64([1000, 1000, -Infinity]);
      expect(s.k.special_logsumexp(p, 3)).toBeCloseTo(1000 + Math.LN2, 12);
      const q = s.writeF64([-Infinity, -Infinity]);
      expect(s.k.special_logsumexp(q, 2)).toBe(-Infinity);
      expect(s.k.special_logsumexp(q, 0)).toBe(-Infinity);
    });
  });

  it("cholesky factors an SPD matrix and reports the failing order otherwise", async () => {
    await withKernels((s) => {
      const a = s.writeF64([4, 2, 0.4, 2, 2, 0.5, 0.4, 0.5, 3]);
      const l = s.allocF64(9);
      expect(s.k.linalg_cholesky(a, l, 3)).toBe(0);
      const L = s.readF64(l, 9);
      const A = s.readF64(a, 9);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
        let v = 0;
        for (let k = 0; k < 3; k++) v += L[i * 3 + k] * L[j * 3 + k];
        expect(v).toBeCloseTo(A[i * 3 + j], 13);
      }
      const bad = s.writeF64([1, 2, 2, 1]);
      expect(s.k.linalg_cholesky(bad, l, 2)).toBe(2);
    });
  });
});
