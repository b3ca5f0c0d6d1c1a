// A Cloudflare Worker that imports mutinfo by name (resolved through the `workerd` export
// condition by the bundler, as wrangler does) and answers every request with the case results.
import * as m from "mutinfo";
import { runCases } from "./cases.js";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/selftest") return Response.json(await m.selfTest(Number(url.searchParams.get("seed") ?? 0)));
    if (url.pathname === "/compile-from-bytes") {
      // Workers refuse run-time compilation; the workerd entry must not need it.
      try {
        await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        return Response.json({ refused: false });
      } catch (err) {
        return Response.json({ refused: true, message: String(err && err.message) });
      }
    }
    const info = await m.selfTest(0);
    return Response.json({ runtime: info.runtime, results: await runCases(m) });
  },
};
