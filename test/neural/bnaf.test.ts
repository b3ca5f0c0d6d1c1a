import { describe, expect, it } from "vitest";
import { withKernels, type Scope } from "../helpers/kernels.js";
import { allocFlow } from "../../src/estimators/neural/flow.js";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
}

/** A flow with initialised parameters, then perturbed so that every block matters. */
function flow(s: Scope, d: number, dy: number, hidden: number, rows: number, alpha = 0.2, jitter = 0.6) {
  const f = allocFlow(s, { d, dy, hidden, alpha, rows });
  s.k.bnaf_init(f.spec, f.net, s.rng(5, "network", d, dy));
  const p = s.f64(f.net, f.size);
  const r = lcg(d * 31 + dy);
  for (let i = 0; i < f.size; i++) p[i] += jitter * r();
  return f;
}

function logAbsDet(m: number[][]): number {
  const a = m.map((r) => r.slice());
  const n = a.length;
  let s = 0;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    s += Math.log(Math.abs(a[c][c]));
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return s;
}

describe("B-NAF flow", () => {
  for (const [d, dy] of [[2, 1], [3, 1], [3, 2], [1, 0]]) {
    for (const marginal of [0, 1]) {
      it(`loss gradient matches central differences (d ${d}, dy ${dy}, ${marginal ? "marginal" : "conditional"})`, async () => {
        await withKernels((s) => {
          const rows = 4;
          const f = flow(s, d, dy, 3, rows);
          const r = lcg(7 + d);
          const data = s.writeF64(Array.from({ length: rows * d }, () => 3 * r()));
          const grads = s.allocF64(f.size);
          s.k.bnaf_loss(f.spec, f.net, grads, f.work, data, rows, marginal);
          const g = s.readF64(grads, f.size);
          const p0 = s.readF64(f.net, f.size);
          const scratch = s.allocF64(f.size);
          const loss = (p: Float64Array) => {
            s.f64(f.net, f.size).set(p);
            return s.k.bnaf_loss(f.spec, f.net, scratch, f.work, data, rows, marginal);
          };
          const h = 1e-6;
          let nonzero = 0;
          for (let k = 0; k < f.size; k++) {
            const pp = p0.slice(); pp[k] += h;
            const pm = p0.slice(); pm[k] -= h;
            const fd = (loss(pp) - loss(pm)) / (2 * h);
            expect(Math.abs(g[k] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
            if (fd !== 0) nonzero++;
          }
          expect(nonzero).toBeGreaterThan(10); // gradients that vanish must do so for a reason (masking), not a bug
        });
      });
    }
  }

  for (const d of [2, 3]) {
    it(`log-determinant equals ln|det| of the numerical Jacobian, which is lower triangular (d ${d})`, async () => {
      await withKernels((s) => {
        const f = flow(s, d, 1, 4, 1);
        const r = lcg(d);
        const z = s.allocF64(d), ld = s.allocF64(d);
        for (let trial = 0; trial < 5; trial++) {
          const v = Array.from({ length: d }, () => 4 * r());
          const at = (u: number[]) => { s.k.bnaf_transform(f.spec, f.net, f.work, s.writeF64(u), 1, 0, z, ld); return s.readF64(z, d); };
          at(v);
          const logdet = s.readF64(ld, d).reduce((a, b) => a + b, 0);
          const h = 1e-5;
          const J: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
          for (let c = 0; c < d; c++) {
            const vp = v.slice(); vp[c] += h;
            const vm = v.slice(); vm[c] -= h;
            const zp = at(vp), zm = at(vm);
            for (let q = 0; q < d; q++) J[q][c] = (zp[q] - zm[q]) / (2 * h);
          }
          for (let q = 0; q < d; q++) for (let c = q + 1; c < d; c++) expect(Math.abs(J[q][c])).toBeLessThan(1e-12);
          expect(Math.abs(logdet - logAbsDet(J))).toBeLessThan(1e-7);
        }
      });
    });
  }

  it("the density integrates to 1 in 1-D and 2-D (midpoint quadrature)", async () => {
    await withKernels((s) => {
      // 1-D: 20000 points on [−60, 60]
      {
        const f = flow(s, 1, 0, 5, 512, 0.2, 1.0);
        const m = 20000, lo = -60, h = 120 / m;
        const grid = s.writeF64(Array.from({ length: m }, (_, i) => lo + (i + 0.5) * h));
        const out = s.allocF64(m);
        s.k.bnaf_logq(f.spec, f.net, f.work, grid, m, 0, out);
        const lq = s.readF64(out, m);
        let mass = 0;
        for (const v of lq) mass += Math.exp(v) * h;
        expect(Math.abs(mass - 1)).toBeLessThan(1e-4);
      }
      // 2-D: 800 × 800 points on [−20, 20]² (the midpoint rule needs this resolution for 1e-4)
      {
        const f = flow(s, 2, 0, 4, 512, 0.2, 0.5);
        const m = 800, lo = -20, h = 40 / m;
        const pts = new Float64Array(2 * m * m);
        for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) {
          pts[2 * (a * m + b)] = lo + (a + 0.5) * h;
          pts[2 * (a * m + b) + 1] = lo + (b + 0.5) * h;
        }
        const grid = s.writeF64(pts);
        const out = s.allocF64(m * m);
        s.k.bnaf_logq(f.spec, f.net, f.work, grid, m * m, 0, out);
        const lq = s.readF64(out, m * m);
        let mass = 0;
        for (const v of lq) mass += Math.exp(v) * h * h;
        expect(Math.abs(mass - 1)).toBeLessThan(1e-4);
      }
    });
  });
});
