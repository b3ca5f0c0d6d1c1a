import { rng_shuffle_i32 } from "../rng";
// Block neural autoregressive flow (B-NAF, De Cao et al. 2019) over d = dy + dx dimensions in the
// order (y, x), for the difference-of-entropies estimator.
//
// Three masked layers with per-dimension block widths 1 → a → a → 1 (two hidden B-NAF layers of
// a·d units), activation tanh(z) + αz between them. Each masked weight matrix is built from free
// parameters V, g: u = exp(V) on the diagonal blocks, V below them, 0 above (and, in marginal
// mode, 0 from y-blocks into x-blocks); then weight normalisation W = e^g · u / ‖u‖ per output
// unit. Diagonal blocks are positive and the activation is increasing with slope ≥ α and onto ℝ,
// so each output z_t is an increasing bijection of input t given the earlier inputs: the density
// q(v) = Π_t N(z_t; 0, 1) · ∂z_t/∂v_t is normalised. ∂z_t/∂v_t is the product of the diagonal
// blocks and activation slopes, carried in log space (log-sum-exp over the block products).
//
// Spec block (i32): [0] d, [4] dy, [8] a, [12] cap (rows), [16] f64 alpha.
// Parameters per layer k = 1..3 (in width wi = w_{k−1}, out width wo = w_k, w = [1, a, a, 1]):
//   V (d·wi × d·wo, [input, output]), g (d·wo), b (d·wo).

import { uniform } from "../rng";
import { dense_backward, dense_forward, nn_adam } from "./mlp";

const LN_SQRT_2PI: f64 = 0.9189385332046727;

// @ts-ignore: decorator
@inline function D(spec: usize): i32 { return load<i32>(spec); }
// @ts-ignore: decorator
@inline function DY(spec: usize): i32 { return load<i32>(spec, 4); }
// @ts-ignore: decorator
@inline function A(spec: usize): i32 { return load<i32>(spec, 8); }
// @ts-ignore: decorator
@inline function CAP(spec: usize): i32 { return load<i32>(spec, 12); }
// @ts-ignore: decorator
@inline function ALPHA(spec: usize): f64 { return load<f64>(spec, 16); }
// @ts-ignore: decorator
@inline function W(spec: usize, k: i32): i32 { return k == 0 || k == 3 ? 1 : A(spec); }

/** Offset (f64 slots) of layer k's parameters (k = 1..3). */
function paramOff(spec: usize, k: i32): i32 {
  const d = D(spec);
  let o = 0;
  for (let l = 1; l < k; l++) o += d * W(spec, l - 1) * d * W(spec, l) + 2 * d * W(spec, l);
  return o;
}

export function bnaf_param_count(spec: usize): i32 {
  return paramOff(spec, 4);
}

// Work block (f64 slots), R = cap, m = d·a (widest layer):
//   per k = 0..3: H_k (R·d·w_k), PRE_k (R·d·w_k), LJ_k (R·d·w_k)        — forward values
//   per k = 1..3: WE_k, LW_k (d·wi × d·wo)                              — weights, log weights
//   dH, dP, dLJa, dLJb (R·m each), dWE, dLW (m·m), NRM (m)              — backward scratch
function layerOff(spec: usize, k: i32): i32 {
  const R = CAP(spec), d = D(spec);
  let o = 0;
  for (let l = 0; l < k; l++) o += 3 * R * d * W(spec, l);
  return o;
}
// @ts-ignore: decorator
@inline function hPtr(spec: usize, work: usize, k: i32): usize { return work + (<usize>layerOff(spec, k) << 3); }
// @ts-ignore: decorator
@inline function prePtr(spec: usize, work: usize, k: i32): usize { return hPtr(spec, work, k) + (<usize>(CAP(spec) * D(spec) * W(spec, k)) << 3); }
// @ts-ignore: decorator
@inline function ljPtr(spec: usize, work: usize, k: i32): usize { return hPtr(spec, work, k) + (<usize>(2 * CAP(spec) * D(spec) * W(spec, k)) << 3); }
function weOff(spec: usize, k: i32): i32 {
  const d = D(spec);
  let o = layerOff(spec, 4);
  for (let l = 1; l < k; l++) o += 2 * d * W(spec, l - 1) * d * W(spec, l);
  return o;
}
// @ts-ignore: decorator
@inline function wePtr(spec: usize, work: usize, k: i32): usize { return work + (<usize>weOff(spec, k) << 3); }
// @ts-ignore: decorator
@inline function lwPtr(spec: usize, work: usize, k: i32): usize { return wePtr(spec, work, k) + (<usize>(D(spec) * W(spec, k - 1) * D(spec) * W(spec, k)) << 3); }
function scratch(spec: usize, work: usize, which: i32): usize {
  const m = D(spec) * A(spec);
  const R = CAP(spec);
  const base = weOff(spec, 4);
  let o = base;
  if (which <= 4) o += which * R * m;
  else o += 4 * R * m + (which - 4) * m * m;
  return work + (<usize>o << 3);
}

