import type { Scope } from "../../wasm/scope.js";
import type { Mixture } from "./model.js";

/** A mixture's three arrays in WASM memory. */
export interface MixturePtrs {
  K: number;
  d: number;
  w: number;
  mu: number;
  cov: number;
}

export function allocMixture(s: Scope, K: number, d: number): MixturePtrs {
  return { K, d, w: s.allocF64(K), mu: s.allocF64(K * d), cov: s.allocF64(K * d * d) };
}

export function writeMixture(s: Scope, m: Mixture, into?: MixturePtrs): MixturePtrs {
  const p = into ?? allocMixture(s, m.K, m.d);
  s.f64(p.w, m.K).set(m.weights);
  s.f64(p.mu, m.K * m.d).set(m.means);
  s.f64(p.cov, m.K * m.d * m.d).set(m.covariances);
  return p;
}

export function readMixture(s: Scope, p: MixturePtrs): Mixture {
  return {
    K: p.K,
    d: p.d,
    weights: s.readF64(p.w, p.K),
    means: s.readF64(p.mu, p.K * p.d),
    covariances: s.readF64(p.cov, p.K * p.d * p.d),
  };
}

export function freeMixture(s: Scope, p: MixturePtrs): void {
  s.free(p.w);
  s.free(p.mu);
  s.free(p.cov);
}
