/**
 * The organisation page of a scan (issue 17): many team result files in one picture.
 *
 * A coordinator drops a folder or several files, picks them, or pastes their text. Each file is
 * read here as text (at most MAX_FILE_BYTES) and all of them go to the engine in one
 * "organisation" request (engine/organisation.py, contract in the lead's notes): it checks every
 * file and returns the overview. This module only draws what the engine returns: the heatmap (a
 * real table, sortable per dimension, grouped by department, no rank order), the spread of
 * profiles, what plays broadly, the kite (supportlijnen), the two perspectives (concernsupport),
 * the trends, the CSV, the A4 report (print.css + supportwijzer.css) and the action sheet.
 *
 * The accepted files are kept in this browser (KEYS.organisation), so a reload loses nothing;
 * "Wis alles" removes them. Nothing leaves the browser; every text goes in as text (dom.js).
 */
import { ask, engineState, onEngineState, restartEngine, startEngine } from "./engine-client.js";
import { cloneTemplate, download, el, formatWhole, MAX_FILE_BYTES, svg } from "./dom.js";
import { KEYS, storage } from "./storage.js";
import { ORG, TEXT } from "./strings.js";

/** As the engine's limit: more files than this in one overview are refused before sending. */
export const MAX_FILES = 500;
const PASTED = "geplakte tekst";
const STEPS = 4; // band colours: steps 0..4 from the lowest band to the highest
const MANY_FILES = 12; // above this, the list of accepted files is folded away

