/**
 * The written contract between a page and the engine worker.
 *
 * Counterpart: engine/browser.py (what the worker calls in Python) and
 * engine-runtime.js (the worker side). Every request carries an `id` and gets
 * exactly one reply with the same `id`; errors travel as replies. Events are
 * unrequested and carry no id.
 *
 *   page -> worker   { type: "engine:start" }   go: the worker loads nothing big before it (see START)
 *   page -> worker   { type: "<op>:request", id, definition, ...args }
 *                    op is one of OPERATIONS; definition is the assessment's JSON text;
 *                    score, result and encode take answers (values: a number, "unknown",
 *                    "n/a" or null) and an optional perspective (an option id, or null);
 *                    decode's entries carry the perspective read from each code
 *   worker -> page   { type: "<op>:result", id, json }   json: the engine's reply text,
 *                    {"ok": true, "value": ...} or {"ok": false, "error": {kind, message}}
 *   worker -> page   { type: "engine:progress", stage }   stage: "pyodide" | "engine"; repeated every
 *                                                         few seconds while starting: a sign of life
 *                    { type: "engine:ready", python, ms }
 *                    { type: "engine:error", message }    the engine could not start, or stopped
 *                                                         working (then every later request gets
 *                                                         an error reply; the page can restart it)
 *
 * A request nested deeper than MAX_DEPTH is refused with the error TOO_DEEP and
 * never reaches Python, where reading it could overflow the WebAssembly stack.
 * The page (engine-client.js) refuses it before sending: Chromium hands a worker
 * a message nested 1,500 deep as `null`, without its id, so no reply could find
 * its way back. The worker (engine-runtime.js) refuses it too, for other callers.
 */
export const OPERATIONS = ["score", "result", "encode", "decode", "aggregate", "team", "compare", "qr", "team-file", "organisation"];

/**
 * The page's go-ahead. A worker can exist before the page's own scripts have arrived
 * (engine-start.js makes it from the head); it loads Pyodide (about 5 MB) only after
 * this, so on a slow line the page's scripts do not queue behind the engine's files.
 */
export const START = "engine:start";

export const EVENTS = {
  progress: "engine:progress",
  ready: "engine:ready",
  error: "engine:error",
};

export function requestType(op) {
  return `${op}:request`;
}

export function resultType(op) {
  return `${op}:result`;
}

/** The operation a request asks for, or null when the message is not a valid request. */
export function operationOf(message) {
  if (!message || typeof message.type !== "string" || !message.type.endsWith(":request")) return null;
  const op = message.type.slice(0, -":request".length);
  if (!OPERATIONS.includes(op) || typeof message.id !== "number" || typeof message.definition !== "string") {
    return null;
  }
  return op;
}

/** No real request comes near this: a team export, the deepest argument, is six levels deep. */
export const MAX_DEPTH = 64;

/** The same words as TOO_DEEP in engine/browser.py. */
export const TOO_DEEP = "Dit verzoek is te diep genest om te lezen.";

/** True when `value` (plain JSON-like data) has arrays or objects nested more than `limit` deep; never recursive. */
export function nestedDeeperThan(value, limit) {
  const stack = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop();
    if (item === null || typeof item !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
