/**
 * One device for the whole team: the kiosk mode of a scan page (address #kiosk=1&team=<round>).
 *
 * Members answer one after another on the facilitator's laptop or tablet. "Klaar" turns the
 * member's answers into a result code (the engine's "encode"; code-fallback.js when the engine
 * cannot start), puts that code at a random place among the round's codes (the record under
 * KEYS.team that the team page reads), and empties the form. A member never sees a result or
 * a code, nothing of theirs stays on screen, and the order of the codes says nothing about who
 * answered when: inserting each new code at a uniformly random place keeps the whole list in a
 * uniformly random order.
 *
 * scan-page.js owns the form and where its answers are kept (KEYS.kiosk while in kiosk mode);
 * this module owns the banner, the Klaar button and the round's codes. Contract of `scan`:
 *   form, scanId, definition (JSON text), teamPage() -> the team page's address (no fragment),
 *   current() -> { answers, perspective }, openCount() -> questions without an answer,
 *   say(text) -> the form's status line, clear() -> forget the member: empty form, nothing kept,
 *   stop() -> leave kiosk mode (after the user confirmed).
 */
import { ask, engineState } from "./engine-client.js";
import { encodeFallback } from "./code-fallback.js";
import { el } from "./dom.js";
import { KEYS, storage } from "./storage.js";
import { KIOSK } from "./strings.js";

/** A whole number from 0 to n (both included), from the browser's random source. */
function randomIndex(n) {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return value % (n + 1);
}

/** The kept record of a round, or {} when there is none (or it is unreadable). */
function readRecord(key) {
  const saved = storage.read(key);
  return saved.value && typeof saved.value === "object" && !Array.isArray(saved.value) ? saved.value : {};
}

/** The non-empty lines of a record's codes: one code each, as the kiosk and the team page write them. */
function codeLines(record) {
  return typeof record.codes === "string" ? record.codes.split("\n").filter((line) => line.trim()) : [];
}

/**
 * Add `code` to the round's record at a random place, keeping every other field as it is
 * (the team page and its parts keep their own fields there). Read-modify-write in one go.
 */
function addCode(key, code) {
  const record = readRecord(key);
  const lines = codeLines(record);
  lines.splice(randomIndex(lines.length), 0, code);
  return storage.write(key, { ...record, codes: lines.join("\n") });
}

export function initKiosk(container, scan) {
  const { form, scanId, definition } = scan;
  let minGroup = 3;
  try {
    minGroup = Number(JSON.parse(definition).min_group) || minGroup;
  } catch {
    /* the engine reports a broken definition; the default is the smallest group the engine allows */
  }
  let round = "";
  let busy = false;
  let stopWatching = () => {};

  // -- the banner, above the scan: whose turn it is, how many are done, the way out -----------
  const title = el("h2", { id: "sw-kiosk-title", class: "sw-kiosk-title" });
  const message = el("p", { class: "sw-kiosk-message", role: "status", "data-sw-kiosk-message": "" });
  const done = el("p", { class: "sw-kiosk-done", "data-sw-kiosk-count": "" });
  const teamLink = el("a", { class: "md-button md-button--primary", "data-sw-kiosk-team": "", href: "team/", hidden: true,
    text: KIOSK.teamLink });
  const stop = el("button", { type: "button", class: "md-button", "data-sw-kiosk-stop": "", text: KIOSK.stop });
  const storageNote = el("p", { class: "sw-kiosk-warning", "data-sw-kiosk-storage": "", hidden: true, text: KIOSK.storageOff });
  const banner = el("section", { class: "sw-kiosk", "data-sw-kiosk": "", tabindex: "-1", "aria-labelledby": "sw-kiosk-title",
    "data-search-exclude": "", hidden: true },
  title, message, el("p", { class: "sw-kiosk-intro", text: KIOSK.intro }), storageNote, done,
  el("p", { class: "sw-kiosk-actions" }, teamLink, " ", stop));
  container.prepend(banner);

  // -- "Klaar" takes the place of "Bekijk resultaat" -------------------------------------------
  const finishButton = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-kiosk-finish": "",
    hidden: true, text: KIOSK.finish });
  form.querySelector("[data-sw-submit]").before(finishButton);

  const recordKey = () => KEYS.team(scanId, round);

  /** Banner text, count and team link from the round's record as kept now. */
  function update() {
    if (!round) return;
    const count = codeLines(readRecord(recordKey())).length;
    title.textContent = KIOSK.banner(round, count + 1);
    done.textContent = count >= minGroup ? KIOSK.enough(count) : KIOSK.done(count, minGroup);
    teamLink.href = `${scan.teamPage()}#${new URLSearchParams({ team: round })}`;
    teamLink.hidden = count < minGroup;
  }

  /** The member's code: from the engine, or computed here when the engine cannot start. */
  async function codeOf({ answers, perspective }) {
    const fallback = () => {
      try {
        return encodeFallback(JSON.parse(definition), answers, { perspective });
      } catch {
        return null;
      }
    };
    if (engineState().status === "failed") return fallback();
    try {
      return await ask("encode", definition, { answers, perspective });
    } catch {
      return fallback();
    }
  }

  async function finish() {
    if (busy || !round) return;
    const current = scan.current();
    if (!Object.keys(current.answers).length) {
      scan.say(KIOSK.nothingAnswered);
      return;
    }
    const open = scan.openCount();
    if (open && !window.confirm(KIOSK.openConfirm(open))) return;
    busy = true;
    const forRound = round;
    finishButton.setAttribute("aria-busy", "true");
    scan.say(KIOSK.saving);
    let code = null;
    try {
      code = await codeOf(current);
    } finally {
      busy = false;
      finishButton.removeAttribute("aria-busy");
    }
    if (forRound !== round) return; // the kiosk was stopped meanwhile: nothing is added
    if (typeof code !== "string" || !code) {
      scan.say(KIOSK.failed); // the answers stay, so the member can try again
      return;
    }
    addCode(recordKey(), code);
    scan.clear();
    update();
    message.textContent = KIOSK.thanks;
    window.scrollTo(0, 0);
    banner.focus({ preventScroll: true });
  }

  finishButton.addEventListener("click", finish);
  stop.addEventListener("click", () => {
    if (window.confirm(KIOSK.stopConfirm)) scan.stop();
  });
  // the next member starts: the thanks for the one before has done its job
  form.addEventListener("change", () => {
    if (round && message.textContent) message.textContent = "";
  });

  return {
    /** Show the kiosk for `name` (a round name), or hide it with null. */
    show(name) {
      stopWatching();
      stopWatching = () => {};
      round = name || "";
      banner.hidden = finishButton.hidden = !round;
      message.textContent = "";
      if (!round) return;
      storageNote.hidden = storage.persistent;
      update();
      // the team page in another tab may add or remove codes of this round
      const stopFollowing = storage.watch(recordKey(), () => {
        if (!document.body.contains(banner)) stopFollowing();
        else update();
      });
      stopWatching = stopFollowing;
    },
    /** Bring the banner into view and give it focus (entering kiosk mode). */
    focus() {
      window.scrollTo(0, 0);
      banner.focus({ preventScroll: true });
    },
  };
}
