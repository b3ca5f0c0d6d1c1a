import { rng_shuffle_i32 } from "../rng";
// MINE (Belghazi et al. 2018): training epochs and held-out evaluation of the statistics
// network T(x, y) on the concatenation [x, y]. Marginal samples pair each x with a y shuffled
// within the batch. ln E[e^T] is always computed by log-sum-exp.

import { uintBelow } from "../rng";
import { netAdam, netGrads, nn_dout_ptr, nn_forward, nn_output_ptr, specCap } from "./mlp";
import { nn_backward } from "./mlp";

export const OBJ_DV: i32 = 0;
export const OBJ_DV_BIASED: i32 = 1;
export const OBJ_NWJ: i32 = 2;

/** Fisher–Yates shuffle of n i32 values. */

/** Write row [x[xi], y[yi]] at input row r. */
// @ts-ignore: decorator
@inline function putPair(inp: usize, r: i32, x: usize, y: usize, dx: i32, dy: i32, xi: i32, yi: i32): void {
  // element copies: a memory.copy of a few bytes costs more than the copy
  const d = dx + dy;
  const o = inp + ((<usize>r * <usize>d) << 3);
  const xs = x + ((<usize>xi * <usize>dx) << 3), ys = y + ((<usize>yi * <usize>dy) << 3);
  for (let k = 0; k < dx; k++) store<f64>(o + (<usize>k << 3), load<f64>(xs + (<usize>k << 3)));
  const oy = o + (<usize>dx << 3);
  for (let k = 0; k < dy; k++) store<f64>(oy + (<usize>k << 3), load<f64>(ys + (<usize>k << 3)));
}

