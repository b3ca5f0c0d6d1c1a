// Shared by the real-runtime tests: Node's reference results, a throw-away "app" with mutinfo
// installed from the packed tarball (what a user gets from npm), and the skip/CI policy.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, it } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "node_modules/.bin");

/** Results of every case in Node, through the built package (dist/node.js). */
export async function nodeResults(): Promise<Record<string, unknown>> {
  if (!existsSync(join(ROOT, "dist/node.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  const m = await import(pathToFileURL(join(ROOT, "dist/node.js")).href);
  const { runCases } = await import(pathToFileURL(join(ROOT, "test/runtimes/cases.js")).href);
  const results: Record<string, unknown> = await runCases(m);
  for (const [name, r] of Object.entries(results)) {
    if (r && typeof r === "object" && "error" in r) throw new Error(`case ${name} fails in Node: ${(r as { error: string }).error}`);
  }
  return results;
}

/** A fresh directory build/runtimes/<name> with package.json, cases.js and mutinfo unpacked
 *  from `npm pack` into node_modules/mutinfo (so only the published `files` are there). */
export function makeApp(name: string, extraFiles: string[] = []): string {
  const dir = join(ROOT, "build/runtimes", name);
  rmSync(dir, { recursive: true, force: true });
  const pkgDir = join(dir, "node_modules/mutinfo");
  mkdirSync(pkgDir, { recursive: true });
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim().split("\n").pop()!;
  execFileSync("tar", ["-xzf", join(dir, packed), "-C", pkgDir, "--strip-components=1"]);
  rmSync(join(dir, packed));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `mutinfo-${name}-app`, private: true, type: "module", dependencies: { mutinfo: "*" } }, null, 2));
  for (const f of ["cases.js", ...extraFiles]) copyFileSync(join(ROOT, "test/runtimes", f), join(dir, f));
  return dir;
}

/** True when `cmd --version` runs. */
export function runs(cmd: string, args = ["--version"]): boolean {
  if (cmd.includes("/") && !existsSync(cmd)) return false;
  const r = spawnSync(cmd, args, { stdio: "ignore", timeout: 60_000 });
  return r.status === 0;
}

/** `describe` for a runtime that may be missing locally. Under CI=true a missing runtime is a
 *  failing test; elsewhere the block is skipped with a loud message. */
export function describeRuntime(name: string, available: boolean, how: string, fn: () => void): void {
  if (available) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it(`${name} is installed (required under CI=true)`, () => {
        throw new Error(`${name} is not available; under CI=true nothing may skip. ${how}`);
      });
    });
    return;
  }
  const line = "!".repeat(78);
  console.warn(`\n${line}\n!! SKIPPING ${name} runtime tests: ${name} is not available here.\n!! ${how}\n${line}\n`);
  describe.skip(name, fn);
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir);
}
