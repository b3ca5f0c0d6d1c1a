// A small multilayer perceptron engine: dense layers in f32 (f32x4 SIMD, register-blocked),
// hidden activations, exact backward pass, Adam and seeded initialisation. Parameters, their
// gradients, the Adam moments and the hidden activations are f32 (as in PyTorch's default
// training); the network's interface is f64: inputs are read from an f64 block, outputs and the
// input gradient are widened to f64, and losses write dLoss/dOutput in f64. Losses and estimates
// are accumulated in f64 by the callers. Every f32 operation is an IEEE single-precision + − × ÷ √
// in a fixed order (no fused multiply-add), so the bits are the same in every runtime.
//
// A network is described by a spec block (built by src/estimators/neural/network.ts):
//   [0]  i32 L      number of dense layers (hidden layers + the linear output layer)
//   [4]  i32 act    hidden activation: 0 ReLU, 1 ELU, 2 tanh, 3 tanh(z) + alpha z
//   [8]  i32 cap    row capacity of the work block
//   [16] f64 alpha  slope of the monotone tanh variant
//   [24] i32 dims[L + 1]   layer widths, input first
// Parameters, gradients and the two Adam moments live in one block of 4P f32 (P parameters):
// params, then grads, then m, then v. Within params, layer l holds W_l (d_l × d_{l+1}, row-major,
// output units contiguous) then b_l (d_{l+1}).
// The work block (byte offsets, every region 16-byte aligned) holds, for `cap` rows:
//   the f64 input (cap × d_0) at offset 0, the f64 output (cap × d_L), the f64 dLoss/dOutput
//   (cap × d_L), the f64 input gradient (cap × d_0); then in f32: the input (cap × d_0), Z_l and
//   A_l for l = 1..L (the output layer is linear: A_L aliases Z_L; with ReLU, Z_l of a hidden
//   layer is not stored, the activation being fused into the matrix product), two delta buffers
//   of cap × max width, a scratch of max_l d_l·d_{l+1} for a transposed weight matrix, and the
//   scratch of the sparse products (the nonzero terms of up to cap lists of up to max width, or
//   the reverse, and a transposed input).
// With ReLU, the products whose inputs are a hidden layer's activations (forward, weight
// gradient) or the deltas behind one (input gradient) skip the zero terms when they are at least
// SPARSE_MIN units wide; the sums keep their order, so only the sign of a zero sum could differ.

import { normal, uniform } from "../rng";

export const ACT_RELU: i32 = 0;
export const ACT_ELU: i32 = 1;
export const ACT_TANH: i32 = 2;
export const ACT_TANH_LINEAR: i32 = 3;

// Products at least this wide skip the zero terms of ReLU activations and deltas.
const SPARSE_MIN: i32 = 40;

// Epilogues of dense32_forward.
export const EPI_NONE: i32 = 0;
export const EPI_RELU: i32 = 1;
export const EPI_MASK: i32 = 2;

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

/** Bytes of a block of `count` elements of `size` bytes, rounded up to 16. */
// @ts-ignore: decorator
@inline function region(count: usize, size: usize): usize {
  return (count * size + 15) & ~(<usize>15);
}

function maxWidth(spec: usize): i32 {
  const L = specLayers(spec);
  let mx = 0;
  for (let l = 0; l <= L; l++) if (specDim(spec, l) > mx) mx = specDim(spec, l);
  return mx;
}

function maxWeights(spec: usize): i32 {
  const L = specLayers(spec);
  let mx = 0;
  for (let l = 0; l < L; l++) {
    const w = specDim(spec, l) * specDim(spec, l + 1);
    if (w > mx) mx = w;
  }
  return mx;
}

// Region indices of the work block.
const R_OUT64: i32 = 1;
const R_DOUT64: i32 = 2;
const R_GIN64: i32 = 3;
const R_IN32: i32 = 4;

/** Byte offset of a fixed region (R_*) of the work block. */
function regionOff(spec: usize, which: i32): usize {
  const cap = <usize>specCap(spec);
  const d0 = <usize>specDim(spec, 0);
  const dL = <usize>specDim(spec, specLayers(spec));
  let off: usize = region(cap * d0, 8);
  if (which == R_OUT64) return off;
  off += region(cap * dL, 8);
  if (which == R_DOUT64) return off;
  off += region(cap * dL, 8);
  if (which == R_GIN64) return off;
  off += region(cap * d0, 8);
  return off; // R_IN32
}

/** Byte offset of Z_l (l ≥ 1, f32); A_l follows it (except for l = L). */
function zOff(spec: usize, l: i32): usize {
  const cap = <usize>specCap(spec);
  let off = regionOff(spec, R_IN32) + region(cap * <usize>specDim(spec, 0), 4);
  for (let k = 1; k < l; k++) off += 2 * region(cap * <usize>specDim(spec, k), 4);
  return off;
}

/** Byte offset of delta buffer 0 or 1, or (which = 2) the transposed-weights scratch. */
function deltaOff(spec: usize, which: i32): usize {
  const L = specLayers(spec);
  const cap = <usize>specCap(spec);
  const buf = region(cap * <usize>maxWidth(spec), 4);
  let off = zOff(spec, L) + region(cap * <usize>specDim(spec, L), 4);
  return off + <usize>which * buf;
}

/** Bytes of the nonzero list the sparse kernels need for rows ≤ cap and widths ≤ maxWidth. */
function listBytes(spec: usize): usize {
  const cap = <usize>specCap(spec);
  const w = <usize>maxWidth(spec);
  const a = sparseScratchBytes(<i32>cap, <i32>w), b = sparseScratchBytes(<i32>w, <i32>cap);
  return a > b ? a : b;
}

/** Byte offset of the sparse kernels' scratch (listBytes), after the transposed weights. */
function listOff(spec: usize): usize {
  return deltaOff(spec, 2) + region(<usize>maxWeights(spec), 4);
}

/** f64 slots (8-byte units) the work block needs. */
export function nn_work_size(spec: usize): i32 {
  return <i32>((listOff(spec) + listBytes(spec)) >> 3);
}

/** A_l in the work block: l = 0 is the f64 input; l ≥ 1 the f32 activations (A_L = Z_L, the f32
 *  output before widening). */
export function nn_activation_ptr(spec: usize, work: usize, l: i32): usize {
  if (l == 0) return work;
  const z = work + zOff(spec, l);
  if (l == specLayers(spec)) return z;
  return z + region(<usize>specCap(spec) * <usize>specDim(spec, l), 4);
}

/** The network's f64 output (rows × d_L) after nn_forward. */
export function nn_output_ptr(spec: usize, work: usize): usize {
  return work + regionOff(spec, R_OUT64);
}

/** Where losses write dLoss/dOutput (f64, rows × d_L) before nn_backward. */
export function nn_dout_ptr(spec: usize, work: usize): usize {
  return work + regionOff(spec, R_DOUT64);
}

