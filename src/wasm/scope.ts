import { MINumericError } from "../errors.js";
import { Purpose, type PurposeName, seedHalves } from "../random.js";
import { discardRuntime, getRuntime, type Runtime } from "./runtime.js";

/** The memory one estimator call uses in the WASM instance. Every block allocated through a
 *  scope is freed when the scope is disposed, so concurrent calls never free each other's
 *  memory. Views are made fresh on each access (memory may grow between allocations). */
export class Scope {
  private readonly blocks = new Set<number>();
  constructor(readonly rt: Runtime) {}

  get k() {
    return this.rt.k;
  }

  alloc(bytes: number): number {
    const ptr = this.rt.k.mem_alloc(Math.max(16, Math.ceil(bytes)));
    this.blocks.add(ptr);
    return ptr;
  }

  free(ptr: number): void {
    if (this.blocks.delete(ptr)) this.rt.k.mem_free(ptr);
  }

  allocF64(n: number): number {
    return this.alloc(n * 8);
  }

  allocI32(n: number): number {
    return this.alloc(n * 4);
  }

  /** Copy values into a fresh f64 block. */
  writeF64(values: ArrayLike<number>): number {
    const ptr = this.allocF64(values.length);
    this.rt.f64(ptr, values.length).set(values);
    return ptr;
  }

  /** Copy values into a fresh f32 block (each rounded to the nearest f32). */
  writeF32(values: ArrayLike<number>): number {
    const ptr = this.alloc(values.length * 4);
    this.rt.f32(ptr, values.length).set(values);
    return ptr;
  }

  writeI32(values: ArrayLike<number>): number {
    const ptr = this.allocI32(values.length);
    this.rt.i32(ptr, values.length).set(values);
    return ptr;
  }

  /** A live view (invalid after the next allocation or kernel call that may grow memory). */
  f64(ptr: number, n: number): Float64Array {
    return this.rt.f64(ptr, n);
  }

  i32(ptr: number, n: number): Int32Array {
    return this.rt.i32(ptr, n);
  }

  f32(ptr: number, n: number): Float32Array {
    return this.rt.f32(ptr, n);
  }

  /** A copy that outlives the scope. */
  readF64(ptr: number, n: number): Float64Array {
    return this.rt.f64(ptr, n).slice();
  }

  readF32(ptr: number, n: number): Float32Array {
    return this.rt.f32(ptr, n).slice();
  }

  readI32(ptr: number, n: number): Int32Array {
    return this.rt.i32(ptr, n).slice();
  }

  /** A new PRNG stream keyed by (seed, purpose, a, b); returns the pointer to its state. */
  rng(seed: number, purpose: PurposeName, a = 0, b = 0): number {
    const state = this.alloc(48);
    this.reseed(state, seed, purpose, a, b);
    return state;
  }

  /** Re-key an existing stream state in place. */
  reseed(state: number, seed: number, purpose: PurposeName, a = 0, b = 0): void {
    const [lo, hi] = seedHalves(seed);
    this.rt.k.rng_seed(state, lo, hi, Purpose[purpose], a >>> 0, b >>> 0);
  }

  dispose(): void {
    if (!this.rt.broken) for (const p of this.blocks) this.rt.k.mem_free(p);
    this.blocks.clear();
  }
}

/** Run `fn` with a fresh scope on the shared runtime. A WebAssembly trap or abort discards the
 *  instance (the next call gets a new one) and surfaces as MINumericError. */
export async function withKernels<T>(fn: (s: Scope) => Promise<T> | T): Promise<T> {
  const rt = await getRuntime();
  const scope = new Scope(rt);
  try {
    return await fn(scope);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      discardRuntime(rt);
      throw new MINumericError(
        "wasm-trap",
        `mutinfo's WebAssembly core trapped (${err.message}). The instance was discarded; the next call starts a fresh one.`,
        { cause: err },
      );
    }
    if (err instanceof MINumericError && err.code === "wasm-abort") discardRuntime(rt);
    throw err;
  } finally {
    scope.dispose();
  }
}
