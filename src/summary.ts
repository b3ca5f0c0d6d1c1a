// Summaries computed with + − × ÷ and √ only: IEEE-exact, so every runtime gives the same bits.

/** Arithmetic mean (0 values → NaN). */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : NaN;
}

/** Sample standard deviation with ddof 1 (two-pass; fewer than 2 values → NaN). */
export function sampleStd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) * (values[i] - m);
  return Math.sqrt(s / (n - 1));
}
