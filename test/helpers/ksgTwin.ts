// Plain TypeScript twins of the KSG family, by brute force over all pairs (O(N²)): the kernels and
// the estimator are checked against these on small data with ties and duplicate points.

/** ψ at a positive integer: −γ + H_{n−1} (a different method from the WASM series). */
export function digammaInt(n: number): number {
  let s = -0.5772156649015329;
  for (let j = 1; j < n; j++) s += 1 / j;
  return s;
}

export function maxDist(a: Float64Array, i: number, j: number, d: number, from = 0, to = d): number {
  let m = 0;
  for (let c = from; c < to; c++) {
    const v = Math.abs(a[i * d + c] - a[j * d + c]);
    if (v > m) m = v;
  }
  return m;
}

/** The k nearest other rows of row i, ordered by (distance, row). */
export function neighbours(a: Float64Array, n: number, d: number, i: number, k: number): { j: number; dist: number }[] {
  const all: { j: number; dist: number }[] = [];
  for (let j = 0; j < n; j++) if (j !== i) all.push({ j, dist: maxDist(a, i, j, d) });
  all.sort((p, q) => p.dist - q.dist || p.j - q.j);
  return all.slice(0, k);
}

/** #{j : dist(i, j) < eps} (≤ with inclusive, or when eps = 0), row i itself included. */
export function countWithin(a: Float64Array, n: number, d: number, i: number, eps: number, inclusive: boolean): number {
  let c = 0;
  for (let j = 0; j < n; j++) {
    const v = maxDist(a, i, j, d);
    if (inclusive || eps === 0 ? v <= eps : v < eps) c++;
  }
  return c;
}

function columns(a: Float64Array, d: number, from: number, to: number, n: number): Float64Array {
  const w = to - from;
  const out = new Float64Array(n * w);
  for (let i = 0; i < n; i++) for (let c = 0; c < w; c++) out[i * w + c] = a[i * d + from + c];
  return out;
}

/** KSG algorithm 1 or 2 on x (n × dx) and y (n × dy), unclipped nats. */
export function ksgTwin(x: Float64Array, dx: number, y: Float64Array, dy: number, n: number, k: number, algorithm: 1 | 2): number {
  const d = dx + dy;
  const j = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dx; c++) j[i * d + c] = x[i * dx + c];
    for (let c = 0; c < dy; c++) j[i * d + dx + c] = y[i * dy + c];
  }
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const nb = neighbours(j, n, d, i, k);
    if (algorithm === 1) {
      const eps = nb[k - 1].dist;
      sx += digammaInt(countWithin(x, n, dx, i, eps, false));
      sy += digammaInt(countWithin(y, n, dy, i, eps, false));
    } else {
      let ex = 0;
      let ey = 0;
      for (const { j: m } of nb) {
        ex = Math.max(ex, maxDist(j, i, m, d, 0, dx));
        ey = Math.max(ey, maxDist(j, i, m, d, dx, d));
      }
      sx += digammaInt(countWithin(x, n, dx, i, ex, true) - 1);
      sy += digammaInt(countWithin(y, n, dy, i, ey, true) - 1);
    }
  }
  const base = digammaInt(n) + digammaInt(k) - (algorithm === 2 ? 1 / k : 0);
  return base - sx / n - sy / n;
}

/** Ross (2014) as scikit-learn's mutual_info_classif computes it, unclipped nats. */
export function rossTwin(c: Float64Array, d: number, labels: ArrayLike<number>, k: number): number {
  const n = labels.length;
  const count = new Map<number, number>();
  for (let i = 0; i < n; i++) count.set(labels[i], (count.get(labels[i]) ?? 0) + 1);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (count.get(labels[i])! > 1) kept.push(i);
  const m = kept.length;
  const ck = columns(c, d, 0, d, n);
  let sk = 0;
  let sl = 0;
  let sm = 0;
  for (const i of kept) {
    const same = kept.filter((j) => labels[j] === labels[i]);
    const kl = Math.min(k, same.length - 1);
    const ds = same.filter((j) => j !== i).map((j) => maxDist(ck, i, j, d)).sort((a, b) => a - b);
    const r = ds[kl - 1];
    let mi = 0;
    for (const j of kept) {
      const v = maxDist(ck, i, j, d);
      if (r === 0 ? v <= 0 : v < r) mi++;
    }
    sk += digammaInt(kl);
    sl += digammaInt(same.length);
    sm += digammaInt(mi);
  }
  return digammaInt(m) + sk / m - sl / m - sm / m;
}

/** Plug-in MI of two label sequences (nats). */
export function pluginTwin(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const joint = new Map<string, number>();
  const ma = new Map<number, number>();
  const mb = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    joint.set(`${a[i]},${b[i]}`, (joint.get(`${a[i]},${b[i]}`) ?? 0) + 1);
    ma.set(a[i], (ma.get(a[i]) ?? 0) + 1);
    mb.set(b[i], (mb.get(b[i]) ?? 0) + 1);
  }
  let s = 0;
  for (const [key, c] of joint) {
    const [u, v] = key.split(",").map(Number);
    s += (c / n) * Math.log((c * n) / (ma.get(u)! * mb.get(v)!));
  }
  return s;
}

/** A small deterministic generator for test data (mulberry32). */
export function lcg(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
