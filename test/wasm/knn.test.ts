import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels } from "../helpers/kernels.js";
import { countWithin, digammaInt, lcg, maxDist, neighbours } from "../helpers/ksgTwin.js";
import type { Scope } from "../../src/wasm/scope.js";

// Data with many ties and duplicate points: values on a coarse grid (a few distinct levels), so
// equal distances and distances equal to a radius occur all the time.
function tiedData(n: number, d: number, seed: number, levels = 5): Float64Array {
  const r = lcg(seed);
  return Float64Array.from({ length: n * d }, () => Math.floor(r() * levels) * 0.25);
}

// A random permutation of 0..n−1 (Fisher–Yates from r).
function shuffledIndex(n: number, r: () => number): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

// knn_sort_ranks of the n values at col (no work space): pointers to sorted, order and rank.
function sortColumn(s: Scope, col: number, n: number): { sorted: number; order: number; rank: number } {
  const sorted = s.allocF64(n);
  const order = s.allocI32(n);
  const rank = s.allocI32(n);
  s.k.knn_sort_ranks(col, n, sorted, order, rank, s.alloc(s.k.knn_sort_scratch_bytes(n)), 0);
  return { sorted, order, rank };
}

describe("knn_sort_ranks", () => {
  it("sorts (with ties) and returns each value’s position, at every kernel size and at 5000 to 9000, with and without work space", async () => {
    await withKernels((s) => {
      for (const [n, withWork] of [...KERNEL_SIZES, 5000, 6000, 7000, 8000, 9000].flatMap((m) => [[m, true], [m, false]] as const)) {
        // 5000 to 9000 take the bucket path (negative, positive, ±0 and tied values; 6000 has 50
        // levels, so every bucket is crowded and all equal; 7000 and 8000 are heavy-tailed, most
        // values in a few buckets, bucket-sorted again with work space; 9000 spreads over 35
        // orders of magnitude, crowded at every level until introsort takes over); the rest introsort.
        const r = lcg(n);
        const big = (i: number) => n === 6000 ? Math.floor(r() * 50) - 25 : n === 7000 ? (r() - 0.5) / (r() + 1e-9)
          : n === 8000 ? Math.tan(Math.PI * (r() - 0.5)) : n === 9000 ? Math.exp(80 * (r() - 0.5)) * (i % 2 ? 1 : -1) : (r() - 0.5) * 1e6;
        const v = n >= 5000
          ? Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? (i % 2 ? -0 : 0) : big(i)))
          : tiedData(n, 1, n, 3);
        const p = s.writeF64(v);
        const sorted = s.allocF64(n);
        const order = s.allocI32(n);
        const rank = s.allocI32(n);
        const scratch = s.alloc(s.k.knn_sort_scratch_bytes(n));
        const bucketed = s.k.knn_sort_ranks(p, n, sorted, order, rank, scratch, withWork ? s.alloc(s.k.knn_sort_work_bytes(n)) : 0);
        expect(bucketed).toBe(n >= 2048 ? 1 : 0);
        if (bucketed) {
          // The bucket path leaves the search table of its n buckets in the scratch.
          const table = s.allocI32(n + 1);
          s.k.knn_bucket_table(sorted, n, n, table);
          expect(Array.from(s.readI32(scratch, n + 1))).toEqual(Array.from(s.readI32(table, n + 1)));
        }
        const sv = s.readF64(sorted, n);
        const ord = s.readI32(order, n);
        const rk = s.readI32(rank, n);
        const ref = Array.from(v).sort((a, b) => a - b);
        for (let i = 0; i < n; i++) expect(sv[i] === ref[i]).toBe(true); // −0 and +0 compare equal
        for (let i = 0; i < n; i++) {
          expect(sv[rk[i]]).toBe(v[i]);
          expect(v[ord[i]]).toBe(sv[i]);
          expect(rk[ord[i]]).toBe(i);
        }
      }
    });
  });
});

