// Render a Vega-Lite spec to an SVG file with Vega's headless SVG renderer (no browser, no canvas).
import { writeFileSync, mkdirSync } from "node:fs";
import * as vega from "vega";
import * as vl from "vega-lite";

export async function renderSvg(spec, url) {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  mkdirSync(new URL(".", url), { recursive: true });
  writeFileSync(url, svg);
  return svg.length;
}
