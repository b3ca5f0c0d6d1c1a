import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels, type Scope } from "../helpers/kernels.js";
import { allocNetwork, Activation, type ActivationName } from "../../src/estimators/neural/network.js";

// Plain TypeScript twins of the engine's layers, and central finite differences for every
// backward pass. Inputs come from a small LCG so the tests need no WASM randomness.
//
// The MLP engine computes in f32. Its kernels sum in a fixed order (from the bias, then input
// 0, 1, …; weight gradients over rows 0, 1, …), so a twin that rounds every + and × to f32 with
// Math.fround in the same order reproduces them bit for bit: an f32 sum, product, quotient or
// square root computed in f64 and then rounded to f32 is the correctly rounded f32 result
// (53 ≥ 2·24 + 2), so those comparisons are exact.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
}
const fill = (n: number, r: () => number, scale = 1) => Float64Array.from({ length: n }, () => scale * r());

function denseTwin(W: Float64Array, b: Float64Array, x: Float64Array, rows: number, din: number, dout: number): Float64Array {
  const out = new Float64Array(rows * dout);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dout; j++) {
    let s = b[j];
    for (let i = 0; i < din; i++) s += x[r * din + i] * W[i * dout + j];
    out[r * dout + j] = s;
  }
  return out;
}
const ALPHA = 0.3;
function actTwin(kind: number, z: number): number {
  if (kind === 0) return Math.max(z, 0);
  if (kind === 1) return z > 0 ? z : Math.expm1(z);
  if (kind === 2) return Math.tanh(z);
  return Math.tanh(z) + ALPHA * z;
}
const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe("f64 dense layer (B-NAF)", () => {
  it("forward and backward match the twins at every kernel size (rows and output width)", async () => {
    await withKernels((s) => {
      const r = lcg(1);
      for (const n of KERNEL_SIZES) {
        const rows = n, din = 3, dout = Math.max(n, 1);
        const W = fill(din * dout, r), b = fill(dout, r), x = fill(rows * din, r), d = fill(rows * dout, r);
        const pW = s.writeF64(W), pb = s.writeF64(b), px = s.writeF64(x), pd = s.writeF64(d);
        const out = s.allocF64(rows * dout + 1), gW = s.allocF64(din * dout), gb = s.allocF64(dout), dx = s.allocF64(rows * din + 1);
        s.k.dense_forward(pW, pb, px, out, rows, din, dout);
        const want = denseTwin(W, b, x, rows, din, dout);
        const got = s.readF64(out, rows * dout);
        for (let i = 0; i < want.length; i++) close(got[i], want[i], 1e-14);
        s.k.dense_backward(pW, px, pd, gW, gb, dx, rows, din, dout);
        const GW = s.readF64(gW, din * dout), Gb = s.readF64(gb, dout), DX = s.readF64(dx, rows * din);
        for (let i = 0; i < din; i++) for (let j = 0; j < dout; j++) {
          let t = 0;
          for (let q = 0; q < rows; q++) t += x[q * din + i] * d[q * dout + j];
          close(GW[i * dout + j], t, 1e-14);
        }
        for (let j = 0; j < dout; j++) {
          let t = 0;
          for (let q = 0; q < rows; q++) t += d[q * dout + j];
          close(Gb[j], t, 1e-14);
        }
        for (let q = 0; q < rows; q++) for (let i = 0; i < din; i++) {
          let t = 0;
          for (let j = 0; j < dout; j++) t += d[q * dout + j] * W[i * dout + j];
          close(DX[q * din + i], t, 1e-14);
        }
      }
    });
  });
});

const u = 2 ** -24; // unit roundoff of f32
const f = Math.fround;

/** f32 twin of dense32_forward: out = epi(b + Σ_i x W), rounded after every operation. */
function dense32Twin(W: Float32Array, b: Float32Array | null, x: Float32Array, rows: number, din: number, dout: number, mode: number, mask: Float32Array | null): Float32Array {
  const out = new Float32Array(rows * dout);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dout; j++) {
    let s = b ? b[j] : 0;
    for (let i = 0; i < din; i++) s = f(s + f(x[r * din + i] * W[i * dout + j]));
    if (mode === 1) s = s > 0 ? s : 0;
    if (mode === 2) s = mask![r * dout + j] > 0 ? s : 0;
    out[r * dout + j] = s;
  }
  return out;
}
const f32 = (n: number, r: () => number, scale = 1) => Float32Array.from({ length: n }, () => scale * r());
const same = (got: Float32Array, want: Float32Array) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) expect([i, got[i]]).toEqual([i, want[i]]);
};

