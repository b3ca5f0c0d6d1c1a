import { describe, expect, it } from "vitest";
import { MIInputError, MINumericError } from "../../src/errors.js";
import { createMIWorker } from "../../src/worker/index.js";
import { deserializeError, isOptionsObject, serializeError } from "../../src/worker/protocol.js";

describe("mutinfo/worker protocol", () => {
  it("errors cross the worker boundary with their class, code and details", () => {
    const input = deserializeError(serializeError(new MIInputError("not-finite", "gmmMI: x[3] is NaN", { fn: "gmmMI", arg: "x", row: 3, col: 0 })));
    expect(input).toBeInstanceOf(MIInputError);
    expect(input).toMatchObject({ code: "not-finite", message: "gmmMI: x[3] is NaN", fn: "gmmMI", arg: "x", row: 3, col: 0 });
    const numeric = deserializeError(serializeError(new MINumericError("fit-failed", "no fit")));
    expect(numeric).toBeInstanceOf(MINumericError);
    expect(numeric).toMatchObject({ code: "fit-failed" });
    const abort = new Error("stop");
    abort.name = "AbortError";
    expect(deserializeError(serializeError(abort)).name).toBe("AbortError");
    const other = deserializeError(serializeError(new TypeError("bad")));
    expect([other.name, other.message]).toEqual(["TypeError", "bad"]);
    expect(deserializeError(serializeError("plain")).message).toBe("plain");
  });

  it("only a plain object counts as the options argument, never data", () => {
    expect(isOptionsObject({ seed: 1 })).toBe(true);
    expect(isOptionsObject([1, 2])).toBe(false);
    expect(isOptionsObject(new Float64Array(2))).toBe(false);
    expect(isOptionsObject(null)).toBe(false);
    expect(isOptionsObject(3)).toBe(false);
    expect(isOptionsObject(new Map())).toBe(false);
  });

  it("createMIWorker says what to do where Web Workers do not exist (Node)", () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    expect(() => createMIWorker()).toThrow(/needs Web Workers/);
  });
});
