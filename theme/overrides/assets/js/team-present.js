/**
 * The meeting: presentation mode and agreements (issue 13).
 *
 * Once a team result is shown, the facilitator can present it full screen: an opening slide
 * (with last round's agreements, "Wat spraken we vorige keer af?"), one slide per dimension
 * whose dot strip is revealed step by step and whose discussion questions follow one by one,
 * and a closing slide with the agreements. Every slide has the conversation guide's prompts,
 * a timer for that part and an "Afspraken" panel: what, who, by when. Agreements are kept in
 * the round's record (field `agreements`, see the team page's api) the moment they are typed.
 *
 * The record's `agreements`: [{ id, slide: "<dimension id>" | "algemeen", what, who, when,
 * made: ISO time (orders rounds: the most recent with agreements opens the next meeting),
 * done?: true (ticked in the next round's meeting) }].
 */
import { el, formatWhole, svg } from "./dom.js";
import { KEYS, storage } from "./storage.js";
import { PRESENT } from "./strings.js";

export const GENERAL = "algemeen";
const LIMITS = { what: 200, who: 80, when: 40 };

// -- agreements as kept ----------------------------------------------------------------------

/** The usable agreements of a record: well-formed, with something filled in (a damaged entry is skipped). */
export function keptAgreements(record) {
  const list = record && Array.isArray(record.agreements) ? record.agreements : [];
  return list.filter((a) => a && typeof a === "object" && !Array.isArray(a)).map((a) => ({
    id: String(a.id || randomId()),
    slide: typeof a.slide === "string" && a.slide ? a.slide : GENERAL,
    what: text(a.what, LIMITS.what),
    who: text(a.who, LIMITS.who),
    when: text(a.when, LIMITS.when),
    ...(typeof a.made === "string" ? { made: a.made } : {}),
    ...(a.done === true ? { done: true } : {}),
  })).filter(filledIn);
}

function text(value, limit) {
  return typeof value === "string" ? value.slice(0, limit) : "";
}

function filledIn(agreement) {
  return Boolean(agreement.what.trim() || agreement.who.trim() || agreement.when.trim());
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The agreements as CSV rows for after the engine's CSV: "afspraak;<onderdeel>;<wat>;<wie>;<wanneer>",
 * quoted as the engine's csv module quotes, and a text a spreadsheet would run as a formula
 * (starting with = + - @) gets a leading apostrophe, as the engine does for its own texts.
 */
export function agreementsCsv(agreements) {
  return agreements.map((a) => ["afspraak", a.slide, a.what, a.who, a.when].map(csvField).join(";") + "\r\n").join("");
}

function csvField(value) {
  let field = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(field)) field = `'${field}`;
  return /[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * The most recent other round of this scan on this device that has agreements:
 * { name, agreements } or null. Recency: the latest `made` of its agreements, else its `date`.
 */
function previousRound(api) {
  const prefix = KEYS.team(api.scanId, "");
  let best = null;
  for (const name of roundNames(prefix)) {
    if (name === api.round()) continue;
    const agreements = keptAgreements(api.readRound(name));
    if (!agreements.length) continue;
    const record = api.readRound(name);
    const stamps = agreements.map((a) => a.made || "").concat(typeof record.date === "string" ? record.date : "");
    const latest = stamps.sort().pop();
    if (!best || latest > best.latest) best = { name, agreements, latest };
  }
  return best;
}

/** The names of the rounds of this scan kept in this browser (keys under `prefix`). */
function roundNames(prefix) {
  const names = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(prefix)) names.push(key.slice(prefix.length));
    }
  } catch {
    /* storage off: only this tab's rounds, which storage.js keeps in memory and cannot list */
  }
  return names.sort();
}

