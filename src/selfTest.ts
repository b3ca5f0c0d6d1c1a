import { commonSpecs, resolveOptions } from "./options.js";
import { Progress, type ProgressEvent } from "./progress.js";
import { bitsDigest } from "./bitsDigest.js";
import { hostRuntime } from "./hostRuntime.js";
import { checkSeed } from "./random.js";
import { withKernels } from "./wasm/scope.js";

/** What `selfTest` returns: values computed by the WebAssembly core, and a digest of their bits. */
export interface SelfTestResult {
  seed: number;
  /** Four uniform draws in [0, 1) from the stream keyed (seed, "task", 0, 0). */
  uniform: Float64Array;
  /** Four standard normal draws from the stream keyed (seed, "task", 1, 0). */
  normal: Float64Array;
  /** digamma, lgamma, log and exp at `SELF_TEST_POINTS`. */
  digamma: Float64Array;
  lgamma: Float64Array;
  log: Float64Array;
  exp: Float64Array;
  /** log(Σ exp(normal)), by the core's log-sum-exp. */
  logSumExp: number;
  /** FNV-1a (32-bit, twice with different offsets) over the little-endian bytes of every value
   *  above, as 16 hex digits. Equal digests ⇒ bit-identical values. */
  digest: string;
  /** Which JavaScript runtime ran it: "node", "deno", "bun", "workerd", "browser", "worker" or "unknown". */
  runtime: string;
}

export interface SelfTestOptions {
  /** Aborts between steps; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called after each step: stages "rng" (2 steps) and "special" (1 step). */
  onProgress?: (e: ProgressEvent) => void;
}

/** The points the special functions are evaluated at (positive, spanning several magnitudes). */
export const SELF_TEST_POINTS: readonly number[] = [0.5, 1, 2.5, 10, 123.456];

/**
 * Check an installation: runs the WebAssembly core (PRNG streams and special functions) and
 * returns the values with a digest of their bits. The same seed gives the same digest in every
 * runtime; compare it across machines to confirm bit-identical behaviour. `onProgress` and
 * `signal` behave as in the estimators (useful to check a worker or UI wiring).
 */
export async function selfTest(
  seed = 0,
  options?: SelfTestOptions,
): Promise<SelfTestResult> {
  checkSeed("selfTest", seed, "seed");
  const o = resolveOptions<SelfTestOptions>("selfTest", options, {
    signal: commonSpecs.signal,
    onProgress: commonSpecs.onProgress,
  });
  const progress = new Progress("selfTest", o.signal, o.onProgress);
  return withKernels(async (s) => {
    const n = SELF_TEST_POINTS.length;
    const u = s.allocF64(4);
    const z = s.allocF64(4);
    const pts = s.writeF64(SELF_TEST_POINTS);
    const out = s.allocF64(4 * n);
    s.k.rng_fill_uniform(s.rng(seed, "task", 0, 0), u, 4);
    await progress.step("rng", 1, 2);
    s.k.rng_fill_normal(s.rng(seed, "task", 1, 0), z, 4);
    await progress.step("rng", 2, 2);
    s.k.special_digamma(pts, out, n);
    s.k.special_lgamma(pts, out + 8 * n, n);
    s.k.special_log(pts, out + 16 * n, n);
    s.k.special_exp(pts, out + 24 * n, n);
    const logSumExp = s.k.special_logsumexp(z, 4);
    await progress.step("special", 1, 1);
    const uniform = s.readF64(u, 4);
    const normal = s.readF64(z, 4);
    const all = s.readF64(out, 4 * n);
    const digamma = all.slice(0, n);
    const lgamma = all.slice(n, 2 * n);
    const log = all.slice(2 * n, 3 * n);
    const exp = all.slice(3 * n, 4 * n);
    const digest = bitsDigest([...uniform, ...normal, ...all, logSumExp]);
    return { seed, uniform, normal, digamma, lgamma, log, exp, logSumExp, digest, runtime: hostRuntime() };
  });
}