describe("f32 dense layer (MLP engine)", () => {
  it("forward (plain, fused ReLU, ReLU mask), weight gradient and transpose equal their f32 twins bit for bit at every kernel size", async () => {
    await withKernels((s) => {
      const r = lcg(11);
      for (const n of KERNEL_SIZES) for (const din of [1, 2, 3, 5, 9, 37]) {
        const rows = n, dout = Math.max(n, 1);
        const W = f32(din * dout, r), b = f32(dout, r), x = f32(rows * din, r), mask = f32(rows * dout, r);
        const pW = s.writeF32(W), pb = s.writeF32(b), px = s.writeF32(x), pm = s.writeF32(mask);
        const out = s.alloc(4 * rows * dout + 4);
        for (const mode of [0, 1, 2]) {
          for (const withBias of [true, false]) {
            s.k.dense32_forward(pW, withBias ? pb : 0, px, out, rows, din, dout, mode, mode === 2 ? pm : 0);
            same(s.readF32(out, rows * dout), dense32Twin(W, withBias ? b : null, x, rows, din, dout, mode, mask));
          }
        }
        // gW = xᵀ delta and gb = Σ_r delta, summed over the rows in order
        const d = f32(rows * dout, r), pd = s.writeF32(d);
        const gW = s.alloc(4 * din * dout), gb = s.alloc(4 * dout);
        s.k.dense32_weight_grad(px, pd, gW, gb, rows, din, dout);
        const wantW = new Float32Array(din * dout), wantB = new Float32Array(dout);
        for (let j = 0; j < dout; j++) {
          let t = 0;
          for (let q = 0; q < rows; q++) t = f(t + d[q * dout + j]);
          wantB[j] = t;
          for (let i = 0; i < din; i++) {
            let g = 0;
            for (let q = 0; q < rows; q++) g = f(g + f(x[q * din + i] * d[q * dout + j]));
            wantW[i * dout + j] = g;
          }
        }
        same(s.readF32(gW, din * dout), wantW);
        same(s.readF32(gb, dout), wantB);
        const WT = s.alloc(4 * din * dout);
        s.k.dense32_transpose(pW, WT, din, dout);
        const got = s.readF32(WT, din * dout);
        for (let i = 0; i < din; i++) for (let j = 0; j < dout; j++) expect(got[j * din + i]).toBe(W[i * dout + j]);
      }
    });
  });
});

/** f32 twins of the sparse kernels: the dense twins with the terms of zero inputs (±0) left out. */
function sparse32Twin(W: Float32Array, b: Float32Array | null, x: Float32Array, rows: number, din: number, dout: number, mode: number, mask: Float32Array | null): Float32Array {
  const out = new Float32Array(rows * dout);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dout; j++) {
    let s = b ? b[j] : 0;
    for (let i = 0; i < din; i++) if (x[r * din + i] !== 0) s = f(s + f(x[r * din + i] * W[i * dout + j]));
    if (mode === 1) s = s > 0 ? s : 0;
    if (mode === 2) s = mask![r * dout + j] > 0 ? s : 0;
    out[r * dout + j] = s;
  }
  return out;
}
function sparseGradTwin(x: Float32Array, d: Float32Array, rows: number, din: number, dout: number): { gW: Float32Array; gb: Float32Array } {
  const gW = new Float32Array(din * dout), gb = new Float32Array(dout);
  for (let j = 0; j < dout; j++) {
    let t = 0;
    for (let q = 0; q < rows; q++) t = f(t + d[q * dout + j]);
    gb[j] = t;
    for (let i = 0; i < din; i++) {
      let g = 0;
      for (let q = 0; q < rows; q++) if (x[q * din + i] !== 0) g = f(g + f(x[q * din + i] * d[q * dout + j]));
      gW[i * dout + j] = g;
    }
  }
  return { gW, gb };
}

