import type { Scope } from "../../wasm/scope.js";

/** ψ at a few values, through the WASM kernel (same bits in every runtime). */
export function digammaOf(s: Scope, values: number[]): number[] {
  const inp = s.writeF64(values);
  const out = s.allocF64(values.length);
  s.k.special_digamma(inp, out, values.length);
  const r = Array.from(s.readF64(out, values.length));
  s.free(inp);
  s.free(out);
  return r;
}
