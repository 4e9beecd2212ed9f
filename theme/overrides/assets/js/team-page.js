/**
 * The facilitator's team page: codes in, the team's picture out.
 *
 * Every code is read by the engine (the "team" operation: a status per line
 * and the aggregate of the valid codes, in shuffled order). Pasted text is
 * only ever put on the page as text. The codes of a round are kept in this
 * browser under the round's label, so a reload loses nothing.
 */
import { checkCode, splitCodes } from "./code-fallback.js";
import { ask, engineState, onEngineState, restartEngine, startEngine } from "./engine-client.js";
import { nestedDeeperThan } from "./engine-protocol.js";
import { download, el, formatWhole, MAX_FILE_BYTES, profileBlock, readJsonFile, svg } from "./dom.js";
import { KEYS, storage } from "./storage.js";
import { CAMERA, TEAM, TEXT } from "./strings.js";
import { initCamera } from "./team-camera.js";
import { initGrid } from "./team-grid.js";
import { initHistory } from "./team-history.js";
import { initTeamFile } from "./team-file.js";
import { agreementsCsv, initPresentation, keptAgreements } from "./team-present.js";

const CHECK_DELAY_MS = 350;

/** Read `#code=...&team=...` from the address; both parts are optional. */
function fragment() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return { code: params.get("code"), team: params.get("team") };
}