export function bnaf_work_size(spec: usize): i32 {
  const m = D(spec) * A(spec);
  return weOff(spec, 4) + 4 * CAP(spec) * m + 2 * m * m + m;
}

/** 0: no connection, 1: off-diagonal (free), 2: diagonal block (exponentiated). */
// @ts-ignore: decorator
@inline function conn(bi: i32, bo: i32, dy: i32, marginal: i32): i32 {
  if (bi == bo) return 2;
  if (bi > bo) return 0;
  if (marginal != 0 && bi < dy && bo >= dy) return 0;
  return 1;
}

// @ts-ignore: decorator
@inline function raw(V: f64, c: i32): f64 { return c == 2 ? Math.exp(V) : c == 1 ? V : 0.0; }

/** Effective weights WE and diagonal log weights LW of every layer for the mode. */
function buildWeights(spec: usize, params: usize, work: usize, marginal: i32): void {
  const d = D(spec), dy = DY(spec);
  const nrm = scratch(spec, work, 6);
  for (let k = 1; k <= 3; k++) {
    const wi = W(spec, k - 1), wo = W(spec, k);
    const ni = d * wi, no = d * wo;
    const V = params + (<usize>paramOff(spec, k) << 3);
    const g = V + (<usize>(ni * no) << 3);
    const we = wePtr(spec, work, k), lw = lwPtr(spec, work, k);
    for (let i = 0; i < no; i++) {
      let s = 0.0;
      for (let j = 0; j < ni; j++) {
        const u = raw(load<f64>(V + (<usize>(j * no + i) << 3)), conn(j / wi, i / wo, dy, marginal));
        s += u * u;
      }
      const n = Math.sqrt(s);
      store<f64>(nrm + (<usize>i << 3), n);
      const gi = load<f64>(g + (<usize>i << 3));
      const c = Math.exp(gi) / n;
      const lc = gi - Math.log(n);
      for (let j = 0; j < ni; j++) {
        const q = <usize>(j * no + i) << 3;
        const cc = conn(j / wi, i / wo, dy, marginal);
        const v = load<f64>(V + q);
        store<f64>(we + q, c * raw(v, cc));
        store<f64>(lw + q, cc == 2 ? lc + v : -Infinity);
      }
    }
  }
}

/** Forward pass over rows already in H_0: fills H, PRE, LJ of every layer. Weights must be built. */
function forward(spec: usize, params: usize, work: usize, rows: i32): void {
  const d = D(spec);
  const alpha = ALPHA(spec);
  const lj0 = ljPtr(spec, work, 0);
  for (let q = 0; q < rows * d; q++) store<f64>(lj0 + (<usize>q << 3), 0.0);
  for (let k = 1; k <= 3; k++) {
    const wi = W(spec, k - 1), wo = W(spec, k);
    const ni = d * wi, no = d * wo;
    const b = params + (<usize>(paramOff(spec, k) + ni * no + no) << 3);
    const pre = prePtr(spec, work, k), h = hPtr(spec, work, k), lj = ljPtr(spec, work, k);
    const ljIn = ljPtr(spec, work, k - 1);
    const lw = lwPtr(spec, work, k);
    dense_forward(wePtr(spec, work, k), b, hPtr(spec, work, k - 1), pre, rows, ni, no);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < no; i++) {
        const t = i / wo;
        // log of the diagonal-block Jacobian entry: LSE_j (LW[j, i] + LJ_{k−1}[j]) over block t
        let mx = -Infinity;
        for (let j = t * wi; j < (t + 1) * wi; j++) {
          const v = load<f64>(lw + (<usize>(j * no + i) << 3)) + load<f64>(ljIn + (<usize>(r * ni + j) << 3));
          if (v > mx) mx = v;
        }
        let s = 0.0;
        for (let j = t * wi; j < (t + 1) * wi; j++) {
          s += Math.exp(load<f64>(lw + (<usize>(j * no + i) << 3)) + load<f64>(ljIn + (<usize>(r * ni + j) << 3)) - mx);
        }
        let l = mx + Math.log(s);
        const q = <usize>(r * no + i) << 3;
        const z = load<f64>(pre + q);
        if (k < 3) {
          const th = Math.tanh(z);
          store<f64>(h + q, th + alpha * z);
          l += Math.log(1.0 - th * th + alpha);
        } else {
          store<f64>(h + q, z);
        }
        store<f64>(lj + q, l);
      }
    }
  }
}

