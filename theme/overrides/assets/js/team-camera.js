/**
 * Reading members' QR codes with the laptop's camera (issue 13). Owner: the camera helper.
 *
 * Members hold up the QR code of their result page: a link to this team page with
 * `#code=...&team=...` (scan-page.js teamLink), or a bare code. Every code read lands in the
 * list through `api.addCodes`, which saves it and has the engine check the list.
 *
 * Frames are read in the browser and dropped at once: `BarcodeDetector` where the browser has
 * one for QR codes, else jsQR (self-hosted by the build) in a worker, qr-reader-worker.js, so the
 * page stays responsive. No frame is stored or sent. The camera stops with the Stop button, and
 * by itself when the section is no longer shown, the tab is hidden, or the page changes.
 *
 * A QR code of another round is not added: the link says which round it belongs to, and adding
 * it here would mix two rounds (and count a person twice in neither). The facilitator opens that
 * round by its name, and the next time the code is shown it is read.
 */
import { checkCode, splitCodes } from "./code-fallback.js";
import { el } from "./dom.js";
import { CAMERA } from "./strings.js";

const PAUSE_MS = 100; // between the end of one read and the next frame
const MAX_FRAME_WIDTH = 1280; // wide enough for a phone's QR code at arm's length, small enough to read fast
const HIT_MS = 700; // how long the preview shows its frame after a code was added

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initCamera(page, api) {
  const section = page.querySelector("[data-sw-camera]");
  if (!section || !navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== "function") return;

  const startButton = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-camera-start": "",
    text: CAMERA.start });
  const stopButton = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-camera-stop": "", hidden: true,
    text: CAMERA.stop });
  const video = el("video", { muted: true, playsinline: true, "aria-label": CAMERA.videoLabel, "data-sw-camera-video": "" });
  video.muted = true; // the attribute alone does not mute a video made by script
  const count = el("p", { class: "sw-camera-count", "data-sw-camera-count": "" });
  const view = el("div", { class: "sw-camera-view", hidden: true }, el("div", { class: "sw-camera-frame" }, video), count);
  const status = el("p", { class: "sw-camera-status", role: "status", "data-sw-camera-status": "" });
  section.append(
    el("h2", { id: "sw-camera-title", text: CAMERA.heading }),
    el("p", { text: CAMERA.intro }),
    el("div", { class: "sw-actions" }, startButton, stopButton),
    view,
    status);
  section.setAttribute("aria-labelledby", "sw-camera-title");
  section.hidden = false;

  let stream = null;
  let reader = null;
  let timer = null;
  let hitTimer = null;
  let session = 0; // a new number at every start and stop, so a late answer of an old session is ignored
  // what was done with each QR text seen since the camera started, per round: a code held up for
  // seconds is read many times, and only the first read may speak
  let seen = new Map();

  function say(text, kind = "info") {
    status.textContent = text;
    status.dataset.swKind = kind;
  }

  function codesInList() {
    return splitCodes(api.readRound().codes || "");
  }

  function showCount() {
    count.textContent = CAMERA.count(codesInList().length);
  }

  function shown() {
    return page.isConnected && section.getClientRects().length > 0 && !document.hidden;
  }

  async function start() {
    const mine = ++session;
    startButton.disabled = true;
    say(CAMERA.starting);
    let next;
    try {
      next = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (error) {
      if (mine !== session) return;
      startButton.disabled = false;
      say(cameraError(error), "warning");
      return;
    }
    if (mine !== session || !shown()) {
      for (const track of next.getTracks()) track.stop();
      if (mine === session) startButton.disabled = false;
      return;
    }
    stream = next;
    const [track] = stream.getVideoTracks();
    track.addEventListener("ended", () => {
      if (stream === next) stop(CAMERA.lost, "warning");
    });
    // a camera that faces the people (a laptop's) is shown as a mirror, so members can aim
    view.classList.toggle("sw-camera-mirror", (track.getSettings().facingMode || "user") !== "environment");
    try {
      reader = (await barcodeReader()) || workerReader();
    } catch {
      stop(CAMERA.readerFailed, "warning");
      return;
    }
    if (mine !== session) return;
    video.srcObject = stream;
    view.hidden = false;
    stopButton.hidden = false;
    startButton.hidden = true;
    startButton.disabled = false;
    if (document.activeElement === startButton || document.activeElement === document.body) stopButton.focus();
    seen = new Map();
    showCount();
    try {
      await video.play();
    } catch {
      // autoplay of a muted video is allowed; if a browser still refuses, frames are read once it plays
    }
    if (mine !== session) return;
    say(CAMERA.started);
    readNext(mine);
  }

  function stop(message = CAMERA.stopped, kind = "info") {
    session += 1;
    clearTimeout(timer);
    clearTimeout(hitTimer);
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    if (reader) reader.close();
    reader = null;
    video.pause();
    video.srcObject = null;
    const hadFocus = document.activeElement === stopButton;
    view.hidden = true;
    view.classList.remove("sw-camera-hit");
    stopButton.hidden = true;
    startButton.hidden = false;
    startButton.disabled = false;
    if (hadFocus) startButton.focus();
    say(message, kind);
  }

  async function readNext(mine) {
    if (mine !== session) return;
    if (!shown()) {
      stop(CAMERA.stoppedAway);
      return;
    }
    if (video.readyState >= 2 && video.videoWidth > 0) {
      let texts;
      try {
        texts = await reader.read(video);
      } catch {
        if (mine === session) stop(CAMERA.readerFailed, "warning");
        return;
      }
      if (mine !== session) return;
      for (const text of texts) handle(text);
    }
    timer = setTimeout(() => readNext(mine), PAUSE_MS);
  }

  /** One QR text as read: add its code, or say why not; repeats of the same QR text stay silent. */
  function handle(text) {
    const round = api.round();
    const key = `${round}\n${text}`;
    const before = seen.get(key);
    const qr = readQr(text);
    if (before === "added" && qr && codesInList().includes(qr.code)) return;
    if (before && before !== "added") return;
    if (!qr) {
      seen.set(key, "refused");
      say(CAMERA.notOurs, "warning");
      return;
    }
    const checked = checkCode(qr.code, { scanId: api.scanId });
    if (!checked.ok) {
      seen.set(key, "refused");
      say(checked.reason === "other-scan" ? CAMERA.otherScan : CAMERA.broken, "warning");
      return;
    }
    if (qr.team !== null && qr.team !== round) {
      seen.set(key, "refused");
      say(CAMERA.otherRound(qr.team, round), "warning");
      return;
    }
    seen.set(key, "added");
    const added = api.addCodes([qr.code]);
    showCount();
    if (added) {
      say(CAMERA.added(codesInList().indexOf(qr.code) + 1));
      view.classList.add("sw-camera-hit");
      clearTimeout(hitTimer);
      hitTimer = setTimeout(() => view.classList.remove("sw-camera-hit"), HIT_MS);
    } else {
      say(CAMERA.already);
    }
  }

  startButton.addEventListener("click", start);
  stopButton.addEventListener("click", () => stop());
  document.addEventListener("visibilitychange", () => {
    if (document.hidden && stream) stop(CAMERA.stoppedAway);
  });
  window.addEventListener("pagehide", () => {
    if (stream) stop();
  });
}