// -- the section on the page ----------------------------------------------------------------

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initPresentation(page, api) {
  const section = page.querySelector("[data-sw-present]");
  if (!section) return;
  const definition = parseDefinition(api.definition);
  let team = null;

  const headingId = "sw-present-title";
  section.setAttribute("aria-labelledby", headingId);
  const openButton = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-present-open": "",
    text: PRESENT.open });
  const summary = el("div", { "data-sw-present-summary": "" });
  section.replaceChildren(
    el("h2", { id: headingId, text: PRESENT.heading }),
    el("p", { text: PRESENT.intro }),
    el("p", { class: "sw-keep" }, openButton),
    summary);

  function showSummary() {
    const agreements = keptAgreements(api.readRound());
    const parts = [el("h3", { text: PRESENT.roundAgreementsHeading })];
    if (!agreements.length) parts.push(el("p", { text: PRESENT.roundAgreementsNone }));
    else parts.push(agreementList(agreements, definition, "data-sw-round-agreement"));
    summary.replaceChildren(...parts);
  }

  api.onResult((result) => {
    team = result && !result.withheld ? result : null;
    section.hidden = !team;
    if (team) showSummary();
  });

  openButton.addEventListener("click", () => {
    if (!team) return;
    present({ api, team, definition, returnTo: openButton, host: section, onClose: showSummary });
  });
}

function parseDefinition(json) {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

/** A dimension's title as the build wrote it in the page, or as the definition has it. */
function titleOf(id, definition) {
  if (id === GENERAL) return PRESENT.general;
  const fromPage = document.getElementById(`sw-dimension-${id}`)?.dataset.title;
  if (fromPage) return fromPage;
  const dimension = (definition.dimensions || []).find((d) => d.id === id);
  return typeof dimension?.title === "string" ? dimension.title : id;
}

function scanTitle(definition) {
  if (typeof definition.title === "string") return definition.title;
  const heading = document.querySelector("h1")?.textContent || "";
  return heading.replace(/^[^:]*:\s*/, "") || definition.id || "";
}

function agreementList(agreements, definition, marker) {
  const list = el("ul", { class: "sw-agreement-list" });
  for (const a of agreements) {
    list.append(el("li", { [marker]: a.id },
      el("strong", { text: `${titleOf(a.slide, definition)}: ` }), PRESENT.agreementLine(a.what, a.who, a.when)));
  }
  return list;
}

// -- the presentation -------------------------------------------------------------------------

/**
 * A dimension's dot strip for the projector, drawn up to `level`: 0 the axis, 1 the members'
 * dots (stacked where they would touch), 2 the team mean as well.
 */
function presentStrip(id, title, d, level) {
  const width = 1000;
  const left = 44;
  const right = width - 44;
  const r = 13;
  const x = (score) => left + (Math.max(0, Math.min(100, score)) / 100) * (right - left);
  const scores = Array.isArray(d.scores) ? d.scores.filter((v) => typeof v === "number") : [];
  const levels = [];
  const dots = scores.map((score) => {
    let at = 0;
    while ((levels[at] || []).some((other) => Math.abs(other - x(score)) < 2 * r + 2)) at += 1;
    (levels[at] ||= []).push(x(score));
    return [score, at];
  });
  const stacked = Math.max(0, ...dots.map(([, at]) => at));
  const axis = 70 + (stacked + 1) * 2 * r; // room above the axis: the mean's label, then the dots
  const height = axis + 50;
  const words = scores.map(formatWhole).join(", ");
  const mean = typeof d.mean === "number" ? d.mean : null;
  const label = level === 0 ? PRESENT.stripAxis(title) : level === 1 || mean === null ? PRESENT.stripDots(title, words)
    : PRESENT.stripMean(title, words, formatWhole(mean));
  const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, class: "sw-present-strip",
    "data-sw-present-strip": id, "data-sw-level": String(level) });
  drawing.append(svg("line", { x1: left, x2: right, y1: axis, y2: axis, class: "sw-present-axis" }));
  for (const tick of [0, 25, 50, 75, 100]) {
    drawing.append(svg("line", { x1: x(tick), x2: x(tick), y1: axis - 8, y2: axis + 8, class: "sw-present-axis" }));
    const number = svg("text", { x: x(tick), y: axis + 40, class: "sw-present-tick", "text-anchor": "middle" });
    number.textContent = String(tick);
    drawing.append(number);
  }
  if (level >= 1) {
    for (const [score, at] of dots) {
      drawing.append(svg("circle", { cx: x(score), cy: axis - r - 4 - at * 2 * r, r, class: "sw-present-dot" }));
    }
  }
  if (level >= 2 && mean !== null) {
    drawing.append(svg("line", { x1: x(mean), x2: x(mean), y1: 50, y2: axis + 12, class: "sw-present-mean" }));
    const text = svg("text", { x: x(mean), y: 38, class: "sw-present-mean-label",
      "text-anchor": mean < 12 ? "start" : mean > 88 ? "end" : "middle" });
    text.textContent = PRESENT.meanLabel(formatWhole(mean));
    drawing.append(text);
  }
  const figure = el("figure", { class: "sw-present-figure" }, drawing);
  if (level >= 2 && mean === null) figure.append(el("figcaption", { text: PRESENT.noMean }));
  return figure;
}

