// The preparation scikit-learn's mutual_info_* apply to a continuous variable, in place on its
// n × d row-major block: optional scaling of each column by its population standard deviation
// (no centring), then optional jitter. Sums run in row order, so the result is the same in
// every runtime.

/** standardize ≠ 0: divide each column by sqrt(Σ (v − mean)² / n) (columns with zero spread are
 *  left alone). noise > 0: then add noise · max(1, mean |column|) · z[i, j] to each value, z the
 *  n × d block of standard normal deviates at `z`. */
export function knn_prepare(data: usize, n: i32, d: i32, standardize: i32, noise: f64, z: usize): void {
  const nf = <f64>n;
  if (standardize != 0) {
    for (let j = 0; j < d; j++) {
      let sum = 0.0;
      for (let i = 0; i < n; i++) sum += load<f64>(data + (<usize>(i * d + j) << 3));
      const mean = sum / nf;
      let ss = 0.0;
      for (let i = 0; i < n; i++) {
        const dv = load<f64>(data + (<usize>(i * d + j) << 3)) - mean;
        ss += dv * dv;
      }
      const std = Math.sqrt(ss / nf);
      if (std > 0) {
        for (let i = 0; i < n; i++) {
          const p = data + (<usize>(i * d + j) << 3);
          store<f64>(p, load<f64>(p) / std);
        }
      }
    }
  }
  if (noise > 0) {
    for (let j = 0; j < d; j++) {
      let sa = 0.0;
      for (let i = 0; i < n; i++) sa += abs(load<f64>(data + (<usize>(i * d + j) << 3)));
      const meanAbs = sa / nf;
      const scale = noise * (meanAbs > 1 ? meanAbs : 1.0);
      for (let i = 0; i < n; i++) {
        const o = <usize>(i * d + j) << 3;
        store<f64>(data + o, load<f64>(data + o) + scale * load<f64>(z + o));
      }
    }
  }
}