describe("f32 products that skip zero inputs (ReLU layers)", () => {
  it("forward (plain, fused ReLU, ReLU mask) and weight gradient equal their f32 twins bit for bit at every kernel size", async () => {
    await withKernels((s) => {
      const r = lcg(12);
      // half the inputs zero (some −0), as behind a ReLU; a NaN input is a term like any other
      const sparse = (n: number) => Float32Array.from({ length: n }, (_, i) => {
        const v = r();
        return i % 11 === 10 ? -0 : v < 0 ? 0 : v;
      });
      const shapes: [number, number, number][] = [];
      for (const n of KERNEL_SIZES) for (const din of [1, 3, 5, 9]) shapes.push([n, din, Math.max(n, 1)]);
      // the unit blocks: fives (20, 100), sixes (24, 48), sixes with twos, ones and single units (30, 31)
      for (const dout of [20, 24, 30, 31, 48, 100]) shapes.push([7, 13, dout], [64, 100, dout]);
      for (const [rows, din, dout] of shapes) {
        const W = f32(din * dout, r), b = f32(dout, r), x = sparse(rows * din), mask = f32(rows * dout, r);
        if (rows * din > 6) x[5] = NaN;
        const pW = s.writeF32(W), pb = s.writeF32(b), px = s.writeF32(x), pm = s.writeF32(mask);
        const scratch = s.alloc(Math.max(s.k.nn_sparse_scratch_bytes(rows, din), s.k.nn_sparse_scratch_bytes(din, rows)));
        const out = s.alloc(4 * rows * dout + 4);
        for (const mode of [0, 1, 2]) {
          for (const withBias of [true, false]) {
            s.k.dense32_forward_sparse(pW, withBias ? pb : 0, px, out, rows, din, dout, mode, mode === 2 ? pm : 0, scratch);
            same(s.readF32(out, rows * dout), sparse32Twin(W, withBias ? b : null, x, rows, din, dout, mode, mask));
          }
        }
        const d = f32(rows * dout, r), pd = s.writeF32(d);
        const gW = s.alloc(4 * din * dout), gb = s.alloc(4 * dout);
        s.k.dense32_weight_grad_sparse(px, pd, gW, gb, rows, din, dout, scratch);
        const want = sparseGradTwin(x, d, rows, din, dout);
        same(s.readF32(gW, din * dout), want.gW);
        same(s.readF32(gb, dout), want.gb);
      }
    });
  });
});

describe("activations (f32 values)", () => {
  for (const [name, kind] of Object.entries(Activation)) {
    it(`${name}: forward matches its twin and backward matches central differences`, async () => {
      await withKernels((s) => {
        for (const n of KERNEL_SIZES) {
          // keep away from ReLU/ELU's kink at 0 where the central difference is not the derivative
          const z = Float32Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1) * (0.05 + 0.37 * i) % 3.7 || 0.3);
          const pz = s.writeF32(z), pa = s.alloc(4 * n + 4), pd = s.writeF32(new Float32Array(n).fill(1)), pg = s.alloc(4 * n + 4);
          s.k.act_forward(kind, ALPHA, pz, pa, n);
          s.k.act_backward(kind, ALPHA, pz, pa, pd, pg, n);
          const a = s.readF32(pa, n), g = s.readF32(pg, n);
          const h = 1e-6;
          for (let i = 0; i < n; i++) {
            // tanh and tanh-linear are evaluated in f64 (the host's tanh may differ from the
            // kernel's in the last f64 bits) and rounded once to f32: within u·|a|, allowance 2u.
            // ELU is evaluated in f32: ≤ 3u (see the ELU test below).
            close(a[i], actTwin(kind, z[i]), (kind === 1 ? 3 : 2) * u);
            // The slope is computed from the activation a (relative error ≤ 3u for ELU, u
            // otherwise; |a| ≤ 1 for tanh and ELU's negative side, |a − αz| ≤ 1 for tanh-linear),
            // so 1 − a², a + 1 or 1 − t² + α errs by ≤ 4u (ELU: 3u + the rounding of a + 1), and
            // the product is rounded once more (u). The f64 central difference with h = 1e-6 errs
            // by O(h²) ≈ 1e-12. Allowance: 5u.
            close(g[i], (actTwin(kind, z[i] + h) - actTwin(kind, z[i] - h)) / (2 * h), 5 * u);
          }
        }
      });
    });
  }
});

