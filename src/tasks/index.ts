// Tasks with known mutual information: re-exports only.
export type { Task, TaskSample } from "./task.js";
export { defineTask } from "./task.js";
export { transformTask } from "./transformTask.js";
export type { BlockMap, TransformSpec } from "./transformTask.js";
export { jointTask, bivariateNormalTask, multinormalDenseTask, multinormalSparseTask, hgTask, studentIdentityTask } from "./jointTask.js";
export type { JointTaskSpec } from "./jointTask.js";
export { additiveNoiseTask } from "./additiveNoiseTask.js";
export { gammaExponentialTask } from "./gammaExponentialTask.js";
export { weinmanTask } from "./weinmanTask.js";
export { mixedGaussianTask, MIXED_GAUSSIAN_MC_DRAWS } from "./mixedGaussianTask.js";
export { normalCdfTask, halfCubeTask, asinhTask, logTask, wigglyTask } from "./elementwiseTasks.js";
export { spiralTask } from "./spiralTask.js";
export { swissRollTask } from "./swissRollTask.js";
export { bimodalTask } from "./bimodalTask.js";
export { beyondNormalTasks } from "./beyondNormalTasks.js";
export { gmmPaperTasks, GMM_PAPER_GRIDS } from "./gmmPaperTasks.js";
export type { ParameterSweep } from "./gmmPaperTasks.js";