/** ln q of each row's dims t ≥ from (x dims: from = dy; the whole vector: from = 0). */
// @ts-ignore: decorator
@inline function rowLogQ(spec: usize, work: usize, r: i32, from: i32): f64 {
  const d = D(spec);
  const z = hPtr(spec, work, 3), lj = ljPtr(spec, work, 3);
  let s = 0.0;
  for (let t = from; t < d; t++) {
    const v = load<f64>(z + (<usize>(r * d + t) << 3));
    s += -0.5 * v * v - LN_SQRT_2PI + load<f64>(lj + (<usize>(r * d + t) << 3));
  }
  return s;
}

/** z (rows × d) and per-dimension ln ∂z_t/∂v_t (rows × d) for rows ≤ cap in `data`. */
export function bnaf_transform(spec: usize, params: usize, work: usize, data: usize, rows: i32, marginal: i32, zOut: usize, ldOut: usize): void {
  const d = D(spec);
  buildWeights(spec, params, work, marginal);
  memory.copy(hPtr(spec, work, 0), data, (<usize>(rows * d)) << 3);
  forward(spec, params, work, rows);
  memory.copy(zOut, hPtr(spec, work, 3), (<usize>(rows * d)) << 3);
  memory.copy(ldOut, ljPtr(spec, work, 3), (<usize>(rows * d)) << 3);
}

/** out[i] = ln q(x_i | y_i) (marginal = 0) or ln q(x_i) (marginal = 1) over the x dims (t ≥ dy),
 *  for n rows of data, processed in chunks of cap rows. */
export function bnaf_logq(spec: usize, params: usize, work: usize, data: usize, n: i32, marginal: i32, out: usize): void {
  const d = D(spec), cap = CAP(spec);
  buildWeights(spec, params, work, marginal);
  for (let s = 0; s < n; s += cap) {
    const B = n - s < cap ? n - s : cap;
    memory.copy(hPtr(spec, work, 0), data + (<usize>(s * d) << 3), (<usize>(B * d)) << 3);
    forward(spec, params, work, B);
    for (let r = 0; r < B; r++) store<f64>(out + (<usize>(s + r) << 3), rowLogQ(spec, work, r, DY(spec)));
  }
}

/** Loss −mean ln q over the x dims of `rows` rows already in H_0 and its gradient (overwrites
 *  grads, P values). */
