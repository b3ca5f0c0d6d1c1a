#!/usr/bin/env node
import { existsSync } from "node:fs";

if (!existsSync(new URL("../dist/cli.js", import.meta.url))) {
  console.error("mutinfo: dist/ is missing. Run `npm install` (which builds it) or `npm run build` first.");
  process.exit(1);
}
await import("../dist/cli.js");
