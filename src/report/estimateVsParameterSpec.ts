import type { AccuracyRow } from "./accuracyRow.js";

/** Vega-Lite spec (the GMM-MI paper's Fig. 2 for one distribution): mean estimate ± the mean
 *  reported std (or ± the spread over seeds when none is reported) against the swept parameter
 *  (estimators slightly offset sideways so their bars do not overlap),
 *  one colour per estimator whose legend label carries its mean time per estimate, and the truth
 *  as a black line. `rows` should hold one family at one n. */
export function estimateVsParameterSpec(rows: readonly AccuracyRow[], opts: { title: string; parameter: string }): object {
  const cells = new Map<string, AccuracyRow[]>();
  for (const r of rows) {
    if (r.parameter === null || r.estimate === null) continue;
    const k = `${r.estimator}\u0000${r.parameter}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = []));
    c.push(r);
  }
  const time = new Map<string, number[]>();
  for (const r of rows) {
    let t = time.get(r.estimator);
    if (!t) time.set(r.estimator, (t = []));
    t.push(r.seconds);
  }
  const label = (e: string) => {
    const t = time.get(e) ?? [];
    const s = t.reduce((a, b) => a + b, 0) / Math.max(1, t.length);
    return `${e} (${s < 0.1 ? (s * 1000).toPrecision(2) + " ms" : s.toPrecision(2) + " s"} per estimate)`;
  };
  // Estimators side by side: each gets a small horizontal offset (1.5% of the parameter range).
  const names = [...new Set(rows.map((r) => r.estimator))].sort();
  const ps = rows.filter((r) => r.parameter !== null).map((r) => r.parameter as number);
  const step = ps.length ? (0.015 * (Math.max(...ps) - Math.min(...ps) || 1)) : 0;
  const points: object[] = [];
  for (const [k, c] of cells) {
    const [estimator, p] = k.split("\u0000");
    const shift = (names.indexOf(estimator) - (names.length - 1) / 2) * step;
    const est = c.map((r) => r.estimate as number);
    const mean = est.reduce((a, b) => a + b, 0) / est.length;
    const stds = c.map((r) => r.std).filter((s): s is number => s !== null && Number.isFinite(s));
    const spread = stds.length
      ? stds.reduce((a, b) => a + b, 0) / stds.length
      : est.length > 1
        ? Math.sqrt(est.reduce((a, b) => a + (b - mean) ** 2, 0) / (est.length - 1))
        : 0;
    points.push({ estimator: label(estimator), parameter: Number(p) + shift, mean, lo: mean - spread, hi: mean + spread });
  }
  const truth = [...new Map(rows.filter((r) => r.parameter !== null).map((r) => [r.parameter, r.truth])).entries()]
    .sort((a, b) => (a[0] as number) - (b[0] as number))
    .map(([parameter, truth]) => ({ parameter, truth }));
  const x = { field: "parameter", type: "quantitative", title: opts.parameter };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: opts.title,
    width: 420,
    height: 300,
    layer: [
      {
        data: { values: truth },
        mark: { type: "line", color: "black", strokeWidth: 1.5 },
        encoding: { x, y: { field: "truth", type: "quantitative", title: "MI (nats)" } },
      },
      {
        data: { values: points },
        layer: [
          {
            mark: { type: "errorbar", ticks: true },
            encoding: { x, y: { field: "lo", type: "quantitative", title: "MI (nats)" }, y2: { field: "hi" }, color: { field: "estimator", type: "nominal" } },
          },
          {
            mark: { type: "point", filled: true, size: 40 },
            encoding: { x, y: { field: "mean", type: "quantitative" }, color: { field: "estimator", type: "nominal", legend: { orient: "bottom", columns: 1, title: null, labelLimit: 500 } } },
          },
        ],
      },
    ],
  };
}
