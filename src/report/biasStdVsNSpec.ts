import type { AccuracyRow } from "./accuracyRow.js";

/** Vega-Lite spec (the GMM-MI paper's Fig. 3): |bias| (mean estimate − truth over seeds) and the
 *  mean reported std against n on log–log axes, per estimator, with a dashed N^(−1/2) reference
 *  line anchored at the first point of the largest curve. `rows` should hold one task. */
export function biasStdVsNSpec(rows: readonly AccuracyRow[], opts: { title: string }): object {
  const cells = new Map<string, AccuracyRow[]>();
  for (const r of rows) {
    if (r.estimate === null) continue;
    const k = `${r.estimator}\u0000${r.n}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = []));
    c.push(r);
  }
  const values: { estimator: string; n: number; metric: string; value: number }[] = [];
  for (const [k, c] of cells) {
    const [estimator, n] = k.split("\u0000");
    const bias = c.reduce((a, r) => a + (r.estimate as number) - r.truth, 0) / c.length;
    values.push({ estimator, n: Number(n), metric: "|bias|", value: Math.max(Math.abs(bias), 1e-6) });
    const stds = c.map((r) => r.std).filter((s): s is number => s !== null && Number.isFinite(s));
    if (stds.length) values.push({ estimator, n: Number(n), metric: "reported std", value: stds.reduce((a, b) => a + b, 0) / stds.length });
    else if (c.length > 1) {
      const m = c.reduce((a, r) => a + (r.estimate as number), 0) / c.length;
      const sd = Math.sqrt(c.reduce((a, r) => a + ((r.estimate as number) - m) ** 2, 0) / (c.length - 1));
      values.push({ estimator, n: Number(n), metric: "std over seeds", value: sd });
    }
  }
  const ns = [...new Set(values.map((v) => v.n))].sort((a, b) => a - b);
  const first = values.filter((v) => v.n === ns[0] && v.metric !== "|bias|");
  const anchor = first.length ? Math.max(...first.map((v) => v.value)) : 0.1;
  const ref = ns.map((n) => ({ n, value: anchor * Math.sqrt(ns[0] / n) }));
  const x = { field: "n", type: "quantitative", scale: { type: "log" }, title: "n (samples)" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: opts.title,
    width: 420,
    height: 300,
    layer: [
      {
        data: { values: ref },
        mark: { type: "line", color: "gray", strokeDash: [6, 4] },
        encoding: { x, y: { field: "value", type: "quantitative", scale: { type: "log" } } },
      },
      {
        data: { values: ref.slice(-1).map((r) => ({ ...r, text: "∝ N^−1/2" })) },
        mark: { type: "text", align: "left", dx: 4, color: "gray" },
        encoding: { x, y: { field: "value", type: "quantitative", scale: { type: "log" } }, text: { field: "text" } },
      },
      {
        data: { values },
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", scale: { type: "log" }, title: "nats" },
          color: { field: "estimator", type: "nominal" },
          strokeDash: { field: "metric", type: "nominal", title: "metric", legend: { symbolType: "stroke", symbolStrokeColor: "black", symbolSize: 300 } },
        },
      },
      {
        data: { values },
        mark: { type: "point", filled: true },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", scale: { type: "log" } },
          color: { field: "estimator", type: "nominal" },
        },
      },
    ],
  };
}
