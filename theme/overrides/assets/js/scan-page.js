/**
 * A scan page: progress, answers kept in the browser, and the result.
 *
 * The questionnaire is plain HTML made by the build (builder/scans.py); this
 * module only adds behaviour. The result comes from the engine in the worker
 * (engine-client.js); every piece of advice shown is HTML the build rendered
 * into <template> elements, cloned here, never text turned into HTML.
 */
import { ask, engineState, onEngineState, restartEngine, startEngine } from "./engine-client.js";
import { encodeFallback } from "./code-fallback.js";
import { cloneText, download as downloadFile, el, formatWhole as formatScore, profileBlock, qrCode, svg } from "./dom.js";
import { initKiosk } from "./kiosk.js";
import { KEYS, storage } from "./storage.js";
import { KIOSK, SCAN15, SCANPHONE, TEAM, TEXT } from "./strings.js";

/** The checked answer of each question (not the perspective: that is no question). */
const CHECKED_ANSWERS = "fieldset[data-sw-question] input[type=radio]:checked";

/** The name of the perspective's radio group: '_' is never part of a question id. */
const PERSPECTIVE = "sw_perspective";

/** After this long waiting for the engine, the result code (code-fallback.js) is shown already. */
const SLOW_ENGINE_MS = 12000;

/**
 * The team round and mode in the address fragment: `#team=<round>` for a member on their own
 * device, `#kiosk=1&team=<round>` for one device shared by the whole team (kiosk.js). Null for
 * a fragment that is neither, such as a link to a question (#vraag-...): that changes nothing.
 */
function addressOf(withTeamPage) {
  const hash = window.location.hash.slice(1);
  const params = new URLSearchParams(hash);
  if (hash && !params.has("team") && !params.has("kiosk")) return null;
  const round = (params.get("team") || "").trim().slice(0, 40);
  const kiosk = withTeamPage && params.get("kiosk") === "1";
  return { round, kiosk: kiosk && Boolean(round), kioskWithoutRound: kiosk && !round };
}

/** The fragment for a round and mode (see addressOf); "" for none. */
function fragmentOf(round, kiosk) {
  if (!round) return "";
  return `#${new URLSearchParams(kiosk ? { kiosk: "1", team: round } : { team: round })}`;
}

/** Read the answers from the form: {question id: number | "unknown" | "n/a"} for the answered ones. */
function answersOf(form) {
  const answers = {};
  for (const input of form.querySelectorAll(CHECKED_ANSWERS)) {
    answers[input.name] = input.value === "unknown" || input.value === "n/a" ? input.value : Number(input.value);
  }
  return answers;
}

/** The perspective chosen (an option id), or null: skipped, or the scan asks none. */
function perspectiveOf(form) {
  return form.querySelector(`input[name="${PERSPECTIVE}"]:checked`)?.value ?? null;
}

/** The open questions' texts typed in the form: {prompt id: text} for the ones that are not empty. */
function reflectionsOf(form) {
  const texts = {};
  for (const field of form.querySelectorAll("textarea[data-sw-reflection-prompt]")) {
    if (field.value.trim()) texts[field.dataset.swReflectionPrompt] = field.value;
  }
  return texts;
}

/** Put saved answers back; entries that do not fit this scan (foreign or damaged) are skipped and counted. */
function applyAnswers(form, answers) {
  let applied = 0;
  let skipped = 0;
  for (const [question, value] of Object.entries(answers)) {
    const input = form.querySelector(`input[name="${CSS.escape(question)}"][value="${CSS.escape(String(value))}"]`);
    if (input) {
      input.checked = true;
      applied += 1;
    } else {
      skipped += 1;
    }
  }
  return { applied, skipped };
}

