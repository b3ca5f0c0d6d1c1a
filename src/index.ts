// Public API: re-exports only.
export { MIInputError, MINumericError } from "./errors.js";
export type { MIInputErrorCode, MINumericErrorCode } from "./errors.js";
export type { Matrix, NumericInput } from "./data/matrix.js";
export type { ProgressEvent } from "./progress.js";
export type { CommonOptions } from "./options.js";
export { parseCsv, numericColumn, textColumn } from "./data/csv.js";
export type { CsvTable } from "./data/csv.js";
// ---- neural estimators (issue 7) ----
export { mineMI } from "./estimators/neural/mineMI.js";
export type { MineOptions, MineResult, MineObjective } from "./estimators/neural/mineMI.js";
export { mineeMI } from "./estimators/neural/mineeMI.js";
export type { MineeOptions, MineeResult } from "./estimators/neural/mineeMI.js";
export { doeMI } from "./estimators/neural/doeMI.js";
export type { DoeOptions, DoeResult } from "./estimators/neural/doeMI.js";
