// Kernel tests run the built module through the same runtime the estimators use.
import "../../src/entry/node.js";
import { withKernels } from "../../src/wasm/scope.js";
import type { Scope } from "../../src/wasm/scope.js";

export { withKernels };
export type { Scope };

/** The sizes every kernel is checked at: empty, lane tails, several SIMD blocks. */
export const KERNEL_SIZES = [0, 1, 2, 3, 4, 5, 17, 257] as const;
