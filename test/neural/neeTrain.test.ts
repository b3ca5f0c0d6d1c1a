import { describe, expect, it } from "vitest";
import { KERNEL_SIZES, withKernels } from "../helpers/kernels.js";
import { allocNetwork } from "../../src/estimators/neural/network.js";

// A twin of nee_train: the same sequence of batch reshuffles, reference draws, forward pass, DV
// loss, backward pass and Adam step, driven from TypeScript through the individually tested
// kernels (rng_shuffle_i32, rng_fill_uniform, nn_forward, dv_ref_loss, nn_backward, nn_adam32; the
// network block holds f32 parameters, gradients and Adam moments) on
// identically keyed streams. Same bits are expected: the reference points lo + (hi − lo)·u use
// only IEEE-exact arithmetic.

describe("nee_train", () => {
  it("matches its twin step for step at every kernel size, and resumes where it stopped", async () => {
    await withKernels((s) => {
      const d = 2, refFactor = 3, lr = 0.01, steps = 5;
      const box = [-1, 0, 2, 3];
      const pbox = s.writeF64(box);
      for (const n of KERNEL_SIZES.filter((k) => k > 0)) {
        const B = Math.min(3, n), R = refFactor * B;
        const shape = { dims: [d, 5, 4, 1], activation: "elu" as const, rows: B + R };
        const a = allocNetwork(s, shape), t = allocNetwork(s, shape);
        s.k.nn_init(a.spec, a.net, s.rng(3, "network", n), 1, 0.3);
        s.k.nn_init(t.spec, t.net, s.rng(3, "network", n), 1, 0.3);
        const data = Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.3) + 0.5);
        const pdata = s.writeF64(data);
        const order = Int32Array.from({ length: n }, (_, i) => i);
        const idxA = s.writeI32(order), idxT = s.writeI32(order);
        const state = s.writeF64([0, n]);
        // Two calls (2 then 3 steps) on the kernel, one loop on the twin.
        const rbA = s.rng(5, "batches", n), rrA = s.rng(5, "reference", n);
        const m1 = s.k.nee_train(a.spec, a.net, a.work, pdata, n, d, idxA, pbox, 0, B, refFactor, lr, 2, rbA, rrA, state);
        const m2 = s.k.nee_train(a.spec, a.net, a.work, pdata, n, d, idxA, pbox, 0, B, refFactor, lr, steps - 2, rbA, rrA, state);
        const rbT = s.rng(5, "batches", n), rrT = s.rng(5, "reference", n);
        const u = s.allocF64(R * d);
        const P = t.size;
        const bounds: number[] = [];
        let pos = n;
        for (let step = 1; step <= steps; step++) {
          if (pos + B > n) { s.k.rng_shuffle_i32(rbT, idxT, n); pos = 0; }
          s.k.rng_fill_uniform(rrT, u, R * d);
          const idx = s.readI32(idxT, n), U = s.readF64(u, R * d);
          const inp = new Float64Array((B + R) * d);
          for (let r = 0; r < B; r++) for (let k = 0; k < d; k++) inp[r * d + k] = data[idx[pos + r] * d + k];
          for (let r = 0; r < R; r++) for (let k = 0; k < d; k++) inp[(B + r) * d + k] = box[k] + (box[d + k] - box[k]) * U[r * d + k];
          pos += B;
          s.f64(t.work, inp.length).set(inp);
          s.k.nn_forward(t.spec, t.net, t.work, B + R);
          const out = s.k.nn_output_ptr(t.spec, t.work), dOut = s.k.nn_dout_ptr(t.spec, t.work);
          bounds.push(s.k.dv_ref_loss(out, dOut, B, R));
          s.k.nn_backward(t.spec, t.net, t.net + 4 * P, t.work, B + R, dOut, 0);
          s.k.nn_adam32(t.net, t.net + 4 * P, t.net + 8 * P, t.net + 12 * P, P, lr, 0.9, 0.999, 1e-8, step);
        }
        expect(Array.from(s.readF32(a.net, 4 * P))).toEqual(Array.from(s.readF32(t.net, 4 * P)));
        expect(Array.from(s.readF64(state, 2))).toEqual([steps, pos]);
        expect(m1).toBe((bounds[0] + bounds[1]) / 2);
        expect(m2).toBe((bounds[2] + bounds[3] + bounds[4]) / 3);
      }
    });
  });
});