describe("ELU in f32", () => {
  it("is within 3 f32 roundings of e^z − 1 from −40 to 2, at 0, ±tiny and below the clamp", async () => {
    await withKernels((s) => {
      // Error budget (u = 2^-24): the reduction r = z − k ln 2 is exact to ≈ u|r| (Cody–Waite);
      // Horner's seven roundings on geometrically shrinking terms (|r| ≤ 0.347) give ≤ 1.5u
      // relative on expm1(r); scaling by 2^k is exact; the final 2^k·expm1(r) + (2^k − 1) rounds
      // once, and for k < 0 the result (≥ 0.29 in magnitude) exceeds the rounded terms, so the
      // total stays ≤ 3u relative. The polynomial's truncation (≈ 5e-9 relative) is below u/10.
      const n = 100003;
      const z = Float32Array.from({ length: n }, (_, i) => -40 + (42 * i) / (n - 1));
      z.set([-0, 0, -1e-30, 1e-30, -1e-7, -0.34657359, -0.3466, -30, -88, -1e10, 1e10], 0);
      const pz = s.writeF32(z), pa = s.alloc(4 * n);
      s.k.act_forward(1, 0, pz, pa, n);
      const a = s.readF32(pa, n);
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const want = z[i] > 0 ? z[i] : Math.expm1(z[i]);
        const e = want === 0 ? Math.abs(a[i]) : Math.abs(a[i] - want) / Math.abs(want);
        worst = Math.max(worst, e);
      }
      expect(worst).toBeLessThanOrEqual(3 * u);
      // the scalar tail (n mod 4 values) gives the same bits as the vector path
      const four = s.writeF32([-0.7, -3.1, 0.5, -20]), o4 = s.alloc(16), o3 = s.alloc(16);
      s.k.act_forward(1, 0, four, o4, 4);
      s.k.act_forward(1, 0, four, o3, 3);
      same(s.readF32(o3, 3), s.readF32(o4, 3));
    });
  });
});

/** f64 forward twin of the whole network (no rounding) on the given (f32-valued) parameters. */
function networkTwin(params: ArrayLike<number>, dims: number[], activation: number, x: ArrayLike<number>, rows: number): Float64Array {
  const L = dims.length - 1;
  const out = new Float64Array(rows * dims[L]);
  for (let q = 0; q < rows; q++) {
    let a = Array.from({ length: dims[0] }, (_, i) => x[q * dims[0] + i]);
    let p = 0;
    for (let l = 0; l < L; l++) {
      const din = dims[l], dout = dims[l + 1];
      const next: number[] = [];
      for (let j = 0; j < dout; j++) {
        let t = params[p + din * dout + j];
        for (let i = 0; i < din; i++) t += a[i] * params[p + i * dout + j];
        next.push(l + 1 < L ? actTwin(activation, t) : t);
      }
      p += (din + 1) * dout;
      a = next;
    }
    for (let j = 0; j < dims[L]; j++) out[q * dims[L] + j] = a[j];
  }
  return out;
}

/** loss = Σ_r c_r · T(x_r) for a network of the given shape. Checks the f32 engine's output and
 *  every parameter and input gradient against the f64 twin and its central differences, on the
 *  same f32-valued parameters, inputs and coefficients. Returns the largest relative error. */
