/**
 * The engine's Web Worker (a module worker: Pyodide 314 refuses classic workers).
 * It only wires engine-runtime.js to this worker; the wheel's hashed file name
 * arrives as the ?wheel= parameter of the worker's own URL.
 */
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { createEngineRuntime } from "./engine-runtime.js";

const here = new URL(self.location.href);
const wheelUrls = (here.searchParams.get("wheels") || "").split(" ").filter(Boolean)
  .map((name) => new URL(`../engine/${name}`, here).href);

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const runtime = createEngineRuntime({
  loadPyodide,
  indexURL: new URL("../../pyodide/", here).href,
  wheelUrls,
  fetchBytes,
  post: (message) => self.postMessage(message),
  now: () => performance.now(),
});

self.onmessage = (event) => runtime.onMessage(event.data);
