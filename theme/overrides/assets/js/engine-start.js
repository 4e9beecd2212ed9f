/**
 * Makes the engine worker from the head of a scan page. A classic script, loaded async, that
 * imports nothing: it runs as soon as it has arrived, while the page is still being parsed.
 * (As a module with imports the worker came some 250 ms later.) The worker then loads its own
 * few small modules, and waits: Pyodide's 5 MB come only after the page's go-ahead (START in
 * engine-protocol.js), so on a slow line the page's own scripts are not stuck behind them.
 *
 * engine-client.js takes the worker over (takeEarlyWorker) with every message it posted in
 * the meantime, and gives the go-ahead, so a page never starts a second one. A team page opened with a code in its
 * address (a member's QR code) starts no engine here: the code is stored at once without it
 * (team-page.js, ensureEngine). The page may have run first and taken the code out of the
 * address: then it has left a mark (data-sw-engine-later).
 */
(() => {
  const wheel = document.querySelector('meta[name="sw-engine-wheel"]')?.content;
  const arrival = new URLSearchParams(window.location.hash.slice(1)).get("code")
    || document.documentElement.dataset.swEngineLater;
  const script = document.currentScript;
  if (!wheel || arrival || !script || typeof Worker !== "function") return;
  let worker;
  try {
    worker = new Worker(new URL(`engine-worker.js?wheels=${encodeURIComponent(wheel)}`, script.src), { type: "module" });
  } catch {
    return; // engine-client.js tries again, and says so if it cannot
  }
  const early = { wheel, worker, messages: [], errors: [] };
  worker.onmessage = (event) => early.messages.push(event);
  worker.onerror = (event) => {
    event.preventDefault();
    early.errors.push(event);
  };
  window.__supportwijzerEarlyEngine = early;
})();
