import { MINumericError } from "../../errors.js";
import type { Scope } from "../../wasm/scope.js";
import type { Mixture } from "./model.js";
import { freeMixture, writeMixture } from "./wasmMixture.js";

/** A log-density term: the mixture's marginal over `dens` evaluated at the point's `input`
 *  columns (the same list for ordinary marginals). */
export interface Term {
  dens: number[];
  input?: number[];
}

export interface TermMoments {
  /** E[ln p_S] per term. */
  means: Float64Array;
  /** Covariance of the terms' values across Monte Carlo draws (zeros when exact). */
  cov: Float64Array;
  /** Number of Monte Carlo draws (0 when exact). */
  draws: number;
}

const LN_2PI_PLUS_1 = 2.8378770664093453; // ln(2π) + 1

/** Expectations of log-density terms under the mixture. With one component and ordinary terms
 *  they are exact: E[ln N_S] = −½ ln det Σ_S − |S|/2 (ln 2π + 1); otherwise Monte Carlo with
 *  `draws` points from the stream at `rng`, returning the terms' sample covariance as well. */
export function termMoments(s: Scope, m: Mixture, terms: Term[], draws: number, rng: number): TermMoments {
  const p = terms.length;
  const ordinary = terms.every((t) => !t.input || t.input.every((c, i) => c === t.dens[i]));
  if (m.K === 1 && ordinary) {
    const cov = s.writeF64(m.covariances);
    const L = Math.max(...terms.map((t) => t.dens.length));
    const work = s.allocF64(L * L);
    const means = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const cols = s.writeI32(terms[i].dens);
      const ld = s.k.linalg_logdet_sub(cov, m.d, cols, terms[i].dens.length, work);
      s.free(cols);
      if (Number.isNaN(ld)) throw new MINumericError("non-finite-result", "gmmMI: a fitted covariance is not positive definite.");
      means[i] = -0.5 * ld - (terms[i].dens.length / 2) * LN_2PI_PLUS_1;
    }
    s.free(cov);
    s.free(work);
    return { means, cov: new Float64Array(p * p), draws: 0 };
  }
  const spec: number[] = [];
  for (const t of terms) spec.push(t.dens.length, ...t.dens, ...(t.input ?? t.dens));
  const mp = writeMixture(s, m);
  const specPtr = s.writeI32(spec);
  const work = s.allocF64(s.k.gmm_mc_work_f64(m.K, m.d, specPtr, p));
  const vals = s.allocF64(draws * p);
  const out = s.allocF64(p + p * p);
  try {
    const code = s.k.gmm_mc_terms(mp.w, mp.mu, mp.cov, m.K, m.d, specPtr, p, draws, rng, work, vals);
    if (code !== 0) throw new MINumericError("non-finite-result", `gmmMI: a fitted covariance is not positive definite (code ${code}).`);
    s.k.stats_mean_cov(vals, draws, p, out);
    const r = s.readF64(out, p + p * p);
    return { means: r.slice(0, p), cov: r.slice(p), draws };
  } finally {
    freeMixture(s, mp);
    s.free(specPtr);
    s.free(work);
    s.free(vals);
    s.free(out);
  }
}

/** Σ c_s E[term_s] and its Monte Carlo standard error √(cᵀ C c / M) (0 when exact). */
export function combine(tm: TermMoments, coeffs: number[]): { value: number; mcStdErr: number } {
  const p = coeffs.length;
  let value = 0;
  for (let i = 0; i < p; i++) value += coeffs[i] * tm.means[i];
  if (!tm.draws) return { value, mcStdErr: 0 };
  let v = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) v += coeffs[i] * coeffs[j] * tm.cov[i * p + j];
  return { value, mcStdErr: Math.sqrt(Math.max(0, v) / tm.draws) };
}