async function networkGradientCheck(activation: ActivationName, dims: number[], rows: number): Promise<number> {
  let worst = 0;
  await withKernels((s: Scope) => {
    const r = lcg(dims.length * 7 + Activation[activation]);
    const net = allocNetwork(s, { dims, activation, alpha: ALPHA, rows });
    const P = net.size;
    s.k.nn_init(net.spec, net.net, s.rng(3, "network"), 0, 0);
    const params = Float64Array.from(s.readF32(net.net, P));
    const x = Float64Array.from(f32(rows * dims[0], r, 2));
    const dOut = dims[dims.length - 1];
    const c = Float64Array.from(f32(rows * dOut, r));
    const kind = Activation[activation];
    const loss = (p: Float64Array, xin: Float64Array): number => {
      const out = networkTwin(p, dims, kind, xin, rows);
      let t = 0;
      for (let i = 0; i < rows * dOut; i++) t += c[i] * out[i];
      return t;
    };
    // Tolerance from f32's unit roundoff u = 2^-24. Every output and gradient is a sum of
    // products along paths through at most 3 layers; the longest chain of f32 roundings on a path
    // (sums over ≤ 10 units or ≤ 9 rows per layer, the activation and its slope, the products)
    // is under 32 operations, and the summed terms are O(1) (|W| ≤ 1/√fan_in, |x| ≤ 1, |c| ≤ ½,
    // slopes ≤ 1 + α), so the f32 result is within 32u·Σ|terms| ≤ 64u·max(1, |g|) of the exact
    // value. The f64 central difference with h = 1e-6 is exact to ≈ 1e-10 (O(h²) truncation,
    // 1e-16/h cancellation).
    const tol = 64 * u;
    const check = (got: number, want: number) => {
      worst = Math.max(worst, Math.abs(got - want) / Math.max(1, Math.abs(want)));
      close(got, want, tol);
    };
    s.f64(net.work, rows * dims[0]).set(x);
    s.k.nn_forward(net.spec, net.net, net.work, rows);
    const T = s.readF64(s.k.nn_output_ptr(net.spec, net.work), rows * dOut);
    const T64 = networkTwin(params, dims, kind, x, rows);
    for (let i = 0; i < T.length; i++) check(T[i], T64[i]);
    s.f64(s.k.nn_dout_ptr(net.spec, net.work), rows * dOut).set(c);
    s.k.nn_backward(net.spec, net.net, net.net + 4 * P, net.work, rows, s.k.nn_dout_ptr(net.spec, net.work), 1);
    const grads = s.readF32(net.net + 4 * P, P);
    const gx = s.readF64(s.k.nn_input_grad_ptr(net.spec, net.work), rows * dims[0]);
    const h = 1e-6;
    for (let k = 0; k < P; k++) {
      const pp = params.slice(); pp[k] += h;
      const pm = params.slice(); pm[k] -= h;
      check(grads[k], (loss(pp, x) - loss(pm, x)) / (2 * h));
    }
    for (let k = 0; k < x.length; k++) {
      const xp = x.slice(); xp[k] += h;
      const xm = x.slice(); xm[k] -= h;
      check(gx[k], (loss(params, xp) - loss(params, xm)) / (2 * h));
    }
  });
  return worst;
}

describe("whole-network forward and backward (f32 engine) against the f64 twin and central differences", () => {
  for (const act of Object.keys(Activation) as ActivationName[]) {
    it(`${act}: 3 → 5 → 4 → 1, 2 → 3 → 2 (two outputs), 6 → 9 → 10 → 1 (SIMD blocks and tails)`, async () => {
      await networkGradientCheck(act, [3, 5, 4, 1], 5);
      await networkGradientCheck(act, [2, 3, 2], 3);
      await networkGradientCheck(act, [6, 9, 10, 1], 9);
    });
  }
});