export function initScanPage(root) {
  const form = root.querySelector("form[data-sw-scan]");
  if (!form || form.dataset.swReady) return;
  form.dataset.swReady = "1";

  const definition = form.dataset.swDefinition;
  const scanId = form.dataset.swScan;
  const version = form.dataset.swVersion;
  // -- the mode: one member on their own device, or the kiosk (one device, members in turn) -----
  // The kiosk keeps the answers of the member at work under a key of its own (KEYS.kiosk), so
  // the facilitator's own answers are never shown to the team and the team's never mixed in.
  const arrived = addressOf(Boolean(form.dataset.swTeamPage)) || { round: "", kiosk: false, kioskWithoutRound: false };
  let roundLabel = arrived.round;
  let kiosk = arrived.kiosk;
  const personalKey = KEYS.answers(scanId, version);
  const answersKey = () => (kiosk ? KEYS.kiosk(scanId, version, roundLabel) : personalKey);
  let storageKey = answersKey();
  const total = form.querySelectorAll("fieldset[data-sw-question]").length;
  const progressBar = form.querySelector("progress");
  const progressText = form.querySelector(".sw-progress-text");
  const status = form.querySelector("[data-sw-status]");
  const resultSection = root.querySelector("[data-sw-result]");
  const resultBody = root.querySelector("[data-sw-result-body]");
  const submit = form.querySelector("[data-sw-submit]");
  const submitLabel = submit.textContent;
  // a team or organisation scan: one person's answers that go to a group's result
  const forTheGroup = form.dataset.swAudience !== "individual";
  const notices = [];
  let waitingForResult = false;
  let slowTimer = null;

  // -- the engine starts at once, so it is ready by the time the user is ------
  startEngine(form.dataset.swWheel);

  const ENGINE_MESSAGES = new Set([...Object.values(SCAN15.stages), SCAN15.stageOther, SCAN15.slow, TEXT.engineStarting]);

  function say(message, { retry = false } = {}) {
    status.replaceChildren(document.createTextNode(message));
    if (retry) {
      const button = el("button", { type: "button", class: "md-button sw-retry", text: TEXT.retry });
      button.addEventListener("click", () => {
        say(TEXT.engineStarting);
        restartEngine();
      });
      status.append(" ", button);
    }
  }

  /**
   * The button while the result waits for the engine: busy, and saying what it waits for. The
   * status region says which stage the engine is at (its progress events, engine-client.js).
   */
  function waitForEngine(stage) {
    if (!waitingForResult) {
      waitingForResult = true;
      clearTimeout(slowTimer);
      slowTimer = setTimeout(() => {
        if (!waitingForResult || !document.body.contains(form)) return;
        showFallbackCode({ slow: true });
        say(SCAN15.slow);
      }, SLOW_ENGINE_MS);
    }
    submit.setAttribute("aria-busy", "true");
    submit.textContent = SCAN15.submitBusy;
    if (!resultBody.querySelector("[data-sw-fallback='slow']")) {
      say(Object.hasOwn(SCAN15.stages, stage) ? SCAN15.stages[stage] : SCAN15.stageOther);
    }
  }

  /** The button as it was: nothing to wait for any more (a result, a failure, or the kiosk). */
  function stopWaiting() {
    waitingForResult = false;
    clearTimeout(slowTimer);
    submit.textContent = submitLabel;
    submit.removeAttribute("aria-busy");
  }

  const stopFollowing = onEngineState((state) => {
    if (!document.body.contains(form)) {
      stopFollowing();
      clearTimeout(slowTimer);
      return;
    }
    if (state.status === "loading" && waitingForResult) {
      waitForEngine(state.stage);
    } else if (state.status === "failed") {
      say(state.reason === "timeout" ? TEXT.engineTimeout : TEXT.engineFailed, { retry: true });
      if (waitingForResult) showFallbackCode();
      stopWaiting();
    } else if (state.status === "ready") {
      form.dataset.swEngine = "ready";
      form.dataset.swEngineMs = String(Math.round(state.ms)); // worker start to ready (bench/site.py)
      if (waitingForResult) showResult();
      // only a message about the engine starting goes when it is ready; "Niets gewist" and the like stay
      else if (ENGINE_MESSAGES.has(status.textContent) && !notices.length) say("");
    }
  });

  // -- answers: restore, keep, clear, and share with other tabs of this scan ------------
  // Every change is written at once, read-modify-write: the saved answers are read first, so
  // what another tab of the same scan saved is kept (and shown here) instead of overwritten.
  // A tab also follows the other tabs' writes as they happen (storage.watch). Each tab writes
  // each change, so for one question the answer chosen last wins, in every tab. The name of a
  // team round is not part of the answers: it belongs to each tab's own address (#team=...).
  let modes = null; // one question per screen or all of them, and the jump (initAnswerModes, below)

  function updateProgress() {
    const answered = form.querySelectorAll(CHECKED_ANSWERS).length; // "n/a" counts: the question is done
    progressBar.value = answered;
    progressText.textContent = TEXT.progress(answered, total);
    modes?.refresh();
  }

  /** The answers in a saved value, or null when it is not a saved-answers entry. */
  function answersIn(saved) {
    const answers = saved.value && typeof saved.value === "object" && !Array.isArray(saved.value) ? saved.value.answers : null;
    return answers && typeof answers === "object" && !Array.isArray(answers) ? answers : null;
  }

  /** The perspective in a saved value (kept beside the answers), or null. */
  function perspectiveIn(saved) {
    const chosen = answersIn(saved) ? saved.value.perspective : null;
    return typeof chosen === "string" ? chosen : null;
  }

  /** Show a saved perspective in the form; false when this scan has no such option. */
  function choosePerspective(chosen) {
    const input = form.querySelector(`input[name="${PERSPECTIVE}"][value="${CSS.escape(chosen)}"]`);
    if (input) input.checked = true;
    return Boolean(input);
  }

  /** takeOver() for a whole saved value: the answers, and the perspective (unless `mine` is that). */
  function takeOverSaved(saved, mine = null) {
    const merged = takeOver(answersIn(saved) || {}, mine);
    const chosen = perspectiveIn(saved);
    if (chosen && mine !== PERSPECTIVE && chosen !== perspectiveOf(form) && choosePerspective(chosen)) merged.taken += 1;
    return merged;
  }

  /**
   * Show saved answers in the form, except for the question `mine` (this tab's own change).
   * Returns how many answers were taken over, and the numbers of the questions among them
   * that had another answer here.
   */
  function takeOver(answers, mine = null) {
    const changed = [];
    let taken = 0;
    for (const [question, value] of Object.entries(answers)) {
      if (question === mine) continue;
      const input = form.querySelector(`input[name="${CSS.escape(question)}"][value="${CSS.escape(String(value))}"]`);
      if (!input || input.checked) continue;
      if (form.querySelector(`input[name="${CSS.escape(question)}"]:checked`)) {
        changed.push([...form.querySelectorAll("fieldset[data-sw-question]")].indexOf(input.closest("fieldset")) + 1);
      }
      input.checked = true;
      taken += 1;
    }
    return { taken, changed };
  }

  function keep() {
    const kept = storage.write(storageKey, { answers: answersOf(form), perspective: perspectiveOf(form) });
    if (!kept && !notices.includes(TEXT.storageOff)) {
      notices.push(TEXT.storageOff);
      say(TEXT.storageOff);
    }
  }

  /** Tell the user, calmly and once, that answers of another tab came in. */
  function sayMerged({ taken, changed }) {
    if (!taken) return;
    updateProgress();
    const message = [TEXT.otherTabMerged, changed.length ? TEXT.otherTabChanged(changed) : null,
      resultSection.hidden ? null : TEXT.resultOutdated].filter(Boolean).join(" ");
    if (!notices.includes(message)) notices.push(message);
    if (status.textContent !== message) say(message);
  }

  // -- the open questions at the end: kept on this device only, under a key of their own --------
  // Never sent to the engine and never in the code; printed with the result (printedReflections).
  const reflectionKey = KEYS.reflection(scanId, version);
  const reflectionFields = [...form.querySelectorAll("textarea[data-sw-reflection-prompt]")];

  /** The texts in a saved value, or null when it is not a saved-reflections entry. */
  function reflectionsIn(saved) {
    const texts = saved.value && typeof saved.value === "object" && !Array.isArray(saved.value) ? saved.value.texts : null;
    return texts && typeof texts === "object" && !Array.isArray(texts) ? texts : null;
  }

  /** Put saved texts in the fields (not in the one being typed in); true when something saved was unreadable. */
  function showReflections(saved) {
    if (kiosk) return false; // the open questions are the facilitator's own: not for the team's eyes
    const texts = reflectionsIn(saved);
    for (const field of reflectionFields) {
      if (field === document.activeElement && saved.value !== null) continue;
      const text = texts && Object.hasOwn(texts, field.dataset.swReflectionPrompt) ? texts[field.dataset.swReflectionPrompt] : "";
      field.value = typeof text === "string" ? text : "";
    }
    printedReflections();
    return saved.corrupt || (saved.value !== null && !texts);
  }

  function restoreReflections() {
    return reflectionFields.length && !kiosk ? showReflections(storage.read(reflectionKey)) : false;
  }

  function keepReflections() {
    if (kiosk) return; // in the kiosk nothing of one member may stay for the next
    const texts = reflectionsOf(form);
    if (!Object.keys(texts).length) {
      storage.remove(reflectionKey);
    } else if (!storage.write(reflectionKey, { texts }) && !notices.includes(TEXT.storageOff)) {
      notices.push(TEXT.storageOff);
      say(TEXT.storageOff);
    }
    printedReflections();
  }

  /** The open questions with what was typed, for paper: the form itself is not printed once there is a result. */
  function printedReflections() {
    const place = resultBody.querySelector("[data-sw-reflection-print]");
    if (!place) return;
    const texts = reflectionsOf(form);
    const items = reflectionFields.filter((field) => Object.hasOwn(texts, field.dataset.swReflectionPrompt)).map((field) =>
      el("div", { class: "sw-reflection-answer" },
        el("p", { class: "sw-reflection-prompt", text: field.labels[0]?.textContent.trim() || "" }),
        el("p", { class: "sw-reflection-text", text: field.value })));
    place.replaceChildren(...(items.length ? [el("h3", { text: TEXT.reflectionHeading }), ...items] : []));
  }

  if (reflectionFields.length) {
    form.addEventListener("input", (event) => event.target.type === "textarea" && keepReflections());
    const stopFollowingReflections = storage.watch(reflectionKey, (saved) => {
      if (!document.body.contains(form)) stopFollowingReflections();
      else showReflections(saved);
    });
  }

  function clearAnswers() {
    form.reset();
    printedReflections();
    updateProgress();
    resultSection.hidden = true;
    resultBody.replaceChildren();
    notices.length = 0;
    modes?.reset();
  }

  /** Show what is kept under the current key (at the start, and after a change of mode), and say so. */
  function restore() {
    const saved = storage.read(storageKey);
    let unreadable = saved.corrupt;
    let restored = 0;
    if (saved.value !== null) {
      const answers = answersIn(saved);
      if (answers) {
        const { applied, skipped } = applyAnswers(form, answers);
        restored = applied;
        unreadable = unreadable || skipped > 0;
        const chosen = perspectiveIn(saved);
        if (chosen && !choosePerspective(chosen)) unreadable = true;
      } else {
        unreadable = true;
      }
    }
    unreadable = restoreReflections() || unreadable;
    if (unreadable) notices.push(TEXT.storageCorrupt);
    if (restored) notices.push(TEXT.restored(restored));
    if (!storage.persistent) notices.push(TEXT.storageOff);
    if (notices.length) say(notices.join(" "));
    updateProgress();
  }
  restore();
  modes = initAnswerModes(form, { answered: () => form.querySelectorAll(CHECKED_ANSWERS).length });

  /** Nothing answered yet: say how many are open and bring the first one into view, with the focus on it. */
  function nothingYet() {
    say(SCANPHONE.submitNothing(total));
    const first = modes.firstOpen();
    if (first) modes.show(first);
  }

  form.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return; // the open questions are kept on input, under their own key
    const mine = event.target.name;
    const merged = takeOverSaved(storage.read(storageKey), mine);
    updateProgress();
    keep();
    sayMerged(merged);
  });

  /** What another tab saved (or, back from the back/forward cache, what is saved now) comes in here. */
  function follow(saved) {
    if (!document.body.contains(form)) {
      stopWatching();
      window.removeEventListener("pageshow", onPageShow);
      return;
    }
    if (saved.value === null && !saved.corrupt) {
      // removed in another tab: "Wis mijn antwoorden" there, or "Wis alles"
      if (!form.querySelector("input[type=radio]:checked")) return;
      clearAnswers();
      notices.push(TEXT.otherTabCleared);
      say(TEXT.otherTabCleared);
      return;
    }
    const answers = answersIn(saved);
    if (!answers) return; // something unreadable: this tab's next change writes over it
    const merged = takeOverSaved(saved);
    // answers of this tab the other tab did not have yet (both wrote at the same moment): write them back
    if (Object.keys(answersOf(form)).some((question) => !(question in answers))
      || (perspectiveOf(form) && !perspectiveIn(saved))) keep();
    sayMerged(merged);
  }
  let stopWatching = storage.watch(storageKey, follow);
  const onPageShow = (event) => event.persisted && follow(storage.read(storageKey));
  window.addEventListener("pageshow", onPageShow);

  // -- "Wis mijn antwoorden" asks first: "Ja, wis alles" or "Nee" -----------------------------
  const clearButton = form.querySelector("[data-sw-clear]");
  const clearConfirm = form.querySelector("[data-sw-clear-confirm]");

  function askToClear(open) {
    clearConfirm.hidden = !open;
    clearButton.setAttribute("aria-expanded", String(open));
  }

  clearButton.addEventListener("click", () => {
    askToClear(clearConfirm.hidden);
    if (!clearConfirm.hidden) form.querySelector("[data-sw-clear-no]").focus();
  });
  form.querySelector("[data-sw-clear-no]").addEventListener("click", () => {
    askToClear(false);
    say(SCAN15.clearKept);
    clearButton.focus();
  });
  form.querySelector("[data-sw-clear-yes]").addEventListener("click", () => {
    askToClear(false);
    clearAnswers();
    storage.remove(storageKey);
    if (!kiosk) storage.remove(reflectionKey); // the kiosk never shows or keeps them
    notices.push(TEXT.cleared);
    say(TEXT.cleared);
    clearButton.focus();
  });
  clearConfirm.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    askToClear(false);
    clearButton.focus();
  });

  form.addEventListener("submit", (event) => event.preventDefault());

  // -- the team round: its label travels in the address fragment only ------------------
  const labelBanner = root.querySelector("[data-sw-team-label]");
  const roundPanel = root.querySelector("[data-sw-round]");
  const roundJump = root.querySelector("[data-sw-round-jump]");
  const reflectionSet = form.querySelector("[data-sw-reflection]");
  const container = form.closest("[data-sw-scan-page]") || form.parentElement;

  function pageUrl() {
    return window.location.href.split("#")[0];
  }

  const kioskView = form.dataset.swTeamPage ? initKiosk(container, {
    form, scanId, definition,
    teamPage: () => new URL(form.dataset.swTeamPage, pageUrl()).href,
    current: () => ({ answers: answersOf(form), perspective: perspectiveOf(form) }),
    openCount: () => total - form.querySelectorAll(CHECKED_ANSWERS).length,
    say,
    clear() {
      storage.remove(storageKey);
      clearAnswers();
      say("");
    },
    stop() {
      storage.remove(storageKey); // answers of a member who did not finish: gone with the kiosk
      const name = roundLabel;
      history.replaceState(history.state, "", window.location.pathname + window.location.search);
      applyAddress({ round: "", kiosk: false });
      openRoundPanel(name, KIOSK.stopped(name));
    },
  }) : null;

  /** Show the round's label and the mode of the address; a new mode shows the answers kept for it. */
  function applyAddress(next) {
    const modeChanged = next.kiosk !== kiosk || (kiosk && next.round !== roundLabel);
    roundLabel = next.round;
    labelBanner.textContent = roundLabel && !next.kiosk ? TEAM.roundLabel(roundLabel) : "";
    labelBanner.hidden = !roundLabel || next.kiosk;
    if (modeChanged) {
      stopWatching();
      clearAnswers();
      say("");
      kiosk = next.kiosk;
      storageKey = answersKey();
      restore();
      stopWatching = storage.watch(storageKey, follow);
    }
    // in the kiosk: no personal result, no open questions, no facilitator's panel; a member who
    // came through a round's link (#team=...) does not see the facilitator's panel either
    if (kiosk) stopWaiting();
    submit.hidden = kiosk;
    if (reflectionSet) reflectionSet.hidden = kiosk;
    if (roundPanel) roundPanel.hidden = kiosk || Boolean(roundLabel);
    if (roundJump) roundJump.hidden = kiosk || Boolean(roundLabel);
    container.classList.toggle("sw-kiosk-on", kiosk);
    if (kioskView) kioskView.show(kiosk ? roundLabel : null);
  }
  applyAddress({ round: roundLabel, kiosk });

  window.addEventListener("hashchange", () => {
    if (!document.body.contains(form)) return;
    const next = addressOf(Boolean(form.dataset.swTeamPage));
    if (next === null) {
      // a link within the page: keep the round in the address, so a reload keeps it too
      const kioskStart = window.location.hash === "#sw-kiosk-start";
      const panelAsked = window.location.hash === "#sw-round";
      if (roundLabel) history.replaceState(history.state, "", window.location.pathname + window.location.search + fragmentOf(roundLabel, kiosk));
      if (kioskStart && !kiosk) offerKiosk();
      if (panelAsked) showRoundPanel();
      return;
    }
    applyAddress(next);
    if (next.kioskWithoutRound) offerKiosk();
    else if (kiosk) kioskView.focus();
  });

  function teamLink(code) {
    const params = new URLSearchParams({ code });
    if (roundLabel) params.set("team", roundLabel);
    return new URL(`${form.dataset.swTeamPage}#${params}`, pageUrl()).href;
  }

  // -- the facilitator's panel: links for a round, or the kiosk on this device ---------------
  // Its message has a status region of its own: the links below it are filled in, never replaced.
  const roundField = root.querySelector("[data-sw-round-label]");
  const roundStatus = root.querySelector("[data-sw-round-status]");
  const roundLinks = root.querySelector("[data-sw-round-links]");

  /** The name typed for the round, or "" after saying that one is needed. */
  function roundName() {
    const name = roundField.value.trim().slice(0, 40);
    roundStatus.textContent = name ? "" : TEAM.roundNeedsLabel;
    if (name) {
      roundField.removeAttribute("aria-invalid");
    } else {
      roundField.setAttribute("aria-invalid", "true");
      roundLinks.hidden = true;
      roundField.focus();
    }
    return name;
  }

  function makeLinks(name) {
    const fragmentPart = fragmentOf(name, false);
    root.querySelector("[data-sw-round-member]").textContent = pageUrl() + fragmentPart;
    root.querySelector("[data-sw-round-team]").href = new URL(form.dataset.swTeamPage, pageUrl()).href + fragmentPart;
    roundLinks.hidden = false;
  }

  /**
   * Open the panel with `name` filled in (and its links made) and a message. The focus goes to
   * the name field when there is no name yet, else to `then` (the panel's title by default).
   */
  function openRoundPanel(name, message, then = roundPanel?.querySelector("summary")) {
    if (!roundPanel) return;
    roundPanel.open = true;
    if (name) {
      roundField.value = name;
      makeLinks(name);
    }
    roundStatus.textContent = message;
    (name ? then : roundField).focus();
  }

  /** The team page's link to the kiosk (#sw-kiosk-start), or #kiosk=1 without a name: the panel, ready for it. */
  function offerKiosk() {
    openRoundPanel(roundLabel, roundLabel ? KIOSK.startHint : KIOSK.needsRound, root.querySelector("[data-sw-round-kiosk]"));
  }

  const roundMaker = root.querySelector("[data-sw-round-make]");
  if (roundMaker) {
    roundMaker.addEventListener("click", () => {
      const name = roundName();
      if (name) makeLinks(name);
    });
    roundField.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        roundMaker.click();
      }
    });
    root.querySelector("[data-sw-round-kiosk]").addEventListener("click", () => {
      const name = roundName();
      if (!name) return;
      history.replaceState(history.state, "", window.location.pathname + window.location.search + fragmentOf(name, true));
      applyAddress({ round: name, kiosk: true });
      kioskView.focus();
    });
    root.querySelector("[data-sw-round-copy]").addEventListener("click", async () => {
      const copiedNote = root.querySelector("[data-sw-round-copied]");
      try {
        await navigator.clipboard.writeText(root.querySelector("[data-sw-round-member]").textContent);
        copiedNote.textContent = TEXT.copied;
      } catch {
        copiedNote.textContent = TEXT.copyFailed;
      }
    });
  }

  if (arrived.kioskWithoutRound || window.location.hash === "#sw-kiosk-start") offerKiosk();

  /** "Een teamronde starten" under the title: the panel below the questions, opened, with the focus in it. */
  function showRoundPanel() {
    if (!roundPanel || roundPanel.hidden) return;
    roundPanel.open = true;
    roundPanel.scrollIntoView({ block: "start" });
    roundPanel.querySelector("summary").focus({ preventScroll: true });
  }
  roundJump?.querySelector("a").addEventListener("click", (event) => {
    event.preventDefault(); // the theme's instant navigation would only scroll: open it as well
    showRoundPanel();
  });
  if (window.location.hash === "#sw-round") showRoundPanel();

  // -- the result ------------------------------------------------------------------
  async function showResult() {
    if (kiosk) return; // the kiosk shows no personal result: "Klaar" hands the answers to the round
    const answers = answersOf(form);
    stopWaiting();
    if (!Object.keys(answers).length) {
      nothingYet();
      return;
    }
    submit.setAttribute("aria-busy", "true");
    say(TEXT.computing);
    try {
      // the open questions' texts stay out of this request: they never reach the engine
      const result = await ask("result", definition, { answers, perspective: perspectiveOf(form) });
      renderResult(result.score, result.code, answers);
      say("");
      // a result with open questions is allowed: it says so, and the jump to them is right here
      const unanswered = total - form.querySelectorAll(CHECKED_ANSWERS).length;
      modes.openNote(unanswered ? SCANPHONE.submitOpen(unanswered) : "");
      resultSection.hidden = false;
      resultSection.focus();
    } catch (error) {
      say(TEXT.resultError(error.message));
    } finally {
      submit.removeAttribute("aria-busy");
    }
  }

  submit.addEventListener("click", () => {
    if (engineState().status === "failed") {
      showFallbackCode();
      say(TEXT.engineStarting);
      restartEngine();
    }
    if (form.dataset.swEngine !== "ready") {
      if (!Object.keys(answersOf(form)).length) {
        nothingYet();
        return;
      }
      const state = engineState();
      waitForEngine(state.status === "loading" ? state.stage : null);
      return;
    }
    showResult();
  });

  /** The result code with its copy button and the sentence on what it contains. */
  function codeBlock(code) {
    const copied = el("span", { class: "sw-copied", role: "status" });
    const copy = el("button", { type: "button", class: "md-button", "data-sw-copy": "", text: TEXT.copy });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code);
        copied.textContent = TEXT.copied;
      } catch {
        copied.textContent = TEXT.copyFailed;
      }
    });
    return el("section", { class: "sw-code", "aria-labelledby": "sw-code-title" },
      el("h3", { id: "sw-code-title", text: forTheGroup ? SCAN15.codeHeadingTeam : TEXT.codeHeading }),
      roundLabel ? el("p", { class: "sw-team-label", "data-sw-result-round": roundLabel, text: TEAM.roundLabel(roundLabel) }) : null,
      el("p", {}, el("code", { class: "sw-code-value", "data-result-code": code, text: code }), " ", copy, " ", copied),
      el("p", { class: "sw-code-explained", text: TEXT.codeExplained }));
  }

  /**
   * Without the engine there is no score, but the code can still be made (code-fallback.js).
   * `slow`: the engine is still loading; its result replaces this when it is ready.
   */
  function showFallbackCode({ slow = false } = {}) {
    if (kiosk) return;
    const answers = answersOf(form);
    if (!Object.keys(answers).length) return;
    let code;
    try {
      code = encodeFallback(JSON.parse(definition), answers, { perspective: perspectiveOf(form) });
    } catch {
      return;
    }
    const parts = [el("div", { class: `admonition ${slow ? "info" : "warning"}`, "data-sw-fallback": slow ? "slow" : "" },
      el("p", { class: "admonition-title", text: slow ? SCAN15.slowHeading : TEXT.fallbackHeading }),
      el("p", { text: slow ? SCAN15.slowExplained : TEXT.fallbackExplained })),
    codeBlock(code)];
    if (form.dataset.swTeamPage) {
      parts.push(el("p", {}, TEXT.fallbackLink, " ", el("code", { class: "sw-link-text", text: teamLink(code) })));
    }
    resultBody.replaceChildren(...parts);
    resultSection.hidden = false;
  }

  /** The date the result was made, for paper (print.css shows it; on screen the page says enough). */
  function printDate() {
    const now = new Date();
    const date = now.toLocaleDateString(document.documentElement.lang || "nl", { day: "numeric", month: "long", year: "numeric" });
    return el("p", { class: "sw-print-date", "data-sw-print-date": now.toISOString().slice(0, 10), text: SCAN15.printedOn(date) });
  }

  /**
   * The top of a result: the profile in one sentence, whether it is borderline or uncertain
   * (the engine's `borderline` and flags), and one first step. That step is the profile text's
   * own "Eerste stap" paragraph, as its author put it first; without a profile yet, the first
   * step is to answer the questions still open.
   */
  function hero(score, reasons, open) {
    const { profile, runner_up: runnerUp = null, borderline = false, perspective = null } = score;
    const between = Boolean(profile && borderline && runnerUp);
    const box = el("section", { class: "sw-hero", "data-sw-hero": profile?.id || "", "aria-labelledby": "sw-hero-title" },
      el("h3", { id: "sw-hero-title", class: "sw-hero-title", text: SCAN15.heroHeading }));
    let sentence = SCAN15.heroNoProfile;
    if (profile) {
      const title = profile.title || profile.id;
      sentence = between ? SCAN15.heroBetween(title, runnerUp.title || runnerUp.id)
        : reasons.length ? SCAN15.heroProfileMaybe(title) : SCAN15.heroProfile(title);
    }
    box.append(el("p", { class: "sw-hero-profile", "data-sw-hero-profile": "" }, sentence));
    const states = [between ? "borderline" : null, profile && reasons.length ? "onzeker" : null].filter(Boolean);
    if (states.includes("onzeker")) {
      box.append(el("p", { class: "sw-hero-state", "data-sw-hero-state": states.join(" ") },
        el("a", { href: "#sw-flags", text: SCAN15.heroUncertain })));
    } else if (between) {
      box.append(el("p", { class: "sw-hero-state", "data-sw-hero-state": "borderline", text: SCAN15.heroBorderline }));
    }
    let step = null;
    if (profile) {
      const text = cloneText(`sw-profile-${profile.id}`, perspective);
      const marked = text ? [...text.querySelectorAll("p")].find((paragraph) =>
        paragraph.firstElementChild?.tagName === "STRONG" && paragraph.firstChild === paragraph.firstElementChild
        && paragraph.firstElementChild.textContent.trim().toLowerCase().startsWith(SCAN15.firstStepMarker)) : null;
      if (marked) {
        marked.firstElementChild.remove();
        const first = marked.firstChild;
        if (first && first.nodeType === Node.TEXT_NODE) {
          const rest = first.textContent.trimStart();
          first.textContent = rest.charAt(0).toUpperCase() + rest.slice(1);
        }
        step = marked;
      }
    } else if (open.length) {
      const number = [...form.querySelectorAll("fieldset[data-sw-question]")].indexOf(open[0]) + 1;
      step = el("p", {}, el("a", { href: `#${open[0].id}`, text: SCAN15.firstStepOpen(number) }));
    }
    if (step) {
      box.append(el("div", { class: "sw-first-step", "data-sw-first-step": "" },
        el("h4", { class: "sw-first-step-title", text: SCAN15.firstStepHeading }), step));
    }
    return box;
  }

  function renderResult(score, code, answers) {
    const dimensionIds = Object.keys(score.dimensions);
    const titleOf = (id) => document.getElementById(`sw-dimension-${id}`)?.dataset.title || id;
    const parts = [printDate()];

    // the answer-quality flags (engine/scoring.py): one sentence each; "incomplete" names the parts
    const flags = score.flags || [];
    const reason = (flag) => flag === "incomplete"
      ? TEXT.flagReasons.incomplete(dimensionIds.filter((id) => score.dimensions[id].score === null).map(titleOf))
      : TEXT.flagReasons[flag];
    const known = flags.filter((flag) => Object.hasOwn(TEXT.flagReasons, flag)); // a flag of a later engine: not shown

    // the open questions (also the hero's first step when there is no profile yet)
    const open = [...form.querySelectorAll("fieldset[data-sw-question]")]
      .filter((fieldset) => !(fieldset.dataset.swQuestion in answers) || answers[fieldset.dataset.swQuestion] === "unknown");

    // a team or organisation scan: the code comes first, with what to do with it; below it
    // this one person's view ("Jouw beeld"), never worded as the team's
    const codeSection = codeBlock(code);
    if (forTheGroup) parts.push(codeSection);
    parts.push(hero(score, known.filter((flag) => flag !== "incomplete"), open));

    const heading = forTheGroup ? SCAN15.profileHeadingMine : TEXT.profileHeadingSelf;
    parts.push(profileBlock(score, {
      heading, none: TEXT.noProfile, reasons: known.filter((flag) => flag !== "incomplete").map(reason),
      maybe: TEXT.maybe, maybeEither: TEXT.maybeEither, between: TEXT.between,
      betweenExplained: TEXT.betweenExplained, runnerUp: TEXT.runnerUp, relative: TEXT.relative,
    }));

    // chart and table of the same numbers, with what makes them uncertain right beside them
    parts.push(el("h3", { text: TEXT.dimensionsHeading }));
    if (known.length) {
      parts.push(el("div", { class: "admonition warning sw-flags", id: "sw-flags", "data-sw-flags": known.join(" ") },
        el("p", { class: "admonition-title", text: TEXT.flagsHeading }),
        ...known.map((flag) => el("p", { "data-sw-flag": flag, text: reason(flag) }))));
    }
    parts.push(scales(dimensionIds.map((id) => ({ id, title: titleOf(id), ...score.dimensions[id] })), bandLimits(definition)));
    const table = el("table", { class: "sw-score-table" }, el("caption", { text: TEXT.tableCaption }));
    const head = el("tr", {}, ...[TEXT.columnDimension, TEXT.columnScore, TEXT.columnBand, TEXT.columnAnswered]
      .map((label) => el("th", { scope: "col", text: label })));
    table.append(el("thead", {}, head));
    const tbody = el("tbody");
    for (const id of dimensionIds) {
      const d = score.dimensions[id];
      tbody.append(el("tr", { "data-sw-dimension": id },
        el("th", { scope: "row", text: titleOf(id) }),
        el("td", { "data-sw-score": d.score === null ? "" : String(d.score), text: d.score === null ? TEXT.noScore : formatScore(d.score) }),
        el("td", { "data-sw-band": d.band ? d.band.label : "", text: d.band ? d.band.label : "–" }),
        el("td", { text: TEXT.answeredOf(d.answered, d.total) })));
    }
    table.append(tbody);
    parts.push(table);

    // advice per dimension
    for (const id of dimensionIds) {
      const d = score.dimensions[id];
      const section = el("section", { class: "sw-dimension", "aria-labelledby": `sw-dim-${id}` });
      section.append(el("h4", { id: `sw-dim-${id}`, text: titleOf(id) }));
      if (d.band) {
        section.append(el("p", { class: "sw-band" }, el("strong", { text: d.band.label }), ` · ${TEXT.scoreOf(formatScore(d.score))}`));
        const advice = cloneText(`sw-band-${id}-${d.band.index}`, score.perspective);
        if (advice) section.append(advice);
      } else {
        section.append(el("p", { text: TEXT.noScoreExplained }));
      }
      parts.push(section);
    }

    // open questions
    if (!score.complete && open.length) {
      const list = el("ul");
      for (const fieldset of open) {
        const legend = fieldset.querySelector("legend").textContent.trim();
        list.append(el("li", {}, el("a", { href: `#${fieldset.id}`, text: legend })));
      }
      parts.push(el("div", { class: "admonition note sw-open" },
        el("p", { class: "admonition-title", text: TEXT.openHeading(open.length) }),
        el("p", { text: TEXT.openIntro }), list,
        modes.firstOpen() ? el("p", {}, el("button", { type: "button", class: "md-button", "data-sw-first-open": "", text: SCANPHONE.firstOpen })) : null));
    }

    // the open questions' texts, on paper only (kept up to date while they are typed)
    if (reflectionFields.length) parts.push(el("section", { class: "sw-reflection-print", "data-sw-reflection-print": "" }));

    // the code (for a personal scan: here, near the end), and ways to keep the result
    if (!forTheGroup) parts.push(codeSection);
    if (form.dataset.swTeamPage) {
      const link = teamLink(code);
      const figure = el("figure", { class: "sw-qr", "data-sw-qr-link": link });
      codeSection.append(figure);
      ask("qr", definition, { text: link })
        .then((qr) => figure.append(qrCode(qr, TEAM.qrLabel), el("figcaption", { text: TEAM.qrCaption })))
        .catch(() => figure.remove());
    }

    const download = el("button", { type: "button", class: "md-button", "data-sw-download": "", text: TEXT.downloadJson });
    download.addEventListener("click", () => downloadFile(`supportwijzer-${scanId}-resultaat.json`,
      JSON.stringify({ answers, result: score, code }, null, 2), "application/json"));
    const print = el("button", { type: "button", class: "md-button", "data-sw-print": "", text: TEXT.print });
    print.addEventListener("click", () => window.print());
    parts.push(el("p", { class: "sw-keep" }, download, " ", print));

    resultBody.replaceChildren(...parts);
    printedReflections();
  }
}

