/*
 * Reads QR codes from camera frames for the team page (team-camera.js), off the page's thread.
 *
 * A classic worker, because jsQR (self-hosted by the build from node_modules/jsqr, see
 * VENDORED_FILES in builder/site.py) is a plain script. The contract, all of it:
 *   page -> worker  { type: "qr:frame", id, width, height, pixels }   (RGBA bytes, an ArrayBuffer)
 *   worker -> page  { type: "qr:result", id, text }                    (text: string, or null)
 *                   { type: "qr:error", message }                      (jsQR could not be loaded)
 * Frames are read and dropped: nothing is kept between messages.
 */
"use strict";

let loaded = true;
try {
  importScripts("../vendor/jsqr/jsQR.js");
} catch (error) {
  loaded = false;
  self.postMessage({ type: "qr:error", message: String((error && error.message) || error) });
}

self.onmessage = (event) => {
  const message = event.data;
  if (!loaded || !message || message.type !== "qr:frame") return;
  let text = null;
  try {
    const pixels = new Uint8ClampedArray(message.pixels);
    // the member's QR code is drawn dark on white, also in dark mode: no need to try it inverted
    const found = self.jsQR(pixels, message.width, message.height, { inversionAttempts: "dontInvert" });
    text = found && found.data ? found.data : null;
  } catch {
    text = null;
  }
  self.postMessage({ type: "qr:result", id: message.id, text });
};