export function initTeamPage(root) {
  const page = root.querySelector("[data-sw-team-page]");
  if (!page || page.dataset.swReady) return;
  page.dataset.swReady = "1";

  const scanId = page.dataset.swTeamPage;
  const definition = page.dataset.swDefinition;
  const parsedDefinition = JSON.parse(definition);
  const codesField = page.querySelector("[data-sw-codes]");
  const labelField = page.querySelector("[data-sw-team-label-input]");
  const status = page.querySelector("[data-sw-team-status]");
  const linesSection = page.querySelector("[data-sw-lines]");
  const linesBody = page.querySelector("[data-sw-lines-body]");
  const resultSection = page.querySelector("[data-sw-team-result]");
  const resultBody = page.querySelector("[data-sw-team-result-body]");
  const compareSection = page.querySelector("[data-sw-compare]");
  const compareBody = page.querySelector("[data-sw-compare-body]");
  let lastTeam = null;
  let shownCodes = null; // the codes of the version on screen, as kept in the record's `shown` (team-file.js)
  let notifyResult = () => {};
  let timer = null;
  let run = 0;

  // When the engine starts (issue 13): at once when the page opens without a code in its address;
  // when it opens with one (a member's QR code, often on the facilitator's phone) the code is stored
  // after a checksum test in JavaScript, and the engine starts only when a check is asked for
  // ("Codes controleren", typing, a file, the camera, another round). It then reads every code in
  // one batch. engine-start.js keeps to the same rule from the head.
  const startsLater = Boolean(fragment().code);
  if (startsLater) document.documentElement.dataset.swEngineLater = "1";
  const ensureEngine = () => {
    if (engineState().status === "idle") startEngine(page.dataset.swWheel);
  };
  if (!startsLater) ensureEngine();
  onEngineState((state) => {
    if (!document.body.contains(page)) return;
    if (state.status === "failed") {
      const retry = el("button", { type: "button", class: "md-button sw-retry", text: TEXT.retry });
      retry.addEventListener("click", () => {
        restartEngine();
        check();
      });
      status.replaceChildren(TEAM.engineFailed, " ", retry);
    }
  });

  // -- the round: its label, its codes, kept in this browser ----------------------------
  // `round` is the name as last confirmed (on leaving the field, or Enter): the codes are kept
  // under it, and it stands in the address (#team=...), so a reload opens the same round.
  let round = "";
  const storageKey = (name = round) => KEYS.team(scanId, name);

  /** The codes kept for a round: text, or "" (a damaged entry is reported and ignored). */
  function keptCodes(name) {
    const saved = storage.read(storageKey(name));
    const usable = saved.value && typeof saved.value === "object" && typeof saved.value.codes === "string";
    if (saved.corrupt || (saved.value !== null && !usable)) status.textContent = TEXT.storageCorrupt;
    return usable ? saved.value.codes : "";
  }

  /**
   * The record of a round as kept: `{ codes, ... }`. Other parts of the page keep their own
   * fields in it (agreements, the shown versions, the last result); an unreadable entry reads as {}.
   */
  function readRound(name = round) {
    const saved = storage.read(storageKey(name));
    return saved.value && typeof saved.value === "object" && !Array.isArray(saved.value) ? saved.value : {};
  }

  /** Merge `patch` into the kept record of the current round; a record with nothing left is removed. */
  function updateRound(patch, name = round) {
    const next = { ...readRound(name), ...patch };
    for (const [key, value] of Object.entries(next)) if (value === undefined || value === null) delete next[key];
    const empty = Object.keys(next).every((key) => key === "codes") && !(next.codes || "").trim();
    if (empty) storage.remove(storageKey(name));
    else storage.write(storageKey(name), next);
  }

  function save() {
    updateRound({ codes: codesField.value });
  }

  function showRoundInAddress() {
    const rest = round ? `#${new URLSearchParams({ team: round })}` : "";
    history.replaceState(history.state, "", window.location.pathname + window.location.search + rest);
  }

  /**
   * A new name in the field. Codes pasted while the round had no name move to the name (added
   * to the codes a round of that name already has). Otherwise the round of that name opens,
   * and the codes of the round before stay kept under its own name.
   */
  function renameRound() {
    const next = labelField.value.trim().slice(0, 40);
    if (next === round) return;
    const draft = round === "" ? codesField.value.trim() : "";
    round = next;
    const kept = keptCodes(round);
    if (draft) {
      const lines = new Set(kept.split("\n").map((line) => line.trim()));
      const added = draft.split("\n").filter((line) => line.trim() && !lines.has(line.trim()));
      codesField.value = [kept.trim(), ...added].filter(Boolean).join("\n");
      // the versions shown without a name go along: a new name is no way around them
      const draftShown = readRound("").shown;
      if (Array.isArray(draftShown) && draftShown.length) {
        const shown = readRound().shown;
        updateRound({ shown: [...(Array.isArray(shown) ? shown : []), ...draftShown].slice(-50) });
      }
      save();
      storage.remove(storageKey(""));
    } else {
      codesField.value = kept;
    }
    showRoundInAddress();
    followRound();
    check();
  }

  // Another tab of this site can add to the open round: the kiosk on the scan page, a second team
  // page. Follow what it writes, so this page never saves an older list over the new codes.
  let stopFollowing = () => {};
  function followRound() {
    stopFollowing();
    stopFollowing = storage.watch(storageKey(), (saved) => {
      if (!document.body.contains(page)) return stopFollowing();
      const value = saved.value && typeof saved.value === "object" ? saved.value : {};
      const codes = typeof value.codes === "string" ? value.codes : "";
      if (codes === codesField.value) return;
      codesField.value = codes;
      // an engine that has not started (a phone that only collects QR arrivals) is not started for this
      if (engineState().status === "idle") status.textContent = TEAM.otherTabChanged;
      else check({ note: TEAM.otherTabChanged });
    });
  }

  const arrived = fragment();
  if (arrived.team) labelField.value = round = arrived.team.trim().slice(0, 40);
  codesField.value = keptCodes(round);
  if (arrived.code !== null) {
    // stored at once, whatever the checksum says: a damaged code stays in the list, where the
    // engine marks it at the next check, so nothing a member sent is lost
    const code = arrived.code.trim().slice(0, 100);
    const checked = checkCode(code, { scanId });
    const already = splitCodes(codesField.value).includes(code);
    if (code && !already) {
      codesField.value = (codesField.value.trim() ? codesField.value.trim() + "\n" : "") + code;
      save();
    }
    const count = splitCodes(codesField.value).length;
    if (!code) status.textContent = CAMERA.arrivedEmpty;
    else if (checked.ok) status.textContent = already ? CAMERA.arrivedAgain(count) : CAMERA.arrived(count);
    else status.textContent = checked.reason === "other-scan" ? CAMERA.arrivedOtherScan : CAMERA.arrivedBroken;
    status.scrollIntoView({ block: "nearest" }); // on a phone the message sits below the fold
    // keep the round in the address, drop the code: a reload or a shared link carries no answers
    showRoundInAddress();
  }

  followRound();
  labelField.addEventListener("change", renameRound);
  page.querySelector("[data-sw-team-form]").addEventListener("submit", (event) => {
    event.preventDefault(); // Enter in the name field confirms the name, it sends nothing
    renameRound();
  });
  codesField.addEventListener("input", () => {
    save();
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  });
  page.querySelector("[data-sw-check]").addEventListener("click", check);

  page.querySelector("[data-sw-import-codes]").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      status.textContent = TEAM.fileTooBig;
      return;
    }
    try {
      const text = await file.text();
      codesField.value = [codesField.value.trim(), text.trim()].filter(Boolean).join("\n");
      save();
      check();
    } catch {
      status.textContent = TEAM.fileUnreadable;
    }
  });

  page.querySelector("[data-sw-clear-round]").addEventListener("click", () => {
    if (!window.confirm(TEAM.clearConfirm)) return;
    storage.remove(storageKey());
    codesField.value = "";
    lastTeam = null;
    linesSection.hidden = resultSection.hidden = compareSection.hidden = true;
    linesBody.replaceChildren();
    resultBody.replaceChildren();
    compareBody.replaceChildren();
    status.textContent = TEAM.cleared;
  });

  // -- checking: the engine reads every code ----------------------------------------------
  // The round remembers the sets of codes whose result it has shown (record field `shown`). The
  // engine shows a result only as a version of the round: a set that differs from a shown one by
  // fewer than min_group codes is refused, so adding or removing one code never gives a member away.
  // The first result appears when the facilitator asks for it (`show`), once every code is in.
  function shownVersions() {
    const shown = readRound().shown;
    return Array.isArray(shown) ? shown : [];
  }

  async function check({ show = false, note = "" } = {}) {
    clearTimeout(timer);
    const text = codesField.value;
    const mine = ++run;
    if (!text.trim()) {
      status.textContent = TEAM.noCodes;
      linesSection.hidden = resultSection.hidden = compareSection.hidden = true;
      return;
    }
    ensureEngine();
    status.textContent = TEAM.checking;
    let reply;
    const sent = shownVersions();
    try {
      reply = await ask("team", definition, { text, shown: sent, show });
    } catch (error) {
      if (mine === run) status.textContent = error.message;
      return;
    }
    if (mine !== run) return; // a newer paste is on its way
    if (reply.round?.new) updateRound({ shown: [...shownVersions(), reply.round.codes] });
    const version = reply.round?.version;
    shownCodes = reply.team.withheld || !version ? null : reply.round.new ? reply.round.codes : sent[version - 1] || null;
    renderLines(reply.codes, reply.lines);
    if (note) status.textContent = `${note} ${status.textContent}`;
    renderTeam(reply.team, reply.csv, reply.round);
    notifyResult(reply.team, reply.csv);
  }

  function renderLines(codes, lines) {
    const counts = { valid: 0, duplicate: 0, incomplete: 0, bad: 0 };
    const body = el("tbody");
    lines.forEach((line, i) => {
      if (line.status === "valid") counts.valid += 1;
      else if (line.status === "duplicate") counts.duplicate += 1;
      else if (line.status === "incomplete") counts.incomplete += 1;
      else counts.bad += 1;
      body.append(el("tr", { "data-sw-line-status": line.status },
        el("td", { text: String(line.line) }),
        el("td", {}, el("code", { text: codes[i].length > 40 ? `${codes[i].slice(0, 40)}…` : codes[i] })),
        el("td", {}, el("strong", { text: TEAM.statusLabels[line.status] }), line.message ? ` ${line.message}` : "")));
    });
    const table = el("table", { class: "sw-table sw-lines-table" }, el("caption", { text: TEAM.linesCaption }),
      el("thead", {}, el("tr", {}, ...[TEAM.columnLine, TEAM.columnCode, TEAM.columnStatus]
        .map((label) => el("th", { scope: "col", text: label })))), body);
    linesBody.replaceChildren(table);
    linesSection.hidden = false;
    status.textContent = TEAM.counted(counts.valid, counts.duplicate, counts.bad, counts.incomplete);
  }

  /** The button that shows the result of the codes as they are now: a first or a new version. */
  function showButton(label) {
    const button = el("button", { type: "button", class: "md-button md-button--primary", "data-sw-show-result": "", text: label });
    button.addEventListener("click", async () => {
      button.disabled = true;
      await check({ show: true });
      resultSection.focus();
    });
    return button;
  }

  /** What the round shows, and why: the version, codes that wait, a refused change. */
  function versionNote(team, version) {
    if (!version || team.withheld) return null;
    const note = el("div", { class: "sw-version-note", "data-sw-version-note": version.showing });
    if (version.versions > 0 || version.new) {
      note.append(el("p", { "data-sw-round-version": String(version.version), text: TEAM.versionOf(version.version, Math.max(version.versions, version.version)) }));
    }
    if (version.showing === "kept" && version.needed > 0) {
      note.append(el("p", { "data-sw-version-refused": String(version.needed), text: TEAM.versionRefused(version.difference, version.needed) }));
    } else if (version.showing === "kept" && version.ready) {
      note.append(el("p", { text: TEAM.versionReady(version.difference) }), el("p", {}, showButton(TEAM.showNewVersion)));
    }
    return note.childNodes.length ? note : null;
  }

  function renderTeam(team, csv, version = null) {
    lastTeam = team;
    resultSection.hidden = false;
    compareSection.hidden = team.withheld;
    compareBody.replaceChildren();
    if (team.withheld) {
      const parts = [];
      if (team.reason === "not-shown") {
        parts.push(el("p", { class: "sw-withheld", "data-sw-withheld": "ready", text: TEAM.readyToShow(team.n, team.min_group) }),
          el("p", {}, showButton(TEAM.showResult)));
      } else {
        parts.push(el("p", { class: "sw-withheld", "data-sw-withheld": "", text: TEAM.stillNeeded(team.n, team.min_group) }));
      }
      if (team.incomplete) parts.push(el("p", { text: TEAM.incompleteLeftOut(team.incomplete) }));
      resultBody.replaceChildren(...parts);
      return;
    }
    const roundName = labelField.value.trim();
    const shownOn = typeof readRound().date === "string" ? readRound().date : new Date().toISOString().slice(0, 10);
    const parts = [el("p", { class: "sw-print-head", "data-sw-print-head": "", text: TEAM.printHead(roundName, shownOn) }),
      versionNote(team, version),
      el("p", { "data-sw-team-n": String(team.n), text: TEAM.summary(team.n) }),
      team.incomplete ? el("p", { text: TEAM.incompleteLeftOut(team.incomplete) }) : null].filter(Boolean);

    // the same rule as for one person, on the team's means: between two profiles, the runner-up's text too
    parts.push(profileBlock(team, {
      heading: TEXT.profileHeading, none: TEXT.noProfile, between: TEAM.between,
      betweenExplained: TEAM.betweenExplained, runnerUp: TEXT.runnerUp, relative: TEXT.relative,
    }));

    parts.push(el("h3", { text: TEAM.pictureHeading }), el("p", { text: TEAM.pictureIntro }));
    for (const [id, d] of Object.entries(team.dimensions)) parts.push(strip(id, d, bandsOf(parsedDefinition, id)));
    parts.push(dimensionTable(team));

    parts.push(el("h3", { text: TEAM.discussHeading }));
    if (team.items_withheld) {
      parts.push(el("p", { "data-sw-items-withheld": String(team.min_group_items), text: TEAM.itemsWithheld(team.min_group_items) }));
    } else if (team.discuss.length) {
      parts.push(el("p", { text: TEAM.discussIntro }));
      const list = el("ol", { class: "sw-discuss" });
      for (const item of team.discuss) {
        list.append(el("li", { "data-sw-discuss": item.id }, el("p", { text: item.text }), distribution(item),
          item.unknown ? el("p", { class: "sw-hint", text: TEAM.unknownShare(item.unknown, team.n) }) : null));
      }
      parts.push(list);
    } else {
      parts.push(el("p", { "data-sw-discuss-none": "", text: TEAM.discussNone }));
    }

    const label = labelField.value.trim();
    const base = `supportwijzer-${scanId}${label ? `-${label.replace(/[^\w-]+/g, "_")}` : ""}-team`;
    const csvButton = el("button", { type: "button", class: "md-button", "data-sw-download-csv": "", text: TEAM.downloadCsv });
    // the round's agreements (team-present.js) as they are at the moment of the download
    csvButton.addEventListener("click", () => download(`${base}.csv`, "\ufeff" + csv + agreementsCsv(keptAgreements(readRound())),
      "text/csv;charset=utf-8"));
    const jsonButton = el("button", { type: "button", class: "md-button", "data-sw-download-json": "", text: TEAM.downloadJson });
    jsonButton.addEventListener("click", () => download(`${base}.json`, JSON.stringify({
      scan: scanId, version: Number(page.dataset.swVersion), round: label || null,
      date: new Date().toISOString().slice(0, 10), team, agreements: keptAgreements(readRound()),
    }, null, 2), "application/json"));
    const print = el("button", { type: "button", class: "md-button", text: TEAM.print });
    print.addEventListener("click", () => window.print());
    parts.push(el("p", { class: "sw-keep" }, csvButton, " ", jsonButton, " ", print));
    resultBody.replaceChildren(...parts);
  }

  // -- comparing with an earlier round ------------------------------------------------------
  // Its messages get a status region of their own beside the file button, made now, before any
  // message, so screen readers announce them; the table goes below it.
  const compareStatus = el("p", { class: "sw-status", role: "status", "data-sw-compare-status": "" });
  compareBody.before(compareStatus);

  page.querySelector("[data-sw-import-round]").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    compareStatus.textContent = "";
    compareBody.replaceChildren();
    if (!lastTeam || lastTeam.withheld) {
      compareStatus.textContent = TEAM.compareNeedsResult;
      return;
    }
    const read = await readJsonFile(file);
    if (read.error === "too-big") {
      compareStatus.textContent = TEAM.fileTooBig;
      return;
    }
    const previous = read.value;
    if (!looksLikeExport(previous)) {
      compareStatus.textContent = TEAM.notAnExport;
      return;
    }
    try {
      const rows = await ask("compare", definition, { previous, current: lastTeam });
      compareBody.replaceChildren(compareTable(rows, typeof previous.date === "string" ? previous.date : null));
    } catch (error) {
      compareStatus.textContent = error.message;
    }
  });

  // -- the parts of the page that live in modules of their own ------------------------------
  // They get this one interface and nothing else: add codes, read and update the round's
  // record, hear about each new result.
  const resultListeners = [];
  const api = {
    page,
    scanId,
    definition,
    wheel: page.dataset.swWheel,
    minGroup: Number(page.dataset.swMinGroup),
    /** The name of the open round ("" for none). */
    round: () => round,
    /** Add codes (strings) to the list, skipping ones already there; checks the list again. Returns how many were added. */
    addCodes(codes) {
      const present = new Set(codesField.value.split(/\s+/).filter(Boolean));
      const added = codes.map((code) => String(code).trim().slice(0, 100)).filter((code) => code && !present.has(code) && present.add(code));
      if (!added.length) return 0;
      codesField.value = [codesField.value.trim(), ...added].filter(Boolean).join("\n");
      save();
      check();
      return added.length;
    },
    readRound,
    updateRound,
    /** `listener(team, { round, csv })` after every shown result (also a withheld one). */
    onResult(listener) {
      resultListeners.push(listener);
    },
    lastTeam: () => lastTeam,
    /** The codes of the version of the round on screen (a copy), or null when no result shows. */
    shownCodes: () => (resultSection.hidden || !lastTeam || lastTeam.withheld || !shownCodes ? null : [...shownCodes]),
    status: (text) => {
      status.textContent = text;
    },
  };
  notifyResult = (team, csv) => {
    for (const listener of resultListeners) listener(team, { round, csv });
  };
  initCamera(page, api);
  initGrid(page, api);
  initPresentation(page, api);
  initHistory(page, api);
  initTeamFile(page, api);

  if (!startsLater && codesField.value.trim()) check();
}

