/** Stable machine-readable error codes. */
export type MIInputErrorCode =
  | "length-mismatch"
  | "too-few-samples"
  | "not-finite"
  | "not-numeric"
  | "not-rectangular"
  | "constant-variable"
  | "empty-input"
  | "unknown-option"
  | "invalid-option"
  | "invalid-argument"
  | "too-few-classes"
  | "class-too-small"
  | "invalid-model"
  | "csv-parse";

export type MINumericErrorCode = "wasm-abort" | "wasm-trap" | "fit-failed" | "non-finite-result";

export interface MIErrorDetails {
  /** The public function that raised the error, e.g. "gmmMI". */
  fn?: string;
  /** The argument or option at fault, e.g. "x" or "options.nFolds". */
  arg?: string;
  /** Zero-based row index of the offending value, where there is one. */
  row?: number;
  /** Zero-based column index of the offending value, where there is one. */
  col?: number;
}

/** Bad input: wrong shapes, non-finite values, unknown or out-of-range options. */
export class MIInputError extends Error {
  readonly code: MIInputErrorCode;
  readonly fn?: string;
  readonly arg?: string;
  readonly row?: number;
  readonly col?: number;
  constructor(code: MIInputErrorCode, message: string, details: MIErrorDetails = {}) {
    super(message);
    this.name = "MIInputError";
    this.code = code;
    this.fn = details.fn;
    this.arg = details.arg;
    this.row = details.row;
    this.col = details.col;
  }
}

/** A numerical failure the estimator could not recover from. */
export class MINumericError extends Error {
  readonly code: MINumericErrorCode;
  constructor(code: MINumericErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MINumericError";
    this.code = code;
  }
}

/** The error an aborted estimator rejects with (name "AbortError", like fetch). */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  const err = new Error(typeof reason === "string" ? reason : "The operation was aborted");
  err.name = "AbortError";
  return err;
}
