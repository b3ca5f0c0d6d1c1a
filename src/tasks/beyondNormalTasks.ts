import { additiveNoiseTask } from "./additiveNoiseTask.js";
import { bimodalTask } from "./bimodalTask.js";
import { asinhTask, halfCubeTask, normalCdfTask, wigglyTask } from "./elementwiseTasks.js";
import { bivariateNormalTask, multinormalDenseTask, multinormalSparseTask, studentIdentityTask } from "./jointTask.js";
import { spiralTask } from "./spiralTask.js";
import { swissRollTask } from "./swissRollTask.js";
import type { Task } from "./task.js";

/** The 40 tasks of the "Beyond Normal" benchmark (Czyż et al., NeurIPS 2023), in its order of
 *  families: 1 × 1 tasks, the Swiss roll, multinormal dense and 2-pair, Student-t, and the
 *  transformed tasks (normal CDF, half-cube, spiral, spiral of normal CDF, asinh of Student-t).
 *  (The benchmark rescales every task to unit variance before estimation; that is an affine,
 *  MI-preserving step left to the estimators here.) */
export async function beyondNormalTasks(): Promise<Task[]> {
  const binormal = await bivariateNormalTask(0.75);
  const uniform = normalCdfTask(binormal);
  const pair3 = await multinormalSparseTask(3, 3);
  const pair5 = await multinormalSparseTask(5, 5);
  const pair25 = await multinormalSparseTask(25, 25);
  return [
    binormal,
    uniform,
    await additiveNoiseTask(0.1),
    await additiveNoiseTask(0.75),
    await bimodalTask(0.75),
    wigglyTask(binormal),
    halfCubeTask(binormal),
    await studentIdentityTask(1, 1, 1),
    asinhTask(await studentIdentityTask(1, 1, 1)),
    swissRollTask(uniform),
    await multinormalDenseTask(2, 2),
    await multinormalDenseTask(3, 3),
    await multinormalDenseTask(5, 5),
    await multinormalDenseTask(25, 25),
    await multinormalDenseTask(50, 50),
    await multinormalSparseTask(2, 2),
    pair3,
    pair5,
    pair25,
    await studentIdentityTask(2, 2, 1),
    await studentIdentityTask(2, 2, 2),
    await studentIdentityTask(3, 3, 2),
    await studentIdentityTask(3, 3, 3),
    await studentIdentityTask(5, 5, 2),
    await studentIdentityTask(5, 5, 3),
    normalCdfTask(pair3),
    normalCdfTask(pair5),
    normalCdfTask(pair25),
    halfCubeTask(pair3),
    halfCubeTask(pair5),
    halfCubeTask(pair25),
    spiralTask(pair3),
    spiralTask(pair5),
    spiralTask(pair25),
    spiralTask(normalCdfTask(pair3)),
    spiralTask(normalCdfTask(pair5)),
    spiralTask(normalCdfTask(pair25)),
    asinhTask(await studentIdentityTask(2, 2, 1)),
    asinhTask(await studentIdentityTask(3, 3, 2)),
    asinhTask(await studentIdentityTask(5, 5, 2)),
  ];
}