/** Where the f64 input gradient lands after nn_backward with wantInput = 1 (rows × d_0). */
export function nn_input_grad_ptr(spec: usize, work: usize): usize {
  return work + regionOff(spec, R_GIN64);
}

// ---- f32 dense layer ----

// @ts-ignore: decorator
@inline function epilogue(acc: v128, mode: i32, m: usize): v128 {
  if (mode == EPI_RELU) return f32x4.pmax(f32x4.splat(0), acc);
  if (mode == EPI_MASK) return v128.and(acc, f32x4.gt(v128.load(m), f32x4.splat(0)));
  return acc;
}

// @ts-ignore: decorator
@inline function epilogue1(acc: f32, mode: i32, m: usize): f32 {
  if (mode == EPI_RELU) return acc > <f32>0 ? acc : <f32>0;
  if (mode == EPI_MASK) return load<f32>(m) > <f32>0 ? acc : <f32>0;
  return acc;
}

/** dense32_forward for one or two inputs (the first layer on two variables, the input
 *  gradient of a one-unit output layer): one row and one vector of units at a time, the inputs
 *  splatted once per row. */
// @ts-ignore: decorator
@inline function forwardNarrow(W: usize, b: usize, inp: usize, out: usize, rows: i32, din: i32, dout: i32, mode: i32, mask: usize): void {
  const n4 = dout & ~3;
  const sx = <usize>din << 2;
  const so = <usize>dout << 2;
  const e4 = <usize>n4 << 2;
  const zero = f32x4.splat(0);
  const W1 = W + so;
  for (let r = 0; r < rows; r++) {
    const x = inp + <usize>r * sx;
    const o = out + <usize>r * so, m = mask + <usize>r * so;
    const x0 = load<f32>(x);
    const x1 = din == 2 ? load<f32>(x, 4) : <f32>0;
    const s0 = f32x4.splat(x0), s1 = f32x4.splat(x1);
    if (din == 1) {
      for (let jo: usize = 0; jo < e4; jo += 16) {
        let a = b != 0 ? v128.load(b + jo) : zero;
        a = f32x4.add(a, f32x4.mul(s0, v128.load(W + jo)));
        v128.store(o + jo, epilogue(a, mode, m + jo));
      }
    } else {
      for (let jo: usize = 0; jo < e4; jo += 16) {
        let a = b != 0 ? v128.load(b + jo) : zero;
        a = f32x4.add(a, f32x4.mul(s0, v128.load(W + jo)));
        a = f32x4.add(a, f32x4.mul(s1, v128.load(W1 + jo)));
        v128.store(o + jo, epilogue(a, mode, m + jo));
      }
    }
    for (let j = n4; j < dout; j++) {
      const jo = <usize>j << 2;
      let a: f32 = b != 0 ? load<f32>(b + jo) : <f32>0;
      a += x0 * load<f32>(W + jo);
      if (din == 2) a += x1 * load<f32>(W1 + jo);
      store<f32>(o + jo, epilogue1(a, mode, m + jo));
    }
  }
}

/** out[r, j] = epi(b[j] + Σ_i inp[r, i] W[i, j]) for r < rows, all f32 (rows × din times
 *  din × dout), summed in the order i = 0, 1, … from the bias (from 0 when b = 0). epi: EPI_NONE;
 *  EPI_RELU max(·, 0); EPI_MASK: 0 where mask[r, j] ≤ 0 (mask rows × dout, the activations of
 *  a ReLU layer — the input gradient through it). Blocks of four rows × eight output units are
 *  accumulated in registers, weights read as contiguous vectors. */
export function dense32_forward(W: usize, b: usize, inp: usize, out: usize, rows: i32, din: i32, dout: i32, mode: i32, mask: usize): void {
  // one copy of the loops per epilogue, so that no store tests the mode
  if (mode == EPI_RELU) forwardLoops(W, b, inp, out, rows, din, dout, EPI_RELU, mask);
  else if (mode == EPI_MASK) forwardLoops(W, b, inp, out, rows, din, dout, EPI_MASK, mask);
  else forwardLoops(W, b, inp, out, rows, din, dout, EPI_NONE, mask);
}

