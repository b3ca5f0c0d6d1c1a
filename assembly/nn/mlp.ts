// A small multilayer perceptron engine: dense layers (f64, f64x2 SIMD over output units with a
// scalar tail), hidden activations, exact backward pass, Adam and seeded initialisation.
//
// A network is described by a spec block (built by src/estimators/neural/network.ts):
//   [0]  i32 L      number of dense layers (hidden layers + the linear output layer)
//   [4]  i32 act    hidden activation: 0 ReLU, 1 ELU, 2 tanh, 3 tanh(z) + alpha z
//   [8]  i32 cap    row capacity of the work block
//   [16] f64 alpha  slope of the monotone tanh variant
//   [24] i32 dims[L + 1]   layer widths, input first
// Parameters, gradients and the two Adam moments live in one block of 4P f64 (P parameters):
// params, then grads, then m, then v. Within params, layer l holds W_l (d_l × d_{l+1}, row-major,
// output units contiguous) then b_l (d_{l+1}).
// The work block holds, for `cap` rows: the input A_0, then Z_l and A_l for l = 1..L, then two
// delta buffers of cap × max width. The output layer is linear: its A_L equals Z_L.

import { normal, uniform } from "../rng";

export const ACT_RELU: i32 = 0;
export const ACT_ELU: i32 = 1;
export const ACT_TANH: i32 = 2;
export const ACT_TANH_LINEAR: i32 = 3;

// @ts-ignore: decorator
@inline export function specLayers(spec: usize): i32 { return load<i32>(spec); }
// @ts-ignore: decorator
@inline export function specAct(spec: usize): i32 { return load<i32>(spec, 4); }
// @ts-ignore: decorator
@inline export function specCap(spec: usize): i32 { return load<i32>(spec, 8); }
// @ts-ignore: decorator
@inline export function specAlpha(spec: usize): f64 { return load<f64>(spec, 16); }
// @ts-ignore: decorator
@inline export function specDim(spec: usize, l: i32): i32 { return load<i32>(spec + 24 + (<usize>l << 2)); }

/** Number of parameters P. */
export function nn_param_count(spec: usize): i32 {
  const L = specLayers(spec);
  let p = 0;
  for (let l = 0; l < L; l++) p += (specDim(spec, l) + 1) * specDim(spec, l + 1);
  return p;
}

/** f64 slots the work block needs. */
export function nn_work_size(spec: usize): i32 {
  const L = specLayers(spec);
  const cap = specCap(spec);
  let s = specDim(spec, 0);
  let mx = s;
  for (let l = 1; l <= L; l++) {
    const d = specDim(spec, l);
    s += 2 * d;
    if (d > mx) mx = d;
  }
  return cap * (s + 2 * mx);
}

function maxWidth(spec: usize): i32 {
  const L = specLayers(spec);
  let mx = 0;
  for (let l = 0; l <= L; l++) if (specDim(spec, l) > mx) mx = specDim(spec, l);
  return mx;
}

/** Z_l (l ≥ 1) in the work block. */
function workZ(spec: usize, work: usize, l: i32): usize {
  const cap = <usize>specCap(spec);
  let off: usize = <usize>specDim(spec, 0);
  for (let k = 1; k < l; k++) off += 2 * <usize>specDim(spec, k);
  return work + ((cap * off) << 3);
}

/** A_l in the work block (A_0 is the input; A_L aliases Z_L). */
export function nn_activation_ptr(spec: usize, work: usize, l: i32): usize {
  if (l == 0) return work;
  const z = workZ(spec, work, l);
  if (l == specLayers(spec)) return z;
  return z + ((<usize>specCap(spec) * <usize>specDim(spec, l)) << 3);
}

/** The network's output (rows × d_L) after nn_forward. */
export function nn_output_ptr(spec: usize, work: usize): usize {
  return workZ(spec, work, specLayers(spec));
}

