import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels, type Scope } from "../helpers/kernels.js";
import { RngTwin } from "../helpers/rngTwin.js";

// Plain TypeScript twins of assembly/dist/*. Samplers are fed the same xoshiro256** stream by
// RngTwin; host Math.log/sin/… may differ from AssemblyScript's software math in the last bit, so
// values are compared to 1e-12 relative, not bit for bit.
const close = (a: ArrayLike<number>, b: ArrayLike<number>, rel = 1e-12) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const tol = rel * Math.max(1, Math.abs(b[i]));
    if (!(Math.abs(a[i] - b[i]) <= tol)) throw new Error(`index ${i}: ${a[i]} vs twin ${b[i]}`);
  }
};

function gammaTwin(r: RngTwin, shape: number): number {
  if (shape < 1) return gammaTwin(r, shape + 1) * Math.pow(r.uniformOpen(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = r.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r.uniformOpen();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normalCdfTwin(x: number): number {
  const ax = Math.abs(x);
  const pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  if (ax < 3) {
    let term = x, sum = x;
    for (let k = 1; k < 200; k++) {
      term *= (x * x) / (2 * k + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return 0.5 + pdf * sum;
  }
  let cf = ax;
  for (let k = 60; k >= 1; k--) cf = ax + k / cf;
  return x < 0 ? pdf / cf : 1 - pdf / cf;
}

const draws = (s: Scope, n: number, fill: (st: number, out: number) => void) => {
  const st = s.rng(11, "task", 3, 0);
  const out = s.allocF64(Math.max(1, n));
  fill(st, out);
  return s.readF64(out, n);
};

describe("distribution kernels match their TypeScript twins", () => {
  it("gamma (shape < 1 and ≥ 1), chi-square and exponential draws", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        for (const shape of [0.4, 1, 2.5]) {
          const got = draws(s, n, (st, out) => s.k.dist_fill_gamma(st, out, n, shape, 1.5));
          const r = new RngTwin(11, "task", 3, 0);
          close(got, Array.from({ length: n }, () => 1.5 * gammaTwin(r, shape)));
        }
        const chi = draws(s, n, (st, out) => s.k.dist_fill_chisq(st, out, n, 3));
        const r2 = new RngTwin(11, "task", 3, 0);
        close(chi, Array.from({ length: n }, () => 2 * gammaTwin(r2, 1.5)));
        const ex = draws(s, n, (st, out) => s.k.dist_fill_exponential(st, out, n, 2));
        const r3 = new RngTwin(11, "task", 3, 0);
        close(ex, Array.from({ length: n }, () => -Math.log(r3.uniformOpen()) / 2));
      }
    });
  });

  it("gamma–exponential, Weinman and mixed-Gaussian pairs", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const pair = (fill: (st: number, x: number, y: number) => void) => {
          const st = s.rng(5, "task");
          const x = s.allocF64(Math.max(1, n));
          const y = s.allocF64(Math.max(1, n));
          fill(st, x, y);
          return [s.readF64(x, n), s.readF64(y, n)];
        };
        let [x, y] = pair((st, a, b) => s.k.dist_fill_gamma_exponential(st, a, b, n, 1.7));
        let r = new RngTwin(5, "task");
        const tx: number[] = [], ty: number[] = [];
        for (let i = 0; i < n; i++) {
          const g = gammaTwin(r, 1.7);
          tx.push(g);
          ty.push(-Math.log(r.uniformOpen()) / g);
        }
        close(x, tx);
        close(y, ty);
        [x, y] = pair((st, a, b) => s.k.dist_fill_weinman(st, a, b, n, 2, 0.5));
        r = new RngTwin(5, "task");
        tx.length = ty.length = 0;
        for (let i = 0; i < n; i++) {
          const a = -Math.log(r.uniformOpen()) / 2;
          tx.push(a);
          ty.push(a - Math.log(r.uniformOpen()) / 0.5);
        }
        close(x, tx);
        close(y, ty);
        [x, y] = pair((st, a, b) => s.k.dist_fill_mixed_gaussian(st, a, b, n, 0.6));
        r = new RngTwin(5, "task");
        tx.length = ty.length = 0;
        for (let i = 0; i < n; i++) {
          const rho = r.uniform() < 0.5 ? 0.6 : -0.6;
          const a = r.normal();
          const b = r.normal();
          tx.push(a);
          ty.push(rho * a + 0.8 * b);
        }
        close(x, tx);
        close(y, ty);
      }
    });
  });

  it("multivariate normal and Student-t rows (L z, scaled by √(w/ν))", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        for (const [d, df] of [[1, 0], [3, 0], [3, 2.5], [5, 1]] as const) {
          const L = new Float64Array(d * d);
          for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) L[i * d + j] = i === j ? 1 + i / 4 : (i + 2 * j) / 10;
          const st = s.rng(9, "task");
          const lp = s.writeF64(L);
          const z = s.allocF64(d);
          const out = s.allocF64(Math.max(1, n * d));
          s.k.dist_fill_mvt(st, lp, z, out, n, d, df);
          const got = s.readF64(out, n * d);
          const r = new RngTwin(9, "task");
          const want: number[] = [];
          for (let i = 0; i < n; i++) {
            const zz = Array.from({ length: d }, () => r.normal());
            const scale = df > 0 ? 1 / Math.sqrt((2 * gammaTwin(r, df / 2)) / df) : 1;
            for (let a = 0; a < d; a++) {
              let acc = 0;
              for (let b = 0; b <= a; b++) acc += L[a * d + b] * zz[b];
              want.push(acc * scale);
            }
          }
          close(got, want);
        }
      }
    });
  });

  it("elementwise maps: Φ, mixture quantile, asinh, half-cube, wiggly", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const xs = Array.from({ length: n }, (_, i) => -7 + (14 * i) / Math.max(1, n - 1) + (i % 3) * 0.01);
        const run = (f: (inp: number, out: number) => void) => {
          const inp = s.writeF64(xs);
          const out = s.allocF64(Math.max(1, n));
          f(inp, out);
          return s.readF64(out, n);
        };
        close(run((i, o) => s.k.dist_normal_cdf_f64(i, o, n)), xs.map(normalCdfTwin), 1e-13);
        close(run((i, o) => s.k.dist_asinh_f64(i, o, n)), xs.map(Math.asinh));
        close(run((i, o) => s.k.dist_half_cube_f64(i, o, n)), xs.map((x) => x * Math.sqrt(Math.abs(x))));
        close(run((i, o) => s.k.dist_wiggly_f64(i, o, n, 0)), xs.map((x) => x + 0.4 * Math.sin(x) + 0.2 * Math.sin(1.7 * x + 1) + 0.03 * Math.sin(3.3 * x - 2.5)));
        close(run((i, o) => s.k.dist_wiggly_f64(i, o, n, 1)), xs.map((x) => x - 0.4 * Math.sin(0.4 * x) + 0.17 * Math.sin(1.3 * x + 3.5) + 0.02 * Math.sin(4.3 * x - 2.5)));
        // Mixture quantile: the twin solves F(x) = Φ(z) by its own bisection; compare F at the
        // kernel's answer with Φ(z) instead of the roots (flat F in far tails makes roots loose).
        const q = run((i, o) => s.k.dist_mixture_icdf_f64(i, o, n, 0.3, 0, 5));
        for (let i = 0; i < n; i++) {
          const F = 0.3 * normalCdfTwin(q[i]) + 0.7 * normalCdfTwin(q[i] - 5);
          expect(Math.abs(F - normalCdfTwin(xs[i]))).toBeLessThan(1e-14);
          expect(q[i]).toBeGreaterThanOrEqual(xs[i] - 1e-12);
          expect(q[i]).toBeLessThanOrEqual(xs[i] + 5 + 1e-12);
        }
      }
    });
  });

  it("Φ matches reference values (Python 3 math.erfc)", async () => {
    await withKernels((s) => {
      // python3 -c "import math; print([0.5*math.erfc(-x/math.sqrt(2)) for x in [-8,-3,-1,0,1,2.5,3]])"
      const ref = [6.220960574271819e-16, 0.0013498980316300957, 0.15865525393145707, 0.5, 0.8413447460685429, 0.9937903346742238, 0.9986501019683699];
      const inp = s.writeF64([-8, -3, -1, 0, 1, 2.5, 3]);
      const out = s.allocF64(7);
      s.k.dist_normal_cdf_f64(inp, out, 7);
      close(s.readF64(out, 7), ref, 1e-14);
      const r = s.readF64(out, 7);
      expect(Math.abs(r[0] - ref[0]) / ref[0]).toBeLessThan(1e-12);
    });
  });

  it("spiral rotation and Swiss roll rows", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        for (const d of [2, 3, 5]) {
          const xs = Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.3) * 2);
          const p = s.writeF64(xs);
          s.k.dist_spiral_rows(p, n, d, 0, 1, 1 / 3);
          const want = xs.slice();
          for (let i = 0; i < n; i++) {
            let r2 = 0;
            for (let j = 0; j < d; j++) r2 += xs[i * d + j] ** 2;
            const c = Math.cos(r2 / 3), sn = Math.sin(r2 / 3);
            want[i * d] = c * xs[i * d] - sn * xs[i * d + 1];
            want[i * d + 1] = sn * xs[i * d] + c * xs[i * d + 1];
          }
          close(s.readF64(p, n * d), want);
        }
        const us = Array.from({ length: n }, (_, i) => (i + 0.5) / Math.max(1, n));
        const inp = s.writeF64(us);
        const out = s.allocF64(Math.max(2, 2 * n));
        s.k.dist_swissroll_rows(inp, out, n);
        const want = us.flatMap((u) => {
          const t = 1.5 * Math.PI * (1 + 2 * u);
          return [(t * Math.cos(t)) / 21, (t * Math.sin(t)) / 21];
        });
        close(s.readF64(out, 2 * n), want);
      }
    });
  });

  it("mixed-Gaussian Monte Carlo kernel returns the mean and variance of its pmi draws", async () => {
    await withKernels((s) => {
      for (const m of KERNEL_SIZES) {
        const st = s.rng(2, "reference", 1, 0);
        const out = s.allocF64(2);
        s.k.dist_mixed_gaussian_mi_mc(st, m, 0.7, out);
        const [mean, v] = s.readF64(out, 2);
        const r = new RngTwin(2, "reference", 1, 0);
        const q = 1 - 0.49;
        const vals: number[] = [];
        for (let i = 0; i < m; i++) {
          const rho = r.uniform() < 0.5 ? 0.7 : -0.7;
          const a = r.normal();
          const y = rho * a + Math.sqrt(q) * r.normal();
          const t = (0.7 * a * y) / q;
          vals.push(-0.5 * Math.log(q) - (0.49 * (a * a + y * y)) / (2 * q) + Math.abs(t) + Math.log1p(Math.exp(-2 * Math.abs(t))) - Math.LN2);
        }
        if (m === 0) {
          expect(mean).toBe(0);
          continue;
        }
        const mu = vals.reduce((p, c) => p + c, 0) / m;
        close([mean], [mu]);
        if (m > 1) close([v], [vals.reduce((p, c) => p + (c - mu) ** 2, 0) / (m - 1)], 1e-10);
        else expect(Number.isNaN(v)).toBe(true);
      }
    });
  });
});
