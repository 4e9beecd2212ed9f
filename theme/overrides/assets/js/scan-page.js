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
import { cloneTemplate, download as downloadFile, el, formatNumber as formatScore, profileBlock, qrCode, svg } from "./dom.js";
import { KEYS, storage } from "./storage.js";
import { TEAM, TEXT } from "./strings.js";

/** Read the answers from the form: {question id: number | "unknown"} for the answered ones. */
function answersOf(form) {
  const answers = {};
  for (const input of form.querySelectorAll("input[type=radio]:checked")) {
    answers[input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
  }
  return answers;
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
  const storageKey = KEYS.answers(scanId, version);
  const total = form.querySelectorAll("fieldset[data-sw-question]").length;
  const progressBar = form.querySelector("progress");
  const progressText = form.querySelector(".sw-progress-text");
  const status = form.querySelector("[data-sw-status]");
  const resultSection = root.querySelector("[data-sw-result]");
  const resultBody = root.querySelector("[data-sw-result-body]");
  const submit = form.querySelector("[data-sw-submit]");
  const notices = [];
  let waitingForResult = false;

  // -- the engine starts at once, so it is ready by the time the user is ------
  startEngine(form.dataset.swWheel);

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

  const stopFollowing = onEngineState((state) => {
    if (!document.body.contains(form)) {
      stopFollowing();
      return;
    }
    if (state.status === "failed") {
      say(state.reason === "timeout" ? TEXT.engineTimeout : TEXT.engineFailed, { retry: true });
      if (waitingForResult) showFallbackCode();
      waitingForResult = false;
      submit.removeAttribute("aria-busy");
    } else if (state.status === "ready") {
      form.dataset.swEngine = "ready";
      form.dataset.swEngineMs = String(Math.round(state.ms)); // worker start to ready (bench/site.py)
      if (waitingForResult) showResult();
      else if (status.textContent && !notices.length) say("");
    }
  });

  // -- answers: restore, keep, clear -------------------------------------------
  function updateProgress() {
    const answered = form.querySelectorAll("input[type=radio]:checked").length;
    progressBar.value = answered;
    progressText.textContent = TEXT.progress(answered, total);
  }

  const saved = storage.read(storageKey);
  let unreadable = saved.corrupt;
  let restored = 0;
  if (saved.value !== null) {
    const answers = typeof saved.value === "object" && !Array.isArray(saved.value) ? saved.value.answers : null;
    if (answers && typeof answers === "object" && !Array.isArray(answers)) {
      const { applied, skipped } = applyAnswers(form, answers);
      restored = applied;
      unreadable = unreadable || skipped > 0;
    } else {
      unreadable = true;
    }
  }
  if (unreadable) notices.push(TEXT.storageCorrupt);
  if (restored) notices.push(TEXT.restored(restored));
  if (!storage.persistent) notices.push(TEXT.storageOff);
  if (notices.length) say(notices.join(" "));
  updateProgress();

  form.addEventListener("change", () => {
    updateProgress();
    const kept = storage.write(storageKey, { answers: answersOf(form) });
    if (!kept && !notices.includes(TEXT.storageOff)) {
      notices.push(TEXT.storageOff);
      say(TEXT.storageOff);
    }
  });

  form.querySelector("[data-sw-clear]").addEventListener("click", () => {
    form.reset();
    storage.remove(storageKey);
    updateProgress();
    resultSection.hidden = true;
    resultBody.replaceChildren();
    notices.length = 0;
    say(TEXT.cleared);
  });

  form.addEventListener("submit", (event) => event.preventDefault());

  // -- the team round: its label travels in the address fragment only ------------------
  const labelBanner = root.querySelector("[data-sw-team-label]");
  let roundLabel = "";
  function readRound() {
    roundLabel = (new URLSearchParams(window.location.hash.slice(1)).get("team") || "").slice(0, 40);
    labelBanner.textContent = roundLabel ? TEAM.roundLabel(roundLabel) : "";
    labelBanner.hidden = !roundLabel;
  }
  readRound();
  window.addEventListener("hashchange", () => document.body.contains(form) && readRound());

  function pageUrl() {
    return window.location.href.split("#")[0];
  }

  function teamLink(code) {
    const params = new URLSearchParams({ code });
    if (roundLabel) params.set("team", roundLabel);
    return new URL(`${form.dataset.swTeamPage}#${params}`, pageUrl()).href;
  }

  const roundMaker = root.querySelector("[data-sw-round-make]");
  if (roundMaker) {
    roundMaker.addEventListener("click", () => {
      const label = root.querySelector("[data-sw-round-label]").value.trim();
      const links = root.querySelector("[data-sw-round-links]");
      if (!label) {
        links.hidden = false;
        links.replaceChildren(el("p", { text: TEAM.roundNeedsLabel }));
        return;
      }
      const fragmentPart = `#${new URLSearchParams({ team: label })}`;
      root.querySelector("[data-sw-round-member]").textContent = pageUrl() + fragmentPart;
      root.querySelector("[data-sw-round-team]").href = new URL(form.dataset.swTeamPage, pageUrl()).href + fragmentPart;
      links.hidden = false;
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

  // -- the result ------------------------------------------------------------------
  async function showResult() {
    const answers = answersOf(form);
    if (!Object.keys(answers).length) {
      say(TEXT.nothingAnswered);
      return;
    }
    waitingForResult = false;
    submit.setAttribute("aria-busy", "true");
    say(TEXT.computing);
    try {
      const result = await ask("result", definition, { answers });
      renderResult(result.score, result.code, answers);
      say("");
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
      waitingForResult = true;
      submit.setAttribute("aria-busy", "true");
      say(TEXT.waitingForEngine);
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
      el("h3", { id: "sw-code-title", text: TEXT.codeHeading }),
      roundLabel ? el("p", { class: "sw-team-label", "data-sw-result-round": roundLabel, text: TEAM.roundLabel(roundLabel) }) : null,
      el("p", {}, el("code", { class: "sw-code-value", "data-result-code": code, text: code }), " ", copy, " ", copied),
      el("p", { class: "sw-code-explained", text: TEXT.codeExplained }));
  }

  /** Without the engine there is no score, but the code can still be made (code-fallback.js). */
  function showFallbackCode() {
    const answers = answersOf(form);
    if (!Object.keys(answers).length) return;
    let code;
    try {
      code = encodeFallback(JSON.parse(definition), answers);
    } catch {
      return;
    }
    const parts = [el("div", { class: "admonition warning", "data-sw-fallback": "" },
      el("p", { class: "admonition-title", text: TEXT.fallbackHeading }), el("p", { text: TEXT.fallbackExplained })),
    codeBlock(code)];
    if (form.dataset.swTeamPage) {
      parts.push(el("p", {}, TEXT.fallbackLink, " ", el("code", { class: "sw-link-text", text: teamLink(code) })));
    }
    resultBody.replaceChildren(...parts);
    resultSection.hidden = false;
  }

  function renderResult(score, code, answers) {
    const dimensionIds = Object.keys(score.dimensions);
    const titleOf = (id) => document.getElementById(`sw-dimension-${id}`)?.dataset.title || id;
    const parts = [];

    const heading = form.dataset.swAudience === "individual" ? TEXT.profileHeadingSelf : TEXT.profileHeading;
    parts.push(profileBlock(score.profile, heading, TEXT.noProfile));

    // chart and table of the same numbers
    parts.push(el("h3", { text: TEXT.dimensionsHeading }));
    parts.push(chart(dimensionIds.map((id) => [titleOf(id), score.dimensions[id].score])));
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
        const advice = cloneTemplate(`sw-band-${id}-${d.band.index}`);
        if (advice) section.append(advice);
      } else {
        section.append(el("p", { text: TEXT.noScoreExplained }));
      }
      parts.push(section);
    }

    // open questions
    const open = [...form.querySelectorAll("fieldset[data-sw-question]")]
      .filter((fieldset) => !(fieldset.dataset.swQuestion in answers) || answers[fieldset.dataset.swQuestion] === "unknown");
    if (!score.complete && open.length) {
      const list = el("ul");
      for (const fieldset of open) {
        const legend = fieldset.querySelector("legend").textContent.trim();
        list.append(el("li", {}, el("a", { href: `#${fieldset.id}`, text: legend })));
      }
      parts.push(el("div", { class: "admonition note sw-open" },
        el("p", { class: "admonition-title", text: TEXT.openHeading(open.length) }),
        el("p", { text: TEXT.openIntro }), list));
    }

    // the code, and ways to keep the result
    const codeSection = codeBlock(code);
    parts.push(codeSection);
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
  }
}

/** A horizontal bar per dimension (0-100), drawn as SVG; the table beside it carries the same numbers. */
function chart(rows) {
  const rowHeight = 36;
  const labelWidth = 12; // room for the 0 tick label
  const width = 600;
  const height = rows.length * rowHeight + 24;
  const figure = el("figure", { class: "sw-chart" });
  const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "sw-chart-title", class: "sw-chart-svg" });
  const title = svg("title", { id: "sw-chart-title" });
  title.textContent = `${TEXT.chartTitle}: ` + rows.map(([label, score]) => `${label} ${formatScore(score)}`).join("; ");
  drawing.append(title);
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = labelWidth + (tick / 100) * (width - labelWidth - 40);
    drawing.append(svg("line", { x1: x, x2: x, y1: 0, y2: height - 20, class: "sw-chart-grid" }));
    const label = svg("text", { x, y: height - 4, class: "sw-chart-tick", "text-anchor": "middle" });
    label.textContent = String(tick);
    drawing.append(label);
  }
  rows.forEach(([label, score], i) => {
    const y = i * rowHeight + 4;
    const barWidth = score === null ? 0 : (score / 100) * (width - labelWidth - 40);
    drawing.append(svg("rect", { x: labelWidth, y, width: Math.max(barWidth, 2), height: rowHeight - 12, rx: 3, class: "sw-chart-bar" }));
    const text = svg("text", { x: labelWidth + 6, y: y + rowHeight / 2 - 2, class: "sw-chart-label" });
    text.textContent = `${label}: ${score === null ? TEXT.noScore : formatScore(score)}`;
    drawing.append(text);
  });
  figure.append(drawing);
  return figure;
}