describe("ReLU networks wide enough for the sparse products", () => {
  it("nn_forward and nn_backward give the same bits as the dense kernels composed by hand (3 → 41 → 40 → 1)", async () => {
    // Skipping a zero term changes a sum only when the sum is −0; here every sum starts from a
    // nonzero bias or from +0 and the ReLU outputs and masked deltas are +0, so the sparse path
    // and the dense kernels must agree exactly.
    await withKernels((s) => {
      const dims = [3, 41, 40, 1], rows = 9;
      const net = allocNetwork(s, { dims, activation: "relu", rows });
      const P = net.size;
      s.k.nn_init(net.spec, net.net, s.rng(5, "network"), 0, 0);
      const r = lcg(21);
      const x = Float64Array.from(f32(rows * 3, r, 2)), c = Float64Array.from(f32(rows, r));
      s.f64(net.work, rows * 3).set(x);
      s.k.nn_forward(net.spec, net.net, net.work, rows);
      const out = s.readF64(s.k.nn_output_ptr(net.spec, net.work), rows);
      s.f64(s.k.nn_dout_ptr(net.spec, net.work), rows).set(c);
      s.k.nn_backward(net.spec, net.net, net.net + 4 * P, net.work, rows, s.k.nn_dout_ptr(net.spec, net.work), 0);
      const grads = s.readF32(net.net + 4 * P, P);
      // the same passes from the dense kernels; parameters W1 b1 W2 b2 W3 b3 in the block
      const at: number[] = [];
      let p = net.net;
      for (let l = 0; l < 3; l++) { at.push(p, p + 4 * dims[l] * dims[l + 1]); p += 4 * (dims[l] + 1) * dims[l + 1]; }
      const gAt = at.map((q) => q + 4 * P);
      const x32 = s.writeF32(x), A1 = s.alloc(4 * rows * 41), A2 = s.alloc(4 * rows * 40), T = s.alloc(4 * rows);
      s.k.dense32_forward(at[0], at[1], x32, A1, rows, 3, 41, 1, 0);
      s.k.dense32_forward(at[2], at[3], A1, A2, rows, 41, 40, 1, 0);
      s.k.dense32_forward(at[4], at[5], A2, T, rows, 40, 1, 0, 0);
      expect(Array.from(out)).toEqual(Array.from(s.readF32(T, rows)));
      const d3 = s.writeF32(c), d2 = s.alloc(4 * rows * 40), d1 = s.alloc(4 * rows * 41), WT = s.alloc(4 * 41 * 40);
      const gW = s.alloc(4 * P);
      const g = (k: number) => gW + (gAt[k] - gAt[0]);
      s.k.dense32_weight_grad(A2, d3, g(4), g(5), rows, 40, 1);
      s.k.dense32_transpose(at[4], WT, 40, 1);
      s.k.dense32_forward(WT, 0, d3, d2, rows, 1, 40, 2, A2);
      s.k.dense32_weight_grad(A1, d2, g(2), g(3), rows, 41, 40);
      s.k.dense32_transpose(at[2], WT, 41, 40);
      s.k.dense32_forward(WT, 0, d2, d1, rows, 40, 41, 2, A1);
      s.k.dense32_weight_grad(x32, d1, g(0), g(1), rows, 3, 41);
      same(grads, s.readF32(gW, P));
    });
  });
});

describe("Adam", () => {
  it("f32 (MLP engine): equals an f32 step computed by hand at every kernel size", async () => {
    await withKernels((s) => {
      const r = lcg(9);
      for (const n of KERNEL_SIZES) {
        const p = f32(n, r), g = f32(n, r), m = f32(n, r, 0.1), v = f32(n, r, 0.1).map(Math.abs);
        const pp = s.writeF32(p), pg = s.writeF32(g), pm = s.writeF32(m), pv = s.writeF32(v);
        const lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, t = 3;
        s.k.nn_adam32(pp, pg, pm, pv, n, lr, b1, b2, eps, t);
        const P = s.readF32(pp, n), M = s.readF32(pm, n), V = s.readF32(pv, n);
        const lc1 = f(lr / (1 - b1 ** t)), c2 = f(1 / (1 - b2 ** t));
        for (let i = 0; i < n; i++) {
          const mm = f(f(f(b1) * m[i]) + f(f(1 - b1) * g[i]));
          const vv = f(f(f(b2) * v[i]) + f(f(1 - b2) * f(g[i] * g[i])));
          const step = f(f(lc1 * mm) / f(f(Math.sqrt(f(vv * c2))) + f(eps)));
          expect(M[i]).toBe(mm);
          expect(V[i]).toBe(vv);
          // lc1 and c2 use the kernel's pow; the host's ** may differ in the last f64 bit, which
          // can move a rounded f32 constant by one ulp: allow a few f32 roundings.
          close(P[i], f(p[i] - step), 4 * u);
        }
      }
    });
  });

  it("f64 (B-NAF): matches a step computed by hand, at every kernel size", async () => {

    await withKernels((s) => {
      const r = lcg(9);
      for (const n of KERNEL_SIZES) {
        const p = fill(n, r), g = fill(n, r), m = fill(n, r, 0.1), v = fill(n, r, 0.1).map(Math.abs);
        const pp = s.writeF64(p), pg = s.writeF64(g), pm = s.writeF64(m), pv = s.writeF64(v);
        const lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, t = 3;
        s.k.nn_adam(pp, pg, pm, pv, n, lr, b1, b2, eps, t);
        const P = s.readF64(pp, n), M = s.readF64(pm, n), V = s.readF64(pv, n);
        for (let i = 0; i < n; i++) {
          const mm = b1 * m[i] + (1 - b1) * g[i];
          const vv = b2 * v[i] + (1 - b2) * g[i] * g[i];
          const step = (lr * (mm / (1 - b1 ** t))) / (Math.sqrt(vv / (1 - b2 ** t)) + eps);
          close(M[i], mm, 1e-15);
          close(V[i], vv, 1e-15);
          close(P[i], p[i] - step, 1e-13);
        }
      }
    });
  });

  it("first step from zero moments moves each parameter by lr against the gradient's sign", async () => {
    await withKernels((s) => {
      const pp = s.writeF64([1, 2, 3]), pg = s.writeF64([0.5, -2, 1e-3]), pm = s.writeF64([0, 0, 0]), pv = s.writeF64([0, 0, 0]);
      s.k.nn_adam(pp, pg, pm, pv, 3, 0.1, 0.9, 0.999, 1e-12, 1);
      const P = s.readF64(pp, 3);
      close(P[0], 0.9, 1e-9); close(P[1], 2.1, 1e-9); close(P[2], 2.9, 1e-8);
    });
  });
});


