import { rng_shuffle_i32 } from "../rng";
// MI-NEE (Chan et al., "Neural entropic estimation"): a network f maximises the
// Donsker–Varadhan bound E_data[f] − ln E_ref[e^f] of D(P_data ‖ R), R uniform on a box (the
// paper's) or a product of normals. MI-NEE combines three such divergences; with product
// references the reference terms cancel, so either kind gives I = D(XY) − D(X) − D(Y).

import { normal, uniform } from "../rng";

/** Reference kinds: the block `ref` holds 2d f64, (lo, hi) per column for REF_UNIFORM and
 *  (mean, sd) per column for REF_NORMAL. */
export const REF_UNIFORM: i32 = 0;
export const REF_NORMAL: i32 = 1;
import { netAdam, netGrads, nn_backward, nn_dout_ptr, nn_forward, nn_output_ptr, specCap } from "./mlp";

/** Write `count` reference points (see REF_UNIFORM, REF_NORMAL) at input row r0. */
// @ts-ignore: decorator
@inline function putReference(inp: usize, r0: i32, count: i32, d: i32, ref: usize, kind: i32, rng: usize): void {
  for (let r = 0; r < count; r++) {
    const o = inp + ((<usize>(r0 + r) * <usize>d) << 3);
    for (let k = 0; k < d; k++) {
      const a = load<f64>(ref + (<usize>k << 3));
      const b = load<f64>(ref + (<usize>(d + k) << 3));
      store<f64>(o + (<usize>k << 3), kind == REF_NORMAL ? a + b * normal(rng) : a + (b - a) * uniform(rng));
    }
  }
}

/** The loss −(mean f over the first B values − ln mean e^f over the next R) of one batch:
 *  writes its gradient to g and returns the bound. */
export function dv_ref_loss(f: usize, g: usize, B: i32, R: i32): f64 {
  let sumD = 0.0;
  for (let r = 0; r < B; r++) sumD += load<f64>(f + (<usize>r << 3));
  let mx = -Infinity;
  for (let r = 0; r < R; r++) {
    const t = load<f64>(f + (<usize>(B + r) << 3));
    if (t > mx) mx = t;
  }
  let se = 0.0;
  for (let r = 0; r < R; r++) se += Math.exp(load<f64>(f + (<usize>(B + r) << 3)) - mx);
  for (let r = 0; r < B; r++) store<f64>(g + (<usize>r << 3), -1.0 / <f64>B);
  for (let r = 0; r < R; r++) store<f64>(g + (<usize>(B + r) << 3), Math.exp(load<f64>(f + (<usize>(B + r) << 3)) - mx) / se);
  return sumD / <f64>B - (mx + Math.log(se) - Math.log(<f64>R));
}

/** `steps` Adam steps on −bound, each on a batch of `batch` data rows (d columns) and
 *  refFactor·batch fresh reference points (kind refKind, parameters ref) from rngRef. The batches walk through idx
 *  (a permutation of the n rows), which is reshuffled with rngBatch whenever fewer than `batch`
 *  rows remain, so every batch has the same size and each row is used once per pass.
 *  state[0] is the Adam step count, state[1] the position in idx (set it to n before the first
 *  call so that the first batch starts on a fresh shuffle). Needs batch ≤ n and
 *  specCap ≥ (1 + refFactor)·batch. Returns the mean training bound over the steps. */
export function nee_train(spec: usize, net: usize, work: usize, data: usize, n: i32, d: i32, idx: usize,
  ref: usize, refKind: i32, batch: i32, refFactor: i32, lr: f64, steps: i32, rngBatch: usize, rngRef: usize, state: usize): f64 {
  const out = nn_output_ptr(spec, work);
  const dOut = nn_dout_ptr(spec, work);
  const grads = netGrads(spec, net);
  const B = batch;
  const R = refFactor * B;
  let pos = <i32>load<f64>(state, 8);
  let total = 0.0;
  for (let t = 0; t < steps; t++) {
    if (pos + B > n) {
      rng_shuffle_i32(rngBatch, idx, n);
      pos = 0;
    }
    for (let r = 0; r < B; r++) {
      const i = load<i32>(idx + (<usize>(pos + r) << 2));
      memory.copy(work + ((<usize>r * <usize>d) << 3), data + ((<usize>i * <usize>d) << 3), <usize>d << 3);
    }
    pos += B;
    putReference(work, B, R, d, ref, refKind, rngRef);
    nn_forward(spec, net, work, B + R);
    total += dv_ref_loss(out, dOut, B, R);
    nn_backward(spec, net, grads, work, B + R, dOut, 0);
    const step = load<f64>(state) + 1.0;
    store<f64>(state, step);
    netAdam(spec, net, lr, step);
  }
  store<f64>(state, <f64>pos, 8);
  return steps > 0 ? total / <f64>steps : 0.0;
}

/** mean f over the n data rows minus ln mean e^f over nRef reference points. */
export function nee_eval(spec: usize, net: usize, work: usize, data: usize, n: i32, d: i32, ref: usize, refKind: i32, nRef: i32, rng: usize): f64 {
  const cap = specCap(spec);
  const out = nn_output_ptr(spec, work);
  let sumD = 0.0;
  for (let s = 0; s < n; s += cap) {
    const B = n - s < cap ? n - s : cap;
    memory.copy(work, data + ((<usize>s * <usize>d) << 3), (<usize>B * <usize>d) << 3);
    nn_forward(spec, net, work, B);
    for (let r = 0; r < B; r++) sumD += load<f64>(out + (<usize>r << 3));
  }
  let mx = -Infinity;
  let se = 0.0;
  for (let s = 0; s < nRef; s += cap) {
    const B = nRef - s < cap ? nRef - s : cap;
    putReference(work, 0, B, d, ref, refKind, rng);
    nn_forward(spec, net, work, B);
    for (let r = 0; r < B; r++) {
      const t = load<f64>(out + (<usize>r << 3));
      if (t > mx) { se = se * Math.exp(mx - t) + 1.0; mx = t; }
      else se += Math.exp(t - mx);
    }
  }
  return sumD / <f64>n - (mx + Math.log(se) - Math.log(<f64>nRef));
}
