import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels, type Scope } from "../helpers/kernels.js";
import { allocNetwork, Activation, type ActivationName } from "../../src/estimators/neural/network.js";

// Plain TypeScript twins of the engine's layers, and central finite differences for every
// backward pass. Inputs come from a small LCG so the tests need no WASM randomness.
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

describe("dense layer", () => {
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

describe("activations", () => {
  for (const [name, kind] of Object.entries(Activation)) {
    it(`${name}: forward matches its twin and backward matches central differences`, async () => {
      await withKernels((s) => {
        for (const n of KERNEL_SIZES) {
          // keep away from ReLU/ELU's kink at 0 where the central difference is not the derivative
          const z = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1) * (0.05 + 0.37 * i) % 3.7 || 0.3);
          const pz = s.writeF64(z), pa = s.allocF64(n + 1), pd = s.writeF64(new Float64Array(n).fill(1)), pg = s.allocF64(n + 1);
          s.k.act_forward(kind, ALPHA, pz, pa, n);
          s.k.act_backward(kind, ALPHA, pz, pa, pd, pg, n);
          const a = s.readF64(pa, n), g = s.readF64(pg, n);
          const h = 1e-6;
          for (let i = 0; i < n; i++) {
            close(a[i], actTwin(kind, z[i]), 1e-15);
            close(g[i], (actTwin(kind, z[i] + h) - actTwin(kind, z[i] - h)) / (2 * h), 1e-8);
          }
        }
      });
    });
  }
});

/** loss = Σ_r c_r · T(x_r) for a network of the given shape; checks every parameter gradient and
 *  the input gradient against central differences. */
async function networkGradientCheck(activation: ActivationName, dims: number[], rows: number): Promise<void> {
  await withKernels((s: Scope) => {
    const r = lcg(dims.length * 7 + Activation[activation]);
    const net = allocNetwork(s, { dims, activation, alpha: ALPHA, rows });
    const P = net.size;
    s.k.nn_init(net.spec, net.net, s.rng(3, "network"), 0, 0);
    const params = s.readF64(net.net, P);
    const x = fill(rows * dims[0], r, 2);
    const dOut = dims[dims.length - 1];
    const c = fill(rows * dOut, r);
    const pc = s.writeF64(c);
    const loss = (p: Float64Array, xin: Float64Array): number => {
      s.f64(net.net, P).set(p);
      s.f64(net.work, rows * dims[0]).set(xin);
      s.k.nn_forward(net.spec, net.net, net.work, rows);
      const out = s.f64(s.k.nn_output_ptr(net.spec, net.work), rows * dOut);
      let t = 0;
      for (let i = 0; i < rows * dOut; i++) t += c[i] * out[i];
      return t;
    };
    loss(params, x);
    s.k.nn_backward(net.spec, net.net, net.net + 8 * P, net.work, rows, pc, 1);
    const grads = s.readF64(net.net + 8 * P, P);
    const gx = s.readF64(s.k.nn_input_grad_ptr(net.spec, net.work), rows * dims[0]);
    const h = 1e-6;
    for (let k = 0; k < P; k++) {
      const pp = params.slice(); pp[k] += h;
      const pm = params.slice(); pm[k] -= h;
      close(grads[k], (loss(pp, x) - loss(pm, x)) / (2 * h), 2e-7);
    }
    for (let k = 0; k < x.length; k++) {
      const xp = x.slice(); xp[k] += h;
      const xm = x.slice(); xm[k] -= h;
      close(gx[k], (loss(params, xp) - loss(params, xm)) / (2 * h), 2e-7);
    }
  });
}

describe("whole-network backward pass against central differences", () => {
  for (const act of Object.keys(Activation) as ActivationName[]) {
    it(`${act}: 3 → 5 → 4 → 1, and 2 → 3 → 2 (two outputs)`, async () => {
      await networkGradientCheck(act, [3, 5, 4, 1], 5);
      await networkGradientCheck(act, [2, 3, 2], 3);
    });
  }
});

describe("Adam", () => {
  it("matches a step computed by hand, at every kernel size", async () => {
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