describe("losses", () => {
  const h = 1e-6;
  it("MINE dv-biased and nwj gradients match central differences of the bound; dv uses the moving average", async () => {
    await withKernels((s) => {
      const B = 5;
      const r = lcg(4);
      const T = fill(2 * B, r, 4);
      T[B + 2] = 800; // large values must not overflow (log-sum-exp)
      for (const objective of [1, 2]) {
        if (objective === 2) T[B + 2] = 3;
        const pt = s.writeF64(T), pg = s.allocF64(2 * B), st = s.writeF64([0, 0, 0, 0]);
        const bound = s.k.mine_loss(pt, pg, B, objective, 0.01, st);
        expect(Number.isFinite(bound)).toBe(true);
        const g = s.readF64(pg, 2 * B);
        const f = (t: Float64Array) => { const q = s.writeF64(t); return s.k.mine_loss(q, pg, B, objective, 0.01, st); };
        for (let k = 0; k < 2 * B; k++) {
          const tp = T.slice(); tp[k] += h;
          const tm = T.slice(); tm[k] -= h;
          close(g[k], -(f(tp) - f(tm)) / (2 * h), 1e-7);
        }
      }
      // "dv": first batch sets the average to mean e^T, then ema ← (1 − r)·ema + r·mean e^T
      const T1 = fill(2 * B, r), T2 = fill(2 * B, r);
      const st = s.writeF64([0, 0, 0, 0]);
      const pg = s.allocF64(2 * B);
      s.k.mine_loss(s.writeF64(T1), pg, B, 0, 0.1, st);
      const mean = (t: Float64Array) => t.slice(B).reduce((a, v) => a + Math.exp(v), 0) / B;
      const ema = 0.9 * mean(T1) + 0.1 * mean(T2);
      s.k.mine_loss(s.writeF64(T2), pg, B, 0, 0.1, st);
      const g = s.readF64(pg, 2 * B);
      for (let k = 0; k < B; k++) {
        close(g[k], -1 / B, 1e-15);
        close(g[B + k], Math.exp(T2[B + k]) / (B * ema), 1e-12);
      }
    });
  });

  it("the reference-distribution DV loss (MI-NEE) gradient matches central differences", async () => {
    await withKernels((s) => {
      const B = 3, R = 7;
      const f0 = fill(B + R, lcg(5), 3);
      const pg = s.allocF64(B + R);
      const f = (t: Float64Array) => s.k.dv_ref_loss(s.writeF64(t), pg, B, R);
      f(f0);
      const g = s.readF64(pg, B + R);
      for (let k = 0; k < B + R; k++) {
        const tp = f0.slice(); tp[k] += h;
        const tm = f0.slice(); tm[k] -= h;
        close(g[k], -(f(tp) - f(tm)) / (2 * h), 1e-7);
      }
    });
  });
});
