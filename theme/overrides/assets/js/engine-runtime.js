/**
 * The engine worker's logic, as a factory so a Node test can drive it with
 * real Pyodide (tests/node/) and the browser worker (engine-worker.js) only
 * wires it to `self`.
 *
 * It starts Pyodide at once, installs the wheels (the engine, then segno for QR
 * codes), and answers requests
 * of engine-protocol.js by calling engine.browser.handle() in Python. A request
 * that arrives before the engine is ready waits for it; if the engine cannot
 * start, every request gets an error reply (so the page never hangs).
 */
import { EVENTS, operationOf, resultType } from "./engine-protocol.js";

export function createEngineRuntime({ loadPyodide, indexURL, wheelUrls, fetchBytes, post, now = () => Date.now() }) {
  const started = now();
  let handle = null;
  let startError = null;

  const ready = (async () => {
    post({ type: EVENTS.progress, stage: "pyodide" });
    const pyodide = await loadPyodide(indexURL ? { indexURL } : {});
    post({ type: EVENTS.progress, stage: "engine" });
    const wheels = await Promise.all(wheelUrls.map(fetchBytes));
    for (const wheel of wheels) pyodide.unpackArchive(wheel, "wheel");
    const browser = pyodide.pyimport("engine.browser");
    handle = (requestJson) => browser.handle(requestJson);
    const python = pyodide.runPython("import sys; sys.version.split()[0]");
    post({ type: EVENTS.ready, python, ms: now() - started });
  })().catch((error) => {
    startError = String((error && error.message) || error);
    post({ type: EVENTS.error, message: startError });
  });

  async function onMessage(message) {
    const op = operationOf(message);
    if (op === null) {
      const id = message && typeof message.id === "number" ? message.id : null;
      if (id !== null) {
        post({ type: "invalid:result", id, json: JSON.stringify({ ok: false, error: { kind: "BadRequest", message: "ongeldig verzoek" } }) });
      }
      return;
    }
    await ready;
    let json;
    if (handle === null) {
      json = JSON.stringify({ ok: false, error: { kind: "EngineUnavailable", message: startError || "engine niet beschikbaar" } });
    } else {
      const { type, id, ...args } = message;
      json = handle(JSON.stringify({ op, ...args }));
    }
    post({ type: resultType(op), id: message.id, json });
  }

  return { onMessage, ready };
}