describe("knn_count_sorted and knn_count_ranked", () => {
  it("count |v − q| < eps exactly (eps equal to actual distances, eps = 0, inclusive) with and without a permutation", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        if (n === 0) continue;
        const v = tiedData(n, 1, 100 + n, 7);
        const r = lcg(n);
        // eps: an exact distance to some other value (boundary case), zero, or a random value.
        const eps = Float64Array.from({ length: n }, (_, i) => {
          const u = r();
          return u < 0.4 ? Math.abs(v[i] - v[Math.floor(r() * n)]) : u < 0.6 ? 0 : r();
        });
        const idx = shuffledIndex(n, r);
        const { sorted, order } = sortColumn(s, s.writeF64(v), n);
        const ep = s.writeF64(eps);
        const ip = s.writeI32(idx);
        const inv = s.allocI32(n);
        s.k.knn_invert_i32(ip, n, inv);
        const out = s.allocI32(n);
        // Bucket tables from one bucket (every guess far off) to 3n (guesses close).
        for (const buckets of [1, 3, n, 3 * n]) {
          const table = s.allocI32(buckets + 1);
          s.k.knn_bucket_table(sorted, n, buckets, table);
          const tb = s.readI32(table, buckets + 1);
          expect(tb[0]).toBe(0);
          expect(tb[buckets]).toBe(n);
          for (let b = 1; b <= buckets; b++) expect(tb[b]).toBeGreaterThanOrEqual(tb[b - 1]);
          for (const inclusive of [0, 1]) {
            for (const permuted of [false, true]) {
              s.k.knn_count_sorted(sorted, order, permuted ? inv : 0, n, ep, inclusive, out, table, buckets);
              const got = s.readI32(out, n);
              for (let i = 0; i < n; i++) {
                const q = permuted ? idx[i] : i;
                expect(got[i]).toBe(countWithin(v, n, 1, q, eps[i], inclusive === 1));
              }
            }
            // knn_count_ranked: the same counts with radii and results by sorted position
            // (query r is the row order[r], with that row's radius).
            const ord = s.readI32(order, n);
            const byPos = s.writeF64(Float64Array.from(ord, (row) => eps[row]));
            s.k.knn_count_ranked(sorted, n, byPos, inclusive, out, table, buckets);
            const got = s.readI32(out, n);
            for (let r = 0; r < n; r++) expect(got[r]).toBe(countWithin(v, n, 1, ord[r], eps[ord[r]], inclusive === 1));
            // knn_count_ranked_psi: the ψ mean of those counts without storing them, same bits.
            for (const offset of [0, -1]) {
              expect(s.k.knn_count_ranked_psi(sorted, n, byPos, inclusive, table, buckets, offset)).toBe(s.k.knn_digamma_mean_i32(out, n, offset));
            }
            // A table whose entries are wrong (random but nondecreasing) only spoils the guesses:
            // the bracket checks fail and the galloping searches still find the exact ends.
            const bogus = s.writeI32(Int32Array.from({ length: buckets + 1 }, () => Math.floor(r() * (n + 1))).sort());
            s.k.knn_count_ranked(sorted, n, byPos, inclusive, out, bogus, buckets);
            const got2 = s.readI32(out, n);
            for (let q = 0; q < n; q++) expect(got2[q]).toBe(countWithin(v, n, 1, ord[q], eps[ord[q]], inclusive === 1));
            s.k.knn_count_sorted(sorted, order, 0, n, ep, inclusive, out, bogus, buckets);
            const got3 = s.readI32(out, n);
            for (let i = 0; i < n; i++) expect(got3[i]).toBe(countWithin(v, n, 1, i, eps[i], inclusive === 1));
          }
        }
      }
    });
  });
});