// @ts-ignore: decorator
@inline function forwardLoops(W: usize, b: usize, inp: usize, out: usize, rows: i32, din: i32, dout: i32, mode: i32, mask: usize): void {
  if (din == 1 || din == 2) {
    forwardNarrow(W, b, inp, out, rows, din, dout, mode, mask);
    return;
  }
  const n8 = dout & ~7;
  const n4 = dout & ~3;
  const rows4 = rows & ~3;
  const sx = <usize>din << 2;
  const so = <usize>dout << 2;
  const sx2 = 2 * sx, sx3 = 3 * sx;
  const zero = f32x4.splat(0);
  // one pointer walks row r's inputs; rows r + 1..3 are at fixed distances from it
  for (let r = 0; r < rows4; r += 4) {
    const x0 = inp + <usize>r * sx;
    const xEnd = x0 + sx;
    const o0 = out + <usize>r * so;
    const m0 = mask + <usize>r * so;
    for (let j = 0; j < n8; j += 8) {
      const jo = <usize>j << 2;
      const b0 = b != 0 ? v128.load(b + jo) : zero;
      const b1 = b != 0 ? v128.load(b + jo, 16) : zero;
      let a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
      let w = W + jo;
      for (let x = x0; x < xEnd; x += 4) {
        const w0 = v128.load(w);
        const w1 = v128.load(w, 16);
        let s = v128.load32_splat(x);
        a00 = f32x4.add(a00, f32x4.mul(s, w0));
        a01 = f32x4.add(a01, f32x4.mul(s, w1));
        s = v128.load32_splat(x + sx);
        a10 = f32x4.add(a10, f32x4.mul(s, w0));
        a11 = f32x4.add(a11, f32x4.mul(s, w1));
        s = v128.load32_splat(x + sx2);
        a20 = f32x4.add(a20, f32x4.mul(s, w0));
        a21 = f32x4.add(a21, f32x4.mul(s, w1));
        s = v128.load32_splat(x + sx3);
        a30 = f32x4.add(a30, f32x4.mul(s, w0));
        a31 = f32x4.add(a31, f32x4.mul(s, w1));
        w += so;
      }
      let o = o0 + jo, m = m0 + jo;
      v128.store(o, epilogue(a00, mode, m)); v128.store(o, epilogue(a01, mode, m + 16), 16);
      o += so; m += so;
      v128.store(o, epilogue(a10, mode, m)); v128.store(o, epilogue(a11, mode, m + 16), 16);
      o += so; m += so;
      v128.store(o, epilogue(a20, mode, m)); v128.store(o, epilogue(a21, mode, m + 16), 16);
      o += so; m += so;
      v128.store(o, epilogue(a30, mode, m)); v128.store(o, epilogue(a31, mode, m + 16), 16);
    }
    if (n8 < n4) {
      const jo = <usize>n8 << 2;
      const b0 = b != 0 ? v128.load(b + jo) : zero;
      let a0 = b0, a1 = b0, a2 = b0, a3 = b0;
      let w = W + jo;
      for (let x = x0; x < xEnd; x += 4) {
        const w0 = v128.load(w);
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(x), w0));
        a1 = f32x4.add(a1, f32x4.mul(v128.load32_splat(x + sx), w0));
        a2 = f32x4.add(a2, f32x4.mul(v128.load32_splat(x + sx2), w0));
        a3 = f32x4.add(a3, f32x4.mul(v128.load32_splat(x + sx3), w0));
        w += so;
      }
      let o = o0 + jo, m = m0 + jo;
      v128.store(o, epilogue(a0, mode, m)); o += so; m += so;
      v128.store(o, epilogue(a1, mode, m)); o += so; m += so;
      v128.store(o, epilogue(a2, mode, m)); o += so; m += so;
      v128.store(o, epilogue(a3, mode, m));
    }
    // the last dout mod 4 units: four rows at once (independent scalar chains)
    for (let j = n4; j < dout; j++) {
      const jo = <usize>j << 2;
      const bj: f32 = b != 0 ? load<f32>(b + jo) : <f32>0;
      let a0 = bj, a1 = bj, a2 = bj, a3 = bj;
      let w = W + jo;
      for (let x = x0; x < xEnd; x += 4) {
        const wv = load<f32>(w);
        a0 += load<f32>(x) * wv;
        a1 += load<f32>(x + sx) * wv;
        a2 += load<f32>(x + sx2) * wv;
        a3 += load<f32>(x + sx3) * wv;
        w += so;
      }
      let o = o0 + jo, m = m0 + jo;
      store<f32>(o, epilogue1(a0, mode, m)); o += so; m += so;
      store<f32>(o, epilogue1(a1, mode, m)); o += so; m += so;
      store<f32>(o, epilogue1(a2, mode, m)); o += so; m += so;
      store<f32>(o, epilogue1(a3, mode, m));
    }
  }
  for (let r = rows4; r < rows; r++) {
    const x0 = inp + <usize>r * sx;
    const o0 = out + <usize>r * so;
    const m0 = mask + <usize>r * so;
    let j = 0;
    for (; j < n4; j += 4) {
      const jo = <usize>j << 2;
      let a0 = b != 0 ? v128.load(b + jo) : zero;
      let w = W + jo;
      for (let io: usize = 0; io < sx; io += 4) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(x0 + io), v128.load(w)));
        w += so;
      }
      v128.store(o0 + jo, epilogue(a0, mode, m0 + jo));
    }
    for (; j < dout; j++) {
      const jo = <usize>j << 2;
      let a0: f32 = b != 0 ? load<f32>(b + jo) : <f32>0;
      let w = W + jo;
      for (let io: usize = 0; io < sx; io += 4) {
        a0 += load<f32>(x0 + io) * load<f32>(w);
        w += so;
      }
      store<f32>(o0 + jo, epilogue1(a0, mode, m0 + jo));
    }
  }
}

/** gb[j] = Σ_r delta[r, j] (f32, r = 0, 1, … from 0): five vectors of units per sweep over the
 *  rows (independent chains of additions), then single vectors, then single units. */
function biasGrad(delta: usize, gb: usize, rows: i32, dout: i32): void {
  const so = <usize>dout << 2;
  const end = <usize>rows * so;
  const n4 = dout & ~3;
  const zero = f32x4.splat(0);
  let j = 0;
  for (; j + 20 <= n4; j += 20) {
    const d = delta + (<usize>j << 2);
    let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero;
    for (let ro: usize = 0; ro < end; ro += so) {
      a0 = f32x4.add(a0, v128.load(d + ro));
      a1 = f32x4.add(a1, v128.load(d + ro, 16));
      a2 = f32x4.add(a2, v128.load(d + ro, 32));
      a3 = f32x4.add(a3, v128.load(d + ro, 48));
      a4 = f32x4.add(a4, v128.load(d + ro, 64));
    }
    const g = gb + (<usize>j << 2);
    v128.store(g, a0); v128.store(g, a1, 16); v128.store(g, a2, 32); v128.store(g, a3, 48); v128.store(g, a4, 64);
  }
  for (; j < n4; j += 4) {
    const jo = <usize>j << 2;
    let a = zero;
    for (let ro: usize = 0; ro < end; ro += so) a = f32x4.add(a, v128.load(delta + ro + jo));
    v128.store(gb + jo, a);
  }
  for (; j < dout; j++) {
    const jo = <usize>j << 2;
    let a: f32 = 0;
    for (let ro: usize = 0; ro < end; ro += so) a += load<f32>(delta + ro + jo);
    store<f32>(gb + jo, a);
  }
}

/** Weight and bias gradients of a dense layer (f32, overwritten): gW[i, j] = Σ_r inp[r, i]·
 *  delta[r, j] and gb[j] = Σ_r delta[r, j], both summed in the order r = 0, 1, … from 0.
 *  Blocks of four inputs × eight output units are accumulated in registers over the rows. */