/** A team export has six levels; this leaves room for later versions, far below what could stall the engine. */
const EXPORT_MAX_DEPTH = 16;

/**
 * Whether a parsed file has the outline of a team export (download-as-JSON on this page): an
 * object with the scan's id and a team object, not nested deeper than an export can be. The
 * engine checks the rest and says what is wrong; this gives a hand-made or damaged file a
 * message the user can act on at once, without asking the engine (which would have to read a
 * file nested 1,500 deep in Python, where that can overflow the stack).
 */
function looksLikeExport(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    && typeof value.scan === "string" && value.scan.length <= 100
    && value.team !== null && typeof value.team === "object" && !Array.isArray(value.team)
    && !nestedDeeperThan(value, EXPORT_MAX_DEPTH);
}

function titleOf(id) {
  return document.getElementById(`sw-dimension-${id}`)?.dataset.title || id;
}

/** One dimension as a strip from 0 to 100: a dot per member (stacked when equal) and the mean. */
/** The band limits of a dimension from the scan's definition: [{ upto, label }], lowest first. */
function bandsOf(definition, id) {
  const dimension = (definition.dimensions || []).find((d) => d.id === id);
  return dimension ? dimension.bands.map((b) => ({ upto: b.upto, label: typeof b.label === "string" ? b.label : String(b.label.nl || Object.values(b.label)[0]) })) : [];
}

