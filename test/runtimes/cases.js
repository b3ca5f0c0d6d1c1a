// The cases every runtime test runs — identically in Node, Chromium (directly, bundled by esbuild
// and Vite, and through mutinfo/worker), workerd, Deno and Bun — and the exact-bits form their
// results are compared in. Plain JavaScript with no imports, so every runtime can load it as is.
//
// To add an estimator: one line in `cases`. `m` is the package's namespace (or a worker from
// createMIWorker, which has the same functions).

/** A fixed correlated sample, made with exact integer arithmetic (no host Math.* rounding):
 *  x_i uniform on a grid, y_i = x_i + a second, independent grid value scaled by 1/2. */
export function fixedSample(n) {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let a = 12345;
  let b = 67890;
  for (let i = 0; i < n; i++) {
    a = (a * 48271) % 2147483647; // Park–Miller minimal standard generator, exact in doubles
    b = (b * 16807) % 2147483647;
    x[i] = a / 2147483647 - 0.5;
    y[i] = x[i] + (b / 2147483647 - 0.5) / 2;
  }
  return { x, y };
}

export const SAMPLE = fixedSample(300);

export const cases = [
  { name: "selfTest(0)", call: (m) => m.selfTest(0) },
  { name: "selfTest(7)", call: (m) => m.selfTest(7) },
  { name: "selfTest(2^53-1)", call: (m) => m.selfTest(9007199254740991) },
  { name: "ksgMI defaults", call: (m) => m.ksgMI(SAMPLE.x, SAMPLE.y, { seed: 1 }) },
  { name: "ksgMI KSG-2 k=5, 25 permutations", call: (m) => m.ksgMI(SAMPLE.x, SAMPLE.y, { seed: 2, algorithm: 2, k: 5, permutations: 25 }) },
  { name: "ksgMI Ross (discrete x), bits", call: (m) => m.ksgMI(Array.from(SAMPLE.x, (v) => (v < -0.2 ? "lo" : v < 0.2 ? "mid" : "hi")), SAMPLE.y, { seed: 3, discreteX: true, base: 2 }) },
  { name: "gmmMI component search + bootstrap", call: (m) => m.gmmMI(SAMPLE.x, SAMPLE.y, { seed: 1, maxComponents: 3, nBootstrap: 8, mcSamples: 2000 }) },
  { name: "gmmMI 2 components, kmeans init, entropies + KL", call: (m) => m.gmmMI(SAMPLE.x, SAMPLE.y, { seed: 3, components: 2, init: "randomizedKmeans", nBootstrap: 5, mcSamples: 1000, entropies: true, kl: "forward" }) },
  { name: "gmmMI categorical y", call: (m) => m.gmmMI(SAMPLE.x, Array.from(SAMPLE.y, (v) => (v < 0 ? "neg" : "pos")), { seed: 2, discreteY: true, maxComponents: 2, nBootstrap: 5, mcSamples: 2000 }) },
  { name: "mineMI f32 engine (ReLU), 2 epochs", call: (m) => m.mineMI(SAMPLE.x, SAMPLE.y, { seed: 1, epochs: 2, hiddenSizes: [12, 10], nPermutations: 3 }) },
  { name: "mineMI f32 engine (ReLU, wide enough to skip zero terms), 1 epoch", call: (m) => m.mineMI(SAMPLE.x, SAMPLE.y, { seed: 2, epochs: 1, hiddenSizes: [48, 41], nPermutations: 2 }) },
  { name: "mineeMI f32 engine (ELU), 40 steps", call: (m) => m.mineeMI(SAMPLE.x, SAMPLE.y, { seed: 1, steps: 40, evalEvery: 10, evalRefSize: 500, hiddenSizes: [12, 10], refFactor: 2 }) },
];

const HEX = (v) => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  let s = "";
  for (let i = 0; i < 8; i++) s += dv.getUint8(i).toString(16).padStart(2, "0");
  return s;
};

/** Keys that legitimately differ between runtimes (wall time, host name) and are left out. */
export const IGNORED_KEYS = ["seconds", "runtime"];

/** A JSON-able copy of a result in which every number is the hex of its float64 bits. */
export function exactBits(v) {
  if (typeof v === "number") return "f64:" + HEX(v);
  if (v === null || typeof v === "string" || typeof v === "boolean" || v === undefined) return v ?? null;
  if (ArrayBuffer.isView(v)) return { [v.constructor.name]: Array.from(v, (x) => HEX(Number(x))) };
  if (Array.isArray(v)) return v.map(exactBits);
  if (typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) {
      if (IGNORED_KEYS.includes(k) || typeof v[k] === "function") continue;
      out[k] = exactBits(v[k]);
    }
    return out;
  }
  return String(v);
}

/** Run every case with `m`; returns { caseName: exact-bits result or { error } }. */
export async function runCases(m) {
  const out = {};
  for (const c of cases) {
    try {
      out[c.name] = exactBits(await c.call(m));
    } catch (err) {
      out[c.name] = { error: `${err && err.name}: ${err && err.message}` };
    }
  }
  return out;
}