export function dense32_weight_grad(inp: usize, delta: usize, gW: usize, gb: usize, rows: i32, din: i32, dout: i32): void {
  const n8 = dout & ~7;
  const n4 = dout & ~3;
  const din4 = din & ~3;
  const sx = <usize>din << 2;
  const so = <usize>dout << 2;
  const zero = f32x4.splat(0);
  biasGrad(delta, gb, rows, dout);
  // four inputs × eight (then four) units
  for (let i = 0; i < din4; i += 4) {
    const xi = inp + (<usize>i << 2);
    const g0 = gW + <usize>i * so;
    for (let j = 0; j < n8; j += 8) {
      const jo = <usize>j << 2;
      let a00 = zero, a01 = zero, a10 = zero, a11 = zero, a20 = zero, a21 = zero, a30 = zero, a31 = zero;
      let x = xi;
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        const d0 = v128.load(d);
        const d1 = v128.load(d, 16);
        let s = v128.load32_splat(x);
        a00 = f32x4.add(a00, f32x4.mul(s, d0));
        a01 = f32x4.add(a01, f32x4.mul(s, d1));
        s = v128.load32_splat(x, 4);
        a10 = f32x4.add(a10, f32x4.mul(s, d0));
        a11 = f32x4.add(a11, f32x4.mul(s, d1));
        s = v128.load32_splat(x, 8);
        a20 = f32x4.add(a20, f32x4.mul(s, d0));
        a21 = f32x4.add(a21, f32x4.mul(s, d1));
        s = v128.load32_splat(x, 12);
        a30 = f32x4.add(a30, f32x4.mul(s, d0));
        a31 = f32x4.add(a31, f32x4.mul(s, d1));
        x += sx;
        d += so;
      }
      let g = g0 + jo;
      v128.store(g, a00); v128.store(g, a01, 16); g += so;
      v128.store(g, a10); v128.store(g, a11, 16); g += so;
      v128.store(g, a20); v128.store(g, a21, 16); g += so;
      v128.store(g, a30); v128.store(g, a31, 16);
    }
    if (n8 < n4) {
      const jo = <usize>n8 << 2;
      let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
      let x = xi;
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        const d0 = v128.load(d);
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(x), d0));
        a1 = f32x4.add(a1, f32x4.mul(v128.load32_splat(x, 4), d0));
        a2 = f32x4.add(a2, f32x4.mul(v128.load32_splat(x, 8), d0));
        a3 = f32x4.add(a3, f32x4.mul(v128.load32_splat(x, 12), d0));
        x += sx;
        d += so;
      }
      let g = g0 + jo;
      v128.store(g, a0); g += so;
      v128.store(g, a1); g += so;
      v128.store(g, a2); g += so;
      v128.store(g, a3);
    }
  }
  // the last din mod 4 inputs, one at a time, sixteen (then four) units per sweep
  const n16 = dout & ~15;
  for (let i = din4; i < din; i++) {
    const xi = inp + (<usize>i << 2);
    const g0 = gW + <usize>i * so;
    for (let j = 0; j < n16; j += 16) {
      const jo = <usize>j << 2;
      let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
      let x = xi;
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        const s = v128.load32_splat(x);
        a0 = f32x4.add(a0, f32x4.mul(s, v128.load(d)));
        a1 = f32x4.add(a1, f32x4.mul(s, v128.load(d, 16)));
        a2 = f32x4.add(a2, f32x4.mul(s, v128.load(d, 32)));
        a3 = f32x4.add(a3, f32x4.mul(s, v128.load(d, 48)));
        x += sx;
        d += so;
      }
      const g = g0 + jo;
      v128.store(g, a0); v128.store(g, a1, 16); v128.store(g, a2, 32); v128.store(g, a3, 48);
    }
    for (let j = n16; j < n4; j += 4) {
      const jo = <usize>j << 2;
      let a0 = zero;
      let x = xi;
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(x), v128.load(d)));
        x += sx;
        d += so;
      }
      v128.store(g0 + jo, a0);
    }
  }
  // the last dout mod 4 units: vectors over four inputs, a splat of the unit's delta; sixteen
  // inputs (four independent sums) per sweep over the rows, then four
  for (let j = n4; j < dout; j++) {
    const jo = <usize>j << 2;
    let i = 0;
    for (; i + 16 <= din4; i += 16) {
      let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
      let x = inp + (<usize>i << 2);
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        const s = v128.load32_splat(d);
        a0 = f32x4.add(a0, f32x4.mul(v128.load(x), s));
        a1 = f32x4.add(a1, f32x4.mul(v128.load(x, 16), s));
        a2 = f32x4.add(a2, f32x4.mul(v128.load(x, 32), s));
        a3 = f32x4.add(a3, f32x4.mul(v128.load(x, 48), s));
        x += sx;
        d += so;
      }
      let g = gW + <usize>i * so + jo;
      store<f32>(g, f32x4.extract_lane(a0, 0)); g += so;
      store<f32>(g, f32x4.extract_lane(a0, 1)); g += so;
      store<f32>(g, f32x4.extract_lane(a0, 2)); g += so;
      store<f32>(g, f32x4.extract_lane(a0, 3)); g += so;
      store<f32>(g, f32x4.extract_lane(a1, 0)); g += so;
      store<f32>(g, f32x4.extract_lane(a1, 1)); g += so;
      store<f32>(g, f32x4.extract_lane(a1, 2)); g += so;
      store<f32>(g, f32x4.extract_lane(a1, 3)); g += so;
      store<f32>(g, f32x4.extract_lane(a2, 0)); g += so;
      store<f32>(g, f32x4.extract_lane(a2, 1)); g += so;
      store<f32>(g, f32x4.extract_lane(a2, 2)); g += so;
      store<f32>(g, f32x4.extract_lane(a2, 3)); g += so;
      store<f32>(g, f32x4.extract_lane(a3, 0)); g += so;
      store<f32>(g, f32x4.extract_lane(a3, 1)); g += so;
      store<f32>(g, f32x4.extract_lane(a3, 2)); g += so;
      store<f32>(g, f32x4.extract_lane(a3, 3));
    }
    for (; i < din4; i += 4) {
      let a0 = zero;
      let x = inp + (<usize>i << 2);
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load(x), v128.load32_splat(d)));
        x += sx;
        d += so;
      }
      const g = gW + <usize>i * so + jo;
      store<f32>(g, f32x4.extract_lane(a0, 0));
      store<f32>(g + so, f32x4.extract_lane(a0, 1));
      store<f32>(g + 2 * so, f32x4.extract_lane(a0, 2));
      store<f32>(g + 3 * so, f32x4.extract_lane(a0, 3));
    }
    for (; i < din; i++) {
      let a: f32 = 0;
      let x = inp + (<usize>i << 2);
      let d = delta + jo;
      for (let r = 0; r < rows; r++) {
        a += load<f32>(x) * load<f32>(d);
        x += sx;
        d += so;
      }
      store<f32>(gW + <usize>i * so + jo, a);
    }
  }
}

/** WT = Wᵀ: WT[j, i] = W[i, j] for W of din × dout (f32); 4 × 4 blocks through registers. */
export function dense32_transpose(W: usize, WT: usize, din: i32, dout: i32): void {
  const sw = <usize>dout << 2;
  const st = <usize>din << 2;
  const din4 = din & ~3;
  const dout4 = dout & ~3;
  for (let i = 0; i < din4; i += 4) {
    const w0 = W + <usize>i * sw;
    const t0 = WT + (<usize>i << 2);
    for (let j = 0; j < dout4; j += 4) {
      const w = w0 + (<usize>j << 2);
      const r0 = v128.load(w), r1 = v128.load(w + sw), r2 = v128.load(w + 2 * sw), r3 = v128.load(w + 3 * sw);
      const a = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
      const b = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
      const c = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
      const d = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
      const t = t0 + <usize>j * st;
      v128.store(t, v128.shuffle<f32>(a, c, 0, 1, 4, 5));
      v128.store(t + st, v128.shuffle<f32>(a, c, 2, 3, 6, 7));
      v128.store(t + 2 * st, v128.shuffle<f32>(b, d, 0, 1, 4, 5));
      v128.store(t + 3 * st, v128.shuffle<f32>(b, d, 2, 3, 6, 7));
    }
    for (let j = dout4; j < dout; j++) {
      for (let q = 0; q < 4; q++) store<f32>(t0 + <usize>j * st + (<usize>q << 2), load<f32>(w0 + <usize>q * sw + (<usize>j << 2)));
    }
  }
  for (let i = din4; i < din; i++) {
    const w = W + <usize>i * sw;
    const t = WT + (<usize>i << 2);
    for (let j = 0; j < dout; j++) store<f32>(t + <usize>j * st, load<f32>(w + (<usize>j << 2)));
  }
}