function deltaPtr(spec: usize, work: usize, which: i32): usize {
  const L = specLayers(spec);
  const cap = <usize>specCap(spec);
  let off: usize = <usize>specDim(spec, 0);
  for (let k = 1; k <= L; k++) off += 2 * <usize>specDim(spec, k);
  off += <usize>which * <usize>maxWidth(spec);
  return work + ((cap * off) << 3);
}

/** Where the input gradient lands after nn_backward with wantInput = 1 (rows × d_0). */
export function nn_input_grad_ptr(spec: usize, work: usize): usize {
  // The pass alternates buffers; the input gradient is written to the buffer not holding the
  // first layer's delta. See nn_backward.
  return deltaPtr(spec, work, specLayers(spec) & 1);
}

// ---- dense layer ----

// Both passes keep their accumulators in registers: the forward pass computes a block of four
// rows × two output units per sweep over the inputs, the weight gradient a block of four inputs ×
// two output units per sweep over the rows. Scalar code handles the odd unit and row tails.

/** out[r, j] = b[j] + Σ_i inp[r, i] W[i, j] for r < rows. */
export function dense_forward(W: usize, b: usize, inp: usize, out: usize, rows: i32, din: i32, dout: i32): void {
  const even = dout & ~1;
  const rows4 = rows & ~3;
  const sx = <usize>din << 3;
  const so = <usize>dout << 3;
  for (let r = 0; r < rows4; r += 4) {
    const x0 = inp + <usize>r * sx;
    const x1 = x0 + sx, x2 = x1 + sx, x3 = x2 + sx;
    const o0 = out + <usize>r * so;
    const o1 = o0 + so, o2 = o1 + so, o3 = o2 + so;
    for (let j = 0; j < even; j += 2) {
      const jo = <usize>j << 3;
      const bj = v128.load(b + jo);
      let a0 = bj, a1 = bj, a2 = bj, a3 = bj;
      let w = W + jo;
      for (let i = 0; i < din; i++) {
        const wv = v128.load(w);
        const io = <usize>i << 3;
        a0 = f64x2.add(a0, f64x2.mul(f64x2.splat(load<f64>(x0 + io)), wv));
        a1 = f64x2.add(a1, f64x2.mul(f64x2.splat(load<f64>(x1 + io)), wv));
        a2 = f64x2.add(a2, f64x2.mul(f64x2.splat(load<f64>(x2 + io)), wv));
        a3 = f64x2.add(a3, f64x2.mul(f64x2.splat(load<f64>(x3 + io)), wv));
        w += so;
      }
      v128.store(o0 + jo, a0);
      v128.store(o1 + jo, a1);
      v128.store(o2 + jo, a2);
      v128.store(o3 + jo, a3);
    }
    if (even < dout) {
      const jo = <usize>even << 3;
      for (let k = 0; k < 4; k++) {
        const x = x0 + <usize>k * sx;
        let acc = load<f64>(b + jo);
        for (let i = 0; i < din; i++) acc += load<f64>(x + (<usize>i << 3)) * load<f64>(W + <usize>i * so + jo);
        store<f64>(o0 + <usize>k * so + jo, acc);
      }
    }
  }
  for (let r = rows4; r < rows; r++) {
    const x = inp + <usize>r * sx;
    const o = out + <usize>r * so;
    for (let j = 0; j < even; j += 2) {
      const jo = <usize>j << 3;
      let a = v128.load(b + jo);
      for (let i = 0; i < din; i++) a = f64x2.add(a, f64x2.mul(f64x2.splat(load<f64>(x + (<usize>i << 3))), v128.load(W + <usize>i * so + jo)));
      v128.store(o + jo, a);
    }
    if (even < dout) {
      const jo = <usize>even << 3;
      let acc = load<f64>(b + jo);
      for (let i = 0; i < din; i++) acc += load<f64>(x + (<usize>i << 3)) * load<f64>(W + <usize>i * so + jo);
      store<f64>(o + jo, acc);
    }
  }
}

/** Given delta = dL/dout (rows × dout): gW = inpᵀ delta, gb = Σ_r delta (both overwritten), and,
 *  when dinp ≠ 0, dinp = delta Wᵀ (rows × din). */
