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

/** Offer `text` as a file download; nothing leaves the browser. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A number as Dutch readers write it (87,5); a dash for none. */
export function formatNumber(value) {
  return value === null || value === undefined ? "–" : String(value).replace(".", ",");
}

/** A QR code drawn from the engine's path: dark squares on a white field (also in dark mode). */
export function qrCode({ size, path }, label) {
  const drawing = svg("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label, class: "sw-qr-svg",
    "shape-rendering": "crispEdges" });
  drawing.append(svg("rect", { width: size, height: size, fill: "#ffffff" }));
  drawing.append(svg("path", { d: path, fill: "#000000" }));
  return drawing;
}

/** The profile box of a result (own or team): title and the build's text for it, or a note that there is none. */
export function profileBlock(profile, heading, noProfileText) {
  const box = el("div", { class: "sw-profile admonition abstract", "data-sw-profile": profile?.id || "" },
    el("p", { class: "admonition-title", text: heading }));
  if (profile) {
    box.append(el("h3", { class: "sw-profile-title", text: profile.title || profile.id }));
    const body = cloneTemplate(`sw-profile-${profile.id}`);
    if (body) box.append(body);
  } else {
    box.append(el("p", { text: noProfileText }));
  }
  return box;
}