/** The bands of each dimension from the scan's definition (JSON text): {id: [{ upto, label }]}, lowest first. */
function bandLimits(definition) {
  const limits = {};
  let parsed = {};
  try {
    parsed = JSON.parse(definition);
  } catch {
    return limits;
  }
  for (const dimension of parsed.dimensions || []) {
    limits[dimension.id] = (dimension.bands || []).map((band) => ({
      upto: Number(band.upto),
      label: typeof band.label === "string" ? band.label : String(band.label?.nl ?? Object.values(band.label || {})[0] ?? ""),
    }));
  }
  return limits;
}

/**
 * One scale per dimension: a 0-100 bar over the band zones (the same zones as the team page's
 * strips), both ends named with the lowest and highest band, a marker with the whole number,
 * and the band as text. The table after it carries the same numbers (and the engine's decimals).
 * `rows`: [{ id, title, score, band }].
 */
function scales(rows, limits) {
  const box = el("div", { class: "sw-chart sw-scales", "data-sw-scales": "" },
    el("p", { class: "sw-scales-intro" }, legend(), " ", SCANPHONE.scalesIntro));
  for (const row of rows) box.append(scale(row, limits[row.id] || []));
  return box;
}

/** How to read the scales, drawn small: the zones, a bar and the marker (with the title of all of them). */
function legend() {
  const drawing = svg("svg", { viewBox: "0 0 60 14", class: "sw-scales-legend", role: "img", "aria-labelledby": "sw-scales-legend-title" });
  const name = svg("title", { id: "sw-scales-legend-title" });
  name.textContent = `${TEXT.chartTitle}: ${SCANPHONE.legend}`;
  drawing.append(name);
  [0, 1, 2].forEach((index) => drawing.append(svg("rect", { x: index * 20, y: 2, width: 20, height: 10, class: `sw-zone sw-zone-${index}` })));
  drawing.append(svg("rect", { x: 0, y: 5, width: 34, height: 4, class: "sw-chart-bar" }));
  drawing.append(svg("rect", { x: 33, y: 0, width: 2, height: 14, class: "sw-scales-legend-marker" }));
  return drawing;
}

