// The preparation scikit-learn's mutual_info_* apply to a continuous variable, in place on its
// n × d row-major block: optional scaling of each column by its population standard deviation
// (no centring), then optional jitter. Each column sum is taken as four interleaved partial sums
// (rows i ≡ 0, 1, 2, 3 mod 4, added in row order, then ((s0 + s1) + (s2 + s3))): the additions
// no longer wait on each other, and the result is the same in every runtime.

// @ts-ignore: decorator
@inline function at(data: usize, i: i32, d: i32, j: i32): f64 {
  return load<f64>(data + (<usize>(i * d + j) << 3));
}

// Σ_i f(column j, row i) in the fixed four-way order; kind 0: v, 1: (v − c)², 2: |v|.
function columnSum(data: usize, n: i32, d: i32, j: i32, kind: i32, c: f64): f64 {
  let s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  const m = n & ~3;
  let i = 0;
  if (kind == 0) {
    for (; i < m; i += 4) {
      s0 += at(data, i, d, j); s1 += at(data, i + 1, d, j); s2 += at(data, i + 2, d, j); s3 += at(data, i + 3, d, j);
    }
    for (; i < n; i++) s0 += at(data, i, d, j);
  } else if (kind == 1) {
    for (; i < m; i += 4) {
      const a = at(data, i, d, j) - c, b = at(data, i + 1, d, j) - c, e = at(data, i + 2, d, j) - c, f = at(data, i + 3, d, j) - c;
      s0 += a * a; s1 += b * b; s2 += e * e; s3 += f * f;
    }
    for (; i < n; i++) { const a = at(data, i, d, j) - c; s0 += a * a; }
  } else {
    for (; i < m; i += 4) {
      s0 += abs(at(data, i, d, j)); s1 += abs(at(data, i + 1, d, j)); s2 += abs(at(data, i + 2, d, j)); s3 += abs(at(data, i + 3, d, j));
    }
    for (; i < n; i++) s0 += abs(at(data, i, d, j));
  }
  return (s0 + s1) + (s2 + s3);
}

/** standardize ≠ 0: divide each column by sqrt(Σ (v − mean)² / n) (columns with zero spread are
 *  left alone). noise > 0: then add noise · max(1, mean |column|) · z[i, j] to each value, z the
 *  n × d block of standard normal deviates at `z`. */
export function knn_prepare(data: usize, n: i32, d: i32, standardize: i32, noise: f64, z: usize): void {
  const nf = <f64>n;
  if (standardize != 0) {
    for (let j = 0; j < d; j++) {
      const mean = columnSum(data, n, d, j, 0, 0.0) / nf;
      const std = Math.sqrt(columnSum(data, n, d, j, 1, mean) / nf);
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
      const meanAbs = columnSum(data, n, d, j, 2, 0.0) / nf;
      const scale = noise * (meanAbs > 1 ? meanAbs : 1.0);
      for (let i = 0; i < n; i++) {
        const o = <usize>(i * d + j) << 3;
        store<f64>(data + o, load<f64>(data + o) + scale * load<f64>(z + o));
      }
    }
  }
}
