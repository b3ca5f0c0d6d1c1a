// Chromium (Debian's package, driven by playwright-core) loads pages from 127.0.0.1 that import
// mutinfo's browser entry — unbundled through an import map (with the right and a wrong .wasm
// MIME type), bundled by esbuild, and built by Vite — and runs every case on the main thread and
// through mutinfo/worker. Each must give Node's exact bits.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, describeRuntime, makeApp, nodeResults } from "./app.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".map": "application/json",
};

/** Serves `root`. Under /octet/ the same files are served but .wasm as application/octet-stream
 *  (a common static-server misconfiguration) to exercise the arrayBuffer fallback. */
function serve(root: string): Promise<{ server: Server; base: string; wasmRequests: string[] }> {
  const wasmRequests: string[] = [];
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url!, "http://x").pathname);
    let wrongMime = false;
    if (path.startsWith("/octet/")) {
      wrongMime = true;
      path = path.slice("/octet".length);
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    const ext = extname(file);
    if (ext === ".wasm") wasmRequests.push(req.url!);
    res.writeHead(200, { "content-type": ext === ".wasm" && wrongMime ? "application/octet-stream" : TYPES[ext] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ server, base: `http://127.0.0.1:${port}`, wasmRequests });
    }),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

const IMPORT_MAP_PAGE = `<!doctype html><meta charset="utf-8"><title>mutinfo</title>
<script type="importmap">{"imports": {
  "mutinfo": "./node_modules/mutinfo/dist/browser.js",
  "mutinfo/worker": "./node_modules/mutinfo/dist/worker.js"
}}</script>
<script type="module" src="./browser-app.js"></script>`;

