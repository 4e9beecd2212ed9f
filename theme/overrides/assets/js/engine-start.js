/**
 * Loaded (async, from the head) only on scan pages: starts the engine worker
 * as early as possible. The scan page script later asks the same
 * engine-client.js module instance, so this never starts a second worker.
 */
import { startEngine } from "./engine-client.js";

const wheel = document.querySelector('meta[name="sw-engine-wheel"]')?.content;
// A team page opened with a code in its address (a member's QR code) starts the engine only when
// a check is asked for: the code is stored at once without it (team-page.js, ensureEngine). The
// page may have run first and taken the code out of the address: then it has left a mark.
const arrival = new URLSearchParams(window.location.hash.slice(1)).get("code")
  || document.documentElement.dataset.swEngineLater;
if (wheel && !arrival) startEngine(wheel);