export function dense_backward(W: usize, inp: usize, delta: usize, gW: usize, gb: usize, dinp: usize, rows: i32, din: i32, dout: i32): void {
  const even = dout & ~1;
  const din4 = din & ~3;
  const sx = <usize>din << 3;
  const so = <usize>dout << 3;
  // bias gradient
  for (let j = 0; j < even; j += 2) {
    const jo = <usize>j << 3;
    let a = f64x2.splat(0.0);
    for (let r = 0; r < rows; r++) a = f64x2.add(a, v128.load(delta + <usize>r * so + jo));
    v128.store(gb + jo, a);
  }
  if (even < dout) {
    const jo = <usize>even << 3;
    let a = 0.0;
    for (let r = 0; r < rows; r++) a += load<f64>(delta + <usize>r * so + jo);
    store<f64>(gb + jo, a);
  }
  // weight gradient, four inputs at a time
  for (let i = 0; i < din4; i += 4) {
    const io = <usize>i << 3;
    for (let j = 0; j < even; j += 2) {
      const jo = <usize>j << 3;
      let a0 = f64x2.splat(0.0), a1 = a0, a2 = a0, a3 = a0;
      for (let r = 0; r < rows; r++) {
        const d = v128.load(delta + <usize>r * so + jo);
        const x = inp + <usize>r * sx + io;
        a0 = f64x2.add(a0, f64x2.mul(f64x2.splat(load<f64>(x)), d));
        a1 = f64x2.add(a1, f64x2.mul(f64x2.splat(load<f64>(x, 8)), d));
        a2 = f64x2.add(a2, f64x2.mul(f64x2.splat(load<f64>(x, 16)), d));
        a3 = f64x2.add(a3, f64x2.mul(f64x2.splat(load<f64>(x, 24)), d));
      }
      const g = gW + <usize>i * so + jo;
      v128.store(g, a0);
      v128.store(g + so, a1);
      v128.store(g + 2 * so, a2);
      v128.store(g + 3 * so, a3);
    }
  }
  for (let i = din4; i < din; i++) {
    const io = <usize>i << 3;
    for (let j = 0; j < even; j += 2) {
      const jo = <usize>j << 3;
      let a = f64x2.splat(0.0);
      for (let r = 0; r < rows; r++) a = f64x2.add(a, f64x2.mul(f64x2.splat(load<f64>(inp + <usize>r * sx + io)), v128.load(delta + <usize>r * so + jo)));
      v128.store(gW + <usize>i * so + jo, a);
    }
  }
  if (even < dout) {
    const jo = <usize>even << 3;
    for (let i = 0; i < din; i++) {
      let a = 0.0;
      for (let r = 0; r < rows; r++) a += load<f64>(inp + <usize>r * sx + (<usize>i << 3)) * load<f64>(delta + <usize>r * so + jo);
      store<f64>(gW + <usize>i * so + jo, a);
    }
  }
  // input gradient: dot products of delta rows with weight rows
  if (dinp != 0) {
    for (let r = 0; r < rows; r++) {
      const dr = delta + <usize>r * so;
      const di = dinp + <usize>r * sx;
      for (let i = 0; i < din; i++) {
        const w = W + <usize>i * so;
        let acc = f64x2.splat(0.0);
        for (let j = 0; j < even; j += 2) acc = f64x2.add(acc, f64x2.mul(v128.load(dr + (<usize>j << 3)), v128.load(w + (<usize>j << 3))));
        let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
        if (even < dout) s += load<f64>(dr + (<usize>even << 3)) * load<f64>(w + (<usize>even << 3));
        store<f64>(di + (<usize>i << 3), s);
      }
    }
  }
}

// ---- activations ----

// @ts-ignore: decorator
@inline function actValue(kind: i32, alpha: f64, z: f64): f64 {
  if (kind == ACT_RELU) return z > 0.0 ? z : 0.0;
  if (kind == ACT_ELU) return z > 0.0 ? z : Math.exp(z) - 1.0;
  if (kind == ACT_TANH) return Math.tanh(z);
  return Math.tanh(z) + alpha * z;
}