describeRuntime("Chromium", existsSync(CHROMIUM), "Install it with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH.", () => {
  let browser: Browser;
  let base = "";
  let server: Server;
  let wasmRequests: string[] = [];
  let expected: Record<string, unknown>;
  let dir = "";
  let viteDev: ChildProcess | undefined;
  let viteDevBase = "";
  let viteDevLog = "";

  beforeAll(async () => {
    expected = await nodeResults();
    dir = makeApp("chromium", ["browser-app.js"]);
    writeFileSync(join(dir, "index.html"), IMPORT_MAP_PAGE);

    // esbuild: bundle the app for the browser; the one extra step is copying mutinfo.wasm (and
    // worker-thread.js, for mutinfo/worker) next to the bundle.
    await build({
      entryPoints: [join(dir, "browser-app.js")],
      outfile: join(dir, "esbuild/app.js"),
      bundle: true,
      format: "esm",
      platform: "browser",
      logLevel: "warning",
    });
    for (const f of ["mutinfo.wasm", "worker-thread.js"]) copyFileSync(join(dir, "node_modules/mutinfo/dist", f), join(dir, "esbuild", f));
    writeFileSync(join(dir, "esbuild/index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="./app.js"></script>`);

    // Vite: a plain app build, no plugin and no config for the .wasm.
    mkdirSync(join(dir, "vite"), { recursive: true });
    writeFileSync(join(dir, "vite/index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="../browser-app.js"></script>`);
    const vite = spawnSync(join(BIN, "vite"), ["build", "--base", "./", "--logLevel", "warn", "--outDir", "out", "--emptyOutDir"], {
      cwd: join(dir, "vite"),
      encoding: "utf8",
      timeout: 300_000,
    });
    if (vite.status !== 0) throw new Error(`vite build failed:\n${vite.stderr}\n${vite.stdout}`);

    // Vite's dev server (dependency pre-bundling and all), also with no configuration.
    mkdirSync(join(dir, "vitedev"), { recursive: true });
    for (const f of ["browser-app.js", "cases.js"]) copyFileSync(join(dir, f), join(dir, "vitedev", f));
    writeFileSync(join(dir, "vitedev/index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="./browser-app.js"></script>`);
    const port = await freePort();
    viteDev = spawn(join(BIN, "vite"), ["--host", "127.0.0.1", "--port", String(port), "--strictPort", "--clearScreen", "false"], {
      cwd: join(dir, "vitedev"),
      stdio: ["ignore", "pipe", "pipe"],
    });
    viteDev.stdout!.on("data", (d) => (viteDevLog += d));
    viteDev.stderr!.on("data", (d) => (viteDevLog += d));
    viteDevBase = `http://127.0.0.1:${port}`;
    for (let t = Date.now(); ; ) {
      if (viteDev.exitCode !== null) throw new Error(`vite dev server exited:\n${viteDevLog}`);
      if (Date.now() - t > 60_000) throw new Error(`vite dev server did not start:\n${viteDevLog}`);
      try {
        await fetch(viteDevBase + "/");
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    ({ server, base, wasmRequests } = await serve(dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    viteDev?.kill();
  });

  async function open(path: string, from = base) {
    const page = await browser.newPage();
    const log: string[] = [];
    page.on("console", (msg) => log.push(`${msg.type()}: ${msg.text()}`));
    page.on("pageerror", (err) => log.push(`pageerror: ${err.message}`));
    try {
      await page.goto(from + path);
      await page.waitForFunction(() => (globalThis as { __results?: unknown }).__results !== undefined, undefined, { timeout: 120_000 });
      const r = (await page.evaluate(() => (globalThis as { __results?: unknown }).__results)) as Record<string, unknown>;
      if (r.fatal) throw new Error(`page failed: ${r.fatal}\n${log.join("\n")}`);
      return r;
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- page log ---\n${log.join("\n")}`);
    } finally {
      await page.close();
    }
  }

  function checkPage(r: Record<string, unknown>) {
    expect(r.direct).toEqual(expected);
    expect(r.worker).toEqual(expected);
    expect(r.workerRuntime).toBe("worker");
    // selfTest reports rng 1/2, rng 2/2, special 1/1: all three must reach the main thread.
    expect(r.progress).toEqual([
      { estimator: "selfTest", stage: "rng", done: 1, total: 2 },
      { estimator: "selfTest", stage: "rng", done: 2, total: 2 },
      { estimator: "selfTest", stage: "special", done: 1, total: 1 },
    ]);
    expect(r.preAbort).toBe("AbortError");
    expect(r.midAbort).toBe("AbortError");
    expect(r.bad).toEqual({ name: "MIInputError", code: "invalid-option", fn: "selfTest", arg: "seed", isInputError: true });
    expect(r.afterAbortSameDigest).toBe(true);
    expect(r.ksgProgressCount).toBeGreaterThanOrEqual(25);
    expect(r.ksgProgressLast).toMatchObject({ estimator: "ksgMI", stage: "permutations", done: 25, total: 25 });
    expect(r.longAbort).toBe("AbortError");
    expect(r.gmmStages).toEqual(["bootstrap", "select"]);
    expect(r.gmmLast).toMatchObject({ estimator: "gmmMI", stage: "bootstrap", done: 4, total: 4 });
    expect(r.runningAfterIdle).toBe(0);
  }

  it("the browser entry, loaded through an import map from 127.0.0.1, gives Node's exact bits, also via mutinfo/worker", async () => {
    const before = wasmRequests.length;
    checkPage(await open("/index.html"));
    // The main thread and the worker each fetched mutinfo.wasm from beside their own script.
    expect(wasmRequests.slice(before).sort()).toEqual(["/node_modules/mutinfo/dist/mutinfo.wasm", "/node_modules/mutinfo/dist/mutinfo.wasm"]);
  });

  it("createMIWorker({ wasm }) takes a module compiled on the page, or a URL relative to the page, with the same bits", async () => {
    const before = wasmRequests.length;
    const r = await open("/index.html?wasm=node_modules/mutinfo/dist/mutinfo.wasm");
    checkPage(r);
    expect(r.moduleWorker).toEqual(expected);
    expect(r.urlWorker).toEqual(expected);
    // Page entry, first worker, the page's own compile, and the URL worker: the module worker
    // fetched nothing, and the relative URL was resolved against the page.
    expect(wasmRequests.length - before).toBe(4);
    expect(wasmRequests.slice(before).every((u) => u === "/node_modules/mutinfo/dist/mutinfo.wasm")).toBe(true);
  });

  it("a server sending .wasm as application/octet-stream still works (arrayBuffer fallback)", async () => {
    checkPage(await open("/octet/index.html"));
  });

  it("an esbuild browser bundle (with mutinfo.wasm copied beside it) gives Node's exact bits", async () => {
    checkPage(await open("/esbuild/index.html"));
  });

  it("a Vite app build gives Node's exact bits, with the .wasm and the worker emitted by Vite itself", async () => {
    checkPage(await open("/vite/out/index.html"));
    expect(wasmRequests.some((u) => u.startsWith("/vite/out/assets/"))).toBe(true);
  });

  it("the same app under Vite's dev server (pre-bundled dependency) gives Node's exact bits", async () => {
    checkPage(await open("/index.html", viteDevBase));
  });
});
