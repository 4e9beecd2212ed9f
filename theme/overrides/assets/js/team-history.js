/**
 * Every round kept on the device, trends over rounds, the A4 report (issue 13). Owner: the history helper.
 *
 * Each time the team page shows a result that is not withheld, the round's record gets a summary
 * of it: per dimension n, mean and stdev, the number of members, the profile id and the date.
 * Nothing per member and no codes: the summary is what the trends need and nothing more. The
 * record's `date` is the day the round first had a result; its `result` is the latest one.
 *
 * The section lists this scan's rounds, draws the trend per dimension over the rounds that each
 * reached `min_group`, and exports or imports the whole history as one JSON file (summaries and
 * agreements; codes only when the facilitator ticks the box). An import is checked completely
 * before anything is written, so a bad file changes nothing.
 *
 * For the A4 report it adds two print-only blocks: a heading with the round, date and number of
 * members (placed before the result section) and the round's agreements (inside this section).
 */
import { download, el, formatWhole, readJsonFile, svg } from "./dom.js";
import { nestedDeeperThan } from "./engine-protocol.js";
import { KEYS, storage } from "./storage.js";
import { HISTORY } from "./strings.js";

const FORMAT = "supportwijzer-teamrondes";
const FORMAT_VERSION = 1;
const MAX_ROUNDS = 500;
const MAX_NAME = 40; // as the team page's name field
const MAX_AGREEMENTS = 200;
const MAX_CODES_CHARS = 100000;
const FILE_MAX_DEPTH = 8; // file > rounds > round > result > dimensions > dimension: 6 levels
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DIMENSION_ID = /^[\w-]{1,100}$/;

// -- the summary kept in a round's record ----------------------------------------------------

/** Today as YYYY-MM-DD on this device's calendar. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function isDate(value) {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The aggregate figures of a shown team result, and nothing per member. */
function summarize(team, scanVersion) {
  const dimensions = {};
  for (const [id, d] of Object.entries(team.dimensions || {})) {
    dimensions[id] = { n: d.n, mean: d.mean ?? null, stdev: d.stdev ?? null };
  }
  return {
    date: today(), scan_version: scanVersion, n: team.n, min_group: team.min_group,
    profile: team.profile?.id ?? null, dimensions,
  };
}

const isCount = (value, max) => Number.isInteger(value) && value >= 0 && value <= max;
const isScore = (value) => value === null || (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 100);
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const unknownKeys = (value, allowed) => Object.keys(value).filter((key) => !allowed.includes(key));

/** The problem with a summary (a message from strings.js), or "" when it is sound. */
function summaryProblem(result) {
  if (!isPlainObject(result)) return HISTORY.problemResult;
  const extra = unknownKeys(result, ["date", "scan_version", "n", "min_group", "profile", "dimensions"]);
  if (extra.length) return HISTORY.problemUnknown(extra[0]);
  if (!isDate(result.date)) return HISTORY.problemDate;
  if (!isCount(result.n, 100000) || !isCount(result.min_group, 1000)) return HISTORY.problemResult;
  if (result.scan_version !== undefined && !isCount(result.scan_version, 100000)) return HISTORY.problemResult;
  if (result.profile !== null && (typeof result.profile !== "string" || result.profile.length > 100)) return HISTORY.problemResult;
  if (!isPlainObject(result.dimensions) || Object.keys(result.dimensions).length > 100) return HISTORY.problemResult;
  for (const [id, d] of Object.entries(result.dimensions)) {
    if (!DIMENSION_ID.test(id) || !isPlainObject(d) || unknownKeys(d, ["n", "mean", "stdev"]).length) return HISTORY.problemResult;
    if (!isCount(d.n, 100000) || !isScore(d.mean) || !isScore(d.stdev)) return HISTORY.problemResult;
  }
  return "";
}

