// The one PRNG: xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64.
// A stream is a 48-byte state block in linear memory:
//   [0..32)  four u64 words of xoshiro state
//   [32..40) has-spare flag (u64, 0 or 1) for the polar normal generator
//   [40..48) the spare normal deviate (f64)
// Streams are keyed by (seed, purpose, a, b) so every consumer (fold shuffle, initialisation i of
// component count c, bootstrap replicate b, its Monte Carlo draws, …) has its own independent
// sequence, whatever order or thread the work runs in.

export const RNG_STATE_BYTES: i32 = 48;

// @ts-ignore: decorator
@inline function splitmix64(x: u64): u64 {
  let z = x + 0x9E3779B97F4A7C15;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
  return z ^ (z >> 31);
}

// @ts-ignore: decorator
@inline function rotl(x: u64, k: u64): u64 {
  return (x << k) | (x >> (64 - k));
}

/** Seed the stream at `state` from a 64-bit seed (two u32 halves), a purpose id and two indices. */
export function rng_seed(state: usize, seedLo: u32, seedHi: u32, purpose: u32, a: u32, b: u32): void {
  let h = splitmix64((<u64>seedHi << 32) | <u64>seedLo);
  h = splitmix64(h ^ ((<u64>purpose << 32) | 0x5bd1e995));
  h = splitmix64(h ^ (<u64>a << 32 | <u64>b));
  let s = h;
  for (let i = 0; i < 4; i++) {
    s = splitmix64(s + <u64>i);
    store<u64>(state + (<usize>i << 3), s);
  }
  // xoshiro must not start from the all-zero state; splitmix64 of distinct inputs makes that
  // astronomically unlikely, but guard anyway.
  if (load<u64>(state) == 0 && load<u64>(state, 8) == 0 && load<u64>(state, 16) == 0 && load<u64>(state, 24) == 0) {
    store<u64>(state, 1);
  }
  store<u64>(state, 0, 32);
  store<f64>(state, 0.0, 40);
}

/** Next raw 64-bit output. */
// @ts-ignore: decorator
@inline export function nextU64(state: usize): u64 {
  const s0 = load<u64>(state);
  const s1 = load<u64>(state, 8);
  const s2 = load<u64>(state, 16);
  const s3 = load<u64>(state, 24);
  const result = rotl(s1 * 5, 7) * 9;
  const t = s1 << 17;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  store<u64>(state, n0);
  store<u64>(state, n1, 8);
  store<u64>(state, n2 ^ t, 16);
  store<u64>(state, rotl(n3, 45), 24);
  return result;
}

/** Uniform double in [0, 1) with 53 random bits. */
// @ts-ignore: decorator
@inline export function uniform(state: usize): f64 {
  return <f64>(nextU64(state) >> 11) * 1.1102230246251565e-16; // 2^-53
}

/** Uniform double in (0, 1): never exactly zero (safe for logarithms). */
// @ts-ignore: decorator
@inline export function uniformOpen(state: usize): f64 {
  return (<f64>(nextU64(state) >> 11) + 0.5) * 1.1102230246251565e-16;
}

/** Uniform integer in [0, n) without modulo bias (Lemire 2019, with rejection). n ≥ 1. */
export function uintBelow(state: usize, n: u32): u32 {
  let x = <u32>(nextU64(state) >> 32);
  let m = <u64>x * <u64>n;
  let l = <u32>m;
  if (l < n) {
    const t: u32 = (<u32>0 - n) % n;
    while (l < t) {
      x = <u32>(nextU64(state) >> 32);
      m = <u64>x * <u64>n;
      l = <u32>m;
    }
  }
  return <u32>(m >> 32);
}

