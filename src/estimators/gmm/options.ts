import { bool, commonSpecs, int, nullOr, num, oneOf, type CommonOptions, type OptionSpecs } from "../../options.js";
import type { InitMethod } from "./initMixture.js";
import type { Metric } from "./selectComponents.js";

/** Options of gmmMI (and the GMM family). Defaults follow the Python GMM-MI package except
 *  where the README's option table says why not. */
export interface GmmOptions extends CommonOptions {
  /** Initialisations per component count. Default 3. */
  nInits?: number;
  /** Cross-validation folds. Default 2. */
  nFolds?: number;
  /** EM stops when the mean train log-likelihood changes by less than this. Default 1e-5. */
  tol?: number;
  /** A component count must improve the metric by more than this to count. Default 1e-5. */
  threshold?: number;
  /** Stop after this many consecutive counts without improvement. Default 1. */
  patience?: number;
  /** EM iteration cap per fit. Default 10000. */
  maxIter?: number;
  /** Largest component count the search tries. Default 50. */
  maxComponents?: number;
  /** Fix the number of components and skip the search. Default null (search). */
  components?: number | null;
  /** Selection metric: mean validation log-likelihood, AIC or BIC. Default "valid". */
  metric?: Metric;
  /** Initialisation. Default "randomResp" (random responsibilities, the paper's). */
  init?: InitMethod;
  /** Perturbation scale of "randomizedKmeans". Default 0.5. */
  initScale?: number;
  /** Added to every covariance diagonal. Default 1e-12 (raised ×10 automatically for a fit whose
   *  component collapses, with a warning). */
  regCovar?: number;
  /** Bootstrap replicates. Default 50. */
  nBootstrap?: number;
  /** Monte Carlo samples per replicate (unused when a fit has one component: exact formula). Default 1e5. */
  mcSamples?: number;
  /** y holds class labels (any values): continuous × categorical MI. Default false. */
  discreteY?: boolean;
  /** Class probabilities for discreteY: the empirical frequencies or uniform (the paper's). Default "empirical". */
  priors?: "empirical" | "uniform";
  /** Also report H(X), H(Y), H(X,Y) with bootstrap std. Default false. */
  entropies?: boolean;
  /** Threads for the bootstrap (Node: worker_threads, each with its own WebAssembly instance).
   *  The result has the same bits for every value. Where no thread backend exists (browsers,
   *  Workers: use mutinfo/worker there) the bootstrap runs on one thread with a warning. Default 1. */
  workers?: number;
  /** Also report KL(p_X ‖ p_Y) ("forward") or KL(p_Y ‖ p_X) ("reverse"); needs dimX = dimY. Default null. */
  kl?: "forward" | "reverse" | null;
}

export const gmmSpecs: OptionSpecs = {
  ...commonSpecs,
  nInits: { default: 3, check: int(1, 1000) },
  nFolds: { default: 2, check: int(2, 100) },
  tol: { default: 1e-5, check: num(0, Infinity, { minExclusive: true }) },
  threshold: { default: 1e-5, check: num(0) },
  patience: { default: 1, check: int(1, 1000) },
  maxIter: { default: 10000, check: int(1, 10_000_000) },
  maxComponents: { default: 50, check: int(1, 1000) },
  components: { default: null, check: nullOr(int(1, 1000)) },
  metric: { default: "valid", check: oneOf("valid", "aic", "bic") },
  init: { default: "randomResp", check: oneOf("randomResp", "kmeans", "randomizedKmeans", "minmax") },
  initScale: { default: 0.5, check: num(0) },
  regCovar: { default: 1e-12, check: num(0) },
  nBootstrap: { default: 50, check: int(1, 1_000_000) },
  mcSamples: { default: 100_000, check: int(2, 100_000_000) },
  workers: { default: 1, check: int(1, 256) },
  discreteY: { default: false, check: bool },
  priors: { default: "empirical", check: oneOf("empirical", "uniform") },
  entropies: { default: false, check: bool },
  kl: { default: null, check: nullOr(oneOf("forward", "reverse")) },
};

export type GmmResolved = Required<Omit<GmmOptions, "signal" | "onProgress">> & Pick<GmmOptions, "signal" | "onProgress">;