/** How far apart the members are, in words: the spread is the standard deviation on the 0-100 scale. */
export function spreadInWords(stdev) {
  if (stdev === null || stdev === undefined) return "";
  return stdev < 10 ? TEAM.spreadSame : stdev < 20 ? TEAM.spreadSome : TEAM.spreadApart;
}

/**
 * One dimension as a 0-100 strip: the band zones drawn in and their limits marked, a dot per
 * member, a line at the mean; both ends named in words below it.
 */
function strip(id, d, bands) {
  const width = 600;
  const left = 12;
  const right = width - 12;
  const x = (score) => left + (score / 100) * (right - left);
  const stack = new Map();
  const dots = d.scores.map((score) => {
    const level = stack.get(score) || 0;
    stack.set(score, level + 1);
    return [score, level];
  });
  const height = 40 + Math.max(0, ...dots.map(([, level]) => level)) * 10;
  const figure = el("figure", { class: "sw-strip", "data-sw-strip": id });
  const drawing = svg("svg", { viewBox: `0 0 ${width} ${height + 24}`, role: "img", "aria-labelledby": `sw-strip-${id}` });
  const title = svg("title", { id: `sw-strip-${id}` });
  title.textContent = `${TEAM.pictureTitle(titleOf(id))}: ${d.scores.map(formatWhole).join(", ")}; ` +
    `${TEAM.columns[2].toLowerCase()} ${formatWhole(d.mean)}`;
  drawing.append(title);
  let from = 0;
  bands.forEach((band, index) => {
    drawing.append(svg("rect", { x: x(from), y: 2, width: Math.max(0, x(band.upto) - x(from)), height: height - 8,
      class: `sw-zone sw-zone-${Math.min(index, 2)}`, "data-sw-zone": String(band.upto) }));
    from = band.upto;
  });
  drawing.append(svg("line", { x1: left, x2: right, y1: height - 6, y2: height - 6, class: "sw-chart-grid" }));
  const ticks = [0, ...bands.map((band) => band.upto)];
  for (const tick of ticks.length > 1 ? ticks : [0, 50, 100]) {
    const anchor = tick === 0 ? "start" : tick === 100 ? "end" : "middle";
    const label = svg("text", { x: x(tick), y: height + 18, class: "sw-chart-tick", "text-anchor": anchor });
    label.textContent = String(tick);
    drawing.append(label);
  }
  for (const [score, level] of dots) {
    drawing.append(svg("circle", { cx: x(score), cy: height - 16 - level * 10, r: 5, class: "sw-chart-dot" }));
  }
  if (d.mean !== null) {
    drawing.append(svg("line", { x1: x(d.mean), x2: x(d.mean), y1: 4, y2: height - 4, class: "sw-chart-mean" }));
  }
  const spread = spreadInWords(d.stdev);
  figure.append(el("figcaption", {},
    el("span", { text: `${titleOf(id)}: ${TEAM.meanOf(formatWhole(d.mean))}` }),
    spread ? el("span", { class: "sw-strip-spread", "data-sw-spread-words": "", text: ` · ${spread}` }) : null), drawing);
  if (bands.length > 1) {
    figure.append(el("p", { class: "sw-strip-ends", "aria-hidden": "true" },
      el("span", { text: `← ${bands[0].label}` }), el("span", { text: `${bands[bands.length - 1].label} →` })));
  }
  return figure;
}

