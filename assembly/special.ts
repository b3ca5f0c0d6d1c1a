// Special functions, in WebAssembly so every runtime gets the same bits
// (AssemblyScript's Math is a software port, not the host's libm).

/** Digamma ψ(x) for x > 0: recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic
 *  series ln x − 1/(2x) − Σ B_2k/(2k x^2k) through x^-14 (truncation < 5e-17 for x ≥ 10). */
export function digamma(x: f64): f64 {
  if (!(x > 0)) return x == 0 ? -Infinity : NaN;
  let acc = 0.0;
  while (x < 10.0) {
    acc -= 1.0 / x;
    x += 1.0;
  }
  const f = 1.0 / (x * x);
  const t = f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132 + f * (691.0 / 32760 + f * (-1.0 / 12)))))));
  return acc + Math.log(x) - 0.5 / x + t;
}

/** ln Γ(x) for x > 0: recurrence up to x ≥ 10, then Stirling's series through x^-13. */
export function lgamma(x: f64): f64 {
  if (!(x > 0)) return x == 0 ? Infinity : NaN;
  let shift = 1.0;
  let logShift = 0.0;
  while (x < 10.0) {
    shift *= x;
    x += 1.0;
    if (shift > 1e280) { logShift += Math.log(shift); shift = 1.0; }
  }
  logShift += Math.log(shift);
  const z = 1.0 / (x * x);
  const series = (1.0 / 12 + z * (-1.0 / 360 + z * (1.0 / 1260 + z * (-1.0 / 1680 + z * (1.0 / 1188 + z * (-691.0 / 360360 + z * (1.0 / 156))))))) / x;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + series - logShift; // 0.5 ln(2π)
}

/** log(Σ exp(v_i)) over n f64 values at ptr with the given element stride (in elements). */
export function logSumExp(ptr: usize, n: i32, stride: i32): f64 {
  if (n <= 0) return -Infinity;
  const st = <usize>stride << 3;
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(ptr + <usize>i * st);
    if (v > m) m = v;
  }
  if (m == -Infinity || !isFinite(m)) return m;
  let s = 0.0;
  for (let i = 0; i < n; i++) s += Math.exp(load<f64>(ptr + <usize>i * st) - m);
  return m + Math.log(s);
}

// ---- exported wrappers (elementwise over arrays, so TS calls them once, not per value) ----

export function special_digamma(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), digamma(load<f64>(inp + (<usize>i << 3))));
}

export function special_lgamma(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), lgamma(load<f64>(inp + (<usize>i << 3))));
}

export function special_log(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), Math.log(load<f64>(inp + (<usize>i << 3))));
}

export function special_exp(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), Math.exp(load<f64>(inp + (<usize>i << 3))));
}

export function special_logsumexp(ptr: usize, n: i32): f64 {
  return logSumExp(ptr, n, 1);
}
