/** Rows of objects with the same keys as a GitHub markdown table. Numbers are shown with
 *  `digits` significant digits; NaN and null as "–". */
export function markdownTable(rows: readonly Record<string, unknown>[], digits = 3): string {
  if (!rows.length) return "";
  const keys = Object.keys(rows[0]);
  const fmt = (v: unknown) =>
    typeof v === "number" ? (Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : v.toPrecision(digits)) : "–") : v === null || v === undefined ? "–" : String(v);
  const lines = [
    `| ${keys.join(" | ")} |`,
    `| ${keys.map((k) => (typeof rows[0][k] === "number" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${keys.map((k) => fmt(r[k])).join(" | ")} |`),
  ];
  return lines.join("\n") + "\n";
}
