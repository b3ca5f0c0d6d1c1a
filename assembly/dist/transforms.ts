// Elementwise and row-wise injective maps used by the benchmark's transformed tasks. They change
// the distribution's shape but not its mutual information.

/** out[i] = asinh(inp[i]). */
export function dist_asinh_f64(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), Math.asinh(load<f64>(inp + (<usize>i << 3))));
}

/** out[i] = x·sqrt|x| (a signed x^(3/2)). */
export function dist_half_cube_f64(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const x = load<f64>(inp + (<usize>i << 3));
    store<f64>(out + (<usize>i << 3), x * Math.sqrt(Math.abs(x)));
  }
}

/** The benchmark's "wiggly" maps: strictly increasing, x plus small sines.
 *  which = 0: x + 0.4 sin x + 0.2 sin(1.7x + 1) + 0.03 sin(3.3x − 2.5);
 *  which = 1: x − 0.4 sin 0.4x + 0.17 sin(1.3x + 3.5) + 0.02 sin(4.3x − 2.5). */
export function dist_wiggly_f64(inp: usize, out: usize, n: i32, which: i32): void {
  for (let i = 0; i < n; i++) {
    const x = load<f64>(inp + (<usize>i << 3));
    const v = which == 0
      ? x + 0.4 * Math.sin(x) + 0.2 * Math.sin(1.7 * x + 1.0) + 0.03 * Math.sin(3.3 * x - 2.5)
      : x - 0.4 * Math.sin(0.4 * x) + 0.17 * Math.sin(1.3 * x + 3.5) + 0.02 * Math.sin(4.3 * x - 2.5);
    store<f64>(out + (<usize>i << 3), v);
  }
}

/** Spiral diffeomorphism, in place on n rows of dimension d: coordinates (a, b) of each row are
 *  rotated by the angle speed·‖row‖² (the norm is unchanged by the rotation, so the map inverts). */
export function dist_spiral_rows(ptr: usize, n: i32, d: i32, a: i32, b: i32, speed: f64): void {
  const row = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const p = ptr + <usize>i * row;
    let r2 = 0.0;
    for (let j = 0; j < d; j++) {
      const v = load<f64>(p + (<usize>j << 3));
      r2 += v * v;
    }
    const t = speed * r2;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const pa = p + (<usize>a << 3);
    const pb = p + (<usize>b << 3);
    const xa = load<f64>(pa);
    const xb = load<f64>(pb);
    store<f64>(pa, c * xa - s * xb);
    store<f64>(pb, s * xa + c * xb);
  }
}

/** Swiss-roll embedding of u in (0, 1) into the plane: t = 1.5π(1 + 2u), (t cos t, t sin t)/21.
 *  inp has n values, out receives n rows of 2. */
export function dist_swissroll_rows(inp: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const t = 1.5 * Math.PI * (1.0 + 2.0 * load<f64>(inp + (<usize>i << 3)));
    const o = out + (<usize>i << 4);
    store<f64>(o, t * Math.cos(t) / 21.0);
    store<f64>(o, t * Math.sin(t) / 21.0, 8);
  }
}