function lossGrad(spec: usize, params: usize, grads: usize, work: usize, rows: i32, marginal: i32): f64 {
  const d = D(spec), dy = DY(spec), alpha = ALPHA(spec);
  buildWeights(spec, params, work, marginal);
  forward(spec, params, work, rows);
  let loss = 0.0;
  for (let r = 0; r < rows; r++) loss -= rowLogQ(spec, work, r, dy);
  const fR = <f64>rows;
  const dH = scratch(spec, work, 0), dP = scratch(spec, work, 1);
  let dLJ = scratch(spec, work, 2), dLJin = scratch(spec, work, 3);
  const dWE = scratch(spec, work, 4), dLW = scratch(spec, work, 5);
  // top: d(−ln q)/dz_t = z_t / R, d/dLJ_t = −1/R for x dims
  const z = hPtr(spec, work, 3);
  for (let r = 0; r < rows; r++) for (let t = 0; t < d; t++) {
    const q = <usize>(r * d + t) << 3;
    store<f64>(dH + q, t >= dy ? load<f64>(z + q) / fR : 0.0);
    store<f64>(dLJ + q, t >= dy ? -1.0 / fR : 0.0);
  }
  for (let k = 3; k >= 1; k--) {
    const wi = W(spec, k - 1), wo = W(spec, k);
    const ni = d * wi, no = d * wo;
    const pre = prePtr(spec, work, k), h = hPtr(spec, work, k);
    const lj = ljPtr(spec, work, k), ljIn = ljPtr(spec, work, k - 1);
    const lw = lwPtr(spec, work, k), we = wePtr(spec, work, k);
    // through the activation: dP = dH·σ' + dLJ·(ln σ')'; LJpre gradient stays dLJ
    for (let q = 0; q < rows * no; q++) {
      const o = <usize>q << 3;
      if (k < 3) {
        const zz = load<f64>(pre + o);
        const th = load<f64>(h + o) - alpha * zz;
        const s1 = 1.0 - th * th;
        const sl = s1 + alpha;
        store<f64>(dP + o, load<f64>(dH + o) * sl + load<f64>(dLJ + o) * (-2.0 * th * s1 / sl));
      } else {
        store<f64>(dP + o, load<f64>(dH + o));
      }
    }
    // log-sum-exp backward into the diagonal log weights and the previous LJ
    for (let q = 0; q < ni * no; q++) store<f64>(dLW + (<usize>q << 3), 0.0);
    for (let q = 0; q < rows * ni; q++) store<f64>(dLJin + (<usize>q << 3), 0.0);
    for (let r = 0; r < rows; r++) for (let i = 0; i < no; i++) {
      const t = i / wo;
      const o = <usize>(r * no + i) << 3;
      const g = load<f64>(dLJ + o);
      if (g == 0.0) continue;
      let ljPre = load<f64>(lj + o);
      if (k < 3) {
        const zz = load<f64>(pre + o);
        const th = load<f64>(h + o) - alpha * zz;
        ljPre -= Math.log(1.0 - th * th + alpha);
      }
      for (let j = t * wi; j < (t + 1) * wi; j++) {
        const wq = <usize>(j * no + i) << 3;
        const jq = <usize>(r * ni + j) << 3;
        const sm = Math.exp(load<f64>(lw + wq) + load<f64>(ljIn + jq) - ljPre);
        store<f64>(dLW + wq, load<f64>(dLW + wq) + g * sm);
        store<f64>(dLJin + jq, load<f64>(dLJin + jq) + g * sm);
      }
    }
    // dense backward: dWE (ni × no), db, and dH for the layer below (into dH, rows × ni)
    const off = paramOff(spec, k);
    const gV = grads + (<usize>off << 3);
    const gg = gV + (<usize>(ni * no) << 3);
    const gb = gg + (<usize>no << 3);
    dense_backward(we, hPtr(spec, work, k - 1), dP, dWE, gb, k > 1 ? dH : 0, rows, ni, no);
    // weight normalisation backward: W = e^g u/n, ln W = g + V − ln n on the diagonal
    const V = params + (<usize>off << 3);
    const gpar = V + (<usize>(ni * no) << 3);
    for (let i = 0; i < no; i++) {
      let s2 = 0.0;
      for (let j = 0; j < ni; j++) {
        const u = raw(load<f64>(V + (<usize>(j * no + i) << 3)), conn(j / wi, i / wo, DY(spec), marginal));
        s2 += u * u;
      }
      const n = Math.sqrt(s2);
      const c = Math.exp(load<f64>(gpar + (<usize>i << 3))) / n;
      let gw = 0.0;   // Σ_j dWE_ji · W_ji
      let gu = 0.0;   // Σ_j dWE_ji · u_ji
      let gl = 0.0;   // Σ_j dLW_ji (diagonal)
      for (let j = 0; j < ni; j++) {
        const q = <usize>(j * no + i) << 3;
        const cc = conn(j / wi, i / wo, DY(spec), marginal);
        if (cc == 0) continue;
        const u = raw(load<f64>(V + q), cc);
        const gwe = load<f64>(dWE + q);
        gw += gwe * c * u;
        gu += gwe * u;
        if (cc == 2) gl += load<f64>(dLW + q);
      }
      store<f64>(gg + (<usize>i << 3), gw + gl);
      const inv2 = 1.0 / (n * n);
      for (let j = 0; j < ni; j++) {
        const q = <usize>(j * no + i) << 3;
        const cc = conn(j / wi, i / wo, DY(spec), marginal);
        if (cc == 0) { store<f64>(gV + q, 0.0); continue; }
        const u = raw(load<f64>(V + q), cc);
        const du = c * (load<f64>(dWE + q) - u * inv2 * gu) - u * inv2 * gl;
        store<f64>(gV + q, cc == 2 ? du * u + load<f64>(dLW + q) : du);
      }
    }
    const t2 = dLJ; dLJ = dLJin; dLJin = t2;
  }
  return loss / fR;
}