/** Standard normal deviate (Marsaglia's polar method; the second deviate is kept as a spare). */
export function normal(state: usize): f64 {
  if (load<u64>(state, 32) != 0) {
    store<u64>(state, 0, 32);
    return load<f64>(state, 40);
  }
  let u: f64, v: f64, s: f64;
  do {
    u = 2.0 * uniform(state) - 1.0;
    v = 2.0 * uniform(state) - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const f = Math.sqrt(-2.0 * Math.log(s) / s);
  store<u64>(state, 1, 32);
  store<f64>(state, v * f, 40);
  return u * f;
}

// ---- ziggurat normal: about six times faster than the polar method, for bulk jitter ----
// Marsaglia & Tsang's ziggurat (2000) with 128 layers, in Doornik's form (2005): the layer index
// comes from bits of the draw that the uniform does not use, so the two are independent. The
// layer table is computed on first use with this module's own exp / log / sqrt, so every runtime
// gets the same table and the same deviates. Used where many deviates are needed and the draw
// need not match `normal` (the KSG jitter); the polar method stays the stream's `normal`.
const ZIG_LAYERS: i32 = 128;
const ZIG_R: f64 = 3.442619855899; // the tail starts here
const ZIG_V: f64 = 9.91256303526217e-3; // area of each layer (for the density exp(−x²/2))
const zigX = memory.data((ZIG_LAYERS + 1) << 3, 16); // layer edges: x[0] = V / f(R) > x[1] = R > … > x[128] = 0
const zigRatio = memory.data(ZIG_LAYERS << 3, 16); // x[i + 1] / x[i]: |u| below it is inside the layer's core
let zigReady = false;

function zigInit(): void {
  let f = Math.exp(-0.5 * ZIG_R * ZIG_R);
  store<f64>(zigX, ZIG_V / f);
  store<f64>(zigX, ZIG_R, 8);
  for (let i = 2; i < ZIG_LAYERS; i++) {
    const xi = Math.sqrt(-2.0 * Math.log(ZIG_V / load<f64>(zigX + (<usize>(i - 1) << 3)) + f));
    store<f64>(zigX + (<usize>i << 3), xi);
    f = Math.exp(-0.5 * xi * xi);
  }
  store<f64>(zigX + (<usize>ZIG_LAYERS << 3), 0.0);
  for (let i = 0; i < ZIG_LAYERS; i++) {
    store<f64>(zigRatio + (<usize>i << 3), load<f64>(zigX + (<usize>(i + 1) << 3)) / load<f64>(zigX + (<usize>i << 3)));
  }
  zigReady = true;
}

/** The rest of a ziggurat draw whose first uniform u (in [−1, 1)) and layer i missed the
 *  layer's core: the tail (i = 0) or the wedge, and fresh draws from `state` after a rejection. */
function zigSlow(state: usize, u: f64, i: i32): f64 {
  while (true) {
    const xi = load<f64>(zigX + (<usize>i << 3));
    if (abs(u) < load<f64>(zigRatio + (<usize>i << 3))) return u * xi;
    if (i == 0) {
      // The base layer's overhang is the tail beyond R (Marsaglia's exponential-rejection method).
      let t: f64, y: f64;
      do {
        t = Math.log(uniformOpen(state)) / ZIG_R;
        y = Math.log(uniformOpen(state));
      } while (-2.0 * y < t * t);
      return u < 0 ? t - ZIG_R : ZIG_R - t;
    }
    // The wedge between the layer's core and the curve: accept x if a uniform height under the
    // layer falls below the density there (heights relative to f(x)).
    const x = u * xi;
    const xn = load<f64>(zigX + (<usize>(i + 1) << 3));
    const f0 = Math.exp(-0.5 * (xi * xi - x * x));
    const f1 = Math.exp(-0.5 * (xn * xn - x * x));
    if (f1 + uniform(state) * (f0 - f1) < 1.0) return x;
    // Rejected: a new draw, the top 53 bits for u and the low 7 for the layer.
    const r = nextU64(state);
    u = 2.0 * (<f64>(r >> 11) * 1.1102230246251565e-16) - 1.0;
    i = <i32>(r & 0x7f);
  }
  return 0; // unreachable
}

// ---- exported fills, for TypeScript-side consumers (tasks, tests, shuffles) ----

export function rng_fill_uniform(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), uniform(state));
}

export function rng_fill_normal(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), normal(state));
}

/** n standard normal deviates by the ziggurat (a different sequence from rng_fill_normal's).
 *  The fast path keeps the xoshiro state in locals; the rare slow paths (the wedges and the
 *  tail, about 1 % of draws) go through the state in memory. */
export function rng_fill_normal_ziggurat(state: usize, out: usize, n: i32): void {
  if (!zigReady) zigInit();
  let s0 = load<u64>(state), s1 = load<u64>(state, 8), s2 = load<u64>(state, 16), s3 = load<u64>(state, 24);
  for (let i = 0; i < n; i++) {
    const r = rotl(s1 * 5, 7) * 9;
    const t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 45);
    const u = 2.0 * (<f64>(<i64>(r >> 11)) * 1.1102230246251565e-16) - 1.0; // signed: r >> 11 < 2^53
    const layer = <usize>(r & 0x7f) << 3;
    let z: f64;
    if (abs(u) < load<f64>(zigRatio + layer)) {
      z = u * load<f64>(zigX + layer);
    } else {
      store<u64>(state, s0); store<u64>(state, s1, 8); store<u64>(state, s2, 16); store<u64>(state, s3, 24);
      z = zigSlow(state, u, <i32>(r & 0x7f));
      s0 = load<u64>(state); s1 = load<u64>(state, 8); s2 = load<u64>(state, 16); s3 = load<u64>(state, 24);
    }
    store<f64>(out + (<usize>i << 3), z);
  }
  store<u64>(state, s0); store<u64>(state, s1, 8); store<u64>(state, s2, 16); store<u64>(state, s3, 24);
}

/** out[i] = uniform integer in [0, bound) as i32, for i < n. */
export function rng_fill_below(state: usize, out: usize, n: i32, bound: u32): void {
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), <i32>uintBelow(state, bound));
}

/** Fisher–Yates shuffle of n i32 values in place. */
export function rng_shuffle_i32(state: usize, ptr: usize, n: i32): void {
  for (let i = n - 1; i > 0; i--) {
    const j = <i32>uintBelow(state, <u32>(i + 1));
    const pi = ptr + (<usize>i << 2);
    const pj = ptr + (<usize>j << 2);
    const t = load<i32>(pi);
    store<i32>(pi, load<i32>(pj));
    store<i32>(pj, t);
  }
}
