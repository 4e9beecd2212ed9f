/**
 * Small DOM helpers shared by the scan page and the team page. Text goes in as
 * text (textContent, attributes): nothing here ever parses a string as HTML.
 */
const SVG = "http://www.w3.org/2000/svg";

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A copy of a <template> the build made (advice, profile texts), or null. */
export function cloneTemplate(id) {
  const template = document.getElementById(id);
  return template ? template.content.cloneNode(true) : null;
}

/**
 * The build's text `id` as written for `perspective` (template "<id>_<perspective>", see
 * builder/scans.py), or the general text when there is none for it or no perspective was chosen.
 */
export function cloneText(id, perspective = null) {
  return (perspective && cloneTemplate(`${id}_${perspective}`)) || cloneTemplate(id);
}

/** Offer `text` as a file download; nothing leaves the browser. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A score as shown on screen: a whole number (43.8 becomes 44), a dash for none. A decimal
 * suggests a precision the scans do not have; the exports and data attributes keep the decimals.
 */
export function formatWhole(value) {
  return value === null || value === undefined ? "–" : String(Math.round(value) + 0); // + 0: never "-0"
}

/** A QR code drawn from the engine's path: dark squares on a white field (also in dark mode). */
export function qrCode({ size, path }, label) {
  const drawing = svg("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label, class: "sw-qr-svg",
    "shape-rendering": "crispEdges" });
  drawing.append(svg("rect", { width: size, height: size, fill: "#ffffff" }));
  drawing.append(svg("path", { d: path, fill: "#000000" }));
  return drawing;
}

/**
 * The profile box of a result (own or team), from the engine's `profile`, `runner_up`,
 * `borderline` and `perspective`: the title and the build's text for it, or a note that there
 * is none. Borderline: "between the profile and the runner-up", with the runner-up's text in a
 * <details>. With `words.reasons` (sentences saying why the result is uncertain) the title
 * reads "Mogelijk: ...", with the reasons under it.
 *
 * `words`: heading, none, reasons, maybe(title), maybeEither(a, b), between(a, b),
 * betweenExplained, runnerUp(title); the texts are in strings.js.
 */
export function profileBlock(result, words) {
  const { profile, runner_up: runnerUp = null, borderline = false, perspective = null } = result;
  const reasons = words.reasons || [];
  const between = Boolean(profile && borderline && runnerUp);
  const box = el("div", {
    class: "sw-profile admonition abstract", "data-sw-profile": profile?.id || "",
    "data-sw-runner-up": between ? runnerUp.id : null, "data-sw-uncertain": profile && reasons.length ? "" : null,
  }, el("p", { class: "admonition-title", text: words.heading }));
  if (!profile) {
    box.append(el("p", { text: words.none }));
    return box;
  }
  const title = profile.title || profile.id;
  const other = between ? runnerUp.title || runnerUp.id : null;
  let headline = between ? words.between(title, other) : title;
  if (reasons.length) headline = between ? words.maybeEither(title, other) : words.maybe(title);
  box.append(el("h3", { class: "sw-profile-title", text: headline }));
  if (reasons.length) box.append(el("p", { class: "sw-profile-uncertain", text: reasons.join(" ") }));
  if (between) {
    box.append(el("p", { class: "sw-borderline", text: words.betweenExplained }));
    box.append(el("h4", { class: "sw-profile-name", text: title }));
  }
  // the relative rule (supportlijnen): the level of the mean, the range, and every line behind
  const relative = result.relative;
  if (relative && words.relative) {
    box.append(el("p", { class: "sw-relative", "data-sw-level": relative.level?.id || "" },
      words.relative(relative, (id) => document.getElementById(`sw-dimension-${id}`)?.dataset.title || id)));
  }
  const body = cloneText(`sw-profile-${profile.id}`, perspective);
  if (body) box.append(body);
  if (between) {
    const more = el("details", { class: "sw-runner-up" }, el("summary", { text: words.runnerUp(other) }));
    const text = cloneText(`sw-profile-${runnerUp.id}`, perspective);
    if (text) more.append(text);
    box.append(more);
  }
  return box;
}

/** The largest file a team page reads (a code list, an export, a history file are far smaller). */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * A chosen file as JSON: `{ value }`, or `{ error: "too-big" }` above MAX_FILE_BYTES, or
 * `{ error: "not-json" }` when it cannot be read or parsed. The caller says it in its own words.
 */
export async function readJsonFile(file) {
  if (file.size > MAX_FILE_BYTES) return { error: "too-big" };
  try {
    return { value: JSON.parse(await file.text()) };
  } catch {
    return { error: "not-json" };
  }
}