describe("kdtree_knn and kdtree_count", () => {
  it("match brute force (max norm, self excluded, ties by row) for d = 1, 2, 3, 5 at every kernel size", async () => {
    await withKernels((s) => {
      for (const d of [1, 2, 3, 5]) {
        for (const n of KERNEL_SIZES) {
          for (const k of [1, 3]) {
            if (n < k + 1) continue;
            const a = tiedData(n, d, 7 * n + d + k, d === 1 ? 9 : 4);
            const p = s.writeF64(a);
            const tree = s.allocF64(n * d);
            const perm = s.allocI32(n);
            const split = s.allocI32(n);
            const box = s.allocF64(n * 2 * d);
            s.k.kdtree_build(p, n, d, tree, perm, split, box);
            const hd = s.allocF64(k);
            const hp = s.allocI32(k);
            const eps = s.allocF64(n);
            const ex = s.allocF64(n);
            const ey = s.allocF64(n);
            const dx = d > 1 ? 1 : 0;
            s.k.kdtree_knn(tree, perm, split, box, n, d, k, dx, hd, hp, eps, ex, ey);
            const e = s.readF64(eps, n);
            const exv = s.readF64(ex, n);
            const eyv = s.readF64(ey, n);
            for (let i = 0; i < n; i++) {
              const nb = neighbours(a, n, d, i, k);
              expect(e[i]).toBe(nb[k - 1].dist);
              if (dx) {
                expect(exv[i]).toBe(Math.max(...nb.map(({ j }) => maxDist(a, i, j, d, 0, dx))));
                expect(eyv[i]).toBe(Math.max(...nb.map(({ j }) => maxDist(a, i, j, d, dx, d))));
              }
            }
            // Range counts with those radii (boundary cases galore), strict and inclusive.
            const out = s.allocI32(n);
            for (const inclusive of [0, 1]) {
              s.k.kdtree_count(tree, split, box, n, d, p, eps, n, inclusive, out);
              const got = s.readI32(out, n);
              for (let i = 0; i < n; i++) expect(got[i]).toBe(countWithin(a, n, d, i, e[i], inclusive === 1));
            }
          }
        }
      }
    });
  });

  it("handles 3000 continuous points in 2-D and 4-D like brute force", async () => {
    await withKernels((s) => {
      for (const d of [2, 4]) {
        const n = 3000;
        const k = 4;
        const r = lcg(d);
        const a = Float64Array.from({ length: n * d }, () => r() * r());
        const p = s.writeF64(a);
        const tree = s.allocF64(n * d);
        const perm = s.allocI32(n);
        const split = s.allocI32(n);
        const box = s.allocF64(n * 2 * d);
        s.k.kdtree_build(p, n, d, tree, perm, split, box);
        const eps = s.allocF64(n);
        s.k.kdtree_knn(tree, perm, split, box, n, d, k, 0, s.allocF64(k), s.allocI32(k), eps, 0, 0);
        const e = s.readF64(eps, n);
        const out = s.allocI32(n);
        s.k.kdtree_count(tree, split, box, n, d, p, eps, n, 0, out);
        const c = s.readI32(out, n);
        for (let i = 0; i < n; i += 7) {
          expect(e[i]).toBe(neighbours(a, n, d, i, k)[k - 1].dist);
          expect(c[i]).toBe(countWithin(a, n, d, i, e[i], false));
        }
      }
    });
  });
});

describe("knn_grid2", () => {
  it("matches brute force (eps, epsX, epsY; ties by row) on tied and continuous 2-D data", async () => {
    await withKernels((s) => {
      for (const n of [...KERNEL_SIZES, 3000]) {
        for (const k of [1, 3]) {
          if (n < k + 1) continue;
          const a = n === 3000 ? Float64Array.from({ length: 2 * n }, lcg(5)) : tiedData(n, 2, 3 * n + k, 6);
          const p = s.writeF64(a);
          const ranks = [0, 1].map((c) => {
            return sortColumn(s, s.writeF64(Array.from({ length: n }, (_, i) => a[2 * i + c])), n);
          });
          const g = s.k.knn_grid2_side(n);
          const eps = s.allocF64(n);
          const ex = s.allocF64(n);
          const ey = s.allocF64(n);
          s.k.knn_grid2(p, ranks[0].rank, ranks[1].rank, ranks[0].sorted, ranks[1].sorted, n, k, 1,
            s.allocI32(g * g + 1), s.allocF64(2 * n), s.allocI32(n), s.allocF64(k), s.allocI32(k), eps, ex, ey);
          const e = s.readF64(eps, n);
          const exv = s.readF64(ex, n);
          const eyv = s.readF64(ey, n);
          for (let i = 0; i < n; i += n === 3000 ? 7 : 1) {
            const nb = neighbours(a, n, 2, i, k);
            expect(e[i]).toBe(nb[k - 1].dist);
            expect(exv[i]).toBe(Math.max(...nb.map(({ j }) => maxDist(a, i, j, 2, 0, 1))));
            expect(eyv[i]).toBe(Math.max(...nb.map(({ j }) => maxDist(a, i, j, 2, 1, 2))));
          }
        }
      }
    });
  });
});

