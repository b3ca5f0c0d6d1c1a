import { MIInputError } from "./errors.js";

/** Purposes that key independent PRNG streams (see assembly/rng.ts). Never renumber: the
 *  numbers are part of what makes a seed reproduce the same bits across versions. */
export const Purpose = {
  folds: 1,
  init: 2,
  bootstrap: 3,
  monteCarlo: 4,
  noise: 5,
  permutation: 6,
  network: 7,
  batches: 8,
  task: 9,
  reference: 10,
  split: 11,
  recover: 12,
} as const;
export type PurposeName = keyof typeof Purpose;

/** Split a user seed (an integer in [0, 2^53)) into the two u32 halves the WASM PRNG takes. */
export function seedHalves(seed: number): [lo: number, hi: number] {
  return [seed >>> 0, Math.floor(seed / 4294967296) >>> 0];
}

/** Throws unless `seed` is an integer in [0, 2^53). */
export function checkSeed(fn: string, seed: unknown, arg = "options.seed"): number {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    throw new MIInputError(
      "invalid-option",
      `${fn}: ${arg} must be an integer from 0 to 2^53 − 1, got ${String(seed)}.`,
      { fn, arg },
    );
  }
  return seed;
}
