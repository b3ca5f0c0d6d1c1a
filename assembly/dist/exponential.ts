// Exponential draws by inversion: −ln(U) / rate with U in (0, 1).
import { uniformOpen } from "../rng";
import { gammaDraw } from "./gamma";

/** out[i] = Exponential(rate) draws (mean 1/rate), i < n. */
export function dist_fill_exponential(state: usize, out: usize, n: i32, rate: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), -Math.log(uniformOpen(state)) / rate);
}

/** Gamma–exponential pairs (GMM-MI paper): x ~ Gamma(shape, 1), then y | x ~ Exponential(rate x).
 *  Writes x[i] and y[i] for i < n. */
export function dist_fill_gamma_exponential(state: usize, x: usize, y: usize, n: i32, shape: f64): void {
  for (let i = 0; i < n; i++) {
    const xi = gammaDraw(state, shape);
    store<f64>(x + (<usize>i << 3), xi);
    store<f64>(y + (<usize>i << 3), -Math.log(uniformOpen(state)) / xi);
  }
}

/** Ordered Weinman exponential pairs: x ~ Exponential(rate0), y = x + Exponential(rate1), so
 *  0 < x < y. Writes x[i] and y[i] for i < n. */
export function dist_fill_weinman(state: usize, x: usize, y: usize, n: i32, rate0: f64, rate1: f64): void {
  for (let i = 0; i < n; i++) {
    const xi = -Math.log(uniformOpen(state)) / rate0;
    store<f64>(x + (<usize>i << 3), xi);
    store<f64>(y + (<usize>i << 3), xi - Math.log(uniformOpen(state)) / rate1);
  }
}

