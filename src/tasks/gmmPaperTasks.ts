import { logTask } from "./elementwiseTasks.js";
import { gammaExponentialTask } from "./gammaExponentialTask.js";
import { bivariateNormalTask } from "./jointTask.js";
import type { Task } from "./task.js";
import { weinmanTask } from "./weinmanTask.js";

/** Parameter grids for the GMM-MI paper's three validation distributions (its Fig. 2). */
export const GMM_PAPER_GRIDS = {
  rho: [0.2, 0.4, 0.6, 0.8, 0.9],
  gammaAlpha: [0.5, 1, 2, 4, 8],
  weinmanAlpha: [0.1, 0.3, 1, 3, 10],
} as const;

export interface ParameterSweep {
  /** "binormal", "gamma-exponential" or "weinman". */
  family: string;
  /** The swept parameter's name ("rho" or "alpha"). */
  parameter: string;
  tasks: Task[];
}

/** The paper's three distributions over their parameter grids: the bivariate normal as is, the
 *  gamma–exponential and ordered Weinman tasks on (ln X, ln Y) as the paper estimates them. */
export async function gmmPaperTasks(grids = GMM_PAPER_GRIDS): Promise<ParameterSweep[]> {
  const binormal = await Promise.all(grids.rho.map((r) => bivariateNormalTask(r)));
  const gamma = await Promise.all(grids.gammaAlpha.map(async (a) => logTask(await gammaExponentialTask(a))));
  const weinman = await Promise.all(grids.weinmanAlpha.map(async (a) => logTask(await weinmanTask(a))));
  return [
    { family: "binormal", parameter: "rho", tasks: binormal },
    { family: "gamma-exponential", parameter: "alpha", tasks: gamma },
    { family: "weinman", parameter: "alpha", tasks: weinman },
  ];
}
