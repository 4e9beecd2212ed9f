/**
 * Loaded (async, from the head) only on scan pages: starts the engine worker
 * as early as possible. The scan page script later asks the same
 * engine-client.js module instance, so this never starts a second worker.
 */
import { startEngine } from "./engine-client.js";

const wheel = document.querySelector('meta[name="sw-engine-wheel"]')?.content;
if (wheel) startEngine(wheel);
