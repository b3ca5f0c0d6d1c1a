import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels, type Scope } from "../helpers/kernels.js";
import { allocNetwork, type Network } from "../../src/estimators/neural/network.js";

// TypeScript twins of the evaluation kernels mine_eval and nee_eval: the network's f32 forward pass,
// the permutations (same Fisher–Yates on an identically keyed stream) and the reference draws
// (same stream, same order) redone in plain TypeScript. The work blocks hold only 4 rows, so the
// kernels' chunking is exercised at the larger sizes.

/** The network's output as the f32 engine computes it: input rounded to f32, every + and ×
 *  rounded to f32 in the kernel's order (bias first, then inputs 0, 1, …), ReLU between layers.
 *  An f32 operation done in f64 and rounded is the correctly rounded f32 result, so this is exact. */
function forwardTwin(params: Float32Array, dims: number[], x: number[]): number {
  const f = Math.fround;
  let a = x.map(f);
  let p = 0;
  for (let l = 0; l + 1 < dims.length; l++) {
    const din = dims[l], dout = dims[l + 1];
    const out: number[] = [];
    for (let j = 0; j < dout; j++) {
      let s = params[p + din * dout + j];
      for (let i = 0; i < din; i++) s = f(s + f(a[i] * params[p + i * dout + j]));
      out.push(l + 2 < dims.length ? Math.max(s, 0) : s);
    }
    p += (din + 1) * dout;
    a = out;
  }
  return a[0];
}

function lse(v: number[]): number {
  const m = Math.max(...v);
  return m + Math.log(v.reduce((t, x) => t + Math.exp(x - m), 0));
}

function setup(s: Scope, dims: number[]): { net: Network; params: Float32Array } {
  const net = allocNetwork(s, { dims, activation: "relu", rows: 4 });
  s.k.nn_init(net.spec, net.net, s.rng(1, "network"), 0, 0);
  return { net, params: s.readF32(net.net, net.size) };
}

describe("evaluation kernels against TypeScript twins", () => {
  it("mine_eval (DV and NWJ, 3 permutations) at every kernel size", async () => {
    await withKernels((s) => {
      const dims = [3, 5, 1];
      const { net, params } = setup(s, dims);
      for (const n of KERNEL_SIZES.filter((k) => k > 0)) {
        const x = Array.from({ length: 2 * n }, (_, i) => Math.sin(i * 1.3));
        const y = Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
        const px = s.writeF64(x), py = s.writeF64(y), perm = s.allocI32(n);
        for (const objective of [0, 2]) {
          const got = s.k.mine_eval(net.spec, net.net, net.work, px, py, n, 2, 1, perm, 3, objective, s.rng(4, "permutation", n));
          // twin
          const T = (i: number, j: number) => forwardTwin(params, dims, [x[2 * i], x[2 * i + 1], y[j]]);
          let mj = 0;
          for (let i = 0; i < n; i++) mj += T(i, i) / n;
          const stream = s.rng(4, "permutation", n);
          const p = s.allocI32(n);
          let acc = 0;
          for (let q = 0; q < 3; q++) {
            s.i32(p, n).set(Int32Array.from({ length: n }, (_, i) => i));
            s.k.rng_shuffle_i32(stream, p, n);
            const pi = s.readI32(p, n);
            const tm = Array.from({ length: n }, (_, i) => T(i, pi[i]));
            acc += objective === 2 ? mj - tm.reduce((t, v) => t + Math.exp(v - 1), 0) / n : mj - (lse(tm) - Math.log(n));
          }
          expect(Math.abs(got - acc / 3)).toBeLessThan(1e-12);
        }
      }
    });
  });

  it("nee_eval at every kernel size, with both reference kinds", async () => {
    await withKernels((s) => {
      const dims = [2, 6, 1];
      const { net, params } = setup(s, dims);
      // kind 0: uniform, (lo, hi) = ((−1, 0), (2, 3)); kind 1: normal, (mean, sd) = ((−1, 0), (2, 3)).
      const ref = [-1, 0, 2, 3];
      const pref = s.writeF64(ref);
      for (const kind of [0, 1]) {
        for (const n of KERNEL_SIZES.filter((k) => k > 0)) {
          const data = Array.from({ length: 2 * n }, (_, i) => Math.sin(i * 0.9) + 0.5);
          const nRef = 3 * n;
          const got = s.k.nee_eval(net.spec, net.net, net.work, s.writeF64(data), n, 2, pref, kind, nRef, s.rng(2, "reference", n));
          const u = s.allocF64(2 * nRef);
          if (kind === 0) s.k.rng_fill_uniform(s.rng(2, "reference", n), u, 2 * nRef);
          else s.k.rng_fill_normal(s.rng(2, "reference", n), u, 2 * nRef);
          const U = s.readF64(u, 2 * nRef);
          const point = (r: number, k: number) => (kind === 0 ? ref[k] + (ref[2 + k] - ref[k]) * U[2 * r + k] : ref[k] + ref[2 + k] * U[2 * r + k]);
          let md = 0;
          for (let i = 0; i < n; i++) md += forwardTwin(params, dims, [data[2 * i], data[2 * i + 1]]) / n;
          const fr = Array.from({ length: nRef }, (_, r) => forwardTwin(params, dims, [point(r, 0), point(r, 1)]));
          expect(Math.abs(got - (md - (lse(fr) - Math.log(nRef))))).toBeLessThan(1e-12);
        }
      }
    });
  });
});
