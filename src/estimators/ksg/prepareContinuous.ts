import type { Matrix } from "../../data/matrix.js";
import type { Scope } from "../../wasm/scope.js";

/** Copy a continuous variable into WASM memory as scikit-learn's mutual_info_* prepare it:
 *  - `standardize`: each column divided by its population standard deviation (no centring);
 *  - `noise` > 0: each column then gets noise · max(1, mean |column|) · z added, z standard
 *    normal from the stream (seed, "noise", stream) drawn row by row.
 *  Only + − × ÷ √ and |·| run here (IEEE-exact in every engine). Columns must not be constant.
 *  Returns the pointer to the n × d row-major block. */
export function prepareContinuous(s: Scope, m: Matrix, standardize: boolean, noise: number, seed: number, stream: number): number {
  const { rows: n, cols: d } = m;
  const out = new Float64Array(m.data);
  if (standardize) {
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += out[i * d + j];
      const mean = sum / n;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const dv = out[i * d + j] - mean;
        ss += dv * dv;
      }
      const std = Math.sqrt(ss / n);
      if (std > 0) for (let i = 0; i < n; i++) out[i * d + j] /= std;
    }
  }
  const ptr = s.writeF64(out);
  if (noise > 0) {
    const z = s.allocF64(n * d);
    s.k.rng_fill_normal(s.rng(seed, "noise", stream), z, n * d);
    const zv = s.f64(z, n * d);
    for (let j = 0; j < d; j++) {
      let sa = 0;
      for (let i = 0; i < n; i++) sa += Math.abs(out[i * d + j]);
      const meanAbs = sa / n;
      const scale = noise * (meanAbs > 1 ? meanAbs : 1);
      for (let i = 0; i < n; i++) out[i * d + j] += scale * zv[i * d + j];
    }
    s.free(z);
    s.f64(ptr, n * d).set(out);
  }
  return ptr;
}
