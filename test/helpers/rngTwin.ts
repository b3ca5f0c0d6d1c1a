// A plain TypeScript twin of assembly/rng.ts (xoshiro256** seeded through splitmix64, polar
// normal with a spare), so sampler kernels can be compared draw for draw.
import { Purpose, type PurposeName } from "../../src/random.js";

const M64 = (1n << 64n) - 1n;
const sm = (x: bigint): bigint => {
  let z = (x + 0x9e3779b97f4a7c15n) & M64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
};
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & M64;

export class RngTwin {
  private s: bigint[] = [];
  private spare: number | null = null;
  constructor(seed: number, purpose: PurposeName, a = 0, b = 0) {
    let h = sm(BigInt(seed));
    h = sm(h ^ ((BigInt(Purpose[purpose]) << 32n) | 0x5bd1e995n));
    h = sm(h ^ ((BigInt(a) << 32n) | BigInt(b)));
    let s = h;
    for (let i = 0; i < 4; i++) {
      s = sm((s + BigInt(i)) & M64);
      this.s.push(s);
    }
  }
  nextU64(): bigint {
    const [s0, s1, s2, s3] = this.s;
    const result = (rotl((s1 * 5n) & M64, 7n) * 9n) & M64;
    const t = (s1 << 17n) & M64;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s = [s0 ^ n3, s1 ^ n2, n2 ^ t, rotl(n3, 45n)];
    return result;
  }
  uniform(): number {
    return Number(this.nextU64() >> 11n) * 2 ** -53;
  }
  uniformOpen(): number {
    return (Number(this.nextU64() >> 11n) + 0.5) * 2 ** -53;
  }
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }
}