/** The figures per dimension: a table that scrolls inside its own box on a phone, never the page. */
function dimensionTable(team) {
  const body = el("tbody");
  for (const [id, d] of Object.entries(team.dimensions)) {
    const spread = spreadInWords(d.stdev);
    body.append(el("tr", { "data-sw-dimension": id },
      el("th", { scope: "row", text: titleOf(id) }),
      el("td", { text: String(d.n) }),
      el("td", { "data-sw-mean": d.mean === null ? "" : String(d.mean), text: formatWhole(d.mean) }),
      el("td", { text: formatWhole(d.median) }),
      el("td", { text: `${formatWhole(d.min)}–${formatWhole(d.max)}` }),
      el("td", { "data-sw-stdev": d.stdev === null ? "" : String(d.stdev), text: spread ? `${spread} (${formatWhole(d.stdev)})` : "–" }),
      el("td", { "data-sw-bands": d.bands.map((b) => b.count).join(",") },
        el("ul", { class: "sw-band-counts" }, ...d.bands.map((b) => el("li", { text: `${b.label}: ${b.count}` }))))));
  }
  const table = el("table", { class: "sw-table sw-team-table" }, el("caption", { text: TEAM.tableCaption }),
    el("thead", {}, el("tr", {}, ...TEAM.columns.map((label) => el("th", { scope: "col", text: label })))), body);
  return scrollBox(table, TEAM.tableCaption);
}

