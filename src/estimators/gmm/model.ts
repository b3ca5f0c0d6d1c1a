/** A Gaussian mixture over d dimensions, as flat row-major arrays (internal form). */
export interface Mixture {
  K: number;
  d: number;
  weights: Float64Array; // K
  means: Float64Array; // K·d
  covariances: Float64Array; // K·d·d
}

/** A mixture as plain JSON-serialisable arrays (the public form, `result.model`). */
export interface GmmModel {
  /** "gmm" marks the JSON shape; version bumps if it ever changes. */
  type: "gmm";
  version: 1;
  /** Number of components and dimension. */
  components: number;
  dim: number;
  /** Column indices of X and Y (and Z for conditional MI) within the model's dimensions. */
  xCols: number[];
  yCols: number[];
  zCols?: number[];
  weights: number[];
  means: number[][];
  covariances: number[][][];
}

export function cloneMixture(m: Mixture): Mixture {
  return { K: m.K, d: m.d, weights: m.weights.slice(), means: m.means.slice(), covariances: m.covariances.slice() };
}

export function mixtureToModel(m: Mixture, xCols: number[], yCols: number[], zCols?: number[]): GmmModel {
  const { K, d } = m;
  return {
    type: "gmm",
    version: 1,
    components: K,
    dim: d,
    xCols,
    yCols,
    ...(zCols ? { zCols } : {}),
    weights: Array.from(m.weights),
    means: Array.from({ length: K }, (_, k) => Array.from(m.means.subarray(k * d, (k + 1) * d))),
    covariances: Array.from({ length: K }, (_, k) =>
      Array.from({ length: d }, (_, a) => Array.from(m.covariances.subarray(k * d * d + a * d, k * d * d + (a + 1) * d))),
    ),
  };
}