/** The problem with a list of agreements (team-present.js writes them), or "". */
function agreementsProblem(agreements) {
  if (!Array.isArray(agreements) || agreements.length > MAX_AGREEMENTS) return HISTORY.problemAgreements;
  for (const item of agreements) {
    if (!isPlainObject(item) || Object.keys(item).length > 20 || typeof item.id !== "string") return HISTORY.problemAgreements;
    for (const value of Object.values(item)) {
      const fine = value === null || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
        || (typeof value === "string" && value.length <= 2000);
      if (!fine) return HISTORY.problemAgreements;
    }
  }
  return "";
}

// -- the rounds of this scan on this device --------------------------------------------------

/**
 * Every round of this scan kept in this browser: { name, record, date, result }, where `result`
 * is a sound summary or null. When the browser keeps nothing (private mode), only the open round.
 */
function keptRounds(api) {
  const prefix = KEYS.team(api.scanId, "");
  const names = new Set();
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(prefix)) names.add(key.slice(prefix.length));
    }
  } catch {
    /* storage off: the open round below */
  }
  if (Object.keys(api.readRound(api.round())).length) names.add(api.round());
  const rounds = [];
  for (const name of names) {
    const record = api.readRound(name);
    if (!Object.keys(record).length) continue;
    const result = record.result && !summaryProblem(record.result) ? record.result : null;
    const date = isDate(record.date) ? record.date : result ? result.date : null;
    rounds.push({ name, record, date, result });
  }
  return rounds.sort(byDate);
}

const collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

/** Oldest first; a round without a date (no result yet) last; on the same day by name (ronde 2 before ronde 10). */
function byDate(a, b) {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
  return collator.compare(a.name, b.name);
}

