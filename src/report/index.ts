// Reporting helpers: summaries and Vega-Lite plot specs (plain JSON; rendering lives in bench/).
export type { AccuracyRow } from "./accuracyRow.js";
export { summarizeAccuracy } from "./summarizeAccuracy.js";
export type { AccuracySummary } from "./summarizeAccuracy.js";
export { markdownTable } from "./markdownTable.js";
export { estimateVsParameterSpec } from "./estimateVsParameterSpec.js";
export { biasStdVsNSpec } from "./biasStdVsNSpec.js";
export { errorHeatmapSpec } from "./errorHeatmapSpec.js";
export { summarizeCalibration } from "./summarizeCalibration.js";
export type { CalibrationRow, CalibrationSummary } from "./summarizeCalibration.js";
