/** One estimate in an accuracy benchmark: an estimator on one draw of one task. */
export interface AccuracyRow {
  estimator: string;
  taskId: string;
  taskName: string;
  family: string;
  /** Which collection the task came from: "beyond-normal", "gmm-paper" or "mi-nee". */
  suite: string;
  /** The swept parameter's value for parameter sweeps (GMM-MI paper's Fig. 2), else null. */
  parameter: number | null;
  dimX: number;
  dimY: number;
  n: number;
  seed: number;
  truth: number;
  truthStdErr: number;
  /** The estimate in nats, or null when the call failed (see `error`). */
  estimate: number | null;
  /** The estimator's reported standard deviation, when it gives one. */
  std: number | null;
  seconds: number;
  error?: string;
}