/**
 * The code (and round) a QR text holds: a link with `#code=...&team=...`, or a code on its own.
 * Null for a link without a code. Both parts are cut to the lengths the team page keeps.
 */
export function readQr(text) {
  const trimmed = String(text).trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    let params;
    try {
      params = new URLSearchParams(new URL(trimmed).hash.slice(1));
    } catch {
      return null;
    }
    const code = params.get("code");
    if (!code || !code.trim()) return null;
    const team = params.get("team");
    return { code: code.trim().slice(0, 100), team: team === null ? null : team.trim().slice(0, 40) };
  }
  return trimmed ? { code: trimmed.slice(0, 100), team: null } : null;
}

function cameraError(error) {
  switch (error && error.name) {
    case "NotAllowedError":
    case "SecurityError":
      return CAMERA.denied;
    case "NotFoundError":
    case "OverconstrainedError":
      return CAMERA.noCamera;
    case "NotReadableError":
    case "AbortError":
      return CAMERA.inUse;
    default:
      return CAMERA.failed;
  }
}

/** The browser's own QR reader, when it has one (Chrome on Android and macOS, Safari); else null. */
async function barcodeReader() {
  if (typeof window.BarcodeDetector !== "function") return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes("qr_code")) return null;
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    return {
      async read(video) {
        const found = await detector.detect(video);
        return found.map((barcode) => barcode.rawValue).filter(Boolean);
      },
      close() {},
    };
  } catch {
    return null;
  }
}

/** jsQR in qr-reader-worker.js: one frame at a time, copied out of the video and handed over. */
function workerReader() {
  const worker = new Worker(new URL("qr-reader-worker.js", import.meta.url));
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let pending = null;
  let broken = false;
  let nextId = 1;
  const fail = () => {
    broken = true;
    if (pending) pending.reject(new Error("QR reader failed"));
    pending = null;
  };
  worker.onmessage = (event) => {
    const message = event.data || {};
    if (message.type === "qr:error") fail();
    else if (message.type === "qr:result" && pending && message.id === pending.id) {
      pending.resolve(message.text ? [message.text] : []);
      pending = null;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail();
  };
  return {
    read(video) {
      if (broken) return Promise.reject(new Error("QR reader failed"));
      const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
      const width = Math.round(video.videoWidth * scale);
      const height = Math.round(video.videoHeight * scale);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(video, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height).data.buffer;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject };
        worker.postMessage({ type: "qr:frame", id, width, height, pixels }, [pixels]);
      });
    },
    close() {
      worker.terminate();
      if (pending) pending.resolve([]);
      pending = null;
    },
  };
}
