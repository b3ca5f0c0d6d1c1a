import type { AccuracyRow } from "./accuracyRow.js";

export interface AccuracySummary {
  estimator: string;
  /** The value of the grouping key (a task family, an n, …). */
  group: string;
  /** Successful estimates. */
  count: number;
  failed: number;
  /** Mean of estimate − truth (nats). */
  bias: number;
  /** √ mean (estimate − truth)² (nats). */
  rmse: number;
  /** Mean reported std (NaN if the estimator gives none). */
  meanStd: number;
  /** Mean wall-clock seconds per estimate. */
  meanSeconds: number;
}

/** Bias, RMSE, mean reported std and mean time per estimator and group (`key(row)`, e.g. the task
 *  family). Failed calls are counted, not averaged. Report code: host Math is fine here. */
export function summarizeAccuracy(rows: readonly AccuracyRow[], key: (r: AccuracyRow) => string = (r) => r.family): AccuracySummary[] {
  const groups = new Map<string, AccuracyRow[]>();
  for (const r of rows) {
    const k = `${r.estimator}\u0000${key(r)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  const out: AccuracySummary[] = [];
  for (const [k, g] of groups) {
    const [estimator, group] = k.split("\u0000");
    const ok = g.filter((r) => r.estimate !== null && Number.isFinite(r.estimate));
    const err = ok.map((r) => (r.estimate as number) - r.truth);
    const stds = ok.map((r) => r.std).filter((s): s is number => s !== null && Number.isFinite(s));
    const avg = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);
    out.push({
      estimator,
      group,
      count: ok.length,
      failed: g.length - ok.length,
      bias: avg(err),
      rmse: Math.sqrt(avg(err.map((e) => e * e))),
      meanStd: avg(stds),
      meanSeconds: avg(g.map((r) => r.seconds)),
    });
  }
  return out.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.estimator < b.estimator ? -1 : 1));
}
