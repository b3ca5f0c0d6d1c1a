import { digamma } from "../special";

// ψ at small counts is looked up in a table filled on first use within a call (static memory,
// NaN = not yet computed): the same function gives the same bits, and the sum keeps its order.
const MEMO: i32 = 4096;
const memo = memory.data(MEMO << 3, 16);

/** Clear the ψ table for a call over n counts; returns how many entries it may use. */
export function psiMemoReset(n: i32): i32 {
  const fill = n < MEMO ? n : MEMO; // counts here rarely exceed n (KSG) or reach thousands
  for (let c = 0; c < fill; c++) store<f64>(memo + (<usize>c << 3), NaN);
  return fill;
}

/** ψ(c + offset), through the table for 0 ≤ c < fill (see psiMemoReset). */
// @ts-ignore: decorator
@inline export function psiMemo(c: i32, offset: f64, fill: i32): f64 {
  if (c >= 0 && c < fill) {
    const p = memo + (<usize>c << 3);
    let v = load<f64>(p);
    if (v != v) {
      v = digamma(<f64>c + offset);
      store<f64>(p, v);
    }
    return v;
  }
  return digamma(<f64>c + offset);
}

/** Mean of ψ(counts[i] + offset) over the n i32 counts (the ψ terms of KSG and Ross), summed
 *  in index order so every runtime gets the same bits. n = 0 gives NaN. */
export function knn_digamma_mean_i32(counts: usize, n: i32, offset: f64): f64 {
  const fill = psiMemoReset(n);
  let s = 0.0;
  for (let i = 0; i < n; i++) s += psiMemo(load<i32>(counts + (<usize>i << 2)), offset, fill);
  return s / <f64>n;
}

/** How many of the n f64 values are zero (rows whose k-th neighbour distance is 0). */
export function knn_count_zero_f64(values: usize, n: i32): i32 {
  let z = 0;
  for (let i = 0; i < n; i++) if (load<f64>(values + (<usize>i << 3)) == 0) z++;
  return z;
}