// ---- f32 products that skip zero inputs (the inputs or deltas of ReLU layers) ----
//
// A ReLU layer's activations, and the deltas behind it, are exactly zero at roughly half their
// entries. These kernels gather the nonzero entries of one row (or column) first and sum only
// their terms, in the same order as the dense kernels. A skipped term x·w with x = ±0 is ±0
// (for finite w), and adding ±0 leaves a sum unchanged unless the sum is −0, so the results
// differ from the dense kernels at most in the sign of a zero (or where w is ±∞ or NaN).

// Byte shuffles that move the lanes selected by a 4-bit mask to the front, in order (lanes
// past them read 0).
const COMPACT: usize = memory.data<u8>([
  0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x04, 0x05, 0x06, 0x07, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x08, 0x09, 0x0a, 0x0b, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0a, 0x0b, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x80, 0x80, 0x80, 0x80,
  0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x04, 0x05, 0x06, 0x07, 0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80,
  0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80,
  0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80,
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
], 16);

/** Entries a list of up to len terms reserves: len, then room for the last vector store and
 *  for reading one entry past the end. */
// @ts-ignore: decorator
@inline function listCap(len: i32): usize {
  return (<usize>len + 7) & ~(<usize>3);
}

/** Bytes of the scratch the sparse kernels need for `lists` lists of up to `len` terms each. */
export function sparseScratchBytes(lists: i32, len: i32): usize {
  return region(<usize>lists, 4) + 8 * <usize>lists * listCap(len) + region(<usize>lists * <usize>len, 4);
}

// The offset step of gatherNonzero.
const GATHER_STEP: usize = memory.data(16, 16);

/** Gathers the nonzero values among n contiguous f32 at src (NaN counts as nonzero): the k-th
 *  of them goes to vals[k] and its index times `scale` to offs[k] (u32). Four values at a time,
 *  compacted by a byte shuffle; may write up to three entries past the count. Returns the
 *  count times 4. */
// @ts-ignore: decorator
@inline function gatherNonzero(src: usize, n: i32, scale: u32, offs: usize, vals: usize): u32 {
  let c: usize = 0;
  const n4 = n & ~3;
  const zero = f32x4.splat(0);
  let ov = i32x4(0, <i32>scale, <i32>(2 * scale), <i32>(3 * scale));
  // stored and loaded back, so that the splat is not recomputed in every iteration
  v128.store(GATHER_STEP, i32x4.splat(<i32>(4 * scale)));
  const step = v128.load(GATHER_STEP);
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(src + (<usize>i << 2));
    const m = i32x4.bitmask(f32x4.ne(v, zero));
    const sh = v128.load(COMPACT + (<usize>m << 4));
    v128.store(vals + c, i8x16.swizzle(v, sh));
    v128.store(offs + c, i8x16.swizzle(ov, sh));
    c += <usize>popcnt<u32>(m) << 2;
    ov = i32x4.add(ov, step);
  }
  for (let i = n4; i < n; i++) {
    const v = load<u32>(src + (<usize>i << 2));
    store<u32>(vals + c, v);
    store<u32>(offs + c, <u32>i * scale);
    c += <usize>(reinterpret<f32>(v) != 0) << 2;
  }
  return <u32>c;
}

/** For each list q < nl (nonzero terms (off_k, val_k) at offs/vals + q·lstride, 4·count at
 *  ends + 4q): out[q, j] = epi(init[j] + Σ_k val_k·M[off_k + 4j]) for j < n, summed over k = 0,
 *  1, … (init = b, or 0 when b = 0; out and mask rows `so` bytes apart). The unit blocks are the
 *  outer loop, so the slab of M a block reads stays in cache across the lists: six vectors of
 *  units, then two, then one, then single units. The next offset is loaded one term ahead. */
