import { hstack, type NumericInput } from "../../data/matrix.js";
import { publicOptions, resolveOptions } from "../../options.js";
import { clock, Progress } from "../../progress.js";
import { toBase } from "../../wasm/math.js";
import { withKernels } from "../../wasm/scope.js";
import { estimate, readContinuous, type GmmResult } from "./gmmMI.js";
import { mixtureToModel } from "./model.js";
import { gmmSpecs, type GmmOptions, type GmmResolved } from "./options.js";
import { runPipeline } from "./pipeline.js";

export type GmmConditionalOptions = Omit<GmmOptions, "discreteY" | "priors" | "entropies" | "kl">;

export interface GmmConditionalResult extends Omit<GmmResult, "entropies" | "kl"> {
  dimZ: number;
}

const FN = "gmmConditionalMI";
const { discreteY: _d, priors: _p, entropies: _e, kl: _k, ...specs } = gmmSpecs;

/** Conditional mutual information I(X;Y|Z) = E[ln p(x,y,z) + ln p(z) − ln p(x,z) − ln p(y,z)]
 *  from one Gaussian mixture fitted to (x, y, z), with the same component selection, bootstrap
 *  and result shape as gmmMI (`model.zCols` gives Z's columns). */
export async function gmmConditionalMI(x: NumericInput, y: NumericInput, z: NumericInput, options?: GmmConditionalOptions): Promise<GmmConditionalResult> {
  const t0 = clock();
  const o = resolveOptions<GmmResolved>(FN, options, specs);
  const [mx, my, mz] = readContinuous(FN, [[x, "x"], [y, "y"], [z, "z"]], o);
  const progress = new Progress(FN, o.signal, o.onProgress);
  const joint = hstack(mx, my, mz);
  const range = (from: number, len: number) => Array.from({ length: len }, (_, i) => from + i);
  const xc = range(0, mx.cols), yc = range(mx.cols, my.cols), zc = range(mx.cols + my.cols, mz.cols);
  const terms = [{ dens: [...xc, ...yc, ...zc] }, { dens: zc }, { dens: [...xc, ...zc] }, { dens: [...yc, ...zc] }];
  return withKernels(async (s) => {
    const out = await runPipeline(FN, s, joint, o, progress, terms, [{ name: "cmi", coeffs: [1, 1, -1, -1] }]);
    const conv = toBase(s, o.base);
    const e = estimate(out.values.cmi, conv);
    return {
      mi: e.value,
      std: e.std,
      samples: e.samples,
      mcStdErr: conv(out.mcStdErr.cmi),
      components: out.components,
      selection: out.selection,
      model: mixtureToModel(out.full, xc, yc, zc),
      converged: out.converged,
      diagnostics: { fits: out.fits, nonConverged: out.nonConverged, iterations: out.iterations, regCovarUsed: out.regCovarUsed },
      n: joint.rows,
      dimX: mx.cols,
      dimY: my.cols,
      dimZ: mz.cols,
      seconds: (clock() - t0) / 1000,
      options: publicOptions(o),
      warnings: out.warnings,
    };
  });
}
