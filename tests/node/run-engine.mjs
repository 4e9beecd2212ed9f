// Drives the real worker runtime (theme/overrides/assets/js/engine-runtime.js)
// with real Pyodide under Node: reads protocol requests (a JSON array) from the
// file named first, installs the wheels named after it, and prints one JSON line
// per message the runtime posts. Used by tests/parity and bench/engine.py.
//
//   node run-engine.mjs requests.json [--stdlib main.zip [--stdlib later.zip ...]] wheel ...
//
// With --stdlib it boots like the browser does: from the build's precompiled standard
// library (builder/stdlib.py) instead of Pyodide's python_stdlib.zip, the later zips added
// after the engine is ready, and an empty lock file given inline.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";
import { createEngineRuntime } from "../../theme/overrides/assets/js/engine-runtime.js";

const [requestsPath, ...rest] = process.argv.slice(2);
const stdlib = [];
const wheelPaths = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--stdlib") stdlib.push(rest[++i]);
  else wheelPaths.push(rest[i]);
}
const requests = JSON.parse(await readFile(requestsPath, "utf-8"));
const lock = JSON.parse(await readFile(new URL("../../node_modules/pyodide/pyodide-lock.json", import.meta.url)));
const out = [];
const runtime = createEngineRuntime({
  loadPyodide,
  stdLibURL: stdlib[0],
  laterStdLibUrls: stdlib.slice(1),
  lockFileContents: stdlib.length ? { info: lock.info, packages: {} } : undefined,
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
