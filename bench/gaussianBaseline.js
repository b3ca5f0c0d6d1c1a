// Gaussian (canonical-correlation) baseline, as in the Beyond Normal benchmark's CCA estimator:
// the MI a joint Gaussian with the sample covariance would have, ½(ln det Sxx + ln det Syy − ln det S).
// Exact for Gaussian tasks, blind to non-linear dependence. Benchmark-only code: host Math is fine.

function halfLogDet(a, d) {
  const l = Float64Array.from(a);
  let s = 0;
  for (let j = 0; j < d; j++) {
    let v = l[j * d + j];
    for (let k = 0; k < j; k++) v -= l[j * d + k] ** 2;
    if (!(v > 0)) return NaN;
    const r = Math.sqrt(v);
    l[j * d + j] = r;
    s += Math.log(r);
    for (let i = j + 1; i < d; i++) {
      let t = l[i * d + j];
      for (let k = 0; k < j; k++) t -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = t / r;
    }
  }
  return s;
}

export function gaussianBaseline(x, y) {
  const n = x.rows, dx = x.cols, dy = y.cols, d = dx + dy;
  const mean = new Float64Array(d);
  const row = (i, j) => (j < dx ? x.data[i * dx + j] : y.data[i * dy + j - dx]);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += row(i, j) / n;
  const cov = new Float64Array(d * d);
  const v = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) v[j] = row(i, j) - mean[j];
    for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[a * d + b] += v[a] * v[b];
  }
  for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[b * d + a] = cov[a * d + b] /= n - 1;
  const blk = (r0, k) => {
    const o = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) o[i * k + j] = cov[(r0 + i) * d + r0 + j];
    return o;
  };
  return halfLogDet(blk(0, dx), dx) + halfLogDet(blk(dx, dy), dy) - halfLogDet(cov, d);
}
