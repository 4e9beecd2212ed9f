"""Offline: after one visit with a scan, every page and every scan works with the network off."""
import threading
import time

import engine
from builder.serve import make_server
from builder.site import Project, build_site
from conftest import Recorder
from scanflow import assessment, expected_result, fill, show_result, shown_result
from support import copy_project
from test_site import all_pages

SCANS = ["teamfase", "werksoort", "supportlijnen", "persoonlijk-leiderschap", "concernsupport"]


def wait_until_controlled(page):
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)


def poll(page, script, arg=None, timeout=60):
    """Evaluate an async check until it is true (wait_for_function treats a promise as true at once)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"timed out waiting for: {script[:80]}"
        time.sleep(0.25)


def wait_until_engine_cached(page):
    poll(page, """async () => {
        const names = await caches.keys();
        const engine = names.find((n) => n.startsWith("supportwijzer-engine-"));
        if (!engine) return false;
        const urls = (await (await caches.open(engine)).keys()).map((r) => r.url);
        return ["pyodide.asm.wasm", "pyodide.mjs", "pyodide.asm.mjs"]
          .every((f) => urls.some((u) => u.endsWith(f))) && urls.filter((u) => u.endsWith(".whl")).length === 2
          && urls.filter((u) => u.includes("/pyodide/stdlib-") && u.endsWith(".zip")).length === 2;
    }""")


def test_after_one_visit_every_page_and_every_scan_works_offline(browser, site, built_site):
    context = browser.new_context(service_workers="allow")
    recorder = Recorder(context)
    page = context.new_page()
    page.goto(site(""))
    wait_until_controlled(page)
    page.wait_for_load_state("networkidle")
    # the service worker stores the pages, but a guide visit still fetches no Pyodide byte
    assert [u for u in recorder.requests if "/pyodide/" in u or u.endswith(".whl")] == []
    assert any(u.endswith("/scans/teamfase/") for u in recorder.requests)  # precached by the service worker
    page.goto(site("scans/teamfase/"))
    page.wait_for_function("() => document.querySelector('#sw-form').dataset.swEngine === 'ready'", timeout=60000)
    wait_until_engine_cached(page)

    context.set_offline(True)
    for path in all_pages(built_site):
        response = page.goto(site(path.lstrip("/")))
        assert response is not None and response.ok, path
        assert page.title(), path
    for scan in SCANS:
        a = assessment(scan)
        answers = {q.id: 1 + i % 5 for i, q in enumerate(a.questions)}
        page.goto(site(f"scans/{scan}/"))
        fill(page, answers)
        show_result(page)
        assert shown_result(page) == expected_result(engine.score(a, answers)), scan
    assert recorder.errors == []

    # "Wis alles" on the privacy page removes the offline copy too
    page.goto(site("privacy/"))
    page.click("[data-sw-clear-all]")
    page.wait_for_selector("[data-sw-clear-all-status] >> text=Alles is gewist")
    assert [n for n in page.evaluate("() => caches.keys()") if n.startswith("supportwijzer-")] == []
    context.close()


def test_a_new_build_replaces_the_old_cache(browser, tmp_path):
    root = copy_project(tmp_path)
    site_dir = tmp_path / "site"
    server = make_server(site_dir, port=0)
    url = f"http://127.0.0.1:{server.server_port}/"
    build_site(Project(root=root, site_url=url), site_dir, log=lambda line: None)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        page.goto(url + "teamfasenmodel/")
        wait_until_controlled(page)
        old = page.evaluate("() => caches.keys()")
        assert len([n for n in old if n.startswith("supportwijzer-pages-")]) == 1

        page_file = root / "content" / "teamfasenmodel.md"
        page_file.write_text(page_file.read_text().replace("# ", "# Nieuw: ", 1))
        build_site(Project(root=root, site_url=url), site_dir, log=lambda line: None)

        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        poll(page, """async (old) => {
            const names = await caches.keys();
            return names.some((n) => n.startsWith("supportwijzer-pages-") && !old.includes(n))
                && !old.some((n) => n.startsWith("supportwijzer-pages-") && names.includes(n));
        }""", old)
        page.reload()
        assert page.locator("h1").first.inner_text().startswith("Nieuw: ")
        context.close()
    finally:
        server.shutdown()
        server.server_close()


SITE_REGISTRATIONS = """(root) => navigator.serviceWorker.getRegistrations()
    .then((all) => all.filter((r) => r.scope.startsWith(root)).length)"""
OWN_CACHES = "() => caches.keys().then((names) => names.filter((n) => n.startsWith('supportwijzer-')))"
CLEARED_ALL = "Alles is gewist: deze site heeft nu niets meer van jou in deze browser."


def test_wis_alles_unregisters_the_service_worker_before_it_says_nothing_is_left(browser, site):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(site("privacy/"))
    wait_until_controlled(page)
    assert page.evaluate(SITE_REGISTRATIONS, site("")) == 1
    page.click("[data-sw-clear-all]")
    page.wait_for_selector(f"[data-sw-clear-all-status][role=status] >> text={CLEARED_ALL}")
    assert page.evaluate(SITE_REGISTRATIONS, site("")) == 0
    assert page.evaluate(OWN_CACHES) == []
    page.reload()  # a new visit may make the offline copy again, as the privacy page says
    context.close()


def test_wis_alles_clicked_while_the_service_worker_is_still_registering(browser, site):
    context = browser.new_context(service_workers="allow")
    held = []
    context.route("**/sw.js", lambda route: held.append(route))
    page = context.new_page()
    page.goto(site("privacy/"))
    while not held:
        page.wait_for_timeout(50)
    page.click("[data-sw-clear-all]")
    page.wait_for_timeout(500)  # time enough to clear everything there is so far
    held[0].continue_()  # only now the registration can finish
    page.wait_for_selector(f"[data-sw-clear-all-status] >> text={CLEARED_ALL}")
    assert page.evaluate(SITE_REGISTRATIONS, site("")) == 0
    page.wait_for_timeout(1000)  # nothing comes back behind the message's back
    assert page.evaluate(SITE_REGISTRATIONS, site("")) == 0
    assert page.evaluate(OWN_CACHES) == []
    context.close()