export function initOrganisationPage(root) {
  const page = root.querySelector("[data-sw-org-page]");
  if (!page || page.dataset.swReady) return;
  page.dataset.swReady = "1";

  const scanId = page.dataset.swOrgPage;
  const definition = page.dataset.swDefinition;
  const scanTitle = page.dataset.swTitle;
  const status = page.querySelector("[data-sw-org-status]");
  const filesBox = page.querySelector("[data-sw-org-files]");
  const keepBox = page.querySelector("[data-sw-org-keep]");
  const keptText = page.querySelector("[data-sw-org-kept]");
  const result = page.querySelector("[data-sw-org-result]");
  const body = page.querySelector("[data-sw-org-body]");
  const reportHead = page.querySelector("[data-sw-org-report-head]");
  const plan = page.querySelector("[data-sw-org-plan]");
  const planBody = page.querySelector("[data-sw-org-plan-body]");
  const pasteField = page.querySelector("[data-sw-org-paste]");
  const key = KEYS.organisation(scanId);
  let kept = []; // [{name, text}] of the files the engine accepted, in the order they came
  let run = 0;

  if (engineState().status === "idle") startEngine(page.dataset.swWheel);
  onEngineState((state) => {
    if (!document.body.contains(page) || state.status !== "failed") return;
    const retry = el("button", { type: "button", class: "md-button sw-retry", text: TEXT.retry });
    retry.addEventListener("click", () => {
      restartEngine();
      if (kept.length) load([]);
    });
    status.replaceChildren(ORG.engineFailed, " ", retry);
  });

  // -- what this browser keeps ----------------------------------------------------------------
  function readKept() {
    const saved = storage.read(key);
    const files = saved.value && Array.isArray(saved.value.files) ? saved.value.files : null;
    if (saved.corrupt || (saved.value !== null && !files)) {
      status.textContent = ORG.storageCorrupt;
      return [];
    }
    return (files || []).filter((f) => f && typeof f.name === "string" && typeof f.text === "string");
  }

  function writeKept() {
    if (!kept.length) {
      storage.remove(key);
    } else if (!storage.write(key, { files: kept })) {
      return false;
    }
    return true;
  }

  function showKept() {
    keepBox.hidden = kept.length === 0;
    keptText.textContent = kept.length ? ORG.keptCount(kept.length) : "";
  }

  page.querySelector("[data-sw-org-clear]").addEventListener("click", () => {
    if (!window.confirm(ORG.clearConfirm)) return;
    kept = [];
    storage.remove(key);
    filesBox.replaceChildren();
    body.replaceChildren();
    planBody.replaceChildren();
    reportHead.replaceChildren();
    result.hidden = plan.hidden = true;
    showKept();
    status.textContent = ORG.cleared;
  });

  // -- reading files ---------------------------------------------------------------------------
  /** A chosen or dropped file as an entry: `{name, text}`, or `{name, message}` when it is not sent. */
  async function readFile(file, name = file.webkitRelativePath || file.name) {
    if (file.size > MAX_FILE_BYTES) return { name, message: ORG.fileTooBig };
    try {
      return { name, text: await file.text() };
    } catch {
      return { name, message: ORG.fileUnreadable };
    }
  }

  /** Files from a folder: the .json files only (a folder may hold anything); the rest is counted. */
  function fromFolder(files) {
    const json = files.filter(({ path }) => /\.json$/i.test(path) && !path.split("/").some((part) => part.startsWith(".")));
    return { files: json, skipped: files.length - json.length };
  }

  async function importFiles(list, skipped = 0) {
    if (!list.length && !skipped) return;
    if (!list.length) {
      status.textContent = ORG.noJsonInFolder(skipped);
      return;
    }
    status.textContent = ORG.reading(list.length);
    const entries = await Promise.all(list.map(({ file, path }) => readFile(file, path)));
    await load(entries, skipped);
  }

  const filesInput = page.querySelector("[data-sw-org-files-input]");
  filesInput.addEventListener("change", async () => {
    const list = [...filesInput.files].map((file) => ({ file, path: file.name }));
    filesInput.value = "";
    await importFiles(list);
  });

  // a folder picker where the browser has one (webkitdirectory is not in the HTML standard, so the
  // attribute is set here, not in the template)
  const folderInput = page.querySelector("[data-sw-org-folder-input]");
  if ("webkitdirectory" in folderInput) {
    folderInput.webkitdirectory = true;
    page.querySelector("[data-sw-org-folder-button]").hidden = false;
    folderInput.addEventListener("change", async () => {
      const all = [...folderInput.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
      folderInput.value = "";
      const { files, skipped } = fromFolder(all);
      await importFiles(files, skipped);
    });
  }

  const drop = page.querySelector("[data-sw-org-drop]");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("sw-org-drop--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("sw-org-drop--over"));
  drop.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("sw-org-drop--over");
    const items = [...(event.dataTransfer?.items || [])];
    const entries = items.map((item) => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
    if (entries.length && entries.every(Boolean)) {
      const found = (await Promise.all(entries.map(walk))).flat();
      const loose = found.filter(({ path }) => !path.includes("/"));
      const { files, skipped } = fromFolder(found.filter(({ path }) => path.includes("/")));
      await importFiles([...loose, ...files], skipped);
    } else {
      await importFiles([...(event.dataTransfer?.files || [])].map((file) => ({ file, path: file.name })));
    }
  });

  page.querySelector("[data-sw-org-paste-add]").addEventListener("click", async () => {
    const text = pasteField.value.trim();
    if (!text) {
      status.textContent = ORG.pasteEmpty;
      return;
    }
    if (text.length > MAX_FILE_BYTES) {
      status.textContent = ORG.pasteTooBig;
      return;
    }
    const accepted = await load([{ name: PASTED, text }]);
    if (accepted) pasteField.value = "";
  });

  // -- the engine reads them all -----------------------------------------------------------------
  /**
   * Send the kept files and the new `entries` in one request; show per new file ok or its
   * message; keep what the engine accepted. Resolves with whether any new file was accepted.
   */
  async function load(entries, skipped = 0) {
    const unsent = entries.filter((entry) => entry.message).map((entry) => ({ name: entry.name, ok: false, message: entry.message }));
    // every entry under a name of its own: the engine's verdicts (one per team file; a pasted
    // list gives several) find their entry by name
    const names = new Set(kept.map((entry) => entry.name));
    const fresh = entries.filter((entry) => !entry.message).map((entry) => ({ name: unique(entry.name, names), text: entry.text }));
    const files = [...kept, ...fresh];
    const mine = ++run;
    if (files.length > MAX_FILES) {
      status.textContent = ORG.tooMany(MAX_FILES, kept.length);
      showFiles(unsent);
      return false;
    }
    if (!files.length) {
      status.textContent = ORG.noneRead;
      showFiles(unsent);
      return false;
    }
    status.textContent = engineState().status === "ready" ? ORG.checking(fresh.length || files.length) : ORG.waitingForEngine;
    const started = performance.now();
    let reply;
    try {
      reply = await ask("organisation", definition, { files });
    } catch (error) {
      if (mine === run) status.textContent = ORG.failed(error.message);
      return false;
    }
    if (mine !== run) return false;
    const verdicts = new Map(files.map((entry) => [entry.name, []]));
    for (const verdict of reply.files || []) verdicts.get(verdict.name)?.push(verdict);
    const before = kept.length;
    const lost = kept.filter((entry) => !verdicts.get(entry.name).some((v) => v.ok)).length; // kept, no longer taken
    kept = files.filter((entry) => verdicts.get(entry.name).some((v) => v.ok));
    const shown = [];
    for (const entry of fresh) {
      const own = verdicts.get(entry.name);
      shown.push(...(own.length ? own : [{ name: entry.name, ok: false, reason: "empty", message: ORG.emptyText }]));
    }
    shown.push(...unsent);
    const accepted = shown.filter((answer) => answer.ok).length;
    if (entries.length) showFiles(shown);
    render(reply);
    page.dataset.swOrgDrawnMs = String(Math.round(performance.now() - started));
    const parts = [];
    if (entries.length) parts.push(ORG.counted(accepted, shown.length - accepted));
    else parts.push(ORG.restored((reply.files || []).filter((verdict) => verdict.ok).length));
    if (skipped) parts.push(ORG.skippedInFolder(skipped));
    if (lost) parts.push(ORG.keptRefused(lost));
    parts.push(ORG.teamsShown(reply.organisation?.teams || 0));
    status.textContent = parts.join(" ");
    showKept();
    // kept once the picture is on screen: writing a few hundred kB to storage need not delay it
    // (it writes what is kept then, so a "Wis alles" in between wins)
    requestAnimationFrame(() => setTimeout(() => {
      if (!writeKept() && mine === run) status.textContent += ` ${ORG.notKept}`;
    }, 0));
    return accepted > 0 || (!entries.length && before > 0);
  }

  function showFiles(answers) {
    if (!answers.length) {
      filesBox.replaceChildren();
      return;
    }
    // many files: the refused ones in view, the accepted ones folded away
    const many = answers.length > MANY_FILES;
    const refused = answers.filter((answer) => !answer.ok);
    const accepted = answers.filter((answer) => answer.ok);
    const parts = [el("h3", { text: ORG.filesHeading })];
    if (!many) parts.push(fileList(answers));
    else {
      if (refused.length) parts.push(fileList(refused));
      if (accepted.length) {
        parts.push(el("details", { class: "sw-org-files-ok" }, el("summary", { text: ORG.acceptedList(accepted.length) }), fileList(accepted)));
      }
    }
    filesBox.replaceChildren(...parts);
  }

  function fileList(answers) {
    const list = el("ul", { class: "sw-org-file-list" });
    for (const answer of answers) {
      const what = answer.ok
        ? ORG.fileOk(answer.label, answer.department, answer.date)
        : answer.message || ORG.reasonFallback;
      list.append(el("li", { "data-sw-org-file": answer.name, "data-sw-org-file-ok": answer.ok ? "true" : "false",
        "data-sw-org-reason": answer.ok ? null : answer.reason || "local" },
      el("strong", { text: answer.ok ? ORG.okMark : ORG.refusedMark }), " ",
      el("span", { class: "sw-org-file-name", text: answer.name }), ": ", what));
    }
    return list;
  }

  // -- the picture -------------------------------------------------------------------------------
  function render(reply) {
    const teams = reply.teams || [];
    if (!teams.length) {
      result.hidden = plan.hidden = true;
      body.replaceChildren();
      planBody.replaceChildren();
      reportHead.replaceChildren();
      return;
    }
    const dims = reply.dimensions || [];
    const org = reply.organisation || { teams: teams.length, members: 0, means: {} };
    const departments = (reply.departments || []).filter((d) => d.name !== null).length;
    const today = new Date().toISOString().slice(0, 10);
    reportHead.replaceChildren(el("p", { "data-sw-org-report-meta": "", text: ORG.reportMeta(today, org.teams, org.members) }));
    body.replaceChildren(...[
      el("p", { "data-sw-org-summary": String(org.teams), text: ORG.summary(org.teams, departments, org.members) }),
      el("p", { class: "sw-org-no-rank", text: ORG.noRanking }),
      heatmap(reply, dims),
      profiles(reply.profiles || [], teams.length),
      broad(reply.broad || {}, dims, teams.length),
      reply.kite ? kite(reply.kite, dims) : null,
      reply.perspectives ? perspectives(reply.perspectives, dims) : null,
      trends(reply.trends || [], dims),
      reports(reply)].filter(Boolean));
    planBody.replaceChildren(...planSheet(reply, today));
    result.hidden = plan.hidden = false;
  }

  // The heatmap: a row per team, grouped by department (a header row per group, the group's
  // means below it), the organisation in the footer. Sorting by a dimension orders the teams
  // inside each department; the team column's button goes back to the page's own order.
  function heatmap(reply, dims) {
    const section = el("section", { class: "sw-org-heatmap-part", "aria-labelledby": "sw-org-heatmap-title" });
    const sortStatus = el("p", { class: "sw-status sw-org-sort-status", role: "status", "data-sw-org-sort-status": "" });
    const byDepartment = new Map();
    for (const team of reply.teams) {
      const name = team.department ?? null;
      if (!byDepartment.has(name)) byDepartment.set(name, []);
      byDepartment.get(name).push(team);
    }
    const departmentMeans = new Map((reply.departments || []).map((d) => [d.name ?? null, d]));
    const columns = 2 + dims.length;
    const sortState = { id: null, direction: null };
    const perspectiveLabels = new Map((reply.perspectives || []).map((p) => [p.id, p.label]));
    const headers = new Map();

    const head = el("tr", {});
    const teamButton = el("button", { type: "button", class: "sw-org-sort", "data-sw-org-sort": "" },
      ORG.columnTeam, el("span", { class: "sw-org-sort-mark", "aria-hidden": "true", text: "" }));
    const teamHeader = el("th", { scope: "col", class: "sw-org-team-col", "aria-sort": "ascending" }, teamButton);
    head.append(teamHeader);
    teamButton.addEventListener("click", () => sortBy(null));
    for (const d of dims) {
      const button = el("button", { type: "button", class: "sw-org-sort", "data-sw-org-sort": d.id },
        d.title, el("span", { class: "sw-org-sort-mark", "aria-hidden": "true", text: "↕" }),
        el("span", { class: "sw-visually-hidden", text: ORG.sortHint }));
      button.addEventListener("click", () => sortBy(d.id));
      const th = el("th", { scope: "col", "data-sw-org-dimension": d.id, "data-sw-axis": d.axis ? "true" : null }, button);
      headers.set(d.id, th);
      head.append(th);
    }
    head.append(el("th", { scope: "col", text: ORG.columnProfile }));

    const groups = [];
    for (const [name, teams] of byDepartment) {
      const group = el("tbody", { "data-sw-org-department": name ?? "" });
      const info = departmentMeans.get(name);
      group.append(el("tr", { class: "sw-org-group" },
        el("th", { scope: "rowgroup", colspan: String(columns) },
          el("span", { class: "sw-org-group-name", text: ORG.departmentHeading(name, teams.length) }))));
      groups.push({ group, teams, info, name });
    }

    function teamRow(team) {
      const row = el("tr", { "data-sw-org-team": team.key });
      const facts = [ORG.members(team.n), [team.round, team.date].filter(Boolean).join(", ")].filter(Boolean).join(" · ");
      row.append(el("th", { scope: "row", class: "sw-org-team" }, el("span", { text: team.label }),
        el("span", { class: "sw-org-team-date", "data-sw-org-n": String(team.n), text: facts }),
        team.rounds > 1 ? el("span", { class: "sw-org-team-date", text: ORG.rounds(team.rounds) }) : null,
        team.perspective ? el("span", { class: "sw-org-team-date", "data-sw-org-team-perspective": team.perspective,
          text: ORG.filledFrom(perspectiveLabels.get(team.perspective) || team.perspective) }) : null));
      for (const d of dims) row.append(cell(team.cells?.[d.id], d));
      row.append(el("td", { class: "sw-org-profile", "data-sw-org-profile": team.profile?.id || "",
        text: team.profile ? (team.profile.borderline ? ORG.borderline(team.profile.title) : team.profile.title) : "–" }));
      return row;
    }

    function meanRow(label, means, attrs) {
      const row = el("tr", { class: "sw-org-mean-row", ...attrs },
        el("th", { scope: "row", class: "sw-org-team", text: label }));
      for (const d of dims) {
        const mean = means?.[d.id];
        row.append(el("td", { "data-sw-org-mean": mean === null || mean === undefined ? "" : String(mean), text: formatWhole(mean) }));
      }
      row.append(el("td", { text: "" }));
      return row;
    }

    const rows = new Map(reply.teams.map((team) => [team.key, teamRow(team)]));
    function fill() {
      for (const { group, teams, info, name } of groups) {
        const ordered = sortState.id === null ? teams : [...teams].sort((a, b) => compare(a, b));
        group.replaceChildren(group.firstChild, ...ordered.map((team) => rows.get(team.key)));
        if (info && groups.length > 1) group.append(meanRow(ORG.departmentMean(name), info.means, { "data-sw-org-department-mean": name ?? "" }));
      }
    }
    function compare(a, b) {
      const x = a.cells?.[sortState.id]?.mean;
      const y = b.cells?.[sortState.id]?.mean;
      if (x === undefined || x === null) return y === undefined || y === null ? 0 : 1; // no figure: last
      if (y === undefined || y === null) return -1;
      return sortState.direction === "ascending" ? x - y : y - x;
    }
    function sortBy(id) {
      if (id === null) {
        sortState.id = sortState.direction = null;
      } else if (sortState.id === id) {
        sortState.direction = sortState.direction === "ascending" ? "descending" : "ascending";
      } else {
        sortState.id = id;
        sortState.direction = "ascending";
      }
      teamHeader.setAttribute("aria-sort", sortState.id === null ? "ascending" : "none");
      for (const [dimId, th] of headers) {
        th.setAttribute("aria-sort", dimId === sortState.id ? sortState.direction : "none");
        th.querySelector(".sw-org-sort-mark").textContent = dimId === sortState.id ? (sortState.direction === "ascending" ? "↑" : "↓") : "↕";
      }
      fill();
      const title = dims.find((d) => d.id === id)?.title;
      sortStatus.textContent = id === null ? ORG.sortedDefault : ORG.sorted(title, sortState.direction);
    }
    for (const th of headers.values()) th.setAttribute("aria-sort", "none");
    fill();

    const foot = el("tfoot", {}, meanRow(ORG.organisationMean(reply.organisation?.teams || reply.teams.length),
      reply.organisation?.means, { "data-sw-org-organisation-mean": "" }));
    const table = el("table", { class: "sw-table sw-org-heatmap", "data-sw-org-heatmap": "" },
      el("caption", { id: "sw-org-heatmap-caption", class: "sw-visually-hidden", text: ORG.heatmapCaption }),
      el("thead", {}, head), ...groups.map(({ group }) => group), foot);
    section.append(
      el("h3", { id: "sw-org-heatmap-title", text: ORG.heatmapHeading }),
      el("p", { text: ORG.heatmapIntro }),
      legend(dims),
      el("div", { class: "sw-org-scroll", role: "region", tabindex: "0", "aria-labelledby": "sw-org-heatmap-caption" }, table),
      sortStatus);
    return section;
  }

  function cell(value, d) {
    if (!value || value.mean === null || value.mean === undefined) {
      return el("td", { class: "sw-org-cell", "data-sw-org-cell": d.id, "data-sw-mean": "", text: "–" });
    }
    const bands = d.bands.length;
    const step = bands <= 1 ? STEPS : Math.round((value.band * STEPS) / (bands - 1));
    return el("td", {
      class: "sw-org-cell", "data-sw-org-cell": d.id, "data-sw-mean": String(value.mean), "data-sw-band": String(value.band),
      "data-sw-step": String(step), "data-sw-axis": d.axis ? "true" : null, title: value.band_label,
    }, el("span", { class: "sw-org-cell-number", text: String(value.whole) }),
    el("span", { class: "sw-org-cell-band", text: value.band_label }));
  }

  function legend(dims) {
    const kinds = [];
    if (dims.some((d) => !d.axis)) kinds.push(["false", ORG.legendScale]);
    if (dims.some((d) => d.axis)) kinds.push(["true", ORG.legendAxis]);
    const list = el("ul", { class: "sw-org-legend" });
    for (const [axis, words] of kinds) {
      const swatches = el("span", { class: "sw-org-swatches", "aria-hidden": "true" });
      for (let step = 0; step <= STEPS; step += 2) {
        swatches.append(el("span", { class: "sw-org-swatch", "data-sw-step": String(step), "data-sw-axis": axis === "true" ? "true" : null }));
      }
      list.append(el("li", {}, swatches, " ", words));
    }
    return list;
  }

  function profiles(list, teamCount) {
    const shown = list.filter((p) => p.id !== null || p.count > 0);
    if (!shown.length) return null;
    const most = Math.max(1, ...shown.map((p) => p.count));
    const rows = shown.map((p) => {
      const bar = svg("svg", { viewBox: "0 0 100 10", class: "sw-org-bar", "aria-hidden": "true", preserveAspectRatio: "none" });
      bar.append(svg("rect", { x: 0, y: 0, width: (100 * p.count) / most, height: 10, class: "sw-org-bar-fill" }));
      return el("tr", { "data-sw-org-profile-count": p.id ?? "" },
        el("th", { scope: "row", text: p.title }),
        el("td", { "data-sw-count": String(p.count), text: ORG.teamsCount(p.count) }),
        el("td", { class: "sw-org-bar-cell" }, bar));
    });
    return el("section", { class: "sw-org-profiles", "aria-labelledby": "sw-org-profiles-title" },
      el("h3", { id: "sw-org-profiles-title", text: ORG.profilesHeading }),
      el("p", { text: ORG.profilesIntro(teamCount) }),
      el("table", { class: "sw-table sw-org-profile-table" }, el("caption", { class: "sw-visually-hidden", text: ORG.profilesHeading }),
        el("thead", {}, el("tr", {}, ...ORG.profileColumns.map((label) => el("th", { scope: "col", text: label })))),
        el("tbody", {}, ...rows)));
  }

  /** A copy of the build's guide text, with each link's full address kept for paper (print.css). */
  function guide(id) {
    const copy = cloneTemplate(id);
    if (!copy) return null;
    const box = el("div", { class: "sw-org-guide" }, copy);
    for (const link of box.querySelectorAll("a[href]")) link.dataset.swUrl = link.href;
    return box;
  }

  function broad(data, dims, teamCount) {
    const title = (id) => dims.find((d) => d.id === id)?.title || id;
    const section = el("section", { class: "sw-org-broad", "aria-labelledby": "sw-org-broad-title" },
      el("h3", { id: "sw-org-broad-title", text: ORG.broadHeading }),
      el("p", { class: "sw-org-not-fault", text: ORG.broadIntro }));
    const low = data.low || [];
    const apart = data.apart || [];
    const within = data.within || [];
    if (!low.length && !apart.length && !within.length) {
      section.append(el("p", { "data-sw-org-broad-none": "", text: ORG.broadNone(teamCount) }));
      return section;
    }
    if (low.length) {
      const list = el("ul", { class: "sw-org-broad-list" });
      for (const item of low) {
        list.append(el("li", { "data-sw-org-low": item.dimension },
          el("p", {}, el("strong", { text: item.title || title(item.dimension) }), " ",
            ORG.lowText(item.teams_low, item.teams, item.band_label)),
          guide(`sw-org-band-${item.dimension}-0`)));
      }
      section.append(el("h4", { text: ORG.lowHeading }), list);
    }
    if (apart.length) {
      const list = el("ul", { class: "sw-org-broad-list" });
      for (const item of apart) {
        list.append(el("li", { "data-sw-org-apart": item.question },
          el("p", {}, el("strong", { text: item.text }), " ", ORG.apartText(item.low, item.high, item.teams, title(item.dimension))),
          guide(`sw-org-links-${item.dimension}`)));
      }
      section.append(el("h4", { text: ORG.apartHeading }), el("p", { text: ORG.apartIntro }), list);
    }
    if (within.length) {
      const list = el("ul", { class: "sw-org-broad-list" });
      for (const item of within) {
        list.append(el("li", { "data-sw-org-within": item.question },
          el("p", {}, el("strong", { text: item.text }), " ", ORG.withinText(item.teams_split, item.teams, title(item.dimension))),
          guide(`sw-org-links-${item.dimension}`)));
      }
      section.append(el("h4", { text: ORG.withinHeading }), el("p", { text: ORG.withinIntro }), list);
    }
    return section;
  }

  // -- the kite (supportlijnen): a polygon over one axis per dimension, 0 to 100 -----------------
  function kiteFigure(means, dims, caption, reference, attrs) {
    const size = 320;
    const centre = size / 2;
    const radius = 100;
    const count = dims.length;
    const point = (i, value, clamp = true) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
      const r = (radius * (clamp ? Math.max(0, Math.min(100, value ?? 0)) : value)) / 100;
      return [centre + r * Math.cos(angle), centre + r * Math.sin(angle)];
    };
    // room for the labels around the kite: each is a title over two lines at most, and the figure
    const drawing = svg("svg", { viewBox: "-100 0 520 300", role: "img", class: "sw-org-kite-svg" });
    const name = svg("title", {});
    name.textContent = `${caption}: ${dims.map((d) => `${d.title} ${formatWhole(means?.[d.id])}`).join(", ")}`;
    drawing.append(name);
    for (const ring of [25, 50, 75, 100]) {
      drawing.append(svg("polygon", { class: "sw-org-kite-grid", points: dims.map((_, i) => point(i, ring).join(",")).join(" ") }));
    }
    const lineHeight = 20;
    dims.forEach((d, i) => {
      const [x, y] = point(i, 100);
      drawing.append(svg("line", { class: "sw-org-kite-grid", x1: centre, y1: centre, x2: x, y2: y }));
      const [lx, ly] = point(i, 114, false);
      const words = d.title.split(" ");
      const lines = words.length > 1 ? [words[0], `${words.slice(1).join(" ")} ${formatWhole(means?.[d.id])}`]
        : [d.title, formatWhole(means?.[d.id])];
      const side = (ly - centre) / radius; // -1.14 at the top, up to +0.92 at the bottom
      const first = side < -0.5 ? ly - lineHeight * (lines.length - 1) : side > 0.5 ? ly + lineHeight * 0.8
        : ly + 6 - (lineHeight * (lines.length - 1)) / 2;
      const label = svg("text", { class: "sw-org-kite-label", "aria-hidden": "true",
        "text-anchor": Math.abs(lx - centre) < 10 ? "middle" : lx < centre ? "end" : "start" });
      lines.forEach((line, n) => {
        const span = svg("tspan", { x: lx, y: first + n * lineHeight });
        span.textContent = line;
        label.append(span);
      });
      drawing.append(label);
    });
    if (reference) {
      drawing.append(svg("polygon", { class: "sw-org-kite-reference", points: dims.map((d, i) => point(i, reference[d.id]).join(",")).join(" ") }));
    }
    drawing.append(svg("polygon", { class: "sw-org-kite-shape", points: dims.map((d, i) => point(i, means?.[d.id]).join(",")).join(" ") }));
    return el("figure", { class: "sw-org-kite", ...attrs }, el("figcaption", { text: caption }), drawing);
  }

  function kite(data, dims) {
    const section = el("section", { class: "sw-org-kite-part", "aria-labelledby": "sw-org-kite-title" },
      el("h3", { id: "sw-org-kite-title", text: ORG.kiteHeading }),
      el("p", { text: ORG.kiteIntro }));
    if (data.verdict) section.append(el("p", { "data-sw-org-verdict": "" }, ORG.kiteVerdict, " ", el("strong", { text: data.verdict })));
    const departments = (data.departments || []).filter((d) => d.name !== null && d.name !== undefined);
    const grid = el("div", { class: "sw-org-kites" },
      kiteFigure(data.organisation, dims, ORG.wholeOrganisation, null, { "data-sw-org-kite": "" }));
    for (const d of departments) {
      grid.append(kiteFigure(d.means, dims, d.name, data.organisation, { "data-sw-org-kite": d.name }));
    }
    section.append(grid);
    if (departments.length) section.append(el("p", { class: "sw-hint", text: ORG.kiteReference }));
    const columns = [{ name: ORG.wholeOrganisation, means: data.organisation }, ...departments];
    section.append(el("div", { class: "sw-org-scroll", role: "region", tabindex: "0", "aria-labelledby": "sw-org-kite-caption" },
      el("table", { class: "sw-table sw-org-kite-table", "data-sw-org-kite-table": "" },
      el("caption", { id: "sw-org-kite-caption", text: ORG.kiteCaption }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: ORG.columnDimension }),
        ...columns.map((c) => el("th", { scope: "col", text: c.name })))),
      el("tbody", {}, ...dims.map((d) => el("tr", { "data-sw-org-kite-row": d.id },
        el("th", { scope: "row", text: d.title }),
        ...columns.map((c) => el("td", { "data-sw-org-mean": c.means?.[d.id] ?? "", text: formatWhole(c.means?.[d.id]) }))))))));
    return section;
  }

  // -- the perspectives (concernsupport): business operations and the teams, side by side --------
  function perspectives(list, dims) {
    const section = el("section", { class: "sw-org-perspectives", "aria-labelledby": "sw-org-perspectives-title" },
      el("h3", { id: "sw-org-perspectives-title", text: ORG.perspectivesHeading }),
      el("p", { text: ORG.perspectivesIntro }));
    const shown = list.filter((p) => p.teams > 0);
    if (!shown.length) {
      section.append(el("p", { text: ORG.perspectivesNone }));
      return section;
    }
    const rows = dims.map((d) => {
      const row = el("tr", { "data-sw-org-perspective-row": d.id }, el("th", { scope: "row", text: d.title }));
      for (const p of shown) {
        const mean = p.means?.[d.id];
        const bar = svg("svg", { viewBox: "0 0 100 8", class: "sw-org-bar", "aria-hidden": "true", preserveAspectRatio: "none" });
        bar.append(svg("rect", { x: 0, y: 0, width: 100, height: 8, class: "sw-org-bar-track" }),
          svg("rect", { x: 0, y: 0, width: Math.max(0, Math.min(100, mean ?? 0)), height: 8, class: "sw-org-bar-fill" }));
        row.append(el("td", { "data-sw-org-mean": mean ?? "" }, el("span", { class: "sw-org-cell-number", text: formatWhole(mean) }), bar));
      }
      return row;
    });
    section.append(el("div", { class: "sw-org-scroll", role: "region", tabindex: "0", "aria-labelledby": "sw-org-perspectives-caption" },
      el("table", { class: "sw-table sw-org-perspective-table" },
        el("caption", { id: "sw-org-perspectives-caption", text: ORG.perspectivesCaption }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: ORG.columnDimension }),
          ...shown.map((p) => el("th", { scope: "col", "data-sw-org-perspective": p.id, text: ORG.perspectiveColumn(p.label, p.teams) })))),
        el("tbody", {}, ...rows))));
    return section;
  }

  // -- trends: teams with two or more rounds ------------------------------------------------------
  function trends(list, dims) {
    if (!list.length) return null;
    const section = el("section", { class: "sw-org-trends", "aria-labelledby": "sw-org-trends-title" },
      el("h3", { id: "sw-org-trends-title", text: ORG.trendsHeading }),
      el("p", { text: ORG.trendsIntro }));
    const grid = el("div", { class: "sw-org-trend-list" });
    list.forEach((team, index) => {
      const caption = team.department ? `${team.label} (${team.department})` : team.label;
      grid.append(el("div", { class: "sw-org-scroll sw-org-trend", role: "region", tabindex: "0", "aria-labelledby": `sw-org-trend-${index}` },
        el("table", { class: "sw-table sw-org-trend-table", "data-sw-org-trend": team.key },
          el("caption", { id: `sw-org-trend-${index}`, text: caption }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: ORG.columnDate }), el("th", { scope: "col", text: ORG.columnN }),
            ...dims.map((d) => el("th", { scope: "col", text: d.title })))),
          el("tbody", {}, ...team.rounds.map((r) => el("tr", { "data-sw-org-trend-date": r.date },
            el("th", { scope: "row", text: [r.date, r.round].filter(Boolean).join(", ") }),
            el("td", { text: String(r.n) }),
            ...dims.map((d) => el("td", { "data-sw-org-mean": r.means?.[d.id] ?? "", text: formatWhole(r.means?.[d.id]) }))))))));
    });
    section.append(grid);
    return section;
  }

  // -- reports: CSV, the A4 report, the action sheet ----------------------------------------------
  function reports(reply) {
    const csv = el("button", { type: "button", class: "md-button", "data-sw-org-csv": "", text: ORG.downloadCsv });
    csv.addEventListener("click", () => download(`alle-teams-${scanId}-${new Date().toISOString().slice(0, 10)}.csv`,
      `\ufeff${reply.csv}`, "text/csv;charset=utf-8"));
    const print = el("button", { type: "button", class: "md-button", "data-sw-org-print": "", text: ORG.printReport });
    print.addEventListener("click", () => window.print());
    const sheet = el("button", { type: "button", class: "md-button", "data-sw-org-print-plan": "", text: ORG.printPlan });
    sheet.addEventListener("click", printPlan);
    return el("section", { class: "sw-org-reports", "aria-labelledby": "sw-org-reports-title" },
      el("h3", { id: "sw-org-reports-title", text: ORG.reportsHeading }),
      el("p", { text: ORG.reportsIntro }),
      el("p", { class: "sw-actions sw-org-buttons" }, csv, print, sheet));
  }

  /** Print the action sheet alone: a class on the root tells print.css to leave the rest out. */
  function printPlan() {
    const root = document.documentElement;
    root.classList.add("sw-org-print-plan");
    window.addEventListener("afterprint", () => root.classList.remove("sw-org-print-plan"), { once: true });
    window.print();
  }

  function planSheet(reply, today) {
    const themes = [];
    for (const item of reply.broad?.low || []) themes.push(ORG.planLow(item.title, item.teams_low, item.teams));
    for (const item of reply.broad?.apart || []) themes.push(ORG.planApart(item.text));
    for (const item of reply.broad?.within || []) themes.push(ORG.planWithin(item.text));
    const rows = [...themes, ...Array(Math.max(2, 7 - themes.length)).fill("")];
    const blank = () => el("td", { class: "sw-org-plan-blank" }, el("span", { class: "sw-visually-hidden", text: ORG.planEmpty }));
    return [
      el("p", { class: "sw-org-plan-meta", text: ORG.planMeta(scanTitle, today, reply.organisation?.teams || 0) }),
      el("p", { text: ORG.planIntro }),
      el("table", { class: "sw-table sw-org-plan-table", "data-sw-org-plan-table": "" },
        el("caption", { class: "sw-visually-hidden", text: ORG.planCaption }),
        el("thead", {}, el("tr", {}, ...ORG.planColumns.map((label) => el("th", { scope: "col", text: label })))),
        el("tbody", {}, ...rows.map((theme) => el("tr", { "data-sw-org-plan-theme": theme ? "" : null },
          theme ? el("td", { text: theme }) : blank(), blank(), blank(), blank())))),
      el("p", { class: "sw-org-plan-line" }, ORG.planNext, el("span", { class: "sw-org-plan-write", "aria-hidden": "true" })),
      el("p", { class: "sw-org-plan-line" }, ORG.planWho, el("span", { class: "sw-org-plan-write", "aria-hidden": "true" })),
    ];
  }

  // -- start: the files this browser kept ---------------------------------------------------------
  kept = readKept();
  showKept();
  if (kept.length) load([]);
}

/** `name`, or "name (2)", "name (3)" ... when `taken` has it; the result is added to `taken`. */
function unique(name, taken) {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name} (${i})`;
  taken.add(candidate);
  return candidate;
}

/** Every file under a dropped entry (a file or a folder, walked all the way down) as `{file, path}`. */
async function walk(entry) {
  if (entry.isFile) {
    try {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      return [{ file, path: entry.fullPath.replace(/^\//, "") }];
    } catch {
      return [];
    }
  }
  if (!entry.isDirectory) return [];
  const reader = entry.createReader();
  const found = [];
  for (;;) {
    const batch = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (!batch.length) break;
    for (const child of batch) found.push(...(await walk(child)));
  }
  return found;
}
