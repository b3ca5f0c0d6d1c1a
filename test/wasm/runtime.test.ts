import { describe, expect, it } from "vitest";
import { MINumericError } from "../../src/errors.js";
import { withKernels } from "../helpers/kernels.js";

describe("runtime recovery", () => {
  it("an abort in WASM becomes MINumericError and the next call works on a fresh instance", async () => {
    let before: WebAssembly.Memory | undefined;
    await expect(withKernels((s) => { before = s.k.memory; s.k.debug_abort(); })).rejects.toMatchObject({ name: "MINumericError", code: "wasm-abort" });
    await withKernels((s) => {
      expect(s.k.memory).not.toBe(before);
      const p = s.writeF64([1, 2, 3]);
      expect(Array.from(s.readF64(p, 3))).toEqual([1, 2, 3]);
    });
  });

  it("a trap becomes MINumericError('wasm-trap') and the instance is rebuilt", async () => {
    const err = await withKernels((s) => s.k.debug_trap()).catch((e) => e);
    expect(err).toBeInstanceOf(MINumericError);
    expect(err.code).toBe("wasm-trap");
    await withKernels((s) => expect(s.k.special_logsumexp(s.writeF64([0]), 1)).toBe(0));
  });

  it("scopes free what they allocate, so repeated calls do not grow memory", async () => {
    await withKernels((s) => s.allocF64(1 << 20));
    const size = await withKernels((s) => s.k.memory.buffer.byteLength);
    for (let i = 0; i < 20; i++) await withKernels((s) => s.allocF64(1 << 20));
    expect(await withKernels((s) => s.k.memory.buffer.byteLength)).toBe(size);
  });

  it("allocations are 16-byte aligned", async () => {
    await withKernels((s) => {
      for (const n of [1, 3, 17, 100]) expect(s.alloc(n) % 16).toBe(0);
    });
  });
});
