/**
 * On pages that start the engine: mkdocs-material's search index waits until the engine is
 * ready (or has failed), or until someone opens the search. The index (about 90 KB gzip) and
 * the search worker that indexes it would otherwise come in and run exactly while Pyodide
 * downloads and starts, on a slow line and a slow phone the moment that counts. The service
 * worker waits for the same reason (supportwijzer.js).
 *
 * A classic script right before mkdocs-material's bundle, which asks for the index with an
 * XMLHttpRequest when it starts: that one request is held back, nothing else. The search
 * shows its own "initialising" text if someone searches before the index is in. After a
 * minute the index comes anyway, so a page whose engine never starts still gets its search.
 */
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const AT_THE_LATEST_MS = 60000;
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = new WeakSet();
  XMLHttpRequest.prototype.open = function openHeld(method, url, ...rest) {
    if (INDEX.test(new URL(String(url), document.baseURI).pathname)) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function sendHeld(...args) {
    if (!held.has(this)) return send.apply(this, args);
    held.delete(this);
    released.then(() => {
      try {
        send.apply(this, args);
      } catch {
        /* aborted meanwhile (the page went elsewhere): nothing to send */
      }
    });
    return undefined;
  };
  // engine-client.js says when the engine is ready or has failed
  window.addEventListener("supportwijzer:engine", (event) => {
    if (event.detail === "ready" || event.detail === "failed") release();
  });
  // someone opens the search: by its button, a shortcut or a tap in the field
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest(".md-search")) release();
  }, true);
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.matches("[data-md-toggle='search']")) release();
  }, true);
  setTimeout(release, AT_THE_LATEST_MS);
})();
