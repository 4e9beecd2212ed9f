"""A local static server for the built site, with a rebuild when a source file changes.

It sets the MIME types itself (``.wasm`` must be ``application/wasm``, ``.mjs``
JavaScript) rather than trusting the machine's tables, and can serve the site
under a sub-path (``/repo/``) the way GitHub Pages does. The tests use it too.
"""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}
WATCHED = ("content", "assessments", "theme", "engine", "builder", "mkdocs.yml", "brand.yml")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix``; anything outside the prefix is a 404."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    protocol_version = "HTTP/1.1"  # keep-alive, as real static hosts do
    prefix = "/"
    quiet = True

    def __init__(self, *args, prefix="/", quiet=True, **kwargs):
        self.prefix = prefix
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that hangs up mid-download is normal (page changes, aborted requests)."""


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, prefix: str = "/",
                quiet: bool = True) -> http.server.ThreadingHTTPServer:
    """A threading server for ``site_dir``; port 0 picks a free port (see ``server.server_port``)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(SiteHandler, directory=str(site_dir), prefix=prefix, quiet=quiet)
    return _QuietServer((host, port), handler)


def _snapshot(root: Path) -> dict:
    stamps = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            try:
                stamps[file] = file.stat().st_mtime_ns
            except OSError:
                pass
    return stamps


def serve(project, site_dir: Path, host: str, port: int, log=print) -> int:
    """Serve ``site_dir`` and rebuild it whenever a watched source changes; stop with Ctrl+C."""
    from .site import BuildError, build_site

    server = make_server(site_dir, host, port, quiet=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log(f"Serving on http://{host}:{server.server_port}/  (Ctrl+C stops; changes rebuild the site)")
    stamps = _snapshot(project.root)
    try:
        while True:
            time.sleep(1)
            now = _snapshot(project.root)
            if now != stamps:
                stamps = now
                log("Change seen, rebuilding…")
                try:
                    build_site(project, site_dir, log=log)
                except BuildError as error:
                    for problem in error.problems:
                        log(problem)
                    log("Rebuild failed; still serving the previous site.")
    except KeyboardInterrupt:
        log("Stopped.")
    finally:
        server.shutdown()
    return 0
