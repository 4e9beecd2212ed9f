/**
 * The engine worker's logic, as a factory so a Node test can drive it with
 * real Pyodide (tests/node/) and the browser worker (engine-worker.js) only
 * wires it to `self`.
 *
 * It starts Pyodide at once, or with `waitForStart` when start() is called (the browser
 * worker waits for the page's go-ahead), fetching the engine wheel alongside; it installs
 * the engine, then the wheels only some requests need (segno, for QR codes)
 * and the standard-library modules only they import, and answers requests
 * of engine-protocol.js by calling engine.browser.handle() in Python. A request
 * that arrives before the engine is ready waits for it. One request, exactly one
 * reply, so the page never hangs: if the engine cannot start, if a request is
 * nested too deep to read, or if Pyodide itself fails, the reply is an error.
 */
import { EVENTS, MAX_DEPTH, TOO_DEEP, nestedDeeperThan, operationOf, resultType } from "./engine-protocol.js";

/** How often a starting worker repeats its stage (see `progress` below). */
const ALIVE_EVERY_MS = 5000;

const errorReply = (kind, message) => JSON.stringify({ ok: false, error: { kind, message } });

/**
 * `fileFailure`: a promise that rejects when a file Pyodide fetches itself fails (engine-worker.js).
 * `stdLibURL`: the precompiled standard library the build made (builder/stdlib.py), instead of
 * Pyodide's python_stdlib.zip; `laterStdLibUrls`: zips of modules only the later wheels import,
 * added to sys.path after the engine is ready; `lockFileContents`: Pyodide's lock file given
 * inline, so it is not fetched. Each is optional (the Node tests also run Pyodide's own files).
 */
export function createEngineRuntime({ loadPyodide, indexURL, stdLibURL, laterStdLibUrls = [], lockFileContents,
  wheelUrls, fetchBytes, post, now = () => Date.now(), waitForStart = false, aliveEveryMs = ALIVE_EVERY_MS,
  fileFailure = new Promise(() => {}) }) {
  let started = now();
  // With waitForStart nothing is loaded until start() (the page's START message, engine-worker.js).
  let start = () => {};
  const go = waitForStart ? new Promise((resolve) => { start = resolve; }) : Promise.resolve();
  const options = Object.fromEntries(Object.entries({ indexURL, stdLibURL, lockFileContents })
    .filter(([, value]) => value !== undefined && value !== null && value !== ""));
  const [engineWheel, ...laterWheels] = wheelUrls;
  let pyodide = null;
  let handle = null;
  let startError = null;

  // While it starts, the worker repeats its stage now and then: a sign of life for the page,
  // which gives up only on a worker that has said nothing for a long time (engine-client.js).
  // A first visit over a slow line can take a minute; a hung start goes quiet.
  let stage = null;
  const progress = (next) => {
    stage = next;
    post({ type: EVENTS.progress, stage });
  };
  let beat = null;
  const ready = (async () => {
    await go;
    started = now();
    progress("pyodide");
    beat = setInterval(() => post({ type: EVENTS.progress, stage }), aliveEveryMs);
    // fileFailure: one of Pyodide's own files could not be fetched. Pyodide itself then waits for
    // ever (it only logs a failed wasm download), and this worker would go on saying its stage.
    const [loaded, wheel] = await Promise.race([Promise.all([loadPyodide(options), fetchBytes(engineWheel)]),
      fileFailure]);
    pyodide = loaded;
    progress("engine");
    pyodide.unpackArchive(wheel, "wheel");
    const browser = pyodide.pyimport("engine.browser");
    handle = (requestJson) => browser.handle(requestJson);
    const python = pyodide.runPython("import sys; sys.version.split()[0]");
    post({ type: EVENTS.ready, python, ms: now() - started });
  })().catch((error) => {
    startError = String((error && error.message) || error);
    post({ type: EVENTS.error, message: startError });
  }).finally(() => clearInterval(beat));

  // Wheels needed by only some requests (segno, for QR codes), and the standard-library modules
  // only they import, load after the engine is ready, so they never delay the first result.
  const later = ready.then(async () => {
    if (!pyodide) return;
    const [wheels, zips] = await Promise.all([Promise.all(laterWheels.map(fetchBytes)),
      Promise.all(laterStdLibUrls.map(fetchBytes))]);
    for (const wheel of wheels) pyodide.unpackArchive(wheel, "wheel");
    const path = pyodide.pyimport("sys").path;
    zips.forEach((zip, i) => {
      const file = `/lib/supportwijzer-stdlib-later-${i}.zip`;
      pyodide.FS.writeFile(file, zip);
      path.append(file);
    });
  });
  const NEEDS_LATER = new Set(["qr"]);

  /** The engine's reply text for a valid request; never throws, so every request gets exactly one reply. */
  async function answer(op, message) {
    if (nestedDeeperThan(message, MAX_DEPTH)) return errorReply("TooDeep", TOO_DEEP);
    await ready;
    if (handle === null) return errorReply("EngineUnavailable", startError || "engine niet beschikbaar");
    if (NEEDS_LATER.has(op)) {
      try {
        await later;
      } catch (error) {
        return errorReply("EngineUnavailable", String(error));
      }
    }
    const { type, id, ...args } = message;
    try {
      return handle(JSON.stringify({ op, ...args }));
    } catch (error) {
      // engine.browser.handle() never raises, so this is Pyodide itself failing. After a fatal
      // error (a WebAssembly stack overflow, out of memory) it can no longer be used: say so, so
      // the page can start a new worker, and answer later requests without touching it.
      const reason = String((error && error.message) || error);
      if (error && error.pyodide_fatal_error) {
        startError = reason;
        handle = null;
        post({ type: EVENTS.error, message: reason });
      }
      return errorReply("EngineError", reason);
    }
  }

  async function onMessage(message) {
    const op = operationOf(message);
    if (op === null) {
      const id = message && typeof message.id === "number" ? message.id : null;
      if (id !== null) post({ type: "invalid:result", id, json: errorReply("BadRequest", "ongeldig verzoek") });
      return;
    }
    post({ type: resultType(op), id: message.id, json: await answer(op, message) });
  }

  return { onMessage, ready, start: () => start() };
}
