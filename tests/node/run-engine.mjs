// Drives the real worker runtime (theme/overrides/assets/js/engine-runtime.js)
// with real Pyodide under Node: reads protocol requests (a JSON array) from the
// file named first, installs the wheels named after it, and prints one JSON line
// per message the runtime posts. Used by tests/parity and bench/engine.py.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";
import { createEngineRuntime } from "../../theme/overrides/assets/js/engine-runtime.js";

const [requestsPath, ...wheelPaths] = process.argv.slice(2);
const requests = JSON.parse(await readFile(requestsPath, "utf-8"));
const out = [];
const runtime = createEngineRuntime({
  loadPyodide,
  wheelUrls: wheelPaths,
  fetchBytes: async (path) => new Uint8Array(await readFile(path)),
  post: (message) => out.push(message),
  now: () => performance.now(),
});
await runtime.ready;
const started = performance.now();
for (const request of requests) await runtime.onMessage(request);
const elapsed = performance.now() - started;
for (const message of out) process.stdout.write(JSON.stringify(message) + "\n");
process.stdout.write(JSON.stringify({ type: "run:done", ms: elapsed, requests: requests.length }) + "\n");
