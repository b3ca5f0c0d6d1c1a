// The estimator registry for the accuracy and calibration scripts. Every estimator the built
// package exports under a known name joins automatically (neural ones when they land), plus a
// Gaussian baseline that needs no estimator branch.
import { gaussianBaseline } from "./gaussianBaseline.js";

/** Known public estimators and the options the benchmark passes them (besides seed and signal). */
const KNOWN = [
  { name: "gmmMI", options: {} },
  { name: "ksgMI", options: { k: 3 } },
  { name: "mineMI", options: {} },
  { name: "mineeMI", options: {} },
  { name: "doeMI", options: {} },
];

/** [{name, run(x, y, seed, signal) → {mi, std|null}}] for what `pkg` exports, then the baseline. */
export function estimatorRegistry(pkg, only = null) {
  const list = [];
  for (const e of KNOWN) {
    if (typeof pkg[e.name] !== "function") continue;
    list.push({
      name: e.name,
      async run(x, y, seed, signal) {
        const r = await pkg[e.name](x, y, { ...e.options, seed, ...(signal ? { signal } : {}) });
        return { mi: r.mi, std: typeof r.std === "number" ? r.std : null, warnings: r.warnings ?? [] };
      },
    });
  }
  list.push({ name: "gaussian-baseline", run: async (x, y) => ({ mi: gaussianBaseline(x, y), std: null, warnings: [] }) });
  return only ? list.filter((e) => only.includes(e.name)) : list;
}

/** Names the registry knows, for messages. */
export const KNOWN_ESTIMATORS = KNOWN.map((e) => e.name);