/** The slides: opening, one per dimension (with its discussion questions), closing. */
function slidesOf(team, definition) {
  const dimensionOfQuestion = new Map((definition.questions || []).map((q) => [q.id, q.dimension]));
  const discuss = Array.isArray(team.discuss) ? team.discuss : [];
  const slides = [{ kind: "opening", id: GENERAL, steps: 1 }];
  for (const [id, figures] of Object.entries(team.dimensions || {})) {
    const questions = team.items_withheld ? [] :
      discuss.filter((item) => (item.dimension || dimensionOfQuestion.get(item.id)) === id);
    // axis, dots, mean; then each question, or one note (withheld, or nothing to discuss)
    slides.push({ kind: "dimension", id, figures, questions, steps: 3 + Math.max(1, questions.length) });
  }
  slides.push({ kind: "closing", id: GENERAL, steps: 1 });
  return slides;
}

function present({ api, team, definition, returnTo, host, onClose }) {
  const slides = slidesOf(team, definition);
  const timers = new Map(); // slide index -> { elapsed (ms), since (ms) or null, paused by the user }
  const previous = previousRound(api);
  let agreements = keptAgreements(api.readRound()); // empty rows too, while they are being typed
  let index = 0;
  let step = 0;
  let tick = null;

  // -- the frame: counter, stage and side panel, navigation, announcements ---------------
  const counter = el("p", { class: "sw-slide-count", "data-sw-slide-count": "" });
  const heading = el("h2", { class: "sw-slide-title", tabindex: "-1", id: "sw-slide-title" });
  const content = el("div", { class: "sw-slide-content" });
  const stage = el("div", { class: "sw-slide-stage", "data-sw-slide-stage": "" }, heading, content);
  const side = el("div", { class: "sw-slide-side" });
  const announcer = el("p", { class: "sw-visually-hidden", role: "status", "data-sw-slide-announce": "" });
  const timeAnnouncer = el("p", { class: "sw-visually-hidden", role: "status", "data-sw-timer-announce": "" });
  const prevButton = el("button", { type: "button", class: "md-button", "data-sw-slide-prev": "", text: `← ${PRESENT.previous}` });
  const nextButton = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-slide-next": "",
    text: `${PRESENT.next} →` });
  const closeButton = el("button", { type: "button", class: "md-button", "data-sw-present-close": "" },
    PRESENT.close, el("span", { class: "sw-slide-keys", text: " (Esc)" }));
  const layer = el("dialog", { class: "sw-present-layer", "aria-label": PRESENT.dialogLabel, "data-sw-presentation": "" },
    el("div", { class: "sw-slide-top" }, counter, el("p", { class: "sw-slide-keys", text: PRESENT.keysHint })),
    el("div", { class: "sw-slide-body" }, stage, side),
    el("div", { class: "sw-slide-nav" }, prevButton, nextButton, closeButton),
    announcer, timeAnnouncer);
  host.append(layer);

  prevButton.addEventListener("click", () => go(-1));
  nextButton.addEventListener("click", () => go(1));
  closeButton.addEventListener("click", () => layer.close());

  // -- keys: arrows, space and a presenter's clicker (PageUp/PageDown), Home/End, Esc -------
  // On the document, not the layer: a key still works when focus fell out of a removed element.
  function onKey(event) {
    const target = event.target;
    const inField = target instanceof Element && target.matches("input, textarea, select, [contenteditable]");
    const onControl = target instanceof Element && target.matches("button, summary, a, input, textarea, select");
    let handled = true;
    if (event.key === "PageDown") go(1);
    else if (event.key === "PageUp") go(-1);
    else if (event.key === "Escape") layer.close();
    else if (event.altKey || event.ctrlKey || event.metaKey) handled = false;
    else if (event.key === "ArrowRight" && !inField) go(1);
    else if (event.key === "ArrowLeft" && !inField) go(-1);
    else if (event.key === " " && !onControl) go(1);
    else if (event.key === "Home" && !inField) show(0, 0);
    else if (event.key === "End" && !inField) show(slides.length - 1, 0);
    else if (event.key === "Tab") handled = trapFocus(event);
    else handled = false;
    if (handled) event.preventDefault();
  }
  layer.addEventListener("cancel", (event) => {
    event.preventDefault(); // the keydown above closes; this keeps a second Esc from being needed
    layer.close();
  });

  /** Keep Tab inside the presentation: from the last control to the first and back. */
  function trapFocus(event) {
    const focusable = [...layer.querySelectorAll("button, input, a[href], summary, [tabindex='0']")]
      .filter((node) => !node.disabled && node.getClientRects().length);
    if (!focusable.length) return false;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !layer.contains(document.activeElement))) {
      last.focus();
      return true;
    }
    if (!event.shiftKey && (document.activeElement === last || !layer.contains(document.activeElement))) {
      first.focus();
      return true;
    }
    return false;
  }

  // -- leaving: Esc, the button, or the browser leaving full screen -----------------------
  const onFullscreenChange = () => {
    if (!document.fullscreenElement && layer.open) layer.close();
  };
  layer.addEventListener("close", () => {
    clearInterval(tick);
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("fullscreenchange", onFullscreenChange);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    layer.remove();
    onClose();
    returnTo.focus();
  });

  // -- moving through the slides ---------------------------------------------------------
  function go(direction) {
    const slide = slides[index];
    if (direction > 0) {
      if (step < slide.steps - 1) showStep(step + 1);
      else if (index < slides.length - 1) show(index + 1, 0);
    } else if (step > 0) {
      showStep(step - 1);
    } else if (index > 0) {
      show(index - 1, slides[index - 1].steps - 1);
    }
  }

  function show(next, nextStep) {
    const changed = next !== index || !heading.textContent;
    if (changed) pauseTimer(index, false);
    index = next;
    step = nextStep;
    const slide = slides[index];
    const hadFocusInside = stage.contains(document.activeElement) || side.contains(document.activeElement)
      || !layer.contains(document.activeElement);
    if (changed) {
      heading.textContent = slideTitle(slide);
      side.replaceChildren(promptsBox(), timerBox(), agreementsBox(slide));
      startTimer(index, true);
      announcer.textContent = PRESENT.announce(index + 1, slides.length, slideTitle(slide));
    }
    renderStage();
    drawPrompts();
    if (changed ? hadFocusInside : !layer.contains(document.activeElement)) heading.focus();
    counter.textContent = PRESENT.slideOf(index + 1, slides.length);
    prevButton.disabled = index === 0 && step === 0;
    nextButton.disabled = index === slides.length - 1 && step === slide.steps - 1;
    if (document.activeElement?.disabled) heading.focus(); // a button that just went grey keeps no focus
    layer.dataset.swSlide = slide.id;
    layer.dataset.swSlideKind = slide.kind;
    layer.dataset.swStep = String(step);
  }

  function showStep(nextStep) {
    step = nextStep;
    show(index, nextStep);
    announcer.textContent = stepAnnouncement(slides[index], step);
  }

  function slideTitle(slide) {
    if (slide.kind === "opening") return PRESENT.openingTitle(scanTitle(definition));
    if (slide.kind === "closing") return PRESENT.closingTitle;
    return titleOf(slide.id, definition);
  }

  function stepAnnouncement(slide, at) {
    if (slide.kind !== "dimension") return "";
    if (at < 3) return PRESENT.steps[at];
    const question = slide.questions[at - 3];
    if (question) return `${PRESENT.questionOf(at - 2, slide.questions.length)}: ${question.text}`;
    return team.items_withheld ? PRESENT.itemsWithheld(team.min_group_items ?? "") : PRESENT.noQuestions;
  }

  // -- what a slide shows ----------------------------------------------------------------
  function renderStage() {
    const slide = slides[index];
    if (slide.kind === "opening") content.replaceChildren(...openingContent());
    else if (slide.kind === "closing") content.replaceChildren(...closingContent());
    else content.replaceChildren(...dimensionContent(slide));
  }

  function openingContent() {
    const parts = [];
    const round = api.round();
    if (round) parts.push(el("p", { class: "sw-slide-lead", text: PRESENT.openingRound(round) }));
    parts.push(el("p", { class: "sw-slide-lead", text: PRESENT.openingMembers(team.n) }));
    if (team.profile) parts.push(el("p", { class: "sw-slide-lead", text: PRESENT.openingProfile(team.profile.title || team.profile.id) }));
    if (previous) parts.push(previousBox());
    return parts;
  }

  /** Last round's agreements, each with a "gedaan" box that is kept in that round's record. */
  function previousBox() {
    const status = el("p", { class: "sw-visually-hidden", role: "status" });
    const list = el("ul", { class: "sw-previous-list" });
    for (const a of previous.agreements) {
      const box = el("input", { type: "checkbox", id: `sw-done-${a.id}`, "data-sw-previous-done": a.id, checked: a.done === true });
      box.addEventListener("change", () => {
        const kept = keptAgreements(api.readRound(previous.name)).map((k) => {
          if (k.id !== a.id) return k;
          const { done, ...rest } = k;
          void done;
          return box.checked ? { ...rest, done: true } : rest;
        });
        api.updateRound({ agreements: kept }, previous.name);
        a.done = box.checked;
        status.textContent = PRESENT.doneSaved(a.what || a.who, box.checked);
      });
      list.append(el("li", { "data-sw-previous-agreement": a.id },
        el("span", { class: "sw-previous-text" }, el("strong", { text: `${titleOf(a.slide, definition)}: ` }),
          PRESENT.agreementLine(a.what, a.who, a.when)),
        el("label", { class: "sw-previous-done", for: `sw-done-${a.id}` }, box, ` ${PRESENT.done}`)));
    }
    return el("section", { class: "sw-previous", "data-sw-previous": previous.name, "aria-labelledby": "sw-previous-title" },
      el("h3", { id: "sw-previous-title", text: PRESENT.previousHeading }),
      el("p", { text: PRESENT.previousFrom(previous.name) }), list, status);
  }

  function dimensionContent(slide) {
    const title = titleOf(slide.id, definition);
    const parts = [el("ol", { class: "sw-slide-steps" }, ...PRESENT.steps.map((label, i) =>
      el("li", { class: i <= step ? "sw-step-shown" : "sw-step-next", "aria-hidden": i <= step ? null : "true", text: label })))];
    parts.push(presentStrip(slide.id, title, slide.figures, Math.min(step, 2)));
    if (step >= 3) {
      const question = slide.questions[step - 3];
      const box = el("div", { class: "sw-slide-question", "data-sw-slide-question": question ? question.id : "" });
      box.append(el("h3", { text: PRESENT.questionsHeading }));
      if (question) {
        box.append(el("p", { class: "sw-slide-count", text: PRESENT.questionOf(step - 2, slide.questions.length) }),
          el("p", { class: "sw-slide-question-text", text: question.text }), answers(question));
      } else {
        box.append(el("p", { "data-sw-slide-note": team.items_withheld ? "withheld" : "none",
          text: team.items_withheld ? PRESENT.itemsWithheld(team.min_group_items ?? "") : PRESENT.noQuestions }));
      }
      parts.push(box);
    }
    return parts;
  }

  function answers(question) {
    const counts = question.counts && typeof question.counts === "object" ? question.counts : {};
    const values = Object.keys(counts);
    const labels = values.map((v) => document.querySelector(`[data-sw-scale-label="${CSS.escape(v)}"]`)?.textContent || v);
    const cells = values.map((v) => counts[v]);
    if (typeof question.unknown === "number") {
      labels.push(PRESENT.unknownLabel);
      cells.push(question.unknown);
    }
    return el("table", { class: "sw-slide-answers" },
      el("caption", { class: "sw-visually-hidden", text: PRESENT.distributionCaption(question.text) }),
      el("thead", {}, el("tr", {}, ...labels.map((label) => el("th", { scope: "col", text: label })))),
      el("tbody", {}, el("tr", {}, ...cells.map((count) => el("td", { text: PRESENT.answersCount(count) })))));
  }

  function closingContent() {
    const made = agreements.filter(filledIn);
    const parts = [made.length ? agreementList(made, definition, "data-sw-closing-agreement")
      : el("p", { class: "sw-slide-lead", text: PRESENT.closingNone })];
    parts.push(el("h3", { text: PRESENT.followUpHeading }),
      el("ul", { class: "sw-follow-up" }, ...PRESENT.followUp.map((line) => el("li", { text: line }))));
    return parts;
  }

  // -- prompts from the conversation guide -------------------------------------------------
  // The prompts follow the part: the strip's prompts, then the questions' prompts.
  const prompts = el("ul", { class: "sw-slide-prompts", "data-sw-slide-prompts": "" });
  let promptsKind = "";

  function promptsBox() {
    promptsKind = "";
    return el("section", { class: "sw-slide-panel", "aria-labelledby": "sw-prompts-title" },
      el("h3", { id: "sw-prompts-title", text: PRESENT.promptsHeading }), prompts);
  }

  function drawPrompts() {
    const slide = slides[index];
    const kind = slide.kind === "dimension" && step >= 3 ? "questions" : slide.kind;
    if (kind === promptsKind) return;
    promptsKind = kind;
    prompts.replaceChildren(...PRESENT.prompts[kind].map((line) => el("li", { text: line })));
  }

  // -- the timer of each part --------------------------------------------------------------
  const display = el("p", { class: "sw-timer-display", "data-sw-timer": "" });
  const state = el("span", { class: "sw-visually-hidden" });
  const toggle = el("button", { type: "button", class: "md-button", "data-sw-timer-toggle": "" });
  const reset = el("button", { type: "button", class: "md-button", "data-sw-timer-reset": "", text: PRESENT.reset });
  toggle.addEventListener("click", () => {
    const timer = timerOf(index);
    if (timer.since === null) startTimer(index, false);
    else pauseTimer(index, true);
  });
  reset.addEventListener("click", () => {
    Object.assign(timerOf(index), { elapsed: 0, since: null, userPaused: true, announced: null });
    drawTimer();
  });

  function timerBox() {
    drawTimer();
    return el("section", { class: "sw-slide-panel sw-timer", "aria-labelledby": "sw-timer-title" },
      el("h3", { id: "sw-timer-title", text: PRESENT.timerHeading }),
      el("p", { class: "sw-timer-line" }, display, state), el("p", { class: "sw-timer-buttons" }, toggle, " ", reset));
  }

  function limitOf(i) {
    return (PRESENT.minutes[slides[i].kind] || 10) * 60;
  }

  function timerOf(i) {
    if (!timers.has(i)) timers.set(i, { elapsed: 0, since: null, userPaused: false, announced: null });
    return timers.get(i);
  }

  /** Start the part's clock; on arriving at a slide only when the user did not pause it. */
  function startTimer(i, arriving) {
    const timer = timerOf(i);
    if (arriving && timer.userPaused) return drawTimer();
    if (timer.since === null) timer.since = Date.now();
    timer.userPaused = false;
    clearInterval(tick);
    tick = setInterval(drawTimer, 250);
    drawTimer();
  }

  function pauseTimer(i, byUser) {
    const timer = timerOf(i);
    if (timer.since !== null) {
      timer.elapsed += Date.now() - timer.since;
      timer.since = null;
    }
    if (byUser) timer.userPaused = true;
    if (i === index) drawTimer();
  }

  /** The clock on screen every second; the live region only when a whole minute passes. */
  function drawTimer() {
    const timer = timerOf(index);
    const seconds = Math.floor((timer.elapsed + (timer.since === null ? 0 : Date.now() - timer.since)) / 1000);
    const left = limitOf(index) - seconds;
    const shown = Math.abs(left);
    const clock = `${left < 0 ? "+" : ""}${String(Math.floor(shown / 60)).padStart(2, "0")}:${String(shown % 60).padStart(2, "0")}`;
    if (display.textContent !== clock) display.textContent = clock;
    display.classList.toggle("sw-timer-over", left < 0);
    state.textContent = ` (${left < 0 ? `${PRESENT.overTime}, ` : ""}${timer.since === null ? PRESENT.timerPaused : PRESENT.timerRunning})`;
    toggle.textContent = timer.since === null ? PRESENT.start : PRESENT.pause;
    toggle.setAttribute("aria-pressed", timer.since === null ? "false" : "true");
    const minutes = Math.floor(seconds / 60); // whole minutes gone: announced once each, never every second
    if (timer.since !== null && minutes > 0 && timer.announced !== minutes) {
      timer.announced = minutes;
      const rest = Math.round(limitOf(index) / 60) - minutes;
      timeAnnouncer.textContent = rest === 0 ? PRESENT.timeUp : rest > 0 ? PRESENT.minutesLeft(rest) : PRESENT.minutesOver(-rest);
    }
  }

  // -- the agreements panel of a slide -----------------------------------------------------
  function agreementsBox(slide) {
    const mine = () => agreements.filter((a) => a.slide === slide.id);
    const titleId = `sw-agreements-title-${slide.kind}`;
    const rows = el("div", { class: "sw-agreement-rows" });
    const status = el("p", { class: "sw-visually-hidden", role: "status" });
    const add = el("button", { type: "button", class: "md-button", "data-sw-agreement-add": "", text: `+ ${PRESENT.add}` });
    const part = slide.kind === "dimension" ? titleOf(slide.id, definition) : PRESENT.general.toLowerCase();

    function draw() {
      rows.replaceChildren(...mine().map((a, i) => agreementRow(a, i + 1)));
    }

    function agreementRow(a, number) {
      const fields = ["what", "who", "when"].map((name) => {
        const id = `sw-agreement-${a.id}-${name}`;
        const hintId = name === "when" ? `${id}-hint` : null;
        const input = el("input", { type: "text", id, class: "sw-input", maxlength: String(LIMITS[name]), autocomplete: "off",
          value: a[name], "data-sw-agreement-field": name, "aria-describedby": hintId });
        input.addEventListener("input", () => {
          a[name] = input.value.slice(0, LIMITS[name]);
          save();
        });
        return el("p", { class: `sw-agreement-field sw-agreement-${name}` },
          el("label", { for: id, text: PRESENT[name] }), input,
          hintId ? el("span", { id: hintId, class: "sw-hint sw-agreement-hint", text: PRESENT.whenHint }) : null);
      });
      const remove = el("button", { type: "button", class: "md-button sw-agreement-remove", "data-sw-agreement-remove": "",
        "aria-label": PRESENT.removeLabel(number), text: PRESENT.remove });
      remove.addEventListener("click", () => {
        agreements = agreements.filter((other) => other !== a);
        save();
        draw();
        status.textContent = PRESENT.removed;
        add.focus();
      });
      return el("fieldset", { class: "sw-agreement", "data-sw-agreement": a.id },
        el("legend", { text: PRESENT.agreementLegend(number) }), ...fields, remove);
    }

    add.addEventListener("click", () => {
      const fresh = { id: randomId(), slide: slide.id, what: "", who: "", when: "", made: new Date().toISOString() };
      agreements.push(fresh);
      draw();
      rows.querySelector(`[data-sw-agreement="${fresh.id}"] input`).focus();
      status.textContent = PRESENT.added;
    });

    draw();
    return el("section", { class: "sw-slide-panel sw-agreements", "aria-labelledby": titleId, "data-sw-agreements": slide.id },
      el("h3", { id: titleId, text: slide.kind === "dimension" ? PRESENT.agreementsHere(part) : PRESENT.agreementsHeading }),
      rows, el("p", {}, add), status,
      storage.persistent ? null : el("p", { class: "sw-hint", text: PRESENT.notKept }));
  }

  /** Keep what is filled in, at once; the other fields of the round's record stay as they are. */
  function save() {
    const kept = keptAgreements({ agreements }); // drops rows with nothing in them
    api.updateRound({ agreements: kept.length ? kept : null });
    if (slides[index].kind === "closing") renderStage();
  }

  // -- open ---------------------------------------------------------------------------------
  document.addEventListener("keydown", onKey);
  layer.showModal();
  show(0, 0);
  heading.focus();
  if (document.fullscreenEnabled && document.documentElement.requestFullscreen) {
    document.documentElement.requestFullscreen().then(() => {
      document.addEventListener("fullscreenchange", onFullscreenChange);
    }).catch(() => { /* refused (an iframe, a policy): the layer covers the window instead */ });
  }
}
