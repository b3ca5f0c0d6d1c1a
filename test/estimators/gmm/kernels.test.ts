import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels, type Scope } from "../../helpers/kernels.js";
import { emStep, mixtureLogPdf, mStep, type TwinMixture } from "../../helpers/gmmTwin.js";

const close = (a: number, b: number, rel = 1e-10) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

function randomData(s: Scope, n: number, d: number, seed: number): { ptr: number; rows: number[][] } {
  const rng = s.rng(seed, "task");
  const p = s.allocF64(Math.max(1, n * d));
  s.k.rng_fill_normal(rng, p, n * d);
  const v = s.readF64(p, n * d);
  // correlate and shift the columns so covariances are not diagonal
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, j) => v[i * d + j] + (j > 0 ? 0.6 * v[i * d] : 0) + j));
  s.f64(p, n * d).set(rows.flat());
  return { ptr: p, rows };
}

function mixture(K: number, d: number): TwinMixture {
  const w = Array.from({ length: K }, (_, k) => (k + 1) / ((K * (K + 1)) / 2));
  const mu = Array.from({ length: K * d }, (_, i) => Math.sin(i + 1) * 1.5);
  const cov: number[] = [];
  for (let k = 0; k < K; k++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov.push(a === b ? 1 + 0.3 * k + 0.1 * a : 0.25 / (1 + k));
  return { K, d, w, mu, cov };
}

function put(s: Scope, m: TwinMixture) {
  return { w: s.writeF64(m.w), mu: s.writeF64(m.mu), cov: s.writeF64(m.cov) };
}

describe("gmm kernels against their TypeScript twins", () => {
  it("gmm_em_fit with maxIter 1 is one E+M step; train/valid scores match (d = 1, 2, 3; K = 1, 2, 3)", async () => {
    await withKernels((s) => {
      for (const d of [1, 2, 3]) for (const K of [1, 2, 3]) for (const n of KERNEL_SIZES.filter((n) => n >= 1)) {
        const data = randomData(s, n, d, 100 * d + n);
        const m = mixture(K, d);
        const p = put(s, m);
        const idx = s.writeI32(Array.from({ length: n }, (_, i) => i));
        const work = s.allocF64(s.k.gmm_em_work_f64(n, K, d));
        const res = s.allocF64(4);
        expect(s.k.gmm_em_fit(data.ptr, d, idx, n, idx, n, K, p.w, p.mu, p.cov, 1e-6, 0, 1, work, res)).toBe(0);
        const twin = emStep(m, data.rows, 1e-6).next;
        const w = s.readF64(p.w, K), mu = s.readF64(p.mu, K * d), cov = s.readF64(p.cov, K * d * d);
        twin.w.forEach((v, i) => close(w[i], v, 1e-9));
        twin.mu.forEach((v, i) => close(mu[i], v, 1e-9));
        twin.cov.forEach((v, i) => close(cov[i], v, 1e-8));
        const r = s.readF64(res, 4);
        expect(r[0]).toBe(1);
        const twinLL = data.rows.reduce((acc, x) => acc + mixtureLogPdf(twin, x), 0) / n;
        if (n > d + 1) {
          close(r[2], twinLL, 1e-9);
          close(r[3], twinLL, 1e-9); // valid rows = train rows here
        }
      }
    });
  });

  it("gmm_em_fit stops when the log-likelihood change falls below tol and reports convergence", async () => {
    await withKernels((s) => {
      const n = 257, d = 2, K = 2;
      const data = randomData(s, n, d, 9);
      let m = mixture(K, d);
      const p = put(s, m);
      const idx = s.writeI32(Array.from({ length: n }, (_, i) => i));
      const work = s.allocF64(s.k.gmm_em_work_f64(n, K, d));
      const res = s.allocF64(4);
      expect(s.k.gmm_em_fit(data.ptr, d, idx, n, 0, 0, K, p.w, p.mu, p.cov, 1e-6, 1e-3, 10000, work, res)).toBe(0);
      const [iters, conv, , valid] = s.readF64(res, 4);
      expect(conv).toBe(1);
      expect(Number.isNaN(valid)).toBe(true);
      // replay with the twin: the stopping iteration is the first whose change < tol
      let prev = -Infinity, it = 0;
      for (it = 1; it <= 10000; it++) {
        const st = emStep(m, data.rows, 1e-6);
        m = st.next;
        if (Math.abs(st.ll - prev) < 1e-3) break;
        prev = st.ll;
      }
      expect(iters).toBe(it);
    });
  });

  it("gmm_em_fit reports a collapsing component instead of producing NaN", async () => {
    await withKernels((s) => {
      const n = 17, d = 2, K = 2;
      // every row identical: the covariance is exactly zero without regularisation
      const x = s.writeF64(Array.from({ length: n * d }, () => 1.5));
      const p = put(s, mixture(K, d));
      const idx = s.writeI32(Array.from({ length: n }, (_, i) => i));
      const work = s.allocF64(s.k.gmm_em_work_f64(n, K, d));
      const res = s.allocF64(4);
      expect(s.k.gmm_em_fit(x, d, idx, n, 0, 0, K, p.w, p.mu, p.cov, 0, 1e-5, 100, work, res)).toBeGreaterThan(0);
    });
  });

  it("gmm_init_random_resp equals the twin M-step on the same uniform draws", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES.filter((n) => n >= 1)) for (const K of [1, 3]) {
        const d = 2;
        const data = randomData(s, n, d, n + 7);
        const idx = s.writeI32(Array.from({ length: n }, (_, i) => i));
        const rng = s.rng(5, "init", K, n);
        const work = s.allocF64(s.k.gmm_init_work_f64(n, K, d));
        const p = put(s, mixture(K, d));
        s.k.gmm_init_random_resp(data.ptr, d, idx, n, K, rng, 1e-6, work, p.w, p.mu, p.cov);
        const rng2 = s.rng(5, "init", K, n);
        const u = s.allocF64(n * K);
        s.k.rng_fill_uniform(rng2, u, n * K);
        const uv = s.readF64(u, n * K);
        const resp = Array.from({ length: n }, (_, i) => {
          const row = Array.from(uv.subarray(i * K, (i + 1) * K));
          const t = row.reduce((a, b) => a + b, 0);
          return row.map((v) => v / t);
        });
        const twin = mStep(data.rows, resp, K, d, 1e-6);
        twin.mu.forEach((v, i) => close(s.f64(p.mu, K * d)[i], v, 1e-9));
        twin.cov.forEach((v, i) => close(s.f64(p.cov, K * d * d)[i], v, 1e-8));
      }
    });
  });

  it("gmm_init_kmeans gives Lloyd fixed points: every row's nearest centre owns it", async () => {
    await withKernels((s) => {
      const n = 257, d = 2, K = 3;
      const data = randomData(s, n, d, 3);
      const idx = s.writeI32(Array.from({ length: n }, (_, i) => i));
      const work = s.allocF64(s.k.gmm_init_work_f64(n, K, d));
      const p = put(s, mixture(K, d));
      s.k.gmm_init_kmeans(data.ptr, d, idx, n, K, s.rng(1, "init"), 1e-6, work, p.w, p.mu, p.cov);
      const w = s.readF64(p.w, K);
      const mu = s.readF64(p.mu, K * d);
      // weights are the cluster shares; means are the members' means
      const labels = data.rows.map((x) => {
        let best = 0, bd = Infinity;
        for (let k = 0; k < K; k++) { const t = (x[0] - mu[k * 2]) ** 2 + (x[1] - mu[k * 2 + 1]) ** 2; if (t < bd) { bd = t; best = k; } }
        return best;
      });
      for (let k = 0; k < K; k++) {
        const mem = data.rows.filter((_, i) => labels[i] === k);
        close(w[k], mem.length / n, 1e-9);
        close(mu[k * 2], mem.reduce((a, x) => a + x[0], 0) / mem.length, 1e-9);
      }
    });
  });

  it("gmm_logpdf, gmm_sample and gmm_mc_terms agree with the twin log-density at every size", async () => {
    await withKernels((s) => {
      const K = 2, d = 3;
      const m = mixture(K, d);
      const p = put(s, m);
      const spec = s.writeI32([3, 0, 1, 2, 0, 1, 2, 1, 0, 0, 2, 1, 2, 1, 2, 1, 0, 1]); // all; x0; y=(1,2); p_{x0} at col 1... see below
      // terms: [all cols], [col 0], [cols 1,2], [density of col 0 evaluated at col 1]
      const terms = [{ dens: [0, 1, 2], input: [0, 1, 2] }, { dens: [0], input: [0] }, { dens: [1, 2], input: [1, 2] }, { dens: [0], input: [1] }];
      const specV = terms.flatMap((t) => [t.dens.length, ...t.dens, ...t.input]);
      s.i32(spec, specV.length).set(specV);
      for (const M of KERNEL_SIZES) {
        const pts = s.allocF64(Math.max(1, M * d));
        const sw = s.allocF64(K * d * d + d);
        expect(s.k.gmm_sample(p.w, p.mu, p.cov, K, d, M, s.rng(M, "monteCarlo"), sw, pts)).toBe(0);
        const P = s.readF64(pts, M * d);
        const work = s.allocF64(s.k.gmm_mc_work_f64(K, d, spec, terms.length));
        const vals = s.allocF64(Math.max(1, M * terms.length));
        expect(s.k.gmm_mc_terms(p.w, p.mu, p.cov, K, d, spec, terms.length, M, s.rng(M, "monteCarlo"), work, vals)).toBe(0);
        const V = s.readF64(vals, M * terms.length);
        const lpOut = s.allocF64(Math.max(1, M));
        const cols = s.writeI32([0, 1, 2]);
        s.k.gmm_logpdf(p.w, p.mu, p.cov, K, d, cols, 3, pts, M, s.allocF64(s.k.gmm_logpdf_work_f64(K, 3)), lpOut);
        const LP = s.readF64(lpOut, M);
        for (let i = 0; i < M; i++) {
          const x = Array.from(P.subarray(i * d, (i + 1) * d));
          terms.forEach((t, j) => close(V[i * terms.length + j], mixtureLogPdf(m, t.input.map((c) => x[c]), t.dens), 1e-10));
          close(LP[i], mixtureLogPdf(m, x), 1e-10);
        }
      }
    });
  });

  it("gmm_class_log_ratio and stats_mean_cov match their twins", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const C = 3;
        const lpv = Array.from({ length: C * n }, (_, i) => -1 - Math.cos(i) * 3);
        const pri = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
        const out = s.allocF64(Math.max(1, n));
        s.k.gmm_class_log_ratio(s.writeF64(lpv), C, n, s.writeF64(pri), 1, out);
        const o = s.readF64(out, n);
        for (let i = 0; i < n; i++) {
          const lse = Math.log(pri.reduce((acc, p, j) => acc + Math.exp(p + lpv[j * n + i]), 0));
          close(o[i], lpv[n + i] - lse, 1e-12);
        }
        const p = 2;
        const vals = Array.from({ length: n * p }, (_, i) => Math.sin(i * 1.7) + (i % 2) * 0.3 * Math.sin(i * 0.85 - 1.7));
        const so = s.allocF64(p + p * p);
        s.k.stats_mean_cov(s.writeF64(vals), n, p, so);
        const st = s.readF64(so, p + p * p);
        if (n >= 1) for (let a = 0; a < p; a++) close(st[a], vals.filter((_, i) => i % p === a).reduce((x, y) => x + y, 0) / n, 1e-12);
        if (n >= 2) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) {
          const ma = st[a], mb = st[b];
          let c = 0;
          for (let i = 0; i < n; i++) c += (vals[i * p + a] - ma) * (vals[i * p + b] - mb);
          close(st[p + a * p + b], c / (n - 1), 1e-12);
        }
      }
    });
  });
});
