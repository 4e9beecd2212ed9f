/**
 * "Welke scan past bij mij?" on the scans page: the decision list the build writes
 * (theme/templates/scans-index.md.j2) becomes a short set of questions with radio buttons.
 *
 * The list stays the single source: each question is a <p class="sw-chooser-question" id>
 * followed by a <ul>; each answer is an <li> whose <strong> is the answer's label and whose
 * link says where it leads: to another question (#<id>) or to a scan (a[data-sw-scan]). Without JavaScript the
 * list itself works; with it, the list is hidden and the form shows one question at a time,
 * then the scan in a role="status" region (made at start, so screen readers announce it).
 */
import { el } from "./dom.js";
import { CHOOSER } from "./strings.js";

/** The questions of the decision list: [{id, text, answers: [{label, scan, next}]}]. */
export function readQuestions(list) {
  const starts = [...list.querySelectorAll(".sw-chooser-question[id]")];
  const ids = new Set(starts.map((start) => start.id));
  return starts.map((start) => {
    const items = start.nextElementSibling?.tagName === "UL" ? [...start.nextElementSibling.children] : [];
    const answers = items.map((item) => {
      const scan = item.querySelector("a[data-sw-scan]");
      // the theme makes every link absolute: a link to another question is known by its #id
      const next = [...item.querySelectorAll("a:not([data-sw-scan])")]
        .map((link) => decodeURIComponent(link.hash.slice(1))).find((id) => ids.has(id));
      return {
        label: item.querySelector("strong")?.textContent.trim() || "",
        scan: scan ? { id: scan.dataset.swScan, href: scan.href, title: scan.textContent.trim() } : null,
        next: scan ? null : next || null,
      };
    }).filter((answer) => answer.label && (answer.scan || answer.next));
    return { id: start.id, text: start.textContent.trim(), answers };
  }).filter((question) => question.answers.length);
}

export function initScanChooser(root) {
  const box = root.querySelector("[data-sw-scan-chooser]");
  if (!box || box.dataset.swReady) return;
  const list = box.querySelector(".sw-chooser-list");
  const questions = list ? readQuestions(list) : [];
  if (!questions.length) return;
  box.dataset.swReady = "1";
  const byId = new Map(questions.map((question) => [question.id, question]));

  const result = el("div", { class: "sw-chooser-result", role: "status", "data-sw-chooser-result": "" });
  const fieldsets = new Map();
  const form = el("form", { class: "sw-chooser-form", "data-sw-chooser-form": "", "aria-label": CHOOSER.formLabel });
  const intro = list.querySelector(":scope > p:not(.sw-chooser-question)");
  if (intro) form.append(intro.cloneNode(true));

  let path = []; // the ids of the questions shown, in order
  const show = () => {
    for (const [id, fieldset] of fieldsets) fieldset.hidden = !path.includes(id);
  };

  for (const question of questions) {
    const fieldset = el("fieldset", { "data-sw-chooser-question": question.id }, el("legend", { text: question.text }));
    question.answers.forEach((answer, index) => {
      const input = el("input", { type: "radio", name: `sw-chooser-${question.id}`, value: String(index) });
      input.addEventListener("change", () => choose(question, answer));
      fieldset.append(el("label", {}, input, answer.label));
    });
    fieldsets.set(question.id, fieldset);
    form.append(fieldset);
  }
  form.append(result);
  form.addEventListener("submit", (event) => event.preventDefault());

  function choose(question, answer) {
    // a new answer drops what came after this question, and its choices
    path = path.slice(0, path.indexOf(question.id) + 1);
    for (const [id, fieldset] of fieldsets) {
      if (!path.includes(id)) fieldset.querySelectorAll("input").forEach((input) => { input.checked = false; });
    }
    if (answer.next && byId.has(answer.next)) {
      path.push(answer.next);
      result.replaceChildren();
    } else if (answer.scan) {
      const { id, href, title } = answer.scan;
      result.replaceChildren(
        el("p", {}, `${CHOOSER.result} `, el("strong", { "data-sw-chooser-scan": id, text: title })),
        el("p", {}, el("a", { href, class: "md-button md-button--primary", text: CHOOSER.start(title) })));
    }
    show();
  }

  path = [questions[0].id];
  show();
  list.hidden = true;
  box.append(form);
}
