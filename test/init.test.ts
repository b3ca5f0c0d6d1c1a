import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import "../src/entry/node.js";
import { init, MIInputError, selfTest } from "../src/index.js";

const bytes = readFileSync(new URL("../build/mutinfo.wasm", import.meta.url));
const reference = (await selfTest(11)).digest;

const server = createServer((req, res) => {
  if (req.url === "/mutinfo.wasm") res.writeHead(200, { "content-type": "application/wasm" }).end(bytes);
  else if (req.url === "/octet/mutinfo.wasm") res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
  else res.writeHead(404).end();
});
const base = await new Promise<string>((resolve) =>
  server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)),
);
afterAll(() => {
  server.close();
});

describe("init", () => {
  it("init accepts the module's bytes (Uint8Array and ArrayBuffer) and gives the same bits", async () => {
    await init(new Uint8Array(bytes));
    expect((await selfTest(11)).digest).toBe(reference);
    await init(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect((await selfTest(11)).digest).toBe(reference);
  });

  it("init accepts a compiled WebAssembly.Module", async () => {
    await init(await WebAssembly.compile(bytes));
    expect((await selfTest(11)).digest).toBe(reference);
  });

  it("init accepts a URL (string or URL) and compiles whatever MIME type the server sends", async () => {
    await init(`${base}/mutinfo.wasm`);
    expect((await selfTest(11)).digest).toBe(reference);
    await init(new URL(`${base}/octet/mutinfo.wasm`));
    expect((await selfTest(11)).digest).toBe(reference);
  });

  it("init accepts a Response or a promise of one", async () => {
    await init(new Response(bytes, { headers: { "content-type": "application/wasm" } }));
    expect((await selfTest(11)).digest).toBe(reference);
    await init(fetch(`${base}/octet/mutinfo.wasm`));
    expect((await selfTest(11)).digest).toBe(reference);
  });

  it("a failed init rejects at once and leaves the previous module in use", async () => {
    await expect(init(`${base}/missing.wasm`)).rejects.toThrow(/HTTP 404/);
    await expect(init(new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(WebAssembly.CompileError);
    expect((await selfTest(11)).digest).toBe(reference);
  });

  it("init rejects a source of the wrong kind with MIInputError naming init and its argument", async () => {
    await expect(init(42 as never)).rejects.toBeInstanceOf(MIInputError);
    await expect(init({} as never)).rejects.toMatchObject({ code: "invalid-argument", fn: "init", arg: "source" });
  });
});
