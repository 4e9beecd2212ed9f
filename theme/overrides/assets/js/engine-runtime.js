/**
 * The engine worker's logic, as a factory so a Node test can drive it with
 * real Pyodide (tests/node/) and the browser worker (engine-worker.js) only
 * wires it to `self`.
 *
 * It starts Pyodide at once (fetching the engine wheel alongside), installs
 * the engine, then the wheels only some requests need (segno, for QR codes),
 * and answers requests
 * of engine-protocol.js by calling engine.browser.handle() in Python. A request
 * that arrives before the engine is ready waits for it; if the engine cannot
 * start, every request gets an error reply (so the page never hangs).
 */
import { EVENTS, operationOf, resultType } from "./engine-protocol.js";

export function createEngineRuntime({ loadPyodide, indexURL, wheelUrls, fetchBytes, post, now = () => Date.now() }) {
  const started = now();
  const [engineWheel, ...laterWheels] = wheelUrls;
  let pyodide = null;
  let handle = null;
  let startError = null;

  const ready = (async () => {
    post({ type: EVENTS.progress, stage: "pyodide" });
    const [loaded, wheel] = await Promise.all([loadPyodide(indexURL ? { indexURL } : {}), fetchBytes(engineWheel)]);
    pyodide = loaded;
    post({ type: EVENTS.progress, stage: "engine" });
    pyodide.unpackArchive(wheel, "wheel");
    const browser = pyodide.pyimport("engine.browser");
    handle = (requestJson) => browser.handle(requestJson);
    const python = pyodide.runPython("import sys; sys.version.split()[0]");
    post({ type: EVENTS.ready, python, ms: now() - started });
  })().catch((error) => {
    startError = String((error && error.message) || error);
    post({ type: EVENTS.error, message: startError });
  });

  // Wheels needed by only some requests (segno, for QR codes) load after the engine is
  // ready, so they never delay the first result.
  const later = ready.then(async () => {
    if (!pyodide) return;
    for (const wheel of await Promise.all(laterWheels.map(fetchBytes))) pyodide.unpackArchive(wheel, "wheel");
  });
  const NEEDS_LATER = new Set(["qr"]);

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
      if (NEEDS_LATER.has(op)) {
        try {
          await later;
        } catch (error) {
          json = JSON.stringify({ ok: false, error: { kind: "EngineUnavailable", message: String(error) } });
        }
      }
      if (json === undefined) {
        const { type, id, ...args } = message;
        json = handle(JSON.stringify({ op, ...args }));
      }
    }
    post({ type: resultType(op), id: message.id, json });
  }

  return { onMessage, ready };
}
