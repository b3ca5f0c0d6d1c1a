import type { Scope } from "./scope.js";

/** Natural logarithms computed in WebAssembly (the same bits in every runtime, unlike the host's
 *  Math.log). */
export function wasmLog(s: Scope, values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const p = s.writeF64(values);
  s.k.special_log(p, p, n);
  const out = s.readF64(p, n);
  s.free(p);
  return out;
}

/** Divide information quantities (nats) by ln(base); base e (the default) returns them unchanged. */
export function toBase(s: Scope, base: number): (nats: number) => number {
  if (base === Math.E) return (v) => v;
  const ln = base === 2 ? Math.LN2 : wasmLog(s, [base])[0];
  return (v) => v / ln;
}