/** Derivative from the pre-activation z and the activation a = act(z). */
// @ts-ignore: decorator
@inline function actSlope(kind: i32, alpha: f64, z: f64, a: f64): f64 {
  if (kind == ACT_RELU) return z > 0.0 ? 1.0 : 0.0;
  if (kind == ACT_ELU) return z > 0.0 ? 1.0 : a + 1.0;
  if (kind == ACT_TANH) return 1.0 - a * a;
  const t = a - alpha * z;
  return 1.0 - t * t + alpha;
}

/** out[i] = act(z[i]). */
export function act_forward(kind: i32, alpha: f64, z: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), actValue(kind, alpha, load<f64>(z + (<usize>i << 3))));
}

/** dz[i] = da[i] · act'(z[i]), with a = act(z) as computed by act_forward. */
export function act_backward(kind: i32, alpha: f64, z: usize, a: usize, da: usize, dz: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = <usize>i << 3;
    store<f64>(dz + p, load<f64>(da + p) * actSlope(kind, alpha, load<f64>(z + p), load<f64>(a + p)));
  }
}

// ---- whole network ----

/** Forward pass over `rows` rows already written to the input A_0 of the work block. */
export function nn_forward(spec: usize, params: usize, work: usize, rows: i32): void {
  const L = specLayers(spec);
  const kind = specAct(spec);
  const alpha = specAlpha(spec);
  let p = params;
  for (let l = 0; l < L; l++) {
    const din = specDim(spec, l);
    const dout = specDim(spec, l + 1);
    const W = p;
    const b = p + ((<usize>din * <usize>dout) << 3);
    p = b + (<usize>dout << 3);
    const z = workZ(spec, work, l + 1);
    dense_forward(W, b, nn_activation_ptr(spec, work, l), z, rows, din, dout);
    if (l + 1 < L) act_forward(kind, alpha, z, nn_activation_ptr(spec, work, l + 1), rows * dout);
  }
}

/** Backward pass after nn_forward: dOut (rows × d_L) is dLoss/dOutput. Writes the gradient of
 *  every parameter into grads (overwriting). With wantInput ≠ 0 also writes dLoss/dInput to
 *  nn_input_grad_ptr. dOut may be the first delta buffer (deltaPtr 0) or any other block. */
export function nn_backward(spec: usize, params: usize, grads: usize, work: usize, rows: i32, dOut: usize, wantInput: i32): void {
  const L = specLayers(spec);
  const kind = specAct(spec);
  const alpha = specAlpha(spec);
  const d0 = deltaPtr(spec, work, 0);
  const d1 = deltaPtr(spec, work, 1);
  const dL = specDim(spec, L);
  if (dOut != d0) memory.copy(d0, dOut, (<usize>rows * <usize>dL) << 3);
  // offsets of each layer's parameters
  let offEnd: usize = 0;
  for (let l = 0; l < L; l++) offEnd += <usize>(specDim(spec, l) + 1) * <usize>specDim(spec, l + 1);
  let cur = d0;
  let nxt = d1;
  let off = offEnd;
  for (let l = L - 1; l >= 0; l--) {
    const din = specDim(spec, l);
    const dout = specDim(spec, l + 1);
    off -= <usize>(din + 1) * <usize>dout;
    const W = params + (off << 3);
    const gW = grads + (off << 3);
    const gb = gW + ((<usize>din * <usize>dout) << 3);
    const wantD = l > 0 || wantInput != 0;
    dense_backward(W, nn_activation_ptr(spec, work, l), cur, gW, gb, wantD ? nxt : 0, rows, din, dout);
    if (l > 0) {
      act_backward(kind, alpha, workZ(spec, work, l), nn_activation_ptr(spec, work, l), nxt, nxt, rows * din);
      const t = cur; cur = nxt; nxt = t;
    }
  }
}

