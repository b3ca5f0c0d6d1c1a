// Raw, unmanaged memory for kernel buffers. The TypeScript side owns every block it allocates
// here and frees it when its estimator call ends (see src/wasm/scope.ts). Kernels never allocate.
// Blocks come from the runtime's TLSF heap, whose payloads are 16-byte aligned, so f64x2 loads
// and Float64Array views are always aligned.

export function mem_alloc(bytes: usize): usize {
  const ptr = heap.alloc(bytes < 16 ? 16 : bytes);
  return ptr;
}

export function mem_free(ptr: usize): void {
  if (ptr != 0) heap.free(ptr);
}

/** Deliberately aborts: lets the tests prove that an abort surfaces as MINumericError and that
 *  the next call gets a fresh, working instance. */
export function debug_abort(): void {
  abort("debug_abort called");
}

/** Deliberately traps (unreachable), for the same recovery test. */
export function debug_trap(): void {
  unreachable();
}
