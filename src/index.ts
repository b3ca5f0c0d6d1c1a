// Public API: re-exports only.
export { MIInputError, MINumericError } from "./errors.js";
export type { MIInputErrorCode, MINumericErrorCode } from "./errors.js";
export type { Matrix, NumericInput } from "./data/matrix.js";
export type { ProgressEvent } from "./progress.js";
export type { CommonOptions } from "./options.js";
export { parseCsv, numericColumn, textColumn } from "./data/csv.js";
export type { CsvTable } from "./data/csv.js";
// ---- tasks with known MI ----
export * from "./tasks/index.js";
// ---- accuracy reporting: summaries and Vega-Lite specs ----
export * from "./report/index.js";
// ---- ksgMI ----
export { ksgMI } from "./estimators/ksg/ksgMI.js";
export type { KsgOptions, KsgResult, KsgResolvedOptions } from "./estimators/ksg/ksgMI.js";

// ---- GMM-MI ----
export { gmmMI } from "./estimators/gmm/gmmMI.js";
export type { GmmResult, GmmResultBase, Estimate } from "./estimators/gmm/gmmMI.js";
export type { GmmCategoricalResult } from "./estimators/gmm/categorical.js";
export type { GmmOptions } from "./estimators/gmm/options.js";
export type { GmmModel } from "./estimators/gmm/model.js";
export type { SelectionEntry } from "./estimators/gmm/selectComponents.js";

// ---- runtimes: loading the module explicitly, checking an install ----
export { init } from "./init.js";
export type { WasmSource } from "./init.js";
export { selfTest, SELF_TEST_POINTS } from "./selfTest.js";
export type { SelfTestResult, SelfTestOptions } from "./selfTest.js";
export { gmmConditionalMI } from "./estimators/gmm/gmmConditionalMI.js";
export type { GmmConditionalOptions, GmmConditionalResult } from "./estimators/gmm/gmmConditionalMI.js";
export { gmmModelFromJSON, gmmLogDensity, gmmSample, gmmModelMI, gmmModelEntropy } from "./estimators/gmm/savedModel.js";
export type { ModelEvalOptions } from "./estimators/gmm/savedModel.js";
// ---- neural estimators ----
export { mineMI } from "./estimators/neural/mineMI.js";
export type { MineOptions, MineResult, MineObjective } from "./estimators/neural/mineMI.js";
export { mineeMI } from "./estimators/neural/mineeMI.js";
export type { MineeOptions, MineeResult } from "./estimators/neural/mineeMI.js";
export { doeMI } from "./estimators/neural/doeMI.js";
export type { DoeOptions, DoeResult } from "./estimators/neural/doeMI.js";