// @ts-ignore: decorator
@inline function sparseProduct(M: usize, offs: usize, vals: usize, lstride: usize, ends: usize, nl: i32, b: usize, out: usize, so: usize, n: i32, mode: i32, mask: usize): void {
  const zero = f32x4.splat(0);
  const n4 = n & ~3;
  let j = 0;
  // five accumulators, five loads and the splat: used when the vectors of units split into
  // fives and not into sixes (no single-vector remainder, whose sum is one chain of additions)
  if ((n4 >> 2) % 5 == 0 && (n4 >> 2) % 6 != 0) {
    for (; j + 20 <= n4; j += 20) {
      const jo = <usize>j << 2;
      const Mj = M + jo;
      for (let q = 0; q < nl; q++) {
        const lo = offs + <usize>q * lstride, lv = vals + <usize>q * lstride;
        const kEnd = <usize>load<u32>(ends + (<usize>q << 2));
        let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero;
        if (b != 0) {
          const bj = b + jo;
          a0 = v128.load(bj); a1 = v128.load(bj, 16); a2 = v128.load(bj, 32);
          a3 = v128.load(bj, 48); a4 = v128.load(bj, 64);
        }
        let off = <usize>load<u32>(lo);
        for (let k: usize = 0; k < kEnd; k += 4) {
          const w = Mj + off;
          off = <usize>load<u32>(lo + k, 4);
          const s = v128.load32_splat(lv + k);
          a0 = f32x4.add(a0, f32x4.mul(s, v128.load(w)));
          a1 = f32x4.add(a1, f32x4.mul(s, v128.load(w, 16)));
          a2 = f32x4.add(a2, f32x4.mul(s, v128.load(w, 32)));
          a3 = f32x4.add(a3, f32x4.mul(s, v128.load(w, 48)));
          a4 = f32x4.add(a4, f32x4.mul(s, v128.load(w, 64)));
        }
        const o = out + <usize>q * so + jo, m = mask + <usize>q * so + jo;
        v128.store(o, epilogue(a0, mode, m)); v128.store(o, epilogue(a1, mode, m + 16), 16);
        v128.store(o, epilogue(a2, mode, m + 32), 32); v128.store(o, epilogue(a3, mode, m + 48), 48);
        v128.store(o, epilogue(a4, mode, m + 64), 64);
      }
    }
  }
  // six accumulators, six loads and the splat stay in registers
  for (; j + 24 <= n4; j += 24) {
    const jo = <usize>j << 2;
    const Mj = M + jo;
    for (let q = 0; q < nl; q++) {
      const lo = offs + <usize>q * lstride, lv = vals + <usize>q * lstride;
      const kEnd = <usize>load<u32>(ends + (<usize>q << 2));
      let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero;
      if (b != 0) {
        const bj = b + jo;
        a0 = v128.load(bj); a1 = v128.load(bj, 16); a2 = v128.load(bj, 32);
        a3 = v128.load(bj, 48); a4 = v128.load(bj, 64); a5 = v128.load(bj, 80);
      }
      let off = <usize>load<u32>(lo);
      for (let k: usize = 0; k < kEnd; k += 4) {
        const w = Mj + off;
        off = <usize>load<u32>(lo + k, 4);
        const s = v128.load32_splat(lv + k);
        a0 = f32x4.add(a0, f32x4.mul(s, v128.load(w)));
        a1 = f32x4.add(a1, f32x4.mul(s, v128.load(w, 16)));
        a2 = f32x4.add(a2, f32x4.mul(s, v128.load(w, 32)));
        a3 = f32x4.add(a3, f32x4.mul(s, v128.load(w, 48)));
        a4 = f32x4.add(a4, f32x4.mul(s, v128.load(w, 64)));
        a5 = f32x4.add(a5, f32x4.mul(s, v128.load(w, 80)));
      }
      const o = out + <usize>q * so + jo, m = mask + <usize>q * so + jo;
      v128.store(o, epilogue(a0, mode, m)); v128.store(o, epilogue(a1, mode, m + 16), 16);
      v128.store(o, epilogue(a2, mode, m + 32), 32); v128.store(o, epilogue(a3, mode, m + 48), 48);
      v128.store(o, epilogue(a4, mode, m + 64), 64); v128.store(o, epilogue(a5, mode, m + 80), 80);
    }
  }
  for (; j + 8 <= n4; j += 8) {
    const jo = <usize>j << 2;
    const Mj = M + jo;
    for (let q = 0; q < nl; q++) {
      const lo = offs + <usize>q * lstride, lv = vals + <usize>q * lstride;
      const kEnd = <usize>load<u32>(ends + (<usize>q << 2));
      let a0 = zero, a1 = zero;
      if (b != 0) {
        a0 = v128.load(b + jo); a1 = v128.load(b + jo, 16);
      }
      let off = <usize>load<u32>(lo);
      for (let k: usize = 0; k < kEnd; k += 4) {
        const w = Mj + off;
        off = <usize>load<u32>(lo + k, 4);
        const s = v128.load32_splat(lv + k);
        a0 = f32x4.add(a0, f32x4.mul(s, v128.load(w)));
        a1 = f32x4.add(a1, f32x4.mul(s, v128.load(w, 16)));
      }
      const o = out + <usize>q * so + jo, m = mask + <usize>q * so + jo;
      v128.store(o, epilogue(a0, mode, m)); v128.store(o, epilogue(a1, mode, m + 16), 16);
    }
  }
  for (; j < n4; j += 4) {
    const jo = <usize>j << 2;
    const Mj = M + jo;
    for (let q = 0; q < nl; q++) {
      const lo = offs + <usize>q * lstride, lv = vals + <usize>q * lstride;
      const kEnd = <usize>load<u32>(ends + (<usize>q << 2));
      let a0 = b != 0 ? v128.load(b + jo) : zero;
      for (let k: usize = 0; k < kEnd; k += 4) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(lv + k), v128.load(Mj + <usize>load<u32>(lo + k))));
      }
      v128.store(out + <usize>q * so + jo, epilogue(a0, mode, mask + <usize>q * so + jo));
    }
  }
  for (; j < n; j++) {
    const jo = <usize>j << 2;
    const Mj = M + jo;
    for (let q = 0; q < nl; q++) {
      const lo = offs + <usize>q * lstride, lv = vals + <usize>q * lstride;
      const kEnd = <usize>load<u32>(ends + (<usize>q << 2));
      let a: f32 = b != 0 ? load<f32>(b + jo) : <f32>0;
      for (let k: usize = 0; k < kEnd; k += 4) a += load<f32>(lv + k) * load<f32>(Mj + <usize>load<u32>(lo + k));
      store<f32>(out + <usize>q * so + jo, epilogue1(a, mode, mask + <usize>q * so + jo));
    }
  }
}

/** dense32_forward with the terms of zero inputs skipped: out[r, j] = epi(b[j] + Σ_i inp[r, i]
 *  W[i, j]) over the i with inp[r, i] ≠ 0, in the order i = 0, 1, … (from 0 when b = 0).
 *  scratch: sparseScratchBytes(rows, din) bytes. The nonzero inputs of every row are gathered
 *  first. */
export function dense32_forward_sparse(W: usize, b: usize, inp: usize, out: usize, rows: i32, din: i32, dout: i32, mode: i32, mask: usize, scratch: usize): void {
  const sx = <usize>din << 2;
  const so = <usize>dout << 2;
  const lstride = listCap(din) << 2;
  const ends = scratch;
  const offs = scratch + region(<usize>rows, 4);
  const vals = offs + <usize>rows * lstride;
  for (let r = 0; r < rows; r++) {
    const at = <usize>r * lstride;
    store<u32>(ends + (<usize>r << 2), gatherNonzero(inp + <usize>r * sx, din, <u32>so, offs + at, vals + at));
  }
  // one copy of the loops per epilogue, so that no store tests the mode
  if (mode == EPI_RELU) sparseProduct(W, offs, vals, lstride, ends, rows, b, out, so, dout, EPI_RELU, mask);
  else if (mode == EPI_MASK) sparseProduct(W, offs, vals, lstride, ends, rows, b, out, so, dout, EPI_MASK, mask);
  else sparseProduct(W, offs, vals, lstride, ends, rows, b, out, so, dout, EPI_NONE, mask);
}

/** dense32_weight_grad with the terms of zero inputs skipped: gW[i, j] = Σ_r inp[r, i]·delta[r, j]
 *  over the rows with inp[r, i] ≠ 0, and gb[j] = Σ_r delta[r, j], in the order r = 0, 1, … from
 *  0. scratch: sparseScratchBytes(din, rows) bytes. The input is transposed and the nonzero rows
 *  of every input gathered first. */
export function dense32_weight_grad_sparse(inp: usize, delta: usize, gW: usize, gb: usize, rows: i32, din: i32, dout: i32, scratch: usize): void {
  const so = <usize>dout << 2;
  biasGrad(delta, gb, rows, dout);
  const lstride = listCap(rows) << 2;
  const ends = scratch;
  const offs = scratch + region(<usize>din, 4);
  const vals = offs + <usize>din * lstride;
  const inT = vals + <usize>din * lstride;
  dense32_transpose(inp, inT, rows, din);
  const sr = <usize>rows << 2;
  for (let i = 0; i < din; i++) {
    const at = <usize>i * lstride;
    store<u32>(ends + (<usize>i << 2), gatherNonzero(inT + <usize>i * sr, rows, <u32>so, offs + at, vals + at));
  }
  sparseProduct(delta, offs, vals, lstride, ends, din, 0, gW, so, dout, EPI_NONE, 0);
}

// ---- activations (f32 values, computed in f64 and rounded) ----

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