function scale({ id, title, score, band }, bands) {
  const shown = score === null ? TEXT.noScore : formatScore(score);
  const item = el("div", { class: "sw-scale", "data-sw-scale": id, "data-sw-scale-score": score === null ? "" : String(score),
    "data-sw-scale-band": band ? band.label : "" });
  item.append(el("p", { class: "sw-scale-head" },
    el("span", { class: "sw-chart-label", text: `${title}: ${shown}` }),
    el("span", { class: "sw-scale-band", text: band ? band.label : "–" })));

  // the drawing is for the eye; in words: the sentence below, and the table after the scales
  item.append(el("p", { class: "sw-visually-hidden", text: SCANPHONE.scaleTitle(title, shown, band ? band.label : TEXT.noScore,
    bands.length > 1 ? [bands[0].label, bands[bands.length - 1].label] : null) }));
  const track = el("div", { class: "sw-scale-track" });
  const drawing = svg("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" });
  let from = 0;
  bands.forEach((zone, index) => {
    drawing.append(svg("rect", { x: from, y: 0, width: Math.max(0, zone.upto - from), height: 10,
      class: `sw-zone sw-zone-${Math.min(index, 2)}`, "data-sw-zone": String(zone.upto) }));
    if (index < bands.length - 1) drawing.append(svg("line", { x1: zone.upto, x2: zone.upto, y1: 0, y2: 10, class: "sw-scale-limit" }));
    from = zone.upto;
  });
  if (score !== null) {
    drawing.append(svg("rect", { x: 0, y: 3, width: Math.max(score, 0.5), height: 4, class: "sw-chart-bar" }));
  }
  track.append(drawing);
  if (score !== null) {
    const marker = el("span", { class: "sw-scale-marker", "data-sw-scale-marker": "", "aria-hidden": "true" },
      el("span", { class: "sw-scale-number", text: SCANPHONE.scaleHere(formatScore(score)) }));
    marker.style.left = `${Math.min(100, Math.max(0, score))}%`; // CSSOM, not a style attribute: the CSP allows it
    if (score < 12) marker.classList.add("sw-scale-marker-start");
    if (score > 88) marker.classList.add("sw-scale-marker-end");
    track.prepend(marker);
  }
  item.append(track);

  // the band limits as numbers under the bar, and both ends in words
  const ticks = el("p", { class: "sw-scale-ticks", "aria-hidden": "true" });
  for (const tick of [0, ...bands.slice(0, -1).map((zone) => zone.upto), 100]) {
    const label = el("span", { text: String(tick) });
    label.style.left = `${tick}%`;
    if (tick === 0) label.classList.add("sw-scale-tick-start");
    if (tick === 100) label.classList.add("sw-scale-tick-end");
    ticks.append(label);
  }
  item.append(ticks);
  if (bands.length > 1) {
    item.append(el("p", { class: "sw-scale-ends sw-strip-ends", "aria-hidden": "true" },
      el("span", { text: `← ${bands[0].label}` }), el("span", { text: `${bands[bands.length - 1].label} →` })));
  }
  return item;
}

