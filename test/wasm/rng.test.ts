import { describe, expect, it } from "vitest";
import { withKernels, KERNEL_SIZES } from "../helpers/kernels.js";

describe("rng (xoshiro256** keyed by seed, purpose and indices)", () => {
  it("gives the same bits for the same key and different bits for a different key", async () => {
    await withKernels((s) => {
      const draw = (seed: number, purpose: "bootstrap" | "monteCarlo", a: number, b: number) => {
        const st = s.rng(seed, purpose, a, b);
        const out = s.allocF64(64);
        s.k.rng_fill_uniform(st, out, 64);
        return s.readF64(out, 64);
      };
      const a = draw(1, "bootstrap", 3, 0);
      expect(draw(1, "bootstrap", 3, 0)).toEqual(a);
      for (const other of [draw(2, "bootstrap", 3, 0), draw(1, "monteCarlo", 3, 0), draw(1, "bootstrap", 4, 0), draw(1, "bootstrap", 3, 1)]) {
        expect(other).not.toEqual(a);
      }
      // Seeds above 2^32 use the high half too.
      expect(draw(2 ** 32 + 1, "bootstrap", 0, 0)).not.toEqual(draw(1, "bootstrap", 0, 0));
    });
  });

  it("uniform and normal fills have the right moments (n = 200000; 5 standard errors)", async () => {
    await withKernels((s) => {
      const n = 200_000;
      const st = s.rng(7, "task");
      const u = s.allocF64(n);
      s.k.rng_fill_uniform(st, u, n);
      const uv = s.readF64(u, n);
      const z = s.allocF64(n);
      s.k.rng_fill_normal(st, z, n);
      const zv = s.readF64(z, n);
      let mu = 0, mz = 0, vz = 0, kz = 0, lo = Infinity, hi = -Infinity;
      for (let i = 0; i < n; i++) {
        mu += uv[i]; mz += zv[i];
        lo = Math.min(lo, uv[i]); hi = Math.max(hi, uv[i]);
      }
      mu /= n; mz /= n;
      for (let i = 0; i < n; i++) { const d = zv[i] - mz; vz += d * d; kz += d ** 4; }
      vz /= n; kz = kz / n / (vz * vz);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThan(1);
      // Standard errors: uniform mean sqrt(1/12/n); normal mean 1/sqrt(n); variance sqrt(2/n); kurtosis sqrt(24/n).
      expect(Math.abs(mu - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
      expect(Math.abs(mz)).toBeLessThan(5 / Math.sqrt(n));
      expect(Math.abs(vz - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
      expect(Math.abs(kz - 3)).toBeLessThan(5 * Math.sqrt(24 / n));
    });
  });

  it("the ziggurat normal fill is standard normal: KS distance, moments, tail mass, same bits per key", async () => {
    await withKernels((s) => {
      const n = 1_000_000;
      const draw = (seed: number) => {
        const z = s.allocF64(n);
        s.k.rng_fill_normal_ziggurat(s.rng(seed, "noise"), z, n);
        return s.readF64(z, n);
      };
      const zv = draw(11);
      expect(draw(11)).toEqual(zv);
      expect(draw(12)).not.toEqual(zv);
      // Kolmogorov–Smirnov distance to Φ (Φ from the module's own normal CDF kernel). For a
      // correct sampler √n·D exceeds 1.95 with probability 0.001; a wrong layer table or a
      // biased wedge test shifts the CDF by far more than 1.95 / √n = 0.002.
      const sorted = Float64Array.from(zv).sort();
      const cdf = s.allocF64(n);
      s.k.dist_normal_cdf_f64(s.writeF64(sorted), cdf, n);
      const F = s.readF64(cdf, n);
      let D = 0;
      for (let i = 0; i < n; i++) D = Math.max(D, Math.abs(F[i] - i / n), Math.abs((i + 1) / n - F[i]));
      expect(Math.sqrt(n) * D).toBeLessThan(1.95);
      // Moments (5 standard errors, as for rng_fill_normal above).
      let m = 0, v = 0, k4 = 0;
      for (const z of zv) m += z;
      m /= n;
      for (const z of zv) { const d = z - m; v += d * d; k4 += d ** 4; }
      v /= n; k4 = k4 / n / (v * v);
      expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(n));
      expect(Math.abs(v - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
      expect(Math.abs(k4 - 3)).toBeLessThan(5 * Math.sqrt(24 / n));
      // The tail beyond the base layer's edge R = 3.4426 comes from a separate branch: its mass
      // 2(1 − Φ(R)) = 5.76e-4 gives 576 of 10⁶ draws, binomial sd 24; also beyond 4.5 (6.8 of 10⁶).
      const R = 3.442619855899;
      const tail = zv.filter((z) => Math.abs(z) > R).length;
      expect(Math.abs(tail - 576)).toBeLessThan(5 * 24);
      const far = zv.filter((z) => Math.abs(z) > 4.5).length;
      expect(far).toBeGreaterThan(0);
      expect(far).toBeLessThan(6.8 + 5 * Math.sqrt(6.8));
    });
  });

  it("rng_fill_below stays in range and hits every value; shuffle permutes", async () => {
    await withKernels((s) => {
      const st = s.rng(3, "folds");
      for (const n of KERNEL_SIZES) {
        const p = s.allocI32(Math.max(n, 1));
        s.k.rng_fill_below(st, p, n, 7);
        const v = s.readI32(p, n);
        for (const x of v) expect(x >= 0 && x < 7).toBe(true);
        if (n >= 257) expect(new Set(v).size).toBe(7);
        const q = s.writeI32(Array.from({ length: n }, (_, i) => i));
        s.k.rng_shuffle_i32(st, q, n);
        const w = Array.from(s.readI32(q, n)).sort((a, b) => a - b);
        expect(w).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    });
  });
});
