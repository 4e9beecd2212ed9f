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
import { initScanChooser } from "./scan-chooser.js";
import { initOrganisationPage } from "./organisation-page.js";
import { initScanPage } from "./scan-page.js";
import { storage } from "./storage.js";
import { TEXT } from "./strings.js";
import { initTeamPage } from "./team-page.js";

/** The privacy page's "Wis alles": every key the site and its theme ever wrote, and the offline copy. */
function initClearAll(root) {
  const button = root.querySelector("[data-sw-clear-all]");
  if (!button || button.dataset.swReady) return;
  button.dataset.swReady = "1";
  const status = root.querySelector("[data-sw-clear-all-status]");
  button.addEventListener("click", async () => {
    status.textContent = ""; // a second click is announced again
    await stopOfflineCopy();
    status.textContent = (await storage.clearAll()) ? TEXT.clearedAll : TEXT.clearedAllButOffline;
  });
}

function initPage() {
  initScanPage(document);
  initTeamPage(document);
  initOrganisationPage(document);
  initClearAll(document);
  initScanChooser(document);
}

/**
 * The service worker (sw.js at the site root) makes repeat visits work offline. It is
 * registered once the page has loaded, and on a scan page once the engine is up: its first
 * install downloads the site's pages, which should not compete with Pyodide's start.
 */
let registering = null; // the registration under way, if any
let offlineStopped = false; // after "Wis alles": this page registers nothing again

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL("../../", import.meta.url);
  const register = () => {
    if (offlineStopped) return;
    registering = navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {
      /* private mode or blocked: the site works as before, only not offline */
    });
  };
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

/**
 * For "Wis alles": this page registers nothing any more (not even when its load event is still to
 * come), and a registration under way settles first, so that clearAll() finds and undoes it.
 */
async function stopOfflineCopy() {
  offlineStopped = true;
  await registering;
}

registerServiceWorker();

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(initPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", initPage);
} else {
  initPage();
}
