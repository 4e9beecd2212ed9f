/**
 * Typing in paper answer sheets, one row per sheet (issue 13). Owner: the paper helper.
 *
 * The sheet (scans/<id>/papier/, builder/scans.py paper_page) prints in every box the key that
 * types it here: the box's position on the scale (1, 2, ...), the "weet ik niet" key and the
 * "niet van toepassing" key, both read from the grid's data attributes (PAPER_KEYS in
 * builder/scans.py), so sheet and grid never disagree. A row holds one key per question in the
 * order of the sheet, after one for the perspective question when the scan has one (0: skipped).
 * Each key is checked as it is typed; a wrong one is refused with a message. Enter on a complete
 * row asks the engine for the result code of those answers (op "encode", engine/codes.py) and
 * adds it to the round's codes; the row clears for the next sheet.
 *
 * Kept in the round's record under `grid` (this module's field): the unfinished row (`draft`),
 * rows typed but not yet turned into a code (`pending`, e.g. while the engine starts or after it
 * failed), and the codes this grid added (`sheets`, to count the sheets still in the list). A
 * reload loses nothing that was typed.
 */
import { ask, onEngineState } from "./engine-client.js";
import { el } from "./dom.js";
import { GRID } from "./strings.js";

const MAX_POINTS = 9; // one key per question: the same limit as PAPER_MAX_POINTS in builder/scans.py
const MAX_KEPT = 2000; // sheets and pending rows kept per round, far above any team
const SHOWN_TEXT = 110; // characters of a question's text shown beside the row

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initGrid(page, api) {
  const section = page.querySelector("[data-sw-grid]");
  if (!section) return;
  let definition;
  try {
    definition = JSON.parse(api.definition);
  } catch {
    return; // the team page itself reports a page it cannot read
  }
  section.hidden = false;

  // -- what a row is: one position per answer, each with the keys it accepts -------------------
  const low = definition.scale.min;
  const points = definition.scale.max - low + 1;
  if (points > MAX_POINTS) {
    section.append(el("p", { text: GRID.tooManyPoints(MAX_POINTS) }));
    return;
  }
  const keys = { unknown: section.dataset.swGridUnknown || "0", na: section.dataset.swGridNa || "-" };
  const options = definition.perspective ? definition.perspective.options : [];
  const texts = [...section.querySelectorAll("[data-sw-grid-questions] > li")].map((li) => li.textContent.trim());
  const positions = [];
  if (options.length) {
    positions.push({ short: GRID.perspectiveShort, name: GRID.perspectiveName, perspective: true, text: texts.shift() || "" });
  }
  definition.questions.forEach((question, i) => {
    positions.push({ short: String(i + 1), name: GRID.questionName(i + 1), id: question.id,
      na: question.not_applicable !== null && question.not_applicable !== undefined, text: texts[i] || "" });
  });
  const total = positions.length;
  const anyNa = positions.some((p) => p.na);

  /** Why `char` cannot stand at `position`, or "" when it can. */
  function refusal(char, position) {
    if (position.perspective) {
      const digit = Number(char);
      return /^[0-9]$/.test(char) && digit <= options.length ? "" : GRID.refused(char, position.name, GRID.allowedPerspective(options.length));
    }
    if (/^[1-9]$/.test(char) && Number(char) <= points) return "";
    if (char === keys.unknown) return "";
    if (char === keys.na) return position.na ? "" : GRID.noNa(position.name, keys.unknown);
    return GRID.refused(char, position.name, GRID.allowedScale(points, keys.unknown, anyNa ? keys.na : null));
  }

  /** The first problem of a row: `{ index, text }`, or null when every key fits its place. */
  function problemIn(row) {
    const chars = [...row];
    for (let i = 0; i < Math.min(chars.length, total); i += 1) {
      const text = refusal(chars[i], positions[i]);
      if (text) return { index: i, text };
    }
    return chars.length > total ? { index: total, text: GRID.tooLong(total) } : null;
  }

  /** The engine's request for a complete row: answers by question id ("unknown", "n/a"), the perspective. */
  function request(row) {
    const chars = [...row];
    let perspective = null;
    if (options.length) {
      const digit = Number(chars.shift());
      perspective = digit ? options[digit - 1].id : null;
    }
    const answers = {};
    definition.questions.forEach((question, i) => {
      const char = chars[i];
      answers[question.id] = char === keys.unknown ? "unknown" : char === keys.na ? "n/a" : low + Number(char) - 1;
    });
    return { answers, perspective };
  }

  // -- what is kept: the round's record, field `grid` ------------------------------------------
  const state = { round: api.round(), draft: "", pending: [], sheets: [] };

  /** The grid's part of a round's record, checked: a damaged or hand-edited entry keeps what still fits. */
  function kept(name) {
    const grid = api.readRound(name).grid;
    if (!grid || typeof grid !== "object") return null;
    const rows = (list) => (Array.isArray(list) ? list : []).filter((row) => typeof row === "string");
    const draft = typeof grid.draft === "string" ? grid.draft : "";
    const problem = problemIn(draft);
    return {
      draft: problem ? draft.slice(0, problem.index) : draft,
      pending: rows(grid.pending).filter((row) => row.length === total && !problemIn(row)).slice(0, MAX_KEPT),
      sheets: rows(grid.sheets).slice(-MAX_KEPT),
    };
  }

  function save() {
    const empty = !state.draft && !state.pending.length && !state.sheets.length;
    api.updateRound({ grid: empty ? null : { draft: state.draft, pending: state.pending, sheets: state.sheets } }, state.round);
  }

  /** The codes of the round as kept now (the list on the page, after any edit by hand). */
  function listedCodes() {
    const codes = api.readRound(state.round).codes;
    return new Set(typeof codes === "string" ? codes.split(/[\s,;]+/).filter(Boolean) : []);
  }

  /**
   * Follow the page to another round. A round that had no name and gets one takes what was
   * typed along (as the team page does with its codes); another round brings its own rows.
   */
  function follow() {
    const now = api.round();
    if (now === state.round) return;
    const theirs = kept(now);
    const carry = !theirs && state.round === "";
    if (carry) api.updateRound({ grid: null }, "");
    else Object.assign(state, theirs || { draft: "", pending: [], sheets: [] });
    state.round = now;
    if (carry) save();
    input.value = state.draft;
    render();
    flush();
  }

  // -- the page ------------------------------------------------------------------------------
  const keyList = el("ul", { class: "sw-grid-keys", "aria-label": GRID.keysCaption });
  const key = (label, meaning) => el("li", {}, el("kbd", { text: label }), ` ${meaning}`);
  if (options.length) keyList.append(key("V", GRID.keyPerspective(options.length)));
  keyList.append(key(GRID.keyScale(points), GRID.keyScaleMeans), key(keys.unknown, GRID.keyUnknown));
  if (anyNa) keyList.append(key(keys.na, GRID.keyNa));
  keyList.append(key("Enter", GRID.keyEnter), key("Backspace", GRID.keyBack));

  const done = el("ol", { class: "sw-grid-done", "aria-label": GRID.doneCaption, "data-sw-grid-done": "" });
  const label = el("label", { for: "sw-grid-input", class: "sw-grid-label" });
  const input = el("input", {
    id: "sw-grid-input", class: "sw-input sw-grid-input", type: "text", inputmode: anyNa ? "text" : "numeric",
    autocomplete: "off", autocorrect: "off", autocapitalize: "off", spellcheck: "false", enterkeyhint: "done",
    "aria-describedby": "sw-grid-where sw-grid-message", "data-sw-grid-input": "",
  });
  const cells = el("div", { class: "sw-grid-cells", "aria-hidden": "true", "data-sw-grid-cells": "" });
  const cellNodes = positions.map((position, i) => {
    const cell = el("span", { class: `sw-grid-cell${i > 0 && (i - (options.length ? 1 : 0)) % 5 === 0 ? " sw-grid-cell--group" : ""}` },
      el("span", { class: "sw-grid-cell-name", text: position.short }), el("span", { class: "sw-grid-cell-value" }));
    cell.addEventListener("mousedown", (event) => {
      event.preventDefault(); // keep the caret in the field: a click on a cell moves it there
      const at = Math.min(i, state.draft.length);
      input.focus();
      input.setSelectionRange(at, at);
      render();
    });
    cells.append(cell);
    return cell;
  });
  const where = el("p", { id: "sw-grid-where", class: "sw-grid-where", "data-sw-grid-where": "" });
  const message = el("p", { id: "sw-grid-message", class: "sw-status sw-grid-message", role: "status", "data-sw-grid-message": "" });
  const count = el("p", { class: "sw-grid-count", "data-sw-grid-count": "0" });
  section.append(
    el("p", { text: GRID.intro({ perspective: options.length }) }), keyList, done,
    el("div", { class: "sw-grid-row" }, label, input, cells, where), message, count,
    el("p", { class: "sw-hint", text: GRID.removeHint }));

  function say(text) {
    message.textContent = text;
  }

  function entered() {
    const listed = listedCodes();
    return { sheets: state.sheets.filter((code) => listed.has(code)), pending: state.pending.length };
  }

  function render() {
    const now = entered();
    const number = now.sheets.length + now.pending;
    count.dataset.swGridCount = String(number);
    count.textContent = GRID.count(number);
    done.replaceChildren(...now.sheets.map((code, i) => el("li", { "data-sw-grid-sheet": code }, GRID.doneCode(i + 1), el("code", { text: code }))),
      ...state.pending.map((_, i) => el("li", { class: "sw-grid-pending", text: GRID.donePending(now.sheets.length + i + 1) })));
    done.hidden = number === 0;
    label.textContent = GRID.rowLabel(number + 1);

    const chars = [...state.draft];
    const caret = document.activeElement === input ? Math.min(input.selectionStart ?? chars.length, chars.length) : chars.length;
    cellNodes.forEach((cell, i) => {
      cell.lastChild.textContent = chars[i] ?? "";
      cell.classList.toggle("sw-grid-cell--filled", i < chars.length);
      cell.classList.toggle("sw-grid-cell--here", i === caret);
    });
    if (chars.length >= total && caret >= total) {
      where.textContent = `${GRID.progress(chars.length, total)} ${GRID.complete}`;
    } else {
      const position = positions[Math.min(caret, total - 1)];
      const text = position.text.length > SHOWN_TEXT ? `${position.text.slice(0, SHOWN_TEXT - 1)}…` : position.text;
      where.textContent = `${GRID.progress(chars.length, total)} ${GRID.at(position.name, text)}`;
    }
  }

  // -- typing ----------------------------------------------------------------------------------
  input.addEventListener("input", () => {
    follow();
    const raw = input.value;
    const caret = input.selectionStart ?? raw.length;
    const row = raw.replace(/\s+/g, ""); // spaces to keep one's place are fine, and dropped
    const problem = problemIn(row);
    if (problem) {
      input.value = state.draft;
      const at = Math.min(problem.index, state.draft.length);
      input.setSelectionRange(at, at);
      input.setAttribute("aria-invalid", "true");
      say(problem.text);
    } else {
      input.removeAttribute("aria-invalid");
      if (row !== raw) {
        const at = raw.slice(0, caret).replace(/\s+/g, "").length;
        input.value = row;
        input.setSelectionRange(at, at);
      }
      if (message.textContent && !state.pending.length) say("");
      state.draft = row;
      save();
    }
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    follow();
    const typed = [...state.draft].length;
    if (typed === total) {
      commit();
    } else if (typed === 0 && state.pending.length) {
      flush();
    } else if (typed > 0) {
      say(GRID.incomplete(entered().sheets.length + state.pending.length + 1, typed, total));
    }
  });
  for (const type of ["keyup", "click", "focus", "select"]) input.addEventListener(type, render);
  input.addEventListener("blur", render);

  function commit() {
    state.pending.push(state.draft);
    state.draft = "";
    input.value = "";
    input.removeAttribute("aria-invalid");
    save();
    render();
    flush();
  }

  // -- rows become codes, one at a time, in the order typed -------------------------------------
  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (state.pending.length) {
        const row = state.pending[0];
        let code;
        try {
          code = await ask("encode", api.definition, request(row));
        } catch (error) {
          say(GRID.failed(error.kind ? error.message : GRID.engineDown));
          return;
        }
        if (state.pending[0] !== row) continue; // the round changed while the engine worked
        state.pending.shift();
        state.sheets.push(code);
        if (state.sheets.length > MAX_KEPT) state.sheets.shift();
        save();
        api.addCodes([code]);
        say(GRID.added(entered().sheets.length));
        render();
      }
    } finally {
      flushing = false;
    }
  }

  // -- the rest of the page: a new result, another round, a cleared round ------------------------
  api.onResult(() => {
    follow();
    render();
  });
  page.querySelector("[data-sw-team-label-input]")?.addEventListener("change", () => queueMicrotask(follow));
  page.querySelector("[data-sw-clear-round]")?.addEventListener("click", () => {
    if (Object.keys(api.readRound(state.round)).length) return; // not cleared after all
    Object.assign(state, { draft: "", pending: [], sheets: [] });
    input.value = "";
    say("");
    render();
  });
  onEngineState((engine) => {
    if (engine.status === "ready" && state.pending.length && document.body.contains(page)) flush();
  });

  Object.assign(state, kept(state.round) || {});
  input.value = state.draft;
  render();
  if (state.pending.length) flush();
}
