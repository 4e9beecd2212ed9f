/**
 * The page's side of the engine: one worker for the whole visit, kept alive
 * across mkdocs-material's instant page changes, and a promise per request.
 *
 * Speaks engine-protocol.js. Every request resolves with the engine's value or
 * rejects with an Error whose message can be shown to the user; nothing here
 * touches the page itself.
 */
import { EVENTS, MAX_DEPTH, START, TOO_DEEP, nestedDeeperThan, requestType } from "./engine-protocol.js";

/**
 * A starting engine that says nothing for this long has failed. Not a limit on the start
 * itself: the worker repeats its stage every few seconds while it waits for its files
 * (engine-runtime.js), and a first visit over a slow line can take a minute or more.
 */
const SILENT_TIMEOUT_MS = 45000;
/** And one that is not ready after this long, sign of life or not, has failed too (a stalled line). */
const START_LIMIT_MS = 240000;

let worker = null;
let wheelName = null;
let nextId = 1;
let pending = new Map();
let state = { status: "idle" };
const listeners = new Set();

function setState(next) {
  state = next;
  for (const listener of listeners) listener(state);
  // for classic scripts that cannot import this module (search-later.js)
  window.dispatchEvent(new CustomEvent("supportwijzer:engine", { detail: state.status }));
}

/** Follow the engine's state: idle, loading, ready, failed (with reason "error" or "timeout"). */
export function onEngineState(listener) {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

export function engineState() {
  return state;
}

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending = new Map();
}

/**
 * The worker engine-start.js started from the head, if any, with the events it received
 * meanwhile; taken once. One for another wheel (cannot happen on one page) is stopped.
 */
function takeEarlyWorker(wheel) {
  const early = window.__supportwijzerEarlyEngine;
  if (!early) return null;
  delete window.__supportwijzerEarlyEngine;
  if (early.wheel === wheel) return early;
  early.worker.terminate();
  return null;
}

/** Start the worker once; later calls (other scan pages) reuse it. */
export function startEngine(wheel) {
  if (worker && wheel === wheelName && state.status !== "failed") return;
  stopEngine();
  wheelName = wheel;
  const early = takeEarlyWorker(wheel);
  const url = new URL(`engine-worker.js?wheels=${encodeURIComponent(wheel)}`, import.meta.url);
  setState({ status: "loading", stage: "pyodide" });
  try {
    worker = early ? early.worker : new Worker(url, { type: "module" });
  } catch (error) {
    setState({ status: "failed", reason: "error", message: String(error) });
    return;
  }
  // Given up: a worker that said nothing for SILENT_TIMEOUT_MS, or is not ready after START_LIMIT_MS.
  // Only this worker: after a restart its timers must not touch the next one.
  const started = worker;
  let timer = null;
  const stopTimers = () => {
    clearTimeout(timer);
    clearTimeout(limit);
  };
  const giveUp = () => {
    stopTimers();
    if (state.status === "loading" && worker === started) {
      setState({ status: "failed", reason: "timeout" });
      failAll("timeout");
      stopWorker();
    }
  };
  const waitForNews = () => {
    clearTimeout(timer);
    timer = setTimeout(giveUp, SILENT_TIMEOUT_MS);
  };
  const limit = setTimeout(giveUp, START_LIMIT_MS);
  waitForNews();
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.type === EVENTS.progress) {
      waitForNews();
      if (state.status !== "loading" || state.stage !== message.stage) setState({ status: "loading", stage: message.stage });
    } else if (message.type === EVENTS.ready) {
      stopTimers();
      setState({ status: "ready", ms: message.ms, python: message.python });
    } else if (message.type === EVENTS.error) {
      stopTimers();
      setState({ status: "failed", reason: "error", message: message.message });
    } else if (pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      const reply = JSON.parse(message.json);
      if (reply.ok) resolve(reply.value);
      else reject(Object.assign(new Error(reply.error.message), { kind: reply.error.kind, reason: reply.error.reason }));
    }
  };
  worker.onerror = (event) => {
    stopTimers();
    event.preventDefault();
    setState({ status: "failed", reason: "error", message: event.message || "worker error" });
    failAll(event.message || "worker error");
  };
  if (early) {
    // what the worker said before this page took it over, in order (an error after the messages)
    const taken = worker;
    for (const event of early.messages) if (worker === taken) worker.onmessage(event);
    for (const event of early.errors) if (worker === taken) worker.onerror(event);
  }
  // The go-ahead for Pyodide's 5 MB: sent now that this page's scripts have arrived and run, so
  // on a slow line they never queued behind the engine's files (engine-protocol.js, START).
  if (worker) worker.postMessage({ type: START });
}

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
}

export function stopEngine() {
  stopWorker();
  failAll("stopped");
}

/** Start again after a failure (the retry button). */
export function restartEngine() {
  const wheel = wheelName;
  stopEngine();
  setState({ status: "idle" });
  startEngine(wheel);
}

/** Ask the engine; resolves with its value, rejects with an Error carrying the engine's message. */
export function ask(op, definition, args = {}) {
  if (!worker) return Promise.reject(new Error("engine not started"));
  // refused here, not sent: the worker may receive such a message as null, without its id (engine-protocol.js)
  if (nestedDeeperThan(args, MAX_DEPTH)) return Promise.reject(Object.assign(new Error(TOO_DEEP), { kind: "TooDeep" }));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      worker.postMessage({ type: requestType(op), id, definition, ...args });
    } catch (error) {
      // the browser could not copy the arguments to the worker (not plain data, or too big);
      // without this the request would wait for ever
      pending.delete(id);
      reject(Object.assign(new Error(String((error && error.message) || error)), { kind: "BadRequest" }));
    }
  });
}