// ELU in f32x4: for z ≤ 0, e^z − 1 = 2^k·expm1(r) + (2^k − 1) with k = nearest(z/ln 2) and
// r = z − k ln 2 (Cody–Waite: ln 2 split so that k·LN2_HI is exact), |r| ≤ ln 2 / 2, and expm1(r)
// by its Taylor polynomial to degree 7 (remainder ≤ 0.347⁸/8! ≈ 5e-9 against |expm1(r)| ≥ |r|/2).
// z is clamped below at −30 (e^−30 is far below half an ulp of 1, so the f32 result is −1 there
// as well). Only f32 + − ×, nearest and bit operations: the same bits in every engine.
const LN2_HI: f32 = 0.693145751953125;
const LN2_LO: f32 = 1.428606765330187e-6;
const INV_LN2: f32 = 1.4426950408889634;

// @ts-ignore: decorator
@inline function elu4(z: v128): v128 {
  const zc = f32x4.pmax(f32x4.splat(-30), z);
  const k = f32x4.nearest(f32x4.mul(zc, f32x4.splat(INV_LN2)));
  const r = f32x4.sub(f32x4.sub(zc, f32x4.mul(k, f32x4.splat(LN2_HI))), f32x4.mul(k, f32x4.splat(LN2_LO)));
  let p = f32x4.add(f32x4.splat(<f32>(1.0 / 720.0)), f32x4.mul(r, f32x4.splat(<f32>(1.0 / 5040.0))));
  p = f32x4.add(f32x4.splat(<f32>(1.0 / 120.0)), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(<f32>(1.0 / 24.0)), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(<f32>(1.0 / 6.0)), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(<f32>0.5), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(<f32>1), f32x4.mul(r, p));
  const em = f32x4.mul(r, p);
  const two = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23); // 2^k
  const neg = f32x4.add(f32x4.mul(two, em), f32x4.sub(two, f32x4.splat(<f32>1)));
  return v128.bitselect(z, neg, f32x4.gt(z, f32x4.splat(0)));
}

// @ts-ignore: decorator
@inline function elu1(z: f32): f32 {
  return f32x4.extract_lane(elu4(f32x4.splat(z)), 0);
}

/** out[i] = f32(act(z[i])) over n f32 values: ReLU and ELU in f32 (ELU as above), tanh and
 *  tanh-linear evaluated in f64 and rounded. */
export function act_forward(kind: i32, alpha: f64, z: usize, out: usize, n: i32): void {
  if (kind == ACT_ELU) {
    const end = <usize>(n & ~3) << 2;
    for (let q: usize = 0; q < end; q += 16) v128.store(out + q, elu4(v128.load(z + q)));
    for (let i = n & ~3; i < n; i++) store<f32>(out + (<usize>i << 2), elu1(load<f32>(z + (<usize>i << 2))));
    return;
  }
  for (let i = 0; i < n; i++) {
    const p = <usize>i << 2;
    store<f32>(out + p, <f32>actValue(kind, alpha, <f64>load<f32>(z + p)));
  }
}

/** dz[i] = da[i] · act'(z[i]) over n f32 values, with a = act(z) as computed by act_forward:
 *  for ELU in f32 (slope 1 or a + 1), otherwise slope and product in f64, rounded. */