function longDate(date) {
  if (!date) return "–";
  return new Date(`${date}T12:00:00`).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

function titleOf(id) {
  return document.getElementById(`sw-dimension-${id}`)?.dataset.title || id;
}

/** The dimensions of the scan as the page defines them, in order; ids of the data when unreadable. */
function dimensionIds(api, rounds) {
  try {
    const ids = (JSON.parse(api.definition).dimensions || []).map((d) => d.id).filter((id) => typeof id === "string");
    if (ids.length) return ids;
  } catch {
    /* fall back to the ids in the kept results */
  }
  return [...new Set(rounds.flatMap((r) => Object.keys(r.result?.dimensions || {})))];
}

/** This page opens a round from its address (#team=<name>); a reload opens it with its own codes. */
function roundHref(name) {
  return window.location.pathname + window.location.search + (name ? `#${new URLSearchParams({ team: name })}` : "");
}

// -- the section -----------------------------------------------------------------------------

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initHistory(page, api) {
  const section = page.querySelector("[data-sw-history]");
  if (!section) return;
  const scanVersion = Number(page.dataset.swVersion) || 0;

  const listBody = el("div", { "data-sw-rounds": "" });
  const trendsBody = el("div", { "data-sw-trends": "" });
  const agreementsBody = el("div", { class: "sw-report-agreements", "data-sw-report-agreements": "" });
  const status = el("p", { class: "sw-status", role: "status", "data-sw-history-status": "" });
  const withCodes = el("input", { type: "checkbox", id: "sw-history-codes", "data-sw-history-codes": "" });
  const exportButton = el("button", { type: "button", class: "md-button", "data-sw-history-export": "", text: HISTORY.exportButton });
  const importInput = el("input", { type: "file", accept: ".json,application/json", class: "sw-visually-hidden", "data-sw-history-import": "" });

  section.replaceChildren(
    // on paper: the agreements and the trends; the list and the file buttons are for the screen
    agreementsBody,
    el("div", { class: "sw-history-rounds" },
      el("h2", { id: "sw-history-title", text: HISTORY.heading }),
      el("p", { text: HISTORY.intro }),
      listBody),
    el("div", { class: "sw-history-trends" },
      el("h3", { id: "sw-trends-title", text: HISTORY.trendsHeading }),
      trendsBody),
    el("div", { class: "sw-history-keep" },
      el("h3", { text: HISTORY.keepHeading }),
      el("p", { text: HISTORY.keepIntro }),
      el("p", { class: "sw-history-check" }, withCodes, " ", el("label", { for: "sw-history-codes", text: HISTORY.withCodes }),
        el("br"), el("span", { class: "sw-hint", id: "sw-history-codes-hint", text: HISTORY.withCodesHint })),
      el("div", { class: "sw-actions" }, exportButton,
        el("label", { class: "md-button sw-file-button" }, HISTORY.importButton, importInput)),
      status));
  withCodes.setAttribute("aria-describedby", "sw-history-codes-hint");
  section.setAttribute("aria-labelledby", "sw-history-title");
  section.hidden = false;

  // the print heading: round, date, members, before the figures
  const reportHead = el("div", { class: "sw-report-head", "data-sw-report-head": "" });
  page.querySelector("[data-sw-team-result]")?.before(reportHead);

  // the earlier comparison by file stays; it points here for rounds kept on this device
  const compareIntro = page.querySelector("[data-sw-compare] > p");
  compareIntro?.after(el("p", { "data-sw-compare-trends": "" }, HISTORY.compareHint, " ",
    el("a", { href: "#sw-trends-title", text: HISTORY.compareHintLink }), "."));

  function render() {
    const rounds = keptRounds(api);
    renderList(rounds);
    renderTrends(rounds);
    renderReport();
  }

  function renderList(rounds) {
    if (!rounds.length) {
      listBody.replaceChildren(el("p", { "data-sw-rounds-none": "", text: HISTORY.noRounds }));
      return;
    }
    const body = el("tbody");
    for (const round of rounds) {
      const open = round.name === api.round();
      const name = round.name || HISTORY.unnamed;
      let action;
      if (open) {
        action = el("span", { "aria-current": "true", text: HISTORY.isOpen });
      } else {
        action = el("a", { href: roundHref(round.name), "data-sw-open-round": round.name, "aria-label": HISTORY.openLabel(name), text: HISTORY.open });
        action.addEventListener("click", (event) => {
          event.preventDefault();
          window.location.assign(action.href); // only the part after # changes, so load it again
          window.location.reload();
        });
      }
      body.append(el("tr", { "data-sw-round": round.name, "data-sw-round-date": round.date || "" },
        el("th", { scope: "row", text: name }),
        el("td", { text: longDate(round.date) }),
        el("td", { "data-sw-round-n": round.result ? String(round.result.n) : "", text: round.result ? String(round.result.n) : HISTORY.noResult }),
        el("td", {}, action)));
    }
    listBody.replaceChildren(el("table", { class: "sw-table sw-rounds-table" },
      el("caption", { text: HISTORY.listCaption }),
      el("thead", {}, el("tr", {}, ...HISTORY.listColumns.map((label) => el("th", { scope: "col", text: label })))), body));
  }

  function renderTrends(rounds) {
    const counted = rounds.filter((r) => r.result && r.result.n >= Math.max(r.result.min_group, api.minGroup));
    const left = rounds.filter((r) => !counted.includes(r));
    const parts = [];
    if (counted.length < 2) {
      parts.push(el("p", { "data-sw-trends-none": "", text: HISTORY.trendsNeedTwo(api.minGroup) }));
    } else {
      parts.push(el("p", { text: HISTORY.trendsIntro }));
      const openIndex = counted.findIndex((r) => r.name === api.round());
      // the open round against the one before it; otherwise the latest against the one before
      const now = openIndex > 0 ? openIndex : openIndex === 0 ? -1 : counted.length - 1;
      if (now > 0) parts.push(el("p", { "data-sw-trend-pair": "", text: HISTORY.comparing(counted[now].name || HISTORY.unnamed, counted[now - 1].name || HISTORY.unnamed) }));
      else parts.push(el("p", { text: HISTORY.openIsFirst }));
      const grid = el("div", { class: "sw-trends" });
      const ids = dimensionIds(api, counted);
      for (const id of ids) grid.append(trendFigure(id, counted, now));
      parts.push(grid, trendTable(ids, counted));
    }
    if (left.length) {
      parts.push(el("p", { class: "sw-hint", "data-sw-trends-left-out": left.map((r) => r.name).join("\n"),
        text: HISTORY.leftOut(left.map((r) => r.name || HISTORY.unnamed), api.minGroup) }));
    }
    trendsBody.replaceChildren(...parts);
  }

  /** One dimension over the rounds: a line through the means on a 0–100 axis, and the change against the previous round. */
  function trendFigure(id, rounds, now) {
    const title = titleOf(id);
    const means = rounds.map((r) => r.result.dimensions[id]?.mean ?? null);
    const width = 320;
    const height = 150;
    const left = 34;
    const right = width - 14;
    const top = 18;
    const bottom = 112;
    const inset = 14; // the first and last dot clear of the axis labels
    const x = (i) => (rounds.length === 1 ? (left + right) / 2 : left + inset + (i / (rounds.length - 1)) * (right - left - 2 * inset));
    const y = (score) => bottom - (score / 100) * (bottom - top);
    const figure = el("figure", { class: "sw-trend", "data-sw-trend": id });
    const titleId = `sw-trend-title-${id}`;
    const descId = `sw-trend-desc-${id}`;
    const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${titleId} ${descId}` });
    const titleNode = svg("title", { id: titleId });
    titleNode.textContent = HISTORY.trendTitle(title);
    const desc = svg("desc", { id: descId });
    desc.textContent = rounds.map((r, i) => `${r.name || HISTORY.unnamed} (${longDate(r.date)}): ${formatWhole(means[i])}`).join("; ");
    drawing.append(titleNode, desc);
    for (const tick of [0, 50, 100]) {
      drawing.append(svg("line", { x1: left, x2: right, y1: y(tick), y2: y(tick), class: "sw-chart-grid" }));
      const label = svg("text", { x: left - 6, y: y(tick) + 4, class: "sw-chart-tick", "text-anchor": "end" });
      label.textContent = String(tick);
      drawing.append(label);
    }
    // the line breaks where a round has no score for this dimension
    let segment = [];
    const segments = [segment];
    means.forEach((mean, i) => {
      if (mean === null) segments.push((segment = []));
      else segment.push(`${x(i).toFixed(1)},${y(mean).toFixed(1)}`);
    });
    for (const points of segments) if (points.length > 1) drawing.append(svg("polyline", { points: points.join(" "), class: "sw-trend-line" }));
    const labelAll = rounds.length <= 6;
    means.forEach((mean, i) => {
      if (mean !== null) {
        drawing.append(svg("circle", { cx: x(i), cy: y(mean), r: i === now ? 5.5 : 4, class: i === now ? "sw-trend-dot sw-trend-now" : "sw-trend-dot" }));
        if (labelAll || i === now) {
          const value = svg("text", { x: x(i), y: y(mean) - 9, class: "sw-trend-value", "text-anchor": "middle" });
          value.textContent = formatWhole(mean);
          drawing.append(value);
        }
      }
      if (labelAll || i === 0 || i === rounds.length - 1) {
        const name = rounds[i].name || HISTORY.unnamed;
        const anchor = rounds.length === 1 ? "middle" : i === 0 ? "start" : i === rounds.length - 1 ? "end" : "middle";
        const label = svg("text", { x: x(i), y: 132, class: "sw-chart-tick", "text-anchor": anchor });
        label.textContent = name.length > 12 ? `${name.slice(0, 11)}…` : name;
        drawing.append(label);
      }
    });
    figure.append(el("figcaption", { text: title }), change(means, now), drawing);
    return figure;
  }

  /** "↑ 8 hoger dan vorige ronde", with the exact difference in a data attribute. */
  function change(means, now) {
    if (now <= 0) return el("p", { class: "sw-trend-change", "data-sw-trend-direction": "none", text: HISTORY.noPrevious });
    const [before, after] = [means[now - 1], means[now]];
    if (before === null || after === null) return el("p", { class: "sw-trend-change", "data-sw-trend-direction": "none", text: HISTORY.noScore });
    const difference = after - before;
    const whole = Math.round(Math.abs(difference));
    const direction = whole === 0 ? "same" : difference > 0 ? "up" : "down";
    return el("p", { class: `sw-trend-change sw-trend-${direction}`, "data-sw-trend-direction": direction, "data-sw-trend-change": String(difference) },
      el("span", { class: "sw-trend-arrow", "aria-hidden": "true", text: HISTORY.arrows[direction] }), " ",
      HISTORY.changeWords[direction](whole));
  }

  function trendTable(ids, rounds) {
    const body = el("tbody");
    for (const round of rounds) {
      body.append(el("tr", { "data-sw-trend-round": round.name },
        el("th", { scope: "row", text: round.name || HISTORY.unnamed }),
        el("td", { text: longDate(round.date) }),
        el("td", { text: String(round.result.n) }),
        ...ids.map((id) => el("td", { text: formatWhole(round.result.dimensions[id]?.mean ?? null) }))));
    }
    return el("details", { class: "sw-trend-details" }, el("summary", { text: HISTORY.tableSummary }),
      el("table", { class: "sw-table sw-trend-table" }, el("caption", { text: HISTORY.tableCaption }),
        el("thead", {}, el("tr", {}, ...[...HISTORY.tableColumns, ...ids.map(titleOf)].map((label) => el("th", { scope: "col", text: label })))),
        body));
  }

  // -- the A4 report: heading and agreements (print only) ------------------------------------
  function renderReport() {
    const record = api.readRound(api.round());
    const team = api.lastTeam();
    const members = team && !team.withheld ? team.n : record.result && !summaryProblem(record.result) ? record.result.n : null;
    const date = isDate(record.date) ? record.date : today();
    reportHead.replaceChildren(el("p", { class: "sw-report-title", text: HISTORY.reportRound(api.round() || HISTORY.unnamed) }),
      el("dl", { class: "sw-report-facts" },
        el("dt", { text: HISTORY.reportDate }), el("dd", { "data-sw-report-date": date, text: longDate(date) }),
        el("dt", { text: HISTORY.reportMembers }), el("dd", { "data-sw-report-n": members === null ? "" : String(members), text: members === null ? "–" : String(members) })));

    const agreements = Array.isArray(record.agreements) && !agreementsProblem(record.agreements) ? record.agreements : [];
    const parts = [el("h2", { text: HISTORY.agreementsHeading })];
    if (!agreements.length) {
      parts.push(el("p", { text: HISTORY.noAgreements }));
    } else {
      const body = el("tbody");
      for (const item of agreements) {
        const slide = typeof item.slide === "string" && item.slide !== "algemeen" ? titleOf(item.slide) : HISTORY.general;
        body.append(el("tr", { "data-sw-report-agreement": item.id },
          el("td", { text: String(item.what ?? "") }), el("td", { text: String(item.who ?? "") }),
          el("td", { text: String(item.when ?? "") }), el("td", { text: slide })));
      }
      parts.push(el("table", { class: "sw-table sw-agreements-table" }, el("caption", { text: HISTORY.agreementsCaption }),
        el("thead", {}, el("tr", {}, ...HISTORY.agreementsColumns.map((label) => el("th", { scope: "col", text: label })))), body));
    }
    agreementsBody.replaceChildren(...parts);
  }
  window.addEventListener("beforeprint", () => {
    if (document.body.contains(page)) renderReport();
  });

  // -- keeping each shown result -------------------------------------------------------------
  api.onResult((team, { round }) => {
    if (team && !team.withheld && team.dimensions) {
      const record = api.readRound(round);
      const result = summarize(team, scanVersion);
      const same = record.result && JSON.stringify({ ...record.result, date: null }) === JSON.stringify({ ...result, date: null });
      if (!same || !isDate(record.date)) {
        api.updateRound({ result: same ? record.result : result, date: isDate(record.date) ? record.date : result.date }, round);
      }
    }
    render();
  });

  // -- one file with every round: export ------------------------------------------------------
  exportButton.addEventListener("click", () => {
    const codes = withCodes.checked;
    const file = {
      format: FORMAT, format_version: FORMAT_VERSION, scan: api.scanId, scan_version: scanVersion,
      exported: today(), codes_included: codes,
      rounds: keptRounds(api).map((r) => {
        const out = { name: r.name, date: r.date, result: r.result };
        if (Array.isArray(r.record.agreements) && r.record.agreements.length && !agreementsProblem(r.record.agreements)) out.agreements = r.record.agreements;
        if (codes && typeof r.record.codes === "string" && r.record.codes.trim()) out.codes = r.record.codes;
        return out;
      }).filter((r) => r.result || r.agreements || r.codes), // a round with nothing in it is left at home
    };
    if (!file.rounds.length) {
      status.textContent = HISTORY.nothingToExport;
      return;
    }
    download(`supportwijzer-${api.scanId}-rondes-${today()}.json`, JSON.stringify(file, null, 2), "application/json");
    status.textContent = HISTORY.exported(file.rounds.length, codes);
  });

  // -- and import: check it all, then merge ---------------------------------------------------
  importInput.addEventListener("change", async (event) => {
    const picked = event.target.files[0];
    event.target.value = "";
    if (!picked) return;
    status.textContent = "";
    const read = await readJsonFile(picked);
    if (read.error) {
      status.textContent = read.error === "too-big" ? HISTORY.fileTooBig : HISTORY.notJson;
      return;
    }
    const data = read.value;
    const checked = checkFile(data, api.scanId);
    if (checked.message) {
      status.textContent = checked.message;
      return;
    }
    const counts = merge(checked.rounds);
    render();
    status.textContent = HISTORY.imported(counts);
  });

  /** Write the checked rounds: a round already here (same name and date) is completed, never doubled. */
  function merge(rounds) {
    const counts = { added: 0, completed: 0, same: 0, renamed: 0 };
    for (const incoming of rounds) {
      let name = incoming.name;
      for (let attempt = 1; ; attempt++) {
        const here = api.readRound(name);
        const hereDate = isDate(here.date) ? here.date : here.result && !summaryProblem(here.result) ? here.result.date : null;
        if (!Object.keys(here).length || hereDate === incoming.date) break;
        // another round has this name: keep both, the incoming one under its date
        const suffix = attempt === 1 ? ` (${incoming.date || HISTORY.noDate})` : ` (${incoming.date || HISTORY.noDate}) ${attempt}`;
        name = incoming.name.slice(0, MAX_NAME - suffix.length) + suffix;
      }
      if (name !== incoming.name) counts.renamed += 1;
      const here = api.readRound(name);
      const patch = {};
      if (!Object.keys(here).length) {
        counts.added += 1;
        patch.codes = ""; // the team page expects a record to have its codes, also when there are none
      }
      if (incoming.date && !isDate(here.date)) patch.date = incoming.date;
      if (incoming.result && (!here.result || summaryProblem(here.result))) patch.result = incoming.result;
      if (incoming.agreements?.length) {
        const kept = Array.isArray(here.agreements) && !agreementsProblem(here.agreements) ? here.agreements : [];
        const ids = new Set(kept.map((a) => a.id));
        const extra = incoming.agreements.filter((a) => !ids.has(a.id));
        if (extra.length) patch.agreements = [...kept, ...extra];
      }
      const lines = incoming.codes ? incoming.codes.split(/\s+/).filter(Boolean) : [];
      const open = name === api.round();
      if (lines.length && !open) {
        const present = new Set((typeof here.codes === "string" ? here.codes : "").split(/\s+/).filter(Boolean));
        const extra = lines.filter((c) => !present.has(c) && present.add(c));
        if (extra.length) patch.codes = [(typeof here.codes === "string" ? here.codes : "").trim(), ...extra].filter(Boolean).join("\n");
      }
      const changed = Object.keys(patch).length > 0;
      if (changed) api.updateRound(patch, name);
      // the open round gets its codes through the page, so its list shows them and is checked again
      const codesAdded = lines.length && open ? api.addCodes(lines) : 0;
      if (Object.keys(here).length) counts[changed || codesAdded ? "completed" : "same"] += 1;
    }
    return counts;
  }

  render();
}

/**
 * A parsed history file, checked completely: { rounds } ready to merge, or { message } saying in
 * Dutch what is wrong (the first few problems, each with the round's number and name).
 */
function checkFile(data, scanId) {
  if (!isPlainObject(data) || data.format !== FORMAT) {
    // a team export of one round ("Download als JSON") is a different file: say which one to use
    return { message: isPlainObject(data) && isPlainObject(data.team) ? HISTORY.isRoundExport : HISTORY.notHistory };
  }
  if (nestedDeeperThan(data, FILE_MAX_DEPTH)) return { message: HISTORY.notHistory };
  if (data.format_version !== FORMAT_VERSION) {
    return { message: Number.isInteger(data.format_version) && data.format_version > FORMAT_VERSION ? HISTORY.newerFormat : HISTORY.notHistory };
  }
  if (data.scan !== scanId) return { message: HISTORY.otherScan(typeof data.scan === "string" ? data.scan.slice(0, 60) : "?") };
  const extra = unknownKeys(data, ["format", "format_version", "scan", "scan_version", "exported", "codes_included", "rounds"]);
  if (extra.length) return { message: HISTORY.rejected([HISTORY.problemUnknown(extra[0])]) };
  if (!Array.isArray(data.rounds)) return { message: HISTORY.notHistory };
  if (data.rounds.length > MAX_ROUNDS) return { message: HISTORY.tooManyRounds(MAX_ROUNDS) };

  const problems = [];
  const rounds = [];
  const seen = new Set();
  data.rounds.forEach((round, i) => {
    const where = (what) => problems.push(HISTORY.roundProblem(i + 1, isPlainObject(round) && typeof round.name === "string" ? round.name.slice(0, MAX_NAME) : "", what));
    if (!isPlainObject(round)) return where(HISTORY.problemRound);
    const unknown = unknownKeys(round, ["name", "date", "result", "agreements", "codes"]);
    if (unknown.length) return where(HISTORY.problemUnknown(unknown[0]));
    if (typeof round.name !== "string" || round.name.trim() !== round.name || round.name.length > MAX_NAME) return where(HISTORY.problemName(MAX_NAME));
    if (round.date !== null && round.date !== undefined && !isDate(round.date)) return where(HISTORY.problemDate);
    if (round.result !== null && round.result !== undefined) {
      const problem = summaryProblem(round.result);
      if (problem) return where(problem);
      if (!isDate(round.date)) return where(HISTORY.problemDate);
    }
    if (round.agreements !== undefined && agreementsProblem(round.agreements)) return where(HISTORY.problemAgreements);
    if (round.codes !== undefined && (typeof round.codes !== "string" || round.codes.length > MAX_CODES_CHARS)) return where(HISTORY.problemCodes);
    const date = isDate(round.date) ? round.date : null;
    const key = `${round.name}\n${date}`;
    if (seen.has(key)) return undefined; // the same round twice in one file: once is enough
    if (!round.result && !round.agreements?.length && !round.codes?.trim()) return undefined; // nothing to keep
    seen.add(key);
    rounds.push({ name: round.name, date, result: round.result ?? null, agreements: round.agreements ?? [], codes: round.codes ?? "" });
    return undefined;
  });
  if (problems.length) return { message: HISTORY.rejected(problems) };
  if (!rounds.length) return { message: HISTORY.emptyFile };
  return { rounds };
}
