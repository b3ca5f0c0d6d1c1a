// Deno and Bun smoke script: import the installed package by name, run every case and print the
// exact-bits results as one JSON line (the test compares them with Node's).
import * as m from "mutinfo";
import { runCases } from "./cases.js";

const results = await runCases(m);
const info = await m.selfTest(0);
console.log(JSON.stringify({ runtime: info.runtime, results }));
