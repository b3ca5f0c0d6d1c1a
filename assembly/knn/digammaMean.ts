import { digamma } from "../special";

/** Mean of ψ(counts[i] + offset) over the n i32 counts (the ψ terms of KSG and Ross), summed
 *  in index order so every runtime gets the same bits. n = 0 gives NaN. */
export function knn_digamma_mean_i32(counts: usize, n: i32, offset: f64): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) s += digamma(<f64>load<i32>(counts + (<usize>i << 2)) + offset);
  return s / <f64>n;
}