// @ts-ignore: decorator
@inline function logAddExp(a: f64, b: f64): f64 {
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** The MINE loss on one batch: T holds B joint values then B marginal values. Writes
 *  dLoss/dT (loss = −bound) to g and returns the bound. For "dv" the marginal part of the
 *  gradient uses the moving average of E[e^T] kept in log space in state[1] (state[2] = 1 once
 *  set), updated with this batch first (Belghazi et al. 2018, section 3.2). */
export function mine_loss(T: usize, g: usize, B: i32, objective: i32, emaRate: f64, state: usize): f64 {
  const fB = <f64>B;
  let sumJ = 0.0;
  let mx = -Infinity;
  for (let r = 0; r < B; r++) {
    sumJ += load<f64>(T + (<usize>r << 3));
    const t = load<f64>(T + (<usize>(B + r) << 3));
    if (t > mx) mx = t;
  }
  let se = 0.0;
  let sn = 0.0;
  for (let r = 0; r < B; r++) {
    const t = load<f64>(T + (<usize>(B + r) << 3));
    se += Math.exp(t - mx);
    if (objective == OBJ_NWJ) sn += Math.exp(t - 1.0);
  }
  const lme = mx + Math.log(se) - Math.log(fB); // ln mean e^T over the marginal rows
  const bound = objective == OBJ_NWJ ? sumJ / fB - sn / fB : sumJ / fB - lme;
  let logEma = lme;
  if (objective == OBJ_DV) {
    if (load<f64>(state, 16) != 0.0) {
      logEma = logAddExp(Math.log(1.0 - emaRate) + load<f64>(state, 8), Math.log(emaRate) + lme);
    }
    store<f64>(state, logEma, 8);
    store<f64>(state, 1.0, 16);
  }
  for (let r = 0; r < B; r++) {
    store<f64>(g + (<usize>r << 3), -1.0 / fB);
    const t = load<f64>(T + (<usize>(B + r) << 3));
    let d: f64;
    if (objective == OBJ_NWJ) d = Math.exp(t - 1.0) / fB;
    else if (objective == OBJ_DV_BIASED) d = Math.exp(t - mx) / se;
    else d = Math.exp(t - Math.log(fB) - logEma);
    store<f64>(g + (<usize>(B + r) << 3), d);
  }
  return bound;
}

/** One training epoch: idx (n i32, any order) is reshuffled, then consecutive batches of
 *  `batch` rows (the last may be shorter) each take one Adam step on −bound. perm needs
 *  `batch` i32. state (f64): [0] Adam step count, [1] ln of the moving average of E[e^T] (for
 *  "dv"), [2] 1 once that average exists. Returns the mean training bound over the batches.
 *  Needs specCap ≥ 2·batch. */
export function mine_epoch(spec: usize, net: usize, work: usize, x: usize, y: usize, n: i32, dx: i32, dy: i32,
  idx: usize, perm: usize, batch: i32, objective: i32, emaRate: f64, lr: f64, rng: usize, state: usize): f64 {
  rng_shuffle_i32(rng, idx, n);
  const out = nn_output_ptr(spec, work);
  const dOut = nn_dout_ptr(spec, work);
  const grads = netGrads(spec, net);
  let total = 0.0;
  let nb = 0;
  for (let s = 0; s < n; s += batch) {
    const B = n - s < batch ? n - s : batch;
    for (let r = 0; r < B; r++) store<i32>(perm + (<usize>r << 2), r);
    rng_shuffle_i32(rng, perm, B);
    for (let r = 0; r < B; r++) {
      const i = load<i32>(idx + (<usize>(s + r) << 2));
      const j = load<i32>(idx + (<usize>(s + load<i32>(perm + (<usize>r << 2))) << 2));
      putPair(work, r, x, y, dx, dy, i, i);
      putPair(work, B + r, x, y, dx, dy, i, j);
    }
    nn_forward(spec, net, work, 2 * B);
    total += mine_loss(out, dOut, B, objective, emaRate, state);
    nb++;
    nn_backward(spec, net, grads, work, 2 * B, dOut, 0);
    const step = load<f64>(state) + 1.0;
    store<f64>(state, step);
    netAdam(spec, net, lr, step);
  }
  return nb > 0 ? total / <f64>nb : 0.0;
}

/** The bound on all n pairs: mean T(x_i, y_i) minus ln mean e^T (DV) or mean e^(T−1) (NWJ)
 *  over (x_i, y_π(i)), averaged over nPerm random permutations π (perm needs n i32). */
export function mine_eval(spec: usize, net: usize, work: usize, x: usize, y: usize, n: i32, dx: i32, dy: i32,
  perm: usize, nPerm: i32, objective: i32, rng: usize): f64 {
  const cap = specCap(spec);
  const out = nn_output_ptr(spec, work);
  let sumJ = 0.0;
  for (let s = 0; s < n; s += cap) {
    const B = n - s < cap ? n - s : cap;
    for (let r = 0; r < B; r++) putPair(work, r, x, y, dx, dy, s + r, s + r);
    nn_forward(spec, net, work, B);
    for (let r = 0; r < B; r++) sumJ += load<f64>(out + (<usize>r << 3));
  }
  const meanJ = sumJ / <f64>n;
  let acc = 0.0;
  for (let p = 0; p < nPerm; p++) {
    for (let i = 0; i < n; i++) store<i32>(perm + (<usize>i << 2), i);
    rng_shuffle_i32(rng, perm, n);
    let mx = -Infinity;
    let se = 0.0;
    let sn = 0.0;
    for (let s = 0; s < n; s += cap) {
      const B = n - s < cap ? n - s : cap;
      for (let r = 0; r < B; r++) putPair(work, r, x, y, dx, dy, s + r, load<i32>(perm + (<usize>(s + r) << 2)));
      nn_forward(spec, net, work, B);
      for (let r = 0; r < B; r++) {
        const t = load<f64>(out + (<usize>r << 3));
        if (objective == OBJ_NWJ) sn += Math.exp(t - 1.0);
        else if (t > mx) { se = se * Math.exp(mx - t) + 1.0; mx = t; }
        else se += Math.exp(t - mx);
      }
    }
    acc += objective == OBJ_NWJ ? meanJ - sn / <f64>n : meanJ - (mx + Math.log(se) - Math.log(<f64>n));
  }
  return acc / <f64>nPerm;
}