export function act_backward(kind: i32, alpha: f64, z: usize, a: usize, da: usize, dz: usize, n: i32): void {
  if (kind == ACT_ELU) {
    const one = f32x4.splat(1), zero = f32x4.splat(0);
    const end = <usize>(n & ~3) << 2;
    for (let q: usize = 0; q < end; q += 16) {
      const slope = v128.bitselect(one, f32x4.add(v128.load(a + q), one), f32x4.gt(v128.load(z + q), zero));
      v128.store(dz + q, f32x4.mul(v128.load(da + q), slope));
    }
    for (let i = n & ~3; i < n; i++) {
      const p = <usize>i << 2;
      const slope: f32 = load<f32>(z + p) > <f32>0 ? <f32>1 : load<f32>(a + p) + <f32>1;
      store<f32>(dz + p, load<f32>(da + p) * slope);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const p = <usize>i << 2;
    store<f32>(dz + p, <f32>(<f64>load<f32>(da + p) * actSlope(kind, alpha, <f64>load<f32>(z + p), <f64>load<f32>(a + p))));
  }
}

// ---- whole network ----

/** Forward pass over `rows` rows already written (f64) to the input at the start of the work
 *  block. The f64 output is at nn_output_ptr. */
export function nn_forward(spec: usize, params: usize, work: usize, rows: i32): void {
  const L = specLayers(spec);
  const kind = specAct(spec);
  const alpha = specAlpha(spec);
  const in32 = work + regionOff(spec, R_IN32);
  const nIn = rows * specDim(spec, 0);
  for (let i = 0; i < nIn; i++) store<f32>(in32 + (<usize>i << 2), <f32>load<f64>(work + (<usize>i << 3)));
  const list = work + listOff(spec);
  let p = params;
  let x = in32;
  for (let l = 0; l < L; l++) {
    const din = specDim(spec, l);
    const dout = specDim(spec, l + 1);
    const W = p;
    const b = p + ((<usize>din * <usize>dout) << 2);
    p = b + (<usize>dout << 2);
    const z = work + zOff(spec, l + 1);
    if (l + 1 == L) {
      if (kind == ACT_RELU && l > 0 && dout >= SPARSE_MIN) dense32_forward_sparse(W, b, x, z, rows, din, dout, EPI_NONE, 0, list);
      else dense32_forward(W, b, x, z, rows, din, dout, EPI_NONE, 0);
    } else {
      const a = nn_activation_ptr(spec, work, l + 1);
      if (kind == ACT_RELU && l > 0 && dout >= SPARSE_MIN) {
        dense32_forward_sparse(W, b, x, a, rows, din, dout, EPI_RELU, 0, list);
      } else if (kind == ACT_RELU) {
        dense32_forward(W, b, x, a, rows, din, dout, EPI_RELU, 0);
      } else {
        dense32_forward(W, b, x, z, rows, din, dout, EPI_NONE, 0);
        act_forward(kind, alpha, z, a, rows * dout);
      }
      x = a;
    }
  }
  const out = nn_output_ptr(spec, work);
  const z = work + zOff(spec, L);
  const nOut = rows * specDim(spec, L);
  for (let i = 0; i < nOut; i++) store<f64>(out + (<usize>i << 3), <f64>load<f32>(z + (<usize>i << 2)));
}

/** Backward pass after nn_forward: dOut (f64, rows × d_L) is dLoss/dOutput, usually at
 *  nn_dout_ptr. Writes the gradient of every parameter into grads (f32, overwriting). With
 *  wantInput ≠ 0 also writes dLoss/dInput (f64) to nn_input_grad_ptr. */
export function nn_backward(spec: usize, params: usize, grads: usize, work: usize, rows: i32, dOut: usize, wantInput: i32): void {
  const L = specLayers(spec);
  const kind = specAct(spec);
  const alpha = specAlpha(spec);
  let cur = work + deltaOff(spec, 0);
  let nxt = work + deltaOff(spec, 1);
  const WT = work + deltaOff(spec, 2);
  const list = work + listOff(spec);
  const nOut = rows * specDim(spec, L);
  for (let i = 0; i < nOut; i++) store<f32>(cur + (<usize>i << 2), <f32>load<f64>(dOut + (<usize>i << 3)));
  let off: usize = <usize>nn_param_count(spec);
  for (let l = L - 1; l >= 0; l--) {
    const din = specDim(spec, l);
    const dout = specDim(spec, l + 1);
    off -= <usize>(din + 1) * <usize>dout;
    const W = params + (off << 2);
    const gW = grads + (off << 2);
    const gb = gW + ((<usize>din * <usize>dout) << 2);
    const x = l == 0 ? work + regionOff(spec, R_IN32) : nn_activation_ptr(spec, work, l);
    // with ReLU, the activations of a hidden layer and the deltas behind one are half zeros:
    // wide products skip their terms
    if (kind == ACT_RELU && l > 0 && dout >= SPARSE_MIN) dense32_weight_grad_sparse(x, cur, gW, gb, rows, din, dout, list);
    else dense32_weight_grad(x, cur, gW, gb, rows, din, dout);
    if (l == 0 && wantInput == 0) break;
    // dLoss/dA_l = delta Wᵀ, through the activation's slope for a hidden layer
    dense32_transpose(W, WT, din, dout);
    if (kind == ACT_RELU && l + 1 < L && din >= SPARSE_MIN) {
      dense32_forward_sparse(WT, 0, cur, nxt, rows, dout, din, l > 0 ? EPI_MASK : EPI_NONE, x, list);
    } else if (l > 0 && kind == ACT_RELU) {
      dense32_forward(WT, 0, cur, nxt, rows, dout, din, EPI_MASK, x);
    } else {
      dense32_forward(WT, 0, cur, nxt, rows, dout, din, EPI_NONE, 0);
      if (l > 0) act_backward(kind, alpha, work + zOff(spec, l), x, nxt, nxt, rows * din);
    }
    if (l == 0) {
      const gin = nn_input_grad_ptr(spec, work);
      const nIn = rows * din;
      for (let i = 0; i < nIn; i++) store<f64>(gin + (<usize>i << 3), <f64>load<f32>(nxt + (<usize>i << 2)));
    }
    const t = cur; cur = nxt; nxt = t;
  }
}

// Seven f32x4 constants of nn_adam32.
const ADAM_CONSTANTS: usize = memory.data(112, 16);

/** Adam (Kingma & Ba 2015) with bias correction, step number t ≥ 1, over n f32 parameters:
 *  m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², p ← p − (lr·c₁)·m / (√(v·c₂) + ε) with
 *  c_k = 1/(1 − β_k^t); the constants are computed in f64 and rounded to f32, every update is f32. */
export function nn_adam32(params: usize, grads: usize, m: usize, v: usize, n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, t: f64): void {
  const lc1 = <f32>(lr / (1.0 - Math.pow(beta1, t)));
  const c2 = <f32>(1.0 / (1.0 - Math.pow(beta2, t)));
  const fb1 = <f32>beta1, fb2 = <f32>beta2, fo1 = <f32>(1.0 - beta1), fo2 = <f32>(1.0 - beta2), feps = <f32>eps;
  // The constant vectors are stored and loaded back: a load stays before the loop, while a
  // splat of a scalar is recomputed in every iteration by the engine's code generator.
  const K = ADAM_CONSTANTS;
  v128.store(K, f32x4.splat(fb1)); v128.store(K, f32x4.splat(fb2), 16);
  v128.store(K, f32x4.splat(fo1), 32); v128.store(K, f32x4.splat(fo2), 48);
  v128.store(K, f32x4.splat(lc1), 64); v128.store(K, f32x4.splat(c2), 80);
  v128.store(K, f32x4.splat(feps), 96);
  const b1 = v128.load(K), b2 = v128.load(K, 16), o1 = v128.load(K, 32), o2 = v128.load(K, 48);
  const vlc1 = v128.load(K, 64), vc2 = v128.load(K, 80), veps = v128.load(K, 96);
  const end = <usize>(n & ~3) << 2;
  for (let q: usize = 0; q < end; q += 16) {
    const g = v128.load(grads + q);
    const mm = f32x4.add(f32x4.mul(b1, v128.load(m + q)), f32x4.mul(o1, g));
    const vv = f32x4.add(f32x4.mul(b2, v128.load(v + q)), f32x4.mul(o2, f32x4.mul(g, g)));
    v128.store(m + q, mm);
    v128.store(v + q, vv);
    const step = f32x4.div(f32x4.mul(vlc1, mm), f32x4.add(f32x4.sqrt(f32x4.mul(vv, vc2)), veps));
    v128.store(params + q, f32x4.sub(v128.load(params + q), step));
  }
  for (let i = n & ~3; i < n; i++) {
    const q = <usize>i << 2;
    const g = load<f32>(grads + q);
    const mm = fb1 * load<f32>(m + q) + fo1 * g;
    const vv = fb2 * load<f32>(v + q) + fo2 * (g * g);
    store<f32>(m + q, mm);
    store<f32>(v + q, vv);
    store<f32>(params + q, load<f32>(params + q) - (lc1 * mm) / (Mathf.sqrt(vv * c2) + feps));
  }
}

/** Adam step on a whole network block (params, grads, m, v of P f32 each). */
// @ts-ignore: decorator
@inline export function netAdam(spec: usize, net: usize, lr: f64, t: f64): void {
  const P = nn_param_count(spec);
  const bytes = <usize>P << 2;
  nn_adam32(net, net + bytes, net + 2 * bytes, net + 3 * bytes, P, lr, 0.9, 0.999, 1e-8, t);
}

/** Initialise a network block: parameters drawn (in f64, rounded to f32), gradients and moments
 *  zeroed. kind 0: PyTorch's default for Linear — W and b ~ U(−1/√fan_in, 1/√fan_in);
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
      store<f32>(p + (<usize>k << 2), <f32>w);
    }
    p += <usize>nW << 2;
    for (let j = 0; j < dout; j++) store<f32>(p + (<usize>j << 2), kind == 0 ? <f32>(bound * (2.0 * uniform(rng) - 1.0)) : <f32>0);
    p += <usize>dout << 2;
  }
  memory.fill(net + (<usize>P << 2), 0, (<usize>P * 3) << 2);
}

/** Gradient buffer of a network block. */
// @ts-ignore: decorator
@inline export function netGrads(spec: usize, net: usize): usize {
  return net + (<usize>nn_param_count(spec) << 2);
}

// ---- f64 dense layer and Adam (used by the B-NAF flow, assembly/nn/bnaf.ts) ----



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

