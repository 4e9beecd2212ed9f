/**
 * The engine's Web Worker (a module worker: Pyodide 314 refuses classic workers).
 * It only wires engine-runtime.js to this worker. The build's file names arrive as
 * the ?wheels= parameter of the worker's own URL, in load order: the precompiled
 * standard library (stdlib-<hash>.zip), the engine wheel, the later wheels (segno),
 * and the standard-library modules only those import (stdlib-later-<hash>.zip).
 * Zips live beside Pyodide in pyodide/, wheels in assets/engine/ (builder/site.py).
 */
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { createEngineRuntime } from "./engine-runtime.js";
import { START } from "./engine-protocol.js";

// Pyodide's lock file lists packages this site never loads: an empty one, given inline, saves a
// request. Its ABI must be Pyodide's own; the build checks it (builder/stdlib.py, check_worker_abi).
const LOCK_FILE = { info: { abi_version: "2026_0" }, packages: {} };

const here = new URL(self.location.href);
const pyodideFolder = new URL("../../pyodide/", here);
const names = (here.searchParams.get("wheels") || "").split(" ").filter(Boolean);
const zips = names.filter((name) => name.endsWith(".zip")).map((name) => new URL(name, pyodideFolder).href);
const wheelUrls = names.filter((name) => !name.endsWith(".zip"))
  .map((name) => new URL(`../engine/${name}`, here).href);

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Pyodide fetches its own files (the wasm, the standard library) and, when the wasm cannot be
// fetched, only logs it and never finishes. A failed fetch of this worker ends the start at once,
// with the reason. The response itself goes on untouched: a copy would lose the browser's cache of
// the compiled wasm, which is kept per URL.
let failFile;
const fileFailure = new Promise((resolve, reject) => { failFile = reject; });
fileFailure.catch(() => {}); // the runtime reports it; unhandled before the race starts is fine
const nativeFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  let response;
  try {
    response = await nativeFetch(input, init);
  } catch (error) {
    failFile(new Error(`${String(input.url || input)}: ${(error && error.message) || error}`));
    throw error;
  }
  if (!response.ok) failFile(new Error(`${response.url}: HTTP ${response.status}`));
  return response;
};

const runtime = createEngineRuntime({
  loadPyodide,
  indexURL: pyodideFolder.href,
  stdLibURL: zips[0],
  laterStdLibUrls: zips.slice(1),
  lockFileContents: LOCK_FILE,
  wheelUrls,
  fetchBytes,
  post: (message) => self.postMessage(message),
  now: () => performance.now(),
  waitForStart: true,
  fileFailure,
});

self.onmessage = (event) => {
  if (event.data && event.data.type === START) runtime.start();
  else runtime.onMessage(event.data);
};
