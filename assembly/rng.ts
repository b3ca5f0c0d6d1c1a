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

// ---- exported fills, for TypeScript-side consumers (tasks, tests, shuffles) ----

export function rng_fill_uniform(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), uniform(state));
}

export function rng_fill_normal(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), normal(state));
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