describe("knn_grid2_eps", () => {
  it("gives the brute-force k-th distance (ties, duplicate points, k from 1 to 9, with and without a y permutation)", async () => {
    await withKernels((s) => {
      for (const n of [...KERNEL_SIZES, 3000]) {
        // k = 1, 3, 7 use the register paths (one, two and four f64x2), 2 an odd K, 9 the memory path.
        for (const k of n === 3000 ? [1, 2, 3, 7, 9] : [1, 2, 3, 7, 9, n - 1]) {
          if (k < 1 || n < k + 1) continue;
          const r = lcg(5 * n + k);
          const x = n === 3000 ? Float64Array.from({ length: n }, r) : tiedData(n, 1, 3 * n + k, 5);
          const y = n === 3000 ? Float64Array.from({ length: n }, r) : tiedData(n, 1, 7 * n + k, 4);
          if (n >= 5) for (let i = 0; i < n; i += 4) y[i] = x[i]; // dependence and exact duplicate rows
          const idx = shuffledIndex(n, r);
          const px = s.writeF64(x);
          const py = s.writeF64(y);
          const ip = s.writeI32(idx);
          const ranks = [px, py].map((col) => sortColumn(s, col, n));
          const g = s.k.knn_grid2_eps_side(n);
          expect(g).toBeGreaterThanOrEqual(1);
          const epsX = s.allocF64(n);
          const epsY = s.allocF64(n);
          const rkX = s.readI32(ranks[0].rank, n);
          const rkY = s.readI32(ranks[1].rank, n);
          for (const permuted of [false, true]) {
            s.k.knn_grid2_eps(ranks[0].order, py, permuted ? ip : 0, ranks[1].rank, ranks[0].sorted, ranks[1].sorted, n, k,
              s.allocI32(g * g + 1), s.allocF64(n + 1), s.allocF64(n + 1), s.allocI32(2 * n), s.allocF64(k + 1), epsX, epsY);
            const ex = s.readF64(epsX, n);
            const ey = s.readF64(epsY, n);
            const joint = new Float64Array(2 * n);
            for (let i = 0; i < n; i++) {
              joint[2 * i] = x[i];
              joint[2 * i + 1] = y[permuted ? idx[i] : i];
            }
            // Row i's distance sits at its x-rank in epsX and at the y-rank of its y row in epsY.
            for (let i = 0; i < n; i += n === 3000 ? 31 : 1) {
              const want = neighbours(joint, n, 2, i, k)[k - 1].dist;
              expect(ex[rkX[i]], `n ${n} k ${k} row ${i}`).toBe(want);
              expect(ey[rkY[permuted ? idx[i] : i]], `n ${n} k ${k} row ${i}`).toBe(want);
            }
          }
        }
      }
    });
  });
});

describe("knn_prepare", () => {
  it("standardizes and adds jitter like its twin (same operations, same order: identical bits)", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        if (n === 0) continue;
        for (const d of [1, 3]) {
          const r = lcg(n + d);
          const v = Float64Array.from({ length: n * d }, (_, i) => (i % d === 2 ? 7 : (r() - 0.3) * 40)); // column 2 constant
          const z = Float64Array.from({ length: n * d }, () => r() - 0.5);
          for (const standardize of [0, 1]) {
            for (const noise of [0, 1e-10, 0.5]) {
              const t = v.slice();
              // The kernel's order: four partial sums over rows i ≡ 0, 1, 2, 3 (mod 4), then
              // ((s0 + s1) + (s2 + s3)).
              const sum4 = (j: number, f: (v: number) => number) => {
                const p = [0, 0, 0, 0];
                for (let i = 0; i < n; i++) p[i < (n & ~3) ? i % 4 : 0] += f(t[i * d + j]);
                return (p[0] + p[1]) + (p[2] + p[3]);
              };
              if (standardize) {
                for (let j = 0; j < d; j++) {
                  const mean = sum4(j, (x) => x) / n;
                  const std = Math.sqrt(sum4(j, (x) => (x - mean) * (x - mean)) / n);
                  if (std > 0) for (let i = 0; i < n; i++) t[i * d + j] /= std;
                }
              }
              if (noise > 0) {
                for (let j = 0; j < d; j++) {
                  const sa = sum4(j, Math.abs);
                  const scale = noise * Math.max(1, sa / n);
                  for (let i = 0; i < n; i++) t[i * d + j] += scale * z[i * d + j];
                }
              }
              const p = s.writeF64(v);
              s.k.knn_prepare(p, n, d, standardize, noise, noise > 0 ? s.writeF64(z) : 0);
              expect(Array.from(s.readF64(p, n * d))).toEqual(Array.from(t));
            }
          }
        }
      }
    });
  });
});

