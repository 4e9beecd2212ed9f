"""The local servers of bench/site.py's slow-device profile: one gzips like a static host, one does not.

A bench that measures the wrong bytes measures nothing, so these check what goes over the wire.
"""
import contextlib
import gzip
import http.client
import importlib.util
import threading
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "site.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_site", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "pyodide").mkdir()
    (tmp_path / "pyodide" / "x.wasm").write_bytes(b"\0asm" + bytes(range(256)) * 400)
    (tmp_path / "pyodide" / "x.mjs").write_text("export const a = 1;\n" * 500, encoding="utf-8")
    (tmp_path / "x.whl").write_bytes(b"PK" + b"w" * 5000)
    (tmp_path / "index.html").write_text("<p>hallo</p>\n" * 300, encoding="utf-8")
    return tmp_path


@contextlib.contextmanager
def serve(bench, site, compress):
    """A running bench server, a keep-alive connection to it, and its count of what it sent."""
    wire = bench.Wire()
    server = bench.make_bench_server(site, compress=compress, wire=wire)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port)
    try:
        yield connection, wire
    finally:
        connection.close()
        server.shutdown()
        server.server_close()


def sent(wire, count):
    """The server counts a reply just after its last byte went out: wait that moment for it."""
    deadline = time.monotonic() + 5
    while len(wire.sent) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return wire.sent


def get(connection, path, **headers):
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate", **headers})
    response = connection.getresponse()
    return response, response.read()


def test_the_gzip_server_compresses_wasm_mjs_and_html_but_not_wheels(bench, site):
    with serve(bench, site, compress=True) as (connection, wire):
        for path, file, packed in (("/pyodide/x.wasm", "pyodide/x.wasm", True), ("/pyodide/x.mjs", "pyodide/x.mjs", True),
                                   ("/", "index.html", True), ("/x.whl", "x.whl", False)):
            response, body = get(connection, path)
            assert response.status == 200
            assert (response.getheader("Content-Encoding") == "gzip") is packed
            original = (site / file).read_bytes()
            assert (gzip.decompress(body) if packed else body) == original
            assert int(response.getheader("Content-Length")) == len(body)
            if packed:
                assert len(body) < len(original) / 3
        assert [row[1:3] for row in sent(wire, 4)] == [("/pyodide/x.wasm", 200), ("/pyodide/x.mjs", 200), ("/", 200),
                                                   ("/x.whl", 200)]
        assert wire.sent[0][3] == len(gzip.compress((site / "pyodide/x.wasm").read_bytes(), 6, mtime=0))


def test_a_revalidation_gets_one_304_and_the_connection_stays_in_step(bench, site):
    with serve(bench, site, compress=True) as (connection, wire):
        first, _ = get(connection, "/pyodide/x.wasm")
        again, body = get(connection, "/pyodide/x.wasm", **{"If-None-Match": first.getheader("ETag")})
        assert (again.status, body) == (304, b"")
        # the next answer on the same keep-alive connection is the file asked for, not a stray second answer
        after, body = get(connection, "/pyodide/x.mjs")
        assert after.status == 200 and gzip.decompress(body) == (site / "pyodide/x.mjs").read_bytes()
        assert [row[2] for row in sent(wire, 3)] == [200, 304, 200]


def test_the_plain_server_sends_everything_as_it_is(bench, site):
    with serve(bench, site, compress=False) as (connection, wire):
        response, body = get(connection, "/pyodide/x.wasm")
        assert response.getheader("Content-Encoding") is None
        assert response.getheader("Content-Type") == "application/wasm"
        assert body == (site / "pyodide/x.wasm").read_bytes()
        assert sent(wire, 1)[0][3] == len(body)