/** How long a chosen answer stays in view before the next question comes (one question per screen). */
const ADVANCE_MS = 450;

/** The screens where a phone may show one question at a time (the same width the CSS uses). */
const NARROW = "(max-width: 40em)";

/**
 * Answering on a phone: one question per screen, or the whole form (always on a wide screen and
 * without script). Only what is shown changes: every answer stays an input of the one form, so
 * saving, restoring and the result work as before. Also the jump to the first open question.
 *
 * `hooks`: answered() -> how many questions have an answer.
 * Returns { refresh() after any change of answers, reset() after the form was emptied,
 * firstOpen() -> the first open question's fieldset or null, show(fieldset) to bring one into
 * view with the focus on it, openNote(text) for the line under "Bekijk resultaat" }.
 */
function initAnswerModes(form, hooks) {
  const questions = [...form.querySelectorAll("fieldset[data-sw-question]")];
  const perspective = form.querySelector("fieldset[data-sw-perspective]");
  const steps = [...(perspective ? [perspective] : []), ...questions];
  const total = questions.length;
  const narrow = window.matchMedia(NARROW);
  const modeKey = KEYS.answerMode();
  for (const fieldset of steps) fieldset.setAttribute("tabindex", "-1");

  // -- the bar under the progress: the choice of view (narrow screens) and the jump ----------
  const toggle = el("button", { type: "button", class: "md-button sw-mode-toggle", "data-sw-mode-toggle": "" });
  const jump = el("button", { type: "button", class: "md-button sw-jump-open", "data-sw-first-open": "", text: SCANPHONE.firstOpen });
  const tools = el("div", { class: "sw-answer-tools", "data-sw-answer-tools": "" }, toggle, jump);
  form.querySelector("[data-sw-progress]").after(tools);

  // -- one question per screen: the line "Vraag 7 van 22", the end screen, Vorige / Volgende -----
  const stepLine = el("p", { class: "sw-step-line", role: "status", "aria-live": "polite", "data-sw-step-line": "", hidden: true });
  tools.after(stepLine);
  const endNote = el("p", { class: "sw-step-end-text", "data-sw-step-end-text": "" });
  const endJump = el("button", { type: "button", class: "md-button", "data-sw-first-open": "", text: SCANPHONE.firstOpen });
  const end = el("div", { class: "sw-step-end", "data-sw-step-end": "", tabindex: "-1", "aria-labelledby": "sw-step-end-title" },
    el("h2", { id: "sw-step-end-title", class: "sw-step-end-title", text: SCANPHONE.stepEnd }), endNote, el("p", {}, endJump));
  questions[questions.length - 1].after(end);
  const previous = el("button", { type: "button", class: "md-button", "data-sw-step-previous": "", text: SCANPHONE.previous });
  const next = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-step-next": "", text: SCANPHONE.next });
  const nav = el("div", { class: "sw-step-nav", "data-sw-step-nav": "", hidden: true }, previous, next);
  const openNoteLine = el("p", { class: "sw-open-note", role: "status", "data-sw-open-note": "" });
  form.querySelector("[data-sw-status]").after(openNoteLine);

  // the end screen: what comes after the questions (open questions to write, the buttons)
  const tail = [form.querySelector("[data-sw-reflection]"), form.querySelector(".sw-actions"),
    form.querySelector("[data-sw-clear-area]")].filter(Boolean);
  for (const part of tail) part.classList.add("sw-step-tail");

  let one = false;
  let current = 0; // index in steps; steps.length is the end screen
  let advanceTimer = null;
  let via = null; // how the last choice was made: "pointer", "activate" (Enter, Space) or "other" (arrows)

  const isOpen = (fieldset) => !fieldset.querySelector("input[type=radio]:checked");
  const openQuestions = () => questions.filter(isOpen);
  const firstOpen = () => openQuestions()[0] || null;

  function preferred() {
    return storage.read(modeKey).value === "een";
  }

  function refresh() {
    const open = openQuestions().length;
    jump.hidden = !open || open === total;
    endNote.textContent = open ? SCANPHONE.endOpen(open) : SCANPHONE.endAll;
    endJump.parentElement.hidden = !open;
    if (openNoteLine.dataset.swShown) {
      if (open) openNoteLine.replaceChildren(SCANPHONE.openCount(open), " ", noteJump());
      else openNoteLine.replaceChildren();
    }
  }

  function noteJump() {
    return el("button", { type: "button", class: "md-button", "data-sw-first-open": "", text: SCANPHONE.firstOpen });
  }

  /** The line under "Bekijk resultaat": `text` with the jump beside it (empty text: the line goes). */
  function openNote(text) {
    if (!text) {
      delete openNoteLine.dataset.swShown;
      openNoteLine.replaceChildren();
      return;
    }
    openNoteLine.dataset.swShown = "1";
    openNoteLine.replaceChildren(text, " ", noteJump());
  }

  function scrollTo(target) {
    const header = document.querySelector(".md-header")?.getBoundingClientRect().height || 0;
    const progress = form.querySelector("[data-sw-progress]").getBoundingClientRect().height;
    const top = target.getBoundingClientRect().top + window.scrollY - header - progress - 12;
    window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
  }

  /** Show step `index` (one question per screen), with the focus on it. */
  function goTo(index, { focus = true } = {}) {
    clearTimeout(advanceTimer);
    current = Math.max(0, Math.min(index, steps.length));
    steps.forEach((fieldset, i) => fieldset.classList.toggle("sw-step-current", i === current));
    const atEnd = current === steps.length;
    end.classList.toggle("sw-step-current", atEnd);
    form.classList.toggle("sw-at-end", atEnd);
    previous.hidden = current === 0;
    next.hidden = atEnd;
    // on the end screen the buttons come after "Bekijk resultaat"; on a question right under it
    if (atEnd) (tail[tail.length - 1] || end).after(nav);
    else end.after(nav);
    const question = questions.indexOf(steps[current]);
    stepLine.textContent = atEnd ? SCANPHONE.stepEnd
      : question < 0 ? SCANPHONE.stepPerspective : SCANPHONE.step(question + 1, total);
    if (focus) {
      const target = atEnd ? end : steps[current];
      target.focus({ preventScroll: true });
      scrollTo(tools); // the choice of view and the jump stay in sight above the question
    }
  }

  function apply({ focus = false } = {}) {
    const wanted = narrow.matches && preferred();
    toggle.hidden = !narrow.matches;
    toggle.textContent = wanted ? SCANPHONE.toAll : SCANPHONE.toOne;
    toggle.setAttribute("aria-pressed", String(wanted));
    if (wanted === one) return;
    one = wanted;
    form.classList.toggle("sw-one", one);
    form.dataset.swMode = one ? "een" : "alle";
    stepLine.hidden = !one;
    nav.hidden = !one;
    if (one) {
      const open = firstOpen();
      const start = perspective && !perspective.querySelector("input:checked") && !hooks.answered()
        ? 0 : open ? steps.indexOf(open) : steps.length;
      goTo(start, { focus });
    } else {
      clearTimeout(advanceTimer);
      form.classList.remove("sw-at-end");
      for (const part of [...steps, end]) part.classList.remove("sw-step-current");
      if (focus) {
        const shown = steps[current] || end;
        if (shown !== end) {
          shown.focus({ preventScroll: true });
          scrollTo(shown);
        }
      }
    }
  }

  toggle.addEventListener("click", () => {
    const nowOne = !one;
    storage.write(modeKey, nowOne ? "een" : "alle");
    apply({ focus: false });
    toggle.focus(); // the button stays where it is; its text says the other view now
  });
  const onWidth = () => (document.body.contains(form) ? apply() : narrow.removeEventListener("change", onWidth));
  narrow.addEventListener("change", onWidth);
  const stopWatchingMode = storage.watch(modeKey, () => {
    if (!document.body.contains(form)) stopWatchingMode();
    else apply();
  });

  previous.addEventListener("click", () => goTo(current - 1));
  next.addEventListener("click", () => goTo(current + 1));

  /** Bring `fieldset` into view with the focus on it, in either view. */
  function show(fieldset) {
    if (one) {
      goTo(steps.indexOf(fieldset));
    } else {
      fieldset.focus({ preventScroll: true });
      scrollTo(fieldset);
    }
  }

  function toFirstOpen() {
    const open = firstOpen();
    if (open) show(open);
  }

  // the jump buttons, and links to a question (#vraag-...) in the result and the hero
  const onClick = (event) => {
    if (!document.body.contains(form)) {
      document.removeEventListener("click", onClick); // the theme's instant navigation left this page
      return;
    }
    const button = event.target.closest("[data-sw-first-open]");
    if (button && (form.contains(button) || button.closest("[data-sw-result]"))) {
      toFirstOpen();
      return;
    }
    const link = event.target.closest('a[href^="#vraag-"]');
    if (!link) return;
    const fieldset = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!fieldset || !steps.includes(fieldset)) return;
    event.preventDefault(); // the theme's instant navigation would only scroll; the focus goes there too
    show(fieldset);
  };
  document.addEventListener("click", onClick);

  // -- auto-advance: after a tap or click, or Enter / Space; never after arrow keys ------------
  // Arrow keys move the choice within the group (the browser's own radio behaviour): a keyboard
  // user looks at the options first and confirms with Enter or Space, or moves on with Tab.
  function scheduleAdvance() {
    clearTimeout(advanceTimer);
    const at = current;
    advanceTimer = setTimeout(() => {
      if (!one || current !== at || at >= steps.length || isOpen(steps[at])) return;
      goTo(at + 1);
    }, ADVANCE_MS);
  }

  const inCurrent = (target) => one && target.matches?.("input[type=radio]") && steps[current]?.contains(target);

  form.addEventListener("pointerdown", () => { via = "pointer"; }, true);
  form.addEventListener("keydown", (event) => {
    via = event.key === "Enter" || event.key === " " ? "activate" : "other";
    if (event.key === "Enter" && inCurrent(event.target)) {
      event.preventDefault();
      if (!event.target.checked) event.target.click();
      scheduleAdvance();
    }
  }, true);
  form.addEventListener("keyup", (event) => {
    if (event.key === " " && inCurrent(event.target)) scheduleAdvance();
  });
  form.addEventListener("click", (event) => {
    if (via === "pointer" && inCurrent(event.target)) scheduleAdvance();
  });

  apply();
  refresh();
  return {
    refresh,
    reset() {
      openNote("");
      if (one) goTo(0, { focus: false });
      refresh();
    },
    firstOpen,
    show,
    openNote,
  };
}
