import { MINumericError } from "../../errors.js";
import type { Scope } from "../../wasm/scope.js";
import type { Mixture } from "./model.js";
import { freeMixture, readMixture, writeMixture } from "./wasmMixture.js";

/** Rows of the data in WASM: an index list (i32) into the data matrix. */
export interface RowSet {
  ptr: number;
  n: number;
}

/** The data matrix in WASM (n×d row-major). */
export interface DataPtr {
  ptr: number;
  rows: number;
  d: number;
}

export interface EmSettings {
  regCovar: number;
  tol: number;
  maxIter: number;
  /** Largest regCovar collapse recovery may reach (scaled to the data). */
  maxRegCovar: number;
}

export interface FitOutcome {
  mixture: Mixture;
  iterations: number;
  converged: boolean;
  trainLL: number;
  validLL: number;
  /** The regCovar the fit finally used (above the setting when a component collapsed). */
  regCovar: number;
}

/** One EM fit to convergence from `init` on the train rows, scored on the valid rows.
 *  A covariance that stops being positive definite (a collapsing component: duplicated rows,
 *  heavy tails) is recovered by refitting from `init` with regCovar ×10, up to maxRegCovar. */
export function emFit(s: Scope, data: DataPtr, train: RowSet, valid: RowSet | null, init: Mixture, st: EmSettings): FitOutcome {
  const { K, d } = init;
  const work = s.allocF64(s.k.gmm_em_work_f64(train.n, K, d));
  const result = s.allocF64(4);
  let reg = st.regCovar;
  try {
    for (;;) {
      const p = writeMixture(s, init);
      const code = s.k.gmm_em_fit(data.ptr, d, train.ptr, train.n, valid?.ptr ?? 0, valid?.n ?? 0, K,
        p.w, p.mu, p.cov, reg, st.tol, st.maxIter, work, result);
      if (code === 0) {
        const r = s.f64(result, 4);
        const out: FitOutcome = { mixture: readMixture(s, p), iterations: r[0], converged: r[1] === 1, trainLL: r[2], validLL: r[3], regCovar: reg };
        freeMixture(s, p);
        return out;
      }
      freeMixture(s, p);
      const next = reg > 0 ? reg * 10 : Math.max(1e-12, st.maxRegCovar * 1e-9);
      if (next > st.maxRegCovar) {
        throw new MINumericError(
          "fit-failed",
          `gmmMI: component ${code - 1} of a ${K}-component fit kept collapsing (its covariance is not positive definite ` +
            `even with regCovar ${reg.toExponential(1)}). This happens with many duplicated or collapsed samples. ` +
            `Try fewer components, a larger regCovar, or check the data for repeated rows.`,
        );
      }
      reg = next;
    }
  } finally {
    s.free(work);
    s.free(result);
  }
}