/** A wide table in a box of its own that scrolls sideways, reachable by keyboard. */
export function scrollBox(table, label) {
  return el("div", { class: "sw-scroll-box", role: "region", tabindex: "0", "aria-label": label }, table);
}

/** How the members answered one question: a bar per answer, "weet ik niet" included, counts in words. */
function distribution(item) {
  const values = Object.keys(item.counts);
  const labels = values.map((v) => document.querySelector(`[data-sw-scale-label="${CSS.escape(v)}"]`)?.textContent || v);
  const rows = values.map((v, i) => [labels[i], item.counts[v]]);
  if (item.unknown) rows.push([TEAM.unknownLabel, item.unknown]);
  const most = Math.max(1, ...rows.map(([, count]) => count));
  const bar = (count) => {
    const span = el("span", { class: "sw-bar" });
    span.style.width = `${Math.round((count / most) * 100)}%`; // CSSOM, not a style attribute: the CSP allows it
    return span;
  };
  return el("table", { class: "sw-table sw-distribution", "data-sw-counts": values.map((v) => item.counts[v]).join(","),
    "data-sw-unknown": String(item.unknown || 0) },
  el("caption", { class: "sw-visually-hidden", text: TEAM.distributionCaption(item.text) }),
  el("tbody", {}, ...rows.map(([label, count]) => el("tr", {},
    el("th", { scope: "row", text: label }),
    el("td", { class: "sw-distribution-bar" }, bar(count)),
    el("td", { class: "sw-distribution-count", text: TEAM.answersCount(count) })))));
}

function compareTable(rows, then) {
  const signed = (value) => (value === null ? "–" : `${Math.round(value) > 0 ? "+" : ""}${formatWhole(value)}`);
  const body = el("tbody");
  for (const row of rows) {
    body.append(el("tr", { "data-sw-compare-row": row.id },
      el("th", { scope: "row", text: titleOf(row.id) }),
      el("td", { text: formatWhole(row.mean_before) }),
      el("td", { text: formatWhole(row.mean_now) }),
      el("td", { "data-sw-mean-change": row.mean_change === null ? "" : String(row.mean_change), text: signed(row.mean_change) }),
      el("td", { text: formatWhole(row.stdev_before) }),
      el("td", { text: formatWhole(row.stdev_now) }),
      el("td", { text: signed(row.stdev_change) })));
  }
  return el("table", { class: "sw-table sw-compare-table" }, el("caption", { text: TEAM.compareCaption }),
    el("thead", {}, el("tr", {}, ...TEAM.compareColumnsOn(then).map((label) => el("th", { scope: "col", text: label })))), body);
}
