import type { Matrix } from "../../data/matrix.js";
import type { Scope } from "../../wasm/scope.js";

/** Copy a continuous variable into WASM memory as scikit-learn's mutual_info_* prepare it
 *  (kernel knn_prepare, in place):
 *  - `standardize`: each column divided by its population standard deviation (no centring);
 *  - `noise` > 0: each column then gets noise · max(1, mean |column|) · z added, z standard
 *    normal from the stream (seed, "noise", stream) drawn row by row (by the ziggurat, three
 *    times faster than the polar method for a bulk draw like this one).
 *  Columns must not be constant. Returns the pointer to the n × d row-major block. */
export function prepareContinuous(s: Scope, m: Matrix, standardize: boolean, noise: number, seed: number, stream: number): number {
  const { rows: n, cols: d } = m;
  const ptr = s.writeF64(m.data);
  let z = 0;
  if (noise > 0) {
    z = s.allocF64(n * d);
    s.k.rng_fill_normal_ziggurat(s.rng(seed, "noise", stream), z, n * d);
  }
  s.k.knn_prepare(ptr, n, d, standardize ? 1 : 0, noise, z);
  if (z) s.free(z);
  return ptr;
}
