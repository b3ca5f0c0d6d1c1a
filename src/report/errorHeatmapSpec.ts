import type { AccuracyRow } from "./accuracyRow.js";

/** Vega-Lite spec: heatmap of the mean error (estimate − truth, nats) per estimator × task, tasks
 *  in the order they first appear in `rows`, with the value printed in each cell; diverging colours
 *  centred on 0. Cells with no estimate are grey and marked "fail" (the calls failed) or "skip" (the benchmark
 *  did not run that estimator on tasks of that size). */
export function errorHeatmapSpec(rows: readonly AccuracyRow[], opts: { title: string }): object {
  const order: string[] = [];
  const cells = new Map<string, { estimator: string; task: string; errs: number[]; failed: number; skipped: number; truth: number }>();
  for (const r of rows) {
    const task = `${r.taskName} [${r.truth.toFixed(2)}]`;
    if (!order.includes(task)) order.push(task);
    const k = `${r.estimator}\u0000${task}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { estimator: r.estimator, task, errs: [], failed: 0, skipped: 0, truth: r.truth }));
    if (r.estimate === null && r.error?.startsWith("skipped")) c.skipped++;
    else if (r.estimate === null) c.failed++;
    else c.errs.push(r.estimate - r.truth);
  }
  const values = [...cells.values()].map((c) => {
    const err = c.errs.length ? c.errs.reduce((a, b) => a + b, 0) / c.errs.length : null;
    return { estimator: c.estimator, task: c.task, error: err, label: err === null ? (c.skipped ? "skip" : "fail") : err.toFixed(2) };
  });
  const maxAbs = Math.max(0.1, ...values.map((v) => (v.error === null ? 0 : Math.abs(v.error))));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: opts.title,
    data: { values },
    width: { step: 70 },
    height: { step: 16 },
    encoding: {
      x: { field: "estimator", type: "nominal", title: null, axis: { orient: "top", labelAngle: 0 } },
      y: { field: "task", type: "nominal", sort: order, title: "task [true MI, nats]", axis: { labelLimit: 400 } },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            condition: { test: "datum.error === null", value: "#dddddd" },
            field: "error",
            type: "quantitative",
            title: "estimate − truth",
            scale: { scheme: "redblue", domain: [-maxAbs, maxAbs], reverse: true },
          },
        },
      },
      { mark: { type: "text", fontSize: 9 }, encoding: { text: { field: "label" } } },
    ],
  };
}