/** Adam (Kingma & Ba 2015) with bias correction, step number t ≥ 1, over n parameters. */
export function nn_adam(params: usize, grads: usize, m: usize, v: usize, n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, t: f64): void {
  const c1 = 1.0 / (1.0 - Math.pow(beta1, t));
  const c2 = 1.0 / (1.0 - Math.pow(beta2, t));
  const b1 = f64x2.splat(beta1), b2 = f64x2.splat(beta2);
  const o1 = f64x2.splat(1.0 - beta1), o2 = f64x2.splat(1.0 - beta2);
  const vc1 = f64x2.splat(c1), vc2 = f64x2.splat(c2), vlr = f64x2.splat(lr), veps = f64x2.splat(eps);
  const even = n & ~1;
  for (let i = 0; i < even; i += 2) {
    const q = <usize>i << 3;
    const g = v128.load(grads + q);
    const mm = f64x2.add(f64x2.mul(b1, v128.load(m + q)), f64x2.mul(o1, g));
    const vv = f64x2.add(f64x2.mul(b2, v128.load(v + q)), f64x2.mul(o2, f64x2.mul(g, g)));
    v128.store(m + q, mm);
    v128.store(v + q, vv);
    const step = f64x2.div(f64x2.mul(vlr, f64x2.mul(mm, vc1)), f64x2.add(f64x2.sqrt(f64x2.mul(vv, vc2)), veps));
    v128.store(params + q, f64x2.sub(v128.load(params + q), step));
  }
  if (even < n) {
    const q = <usize>even << 3;
    const g = load<f64>(grads + q);
    const mm = beta1 * load<f64>(m + q) + (1.0 - beta1) * g;
    const vv = beta2 * load<f64>(v + q) + (1.0 - beta2) * g * g;
    store<f64>(m + q, mm);
    store<f64>(v + q, vv);
    store<f64>(params + q, load<f64>(params + q) - lr * (mm * c1) / (Math.sqrt(vv * c2) + eps));
  }
}

/** Adam step on a whole network block (params, grads, m, v of P each). */
// @ts-ignore: decorator
@inline export function netAdam(spec: usize, net: usize, lr: f64, t: f64): void {
  const P = nn_param_count(spec);
  const bytes = <usize>P << 3;
  nn_adam(net, net + bytes, net + 2 * bytes, net + 3 * bytes, P, lr, 0.9, 0.999, 1e-8, t);
}

/** Initialise a network block: parameters drawn, gradients and moments zeroed.
 *  kind 0: PyTorch's default for Linear — W and b ~ U(−1/√fan_in, 1/√fan_in);
 *  kind 1: W ~ N(0, scale²), b = 0. */
export function nn_init(spec: usize, net: usize, rng: usize, kind: i32, scale: f64): void {
  const L = specLayers(spec);
  const P = nn_param_count(spec);
  let p = net;
  for (let l = 0; l < L; l++) {
    const din = specDim(spec, l);
    const dout = specDim(spec, l + 1);
    const bound = 1.0 / Math.sqrt(<f64>din);
    const nW = din * dout;
    for (let k = 0; k < nW; k++) {
      const w = kind == 0 ? bound * (2.0 * uniform(rng) - 1.0) : scale * normal(rng);
      store<f64>(p + (<usize>k << 3), w);
    }
    p += <usize>nW << 3;
    for (let j = 0; j < dout; j++) store<f64>(p + (<usize>j << 3), kind == 0 ? bound * (2.0 * uniform(rng) - 1.0) : 0.0);
    p += <usize>dout << 3;
  }
  memory.fill(net + (<usize>P << 3), 0, (<usize>P * 3) << 3);
}

/** Gradient buffer of a network block. */
// @ts-ignore: decorator
@inline export function netGrads(spec: usize, net: usize): usize {
  return net + (<usize>nn_param_count(spec) << 3);
}

/** The first delta buffer: losses write dLoss/dOutput here before nn_backward. */
export function nn_dout_ptr(spec: usize, work: usize): usize {
  return deltaPtr(spec, work, 0);
}