describe("knn_digamma_mean_i32, gathers and the plug-in kernel", () => {
  it("digamma mean matches ψ(n) = −γ + H(n − 1) at every kernel size", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const c = Int32Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 300));
        const p = s.writeI32(c);
        const got = s.k.knn_digamma_mean_i32(p, n, 0);
        const got1 = s.k.knn_digamma_mean_i32(p, n, 1);
        if (n === 0) {
          expect(got).toBeNaN();
          continue;
        }
        let t = 0;
        let t1 = 0;
        for (const v of c) {
          t += digammaInt(v);
          t1 += digammaInt(v + 1);
        }
        expect(Math.abs(got - t / n)).toBeLessThan(1e-13);
        expect(Math.abs(got1 - t1 / n)).toBeLessThan(1e-13);
      }
    });
  });

  it("knn_count_zero_f64 counts zeros (±0) like its twin at every kernel size", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const v = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : i % 7 === 0 ? -0 : i * 0.5));
        expect(s.k.knn_count_zero_f64(s.writeF64(v), n)).toBe(v.filter((x) => x === 0).length);
      }
    });
  });

  it("join, gather, invert and iota move rows and indices like their twins", async () => {
    await withKernels((s) => {
      for (const n of KERNEL_SIZES) {
        const r = lcg(n + 1);
        const x = Float64Array.from({ length: n * 2 }, r);
        const y = Float64Array.from({ length: n * 3 }, r);
        const idx = Int32Array.from({ length: n }, (_, i) => (i * 5 + 3) % Math.max(n, 1));
        if (n % 5 === 0) for (let i = 0; i < n; i++) idx[i] = n - 1 - i; // keep it a permutation
        const isPerm = new Set(idx).size === n;
        const px = s.writeF64(x);
        const py = s.writeF64(y);
        const pi = s.writeI32(idx);
        const dst = s.allocF64(n * 5);
        s.k.knn_join_rows(px, 2, py, 3, pi, n, dst);
        const j = s.readF64(dst, n * 5);
        s.k.knn_join_rows(px, 2, py, 3, 0, n, dst);
        const j0 = s.readF64(dst, n * 5);
        const g = s.allocF64(n * 3);
        s.k.knn_gather_rows(py, 3, pi, n, g);
        const gv = s.readF64(g, n * 3);
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < 2; c++) {
            expect(j[i * 5 + c]).toBe(x[i * 2 + c]);
            expect(j0[i * 5 + c]).toBe(x[i * 2 + c]);
          }
          for (let c = 0; c < 3; c++) {
            expect(j[i * 5 + 2 + c]).toBe(y[idx[i] * 3 + c]);
            expect(j0[i * 5 + 2 + c]).toBe(y[i * 3 + c]);
            expect(gv[i * 3 + c]).toBe(y[idx[i] * 3 + c]);
          }
        }
        const src = Int32Array.from({ length: n }, (_, i) => 1000 + i);
        const gi = s.allocI32(n);
        s.k.knn_gather_i32(s.writeI32(src), pi, n, gi);
        expect(Array.from(s.readI32(gi, n))).toEqual(Array.from(idx, (v) => src[v]));
        const io = s.allocI32(n);
        s.k.knn_iota_i32(io, n);
        expect(Array.from(s.readI32(io, n))).toEqual(Array.from({ length: n }, (_, i) => i));
        if (isPerm) {
          const inv = s.allocI32(n);
          s.k.knn_invert_i32(pi, n, inv);
          const iv = s.readI32(inv, n);
          for (let i = 0; i < n; i++) expect(iv[idx[i]]).toBe(i);
        }
      }
    });
  });

  it("plug-in MI of a contingency table matches Σ p ln(p / (p_a p_b))", async () => {
    await withKernels((s) => {
      const table = [[10, 0, 3], [2, 7, 1]];
      const n = 23;
      const rows = table.map((r) => r.reduce((a, b) => a + b));
      const cols = table[0].map((_, j) => table[0][j] + table[1][j]);
      let t = 0;
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) if (table[i][j]) t += (table[i][j] / n) * Math.log((table[i][j] * n) / (rows[i] * cols[j]));
      const got = s.k.knn_plugin_mi(s.writeI32(table.flat()), s.writeI32(rows), s.writeI32(cols), 2, 3, n);
      expect(Math.abs(got - t)).toBeLessThan(1e-14);
    });
  });
});
