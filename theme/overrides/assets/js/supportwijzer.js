/**
 * The site's one script, loaded on every page (small; no Pyodide byte).
 *
 * mkdocs-material's instant navigation swaps page content without running
 * page scripts again, so behaviour hangs off its `document$` observable; the
 * engine worker started by a scan page lives on across those page changes.
 * Without the theme's bundle (a plain static host test), DOMContentLoaded
 * does the same job once.
 */
import { onEngineState } from "./engine-client.js";
import { initScanPage } from "./scan-page.js";
import { storage } from "./storage.js";
import { TEXT } from "./strings.js";
import { initTeamPage } from "./team-page.js";

/** The privacy page's "Wis alles": every key the site and its theme ever wrote. */
function initClearAll(root) {
  const button = root.querySelector("[data-sw-clear-all]");
  if (!button || button.dataset.swReady) return;
  button.dataset.swReady = "1";
  button.addEventListener("click", async () => {
    await storage.clearAll();
    root.querySelector("[data-sw-clear-all-status]").textContent = TEXT.clearedAll;
  });
}

function initPage() {
  initScanPage(document);
  initTeamPage(document);
  initClearAll(document);
}

/**
 * The service worker (sw.js at the site root) makes repeat visits work offline. It is
 * registered once the page has loaded, and on a scan page once the engine is up: its first
 * install downloads the site's pages, which should not compete with Pyodide's start.
 */
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL("../../", import.meta.url);
  const register = () =>
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {
      /* private mode or blocked: the site works as before, only not offline */
    });
  const afterEngine = () => {
    if (!document.querySelector('meta[name="sw-engine-wheel"]')) return register();
    const stop = onEngineState((state) => {
      if (state.status === "ready" || state.status === "failed") {
        queueMicrotask(() => stop());
        register();
      }
    });
  };
  if (document.readyState === "complete") afterEngine();
  else window.addEventListener("load", afterEngine, { once: true });
}

registerServiceWorker();

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(initPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", initPage);
} else {
  initPage();
}
