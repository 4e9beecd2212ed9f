/**
 * The written contract between a page and the engine worker.
 *
 * Counterpart: engine/browser.py (what the worker calls in Python) and
 * engine-runtime.js (the worker side). Every request carries an `id` and gets
 * exactly one reply with the same `id`; errors travel as replies. Events are
 * unrequested and carry no id.
 *
 *   page -> worker   { type: "<op>:request", id, definition, ...args }
 *                    op is one of OPERATIONS; definition is the assessment's JSON text
 *   worker -> page   { type: "<op>:result", id, json }   json: the engine's reply text,
 *                    {"ok": true, "value": ...} or {"ok": false, "error": {kind, message}}
 *   worker -> page   { type: "engine:progress", stage }   stage: "pyodide" | "engine"
 *                    { type: "engine:ready", python, ms }
 *                    { type: "engine:error", message }    the engine could not start
 */
export const OPERATIONS = ["score", "result", "encode", "decode", "aggregate", "team", "compare", "qr"];

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