/** −mean ln q and its gradient for `rows` rows of data (≤ cap): for the finite-difference tests. */
export function bnaf_loss(spec: usize, params: usize, grads: usize, work: usize, data: usize, rows: i32, marginal: i32): f64 {
  memory.copy(hPtr(spec, work, 0), data, (<usize>(rows * D(spec))) << 3);
  return lossGrad(spec, params, grads, work, rows, marginal);
}

/** Initialise params: V ~ U(−s, s) with s = 1/√(inputs of the block row), b ~ U(−s, s), g chosen
 *  so that W = u at the start (conditional mode); zero the gradients and Adam moments. */
export function bnaf_init(spec: usize, net: usize, rng: usize): void {
  const d = D(spec);
  const P = bnaf_param_count(spec);
  for (let k = 1; k <= 3; k++) {
    const wi = W(spec, k - 1), wo = W(spec, k);
    const ni = d * wi, no = d * wo;
    const V = net + (<usize>paramOff(spec, k) << 3);
    const g = V + (<usize>(ni * no) << 3);
    const b = g + (<usize>no << 3);
    for (let i = 0; i < no; i++) {
      const s = 1.0 / Math.sqrt(<f64>((i / wo + 1) * wi));
      let ss = 0.0;
      for (let j = 0; j < ni; j++) {
        const v = s * (2.0 * uniform(rng) - 1.0);
        store<f64>(V + (<usize>(j * no + i) << 3), v);
        const u = raw(v, conn(j / wi, i / wo, 0, 0));
        ss += u * u;
      }
      store<f64>(g + (<usize>i << 3), 0.5 * Math.log(ss));
      store<f64>(b + (<usize>i << 3), s * (2.0 * uniform(rng) - 1.0));
    }
  }
  memory.fill(net + (<usize>P << 3), 0, (<usize>P * 3) << 3);
}

/** One epoch: idx reshuffled, then per batch one Adam step on L1 = −mean ln q(x|y) followed by
 *  one on L2 = −mean ln q(x). state[0] counts Adam steps. Returns the mean of L2 − L1 over
 *  the batches (each L1 and L2 taken before its own step). */
export function bnaf_epoch(spec: usize, net: usize, work: usize, data: usize, n: i32, idx: usize, batch: i32, lr: f64, rng: usize, state: usize): f64 {
  const d = D(spec);
  const P = bnaf_param_count(spec);
  const bytes = <usize>P << 3;
  rng_shuffle_i32(rng, idx, n);
  let total = 0.0;
  let nb = 0;
  for (let s = 0; s < n; s += batch) {
    const B = n - s < batch ? n - s : batch;
    let diff = 0.0;
    for (let mode = 0; mode < 2; mode++) {
      const h0 = hPtr(spec, work, 0);
      for (let r = 0; r < B; r++) {
        const i = load<i32>(idx + (<usize>(s + r) << 2));
        memory.copy(h0 + (<usize>(r * d) << 3), data + (<usize>(i * d) << 3), <usize>d << 3);
      }
      const L = lossGrad(spec, net, net + bytes, work, B, mode);
      diff += mode == 0 ? -L : L;
      const t = load<f64>(state) + 1.0;
      store<f64>(state, t);
      nn_adam(net, net + bytes, net + 2 * bytes, net + 3 * bytes, P, lr, 0.9, 0.999, 1e-8, t);
    }
    total += diff;
    nb++;
  }
  return nb > 0 ? total / <f64>nb : 0.0;
}
