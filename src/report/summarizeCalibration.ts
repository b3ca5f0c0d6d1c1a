/** One estimate with its reported uncertainty, for a calibration study. */
export interface CalibrationRow {
  n: number;
  seed: number;
  truth: number;
  estimate: number;
  std: number;
}

export interface CalibrationSummary {
  n: number;
  replicates: number;
  truth: number;
  /** Fraction of replicates with |estimate − truth| ≤ z·std (z = 1.96 by default). */
  coverage: number;
  /** Binomial standard error of `coverage`, √(p(1 − p)/R) at the nominal p. */
  coverageStdErr: number;
  nominal: number;
  /** Mean of estimate − truth. */
  bias: number;
  /** Standard error of the bias (spread of the estimates / √R). */
  biasStdErr: number;
  /** Mean reported std. */
  meanStd: number;
  /** Standard deviation of the estimates over independent data sets (the spread the std should match). */
  spread: number;
  /** meanStd / spread: 1 when the reported std matches the real sampling spread. */
  stdRatio: number;
  /** Mean of (estimate − truth)/std and its standard deviation (0 and 1 for a calibrated, unbiased estimator). */
  zMean: number;
  zStd: number;
}

/** Coverage of estimate ± z·std, bias, and reported std against the real spread, per n. */
export function summarizeCalibration(rows: readonly CalibrationRow[], z = 1.96, nominal = 0.95): CalibrationSummary[] {
  const byN = new Map<number, CalibrationRow[]>();
  for (const r of rows) {
    let g = byN.get(r.n);
    if (!g) byN.set(r.n, (g = []));
    g.push(r);
  }
  const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const sd = (v: number[]) => {
    const m = avg(v);
    return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length - 1));
  };
  return [...byN.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, g]) => {
      const est = g.map((r) => r.estimate);
      const zs = g.map((r) => (r.estimate - r.truth) / r.std);
      const spread = sd(est);
      const meanStd = avg(g.map((r) => r.std));
      return {
        n,
        replicates: g.length,
        truth: g[0].truth,
        coverage: g.filter((r) => Math.abs(r.estimate - r.truth) <= z * r.std).length / g.length,
        coverageStdErr: Math.sqrt((nominal * (1 - nominal)) / g.length),
        nominal,
        bias: avg(est) - g[0].truth,
        biasStdErr: spread / Math.sqrt(g.length),
        meanStd,
        spread,
        stdRatio: meanStd / spread,
        zMean: avg(zs),
        zStd: sd(zs),
      };
    });
}
