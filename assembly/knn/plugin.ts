/** Plug-in mutual information (nats) of an r × c contingency table of i32 counts (row-major)
 *  with its row sums `rowSums`, column sums `colSums` and total n:
 *  Σ (n_ij / n) · (ln n_ij + ln n − ln a_i − ln b_j) over the non-empty cells. */
export function knn_plugin_mi(table: usize, rowSums: usize, colSums: usize, r: i32, c: i32, n: i32): f64 {
  const logN = Math.log(<f64>n);
  let s = 0.0;
  for (let i = 0; i < r; i++) {
    const la = Math.log(<f64>load<i32>(rowSums + (<usize>i << 2)));
    for (let j = 0; j < c; j++) {
      const nij = load<i32>(table + (<usize>(i * c + j) << 2));
      if (nij == 0) continue;
      const lb = Math.log(<f64>load<i32>(colSums + (<usize>j << 2)));
      s += <f64>nij * (Math.log(<f64>nij) + logN - la - lb);
    }
  }
  return s / <f64>n;
}
