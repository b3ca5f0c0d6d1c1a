import { MIInputError } from "./errors.js";
import { checkSeed } from "./random.js";
import type { ProgressEvent } from "./progress.js";

/** Validates one option's value; returns a description of what is expected when it is wrong. */
export type Check = (v: unknown) => string | null;

export interface OptionSpec {
  default: unknown;
  check: Check;
}
export type OptionSpecs = Record<string, OptionSpec>;

export const int = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (v) =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max
    ? null
    : `an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}`;

export const num = (min: number, max = Infinity, opts: { minExclusive?: boolean; maxExclusive?: boolean } = {}): Check => (v) =>
  typeof v === "number" && Number.isFinite(v) &&
  (opts.minExclusive ? v > min : v >= min) && (opts.maxExclusive ? v < max : v <= max)
    ? null
    : `a finite number ${opts.minExclusive ? ">" : "≥"} ${min}${max === Infinity ? "" : ` and ${opts.maxExclusive ? "<" : "≤"} ${max}`}`;

export const oneOf = (...values: readonly unknown[]): Check => (v) =>
  values.includes(v) ? null : `one of ${values.map((x) => JSON.stringify(x)).join(", ")}`;

export const bool: Check = (v) => (typeof v === "boolean" ? null : "true or false");
export const fnOrUndefined: Check = (v) => (v === undefined || typeof v === "function" ? null : "a function");
export const signalOrUndefined: Check = (v) =>
  v === undefined || (typeof v === "object" && v !== null && typeof (v as AbortSignal).aborted === "boolean")
    ? null
    : "an AbortSignal";
export const either = (a: Check, b: Check): Check => (v) => {
  const ea = a(v);
  if (ea === null) return null;
  const eb = b(v);
  return eb === null ? null : `${ea}, or ${eb}`;
};
export const nullOr = (c: Check): Check => (v) => (v === null || v === undefined ? null : c(v));

/** Options every estimator takes. */
export interface CommonOptions {
  /** Seed of every random stream (integer in [0, 2^53)). Same seed ⇒ same bits. Default 0. */
  seed?: number;
  /** Aborts between WebAssembly calls; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called with the stage and its progress. */
  onProgress?: (e: ProgressEvent) => void;
  /** Logarithm base of every reported information quantity: Math.E (nats, default) or 2 (bits). */
  base?: number;
}

export const commonSpecs: OptionSpecs = {
  seed: { default: 0, check: (v) => { try { checkSeed("", v); return null; } catch { return "an integer from 0 to 2^53 − 1"; } } },
  signal: { default: undefined, check: signalOrUndefined },
  onProgress: { default: undefined, check: fnOrUndefined },
  base: { default: Math.E, check: num(1, Infinity, { minExclusive: true }) },
};

function closest(name: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const a = name.toLowerCase();
    const b = n.toLowerCase();
    const dp: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = dp[0];
      dp[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const t = dp[j];
        dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = t;
      }
    }
    if (dp[b.length] < bestD) {
      bestD = dp[b.length];
      best = n;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Merge `given` over the defaults in `specs`, rejecting unknown names and bad values. */
export function resolveOptions<T>(fn: string, given: unknown, specs: OptionSpecs): T {
  if (given !== undefined && (given === null || typeof given !== "object" || Array.isArray(given))) {
    throw new MIInputError("invalid-argument", `${fn}: options must be an object, got ${given === null ? "null" : typeof given}.`, { fn, arg: "options" });
  }
  const g = (given ?? {}) as Record<string, unknown>;
  const names = Object.keys(specs);
  for (const key of Object.keys(g)) {
    if (!(key in specs)) {
      const guess = closest(key, names);
      throw new MIInputError(
        "unknown-option",
        `${fn}: unknown option "${key}".${guess ? ` Did you mean "${guess}"?` : ""} Known options: ${names.join(", ")}.`,
        { fn, arg: `options.${key}` },
      );
    }
  }
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const spec = specs[name];
    const v = g[name] === undefined ? spec.default : g[name];
    const problem = g[name] === undefined ? null : spec.check(v);
    if (problem) {
      let shown: string;
      try { shown = typeof v === "function" ? "a function" : JSON.stringify(v) ?? String(v); } catch { shown = String(v); }
      throw new MIInputError("invalid-option", `${fn}: options.${name} must be ${problem}; got ${shown}.`, { fn, arg: `options.${name}` });
    }
    out[name] = v;
  }
  return out as T;
}

/** The resolved options as they go into a result: JSON-friendly (no signal or callback). */
export function publicOptions<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v !== "function" && k !== "signal") out[k] = v;
  return out as T;
}
