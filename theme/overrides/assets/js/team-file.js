/**
 * The team result file for the organisation overview (issue 17, item 1). Owner: the team-file helper.
 *
 * While a result of the round is on screen (a shown version, never a withheld result), the
 * facilitator can save it as a small JSON file for the coordinator who builds the overview of all
 * teams (scans/<id>/organisatie/). The engine makes the file (operation "team-file",
 * engine/organisation.py) from the codes of exactly the version on screen (`api.shownCodes()`):
 * the engine's round guard decided that version may be shown, so the file never holds a set of
 * codes the page did not show. The file holds group figures only: no codes, nothing per member.
 *
 * The round's record keeps the team name and department last used (field `team_file`), so the
 * next round of the same team starts with them.
 */
import { ask } from "./engine-client.js";
import { download } from "./dom.js";
import { TEAMFILE } from "./strings.js";

const MAX_LABEL = 60; // as the engine's limit for label and department
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today as YYYY-MM-DD on this device's calendar. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** A label as a piece of a file name: "Team Noord-Oost (zorg)" becomes "team-noord-oost-zorg". */
export function slug(text) {
  const plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return plain.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "") || "team";
}

/** What the round's record keeps of this part: { label, department }, or {} when nothing sound is kept. */
function kept(record) {
  const value = record.team_file;
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const text = (item) => (typeof item === "string" ? item.slice(0, MAX_LABEL) : "");
  return { label: text(value.label), department: text(value.department) };
}

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initTeamFile(page, api) {
  const section = page.querySelector("[data-sw-team-file]");
  const form = section?.querySelector("[data-sw-team-file-form]");
  if (!section || !form) return;
  const labelField = form.querySelector("[data-sw-team-file-label]");
  const departmentField = form.querySelector("[data-sw-team-file-department]");
  const dateField = form.querySelector("[data-sw-team-file-date]");
  const button = form.querySelector("[data-sw-team-file-save]");
  const status = section.querySelector("[data-sw-team-file-status]");
  let filledFor = null; // the round whose values are in the fields; another round fills them again

  function fill() {
    const round = api.round();
    if (filledFor === round) return;
    filledFor = round;
    const record = api.readRound();
    const remembered = kept(record);
    labelField.value = remembered.label || round.slice(0, MAX_LABEL);
    departmentField.value = remembered.department || "";
    dateField.value = typeof record.date === "string" && DATE.test(record.date) ? record.date : today();
    labelField.removeAttribute("aria-invalid");
    status.textContent = "";
  }

  // Shown only while a version of the round is on screen; hidden with the result section.
  api.onResult((team) => {
    const showing = Boolean(team && !team.withheld && api.shownCodes());
    section.hidden = !showing;
    if (showing) fill();
  });
  const resultSection = page.querySelector("[data-sw-team-result]");
  if (resultSection) {
    new MutationObserver(() => {
      if (resultSection.hidden) section.hidden = true;
    }).observe(resultSection, { attributes: true, attributeFilter: ["hidden"] });
  }

  /** Keep the team name and department in the round's record (nothing kept when both are empty). */
  function remember() {
    const label = labelField.value.trim().slice(0, MAX_LABEL);
    const department = departmentField.value.trim().slice(0, MAX_LABEL);
    api.updateRound({ team_file: label || department ? { label, department } : null });
  }
  labelField.addEventListener("change", remember);
  departmentField.addEventListener("change", remember);
  labelField.addEventListener("input", () => labelField.removeAttribute("aria-invalid"));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const label = labelField.value.trim();
    const department = departmentField.value.trim();
    if (!label) {
      labelField.setAttribute("aria-invalid", "true");
      status.textContent = TEAMFILE.needsLabel;
      labelField.focus();
      return;
    }
    const codes = api.shownCodes();
    const team = api.lastTeam();
    if (!codes || !team || team.withheld) {
      status.textContent = TEAMFILE.noResult;
      return;
    }
    remember();
    button.disabled = true;
    status.textContent = TEAMFILE.making;
    try {
      const file = await ask("team-file", api.definition, {
        codes, label, department, round: api.round(), date: dateField.value,
      });
      const name = `teamresultaat-${api.scanId}-${slug(file.label || label)}-${file.date || dateField.value || today()}.json`;
      download(name, `${JSON.stringify(file, null, 2)}\n`, "application/json");
      status.textContent = TEAMFILE.saved(file.label || label, name);
    } catch (error) {
      status.textContent = TEAMFILE.failed(error && error.message);
    } finally {
      button.disabled = false;
    }
  });
}
