"""Codes collected without names (issue 13): the team page's camera, and a code arriving through a QR link.

The camera tests run a Chromium of their own whose fake camera plays a video made here: frames
of real members' QR codes, as their result pages show them (a link to the team page with
``#code=...&team=...``), made with segno and written as YUV4MPEG2.
"""
from __future__ import annotations

import pytest

import engine
from conftest import Recorder
from scanflow import assessment, stored_keys
from support import BROWSER_ARGS, find_browser
from test_site import ALL_IMPACTS, axe_violations

SCAN = "teamfase"
WIDTH, HEIGHT = 640, 480
FRAMES_PER_CODE = 25  # 2.5 s at 10 frames a second: time enough to read each one more than once


def member_code(seed: int) -> str:
    """A real member's code: the engine's encoder, which the scan page runs in the browser."""
    a = assessment(SCAN)
    return engine.encode(a, {q.id: (seed + i) % 5 + 1 for i, q in enumerate(a.questions)})


def qr_frame(text: str) -> bytes:
    """One 640x480 4:2:0 frame: the QR code of ``text``, black on white, scaled up, in the middle."""
    import segno

    rows = [list(row) for row in segno.make(text, error="m").matrix_iter(scale=1, border=4)]
    scale = min(WIDTH, HEIGHT) * 9 // 10 // len(rows)
    size = len(rows) * scale
    left, top = (WIDTH - size) // 2, (HEIGHT - size) // 2
    luma = bytearray(b"\xff" * (WIDTH * HEIGHT))
    for y in range(size):
        row = rows[y // scale]
        line = bytes(0 if row[x // scale] else 255 for x in range(size))
        start = (top + y) * WIDTH + left
        luma[start:start + size] = line
    chroma = b"\x80" * (WIDTH // 2 * HEIGHT // 2)
    return b"FRAME\n" + bytes(luma) + chroma + chroma


def write_video(path, texts: list[str]) -> None:
    """A YUV4MPEG2 video for Chromium's fake camera, each text's QR code for FRAMES_PER_CODE frames."""
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for text in texts:
            frame = qr_frame(text)
            for _ in range(FRAMES_PER_CODE):
                video.write(frame)


def link(site, code: str, team: str) -> str:
    return site(f"scans/{SCAN}/team/#code={code}&team={team}")


CODES = [member_code(seed) for seed in range(4)]


@pytest.fixture(scope="module")
def camera_browser(browser, site, tmp_path_factory):
    """A second Chromium, its camera a video of three QR codes: two of round Rood, one of round Blauw."""
    video = tmp_path_factory.mktemp("camera") / "codes.y4m"
    write_video(video, [link(site, CODES[0], "Rood"), link(site, CODES[1], "Rood"), link(site, CODES[2], "Blauw")])
    args = BROWSER_ARGS + ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                           f"--use-file-for-fake-video-capture={video}"]
    executable = find_browser()
    launched = browser.browser_type.launch(executable_path=executable, args=args) if executable \
        else browser.browser_type.launch(args=args)
    yield launched
    launched.close()


@pytest.fixture
def camera_page(camera_browser):
    context = camera_browser.new_context(service_workers="block", permissions=["camera"])
    context.recorder = Recorder(context)
    page = context.new_page()
    page.set_default_timeout(60000)
    yield page
    external = context.recorder.external()
    errors = context.recorder.errors
    context.close()
    assert external == [] and errors == []


LOG_STATUS = """() => {
  window.cameraLog = [];
  const region = document.querySelector("[data-sw-camera-status]");
  new MutationObserver(() => window.cameraLog.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
}"""


def codes_in_list(page) -> list[str]:
    return page.locator("[data-sw-codes]").input_value().split()


def test_the_camera_reads_members_qr_codes_into_the_list_and_the_engine_counts_them(camera_page, site):
    page = camera_page
    page.goto(site(f"scans/{SCAN}/team/#team=Rood"))
    start = page.get_by_role("button", name="Scan QR-codes met de camera")
    page.evaluate(LOG_STATUS)
    start.click()
    page.wait_for_function("codes => codes.every((c) => document.querySelector('[data-sw-codes]').value.includes(c))",
                           arg=CODES[:2])
    page.wait_for_function("() => window.cameraLog.some((t) => t.includes('teamronde ‘Blauw’'))")
    log = page.evaluate("window.cameraLog")
    assert "Code 1 toegevoegd." in log and "Code 2 toegevoegd." in log
    assert "Let op: deze QR-code hoort bij teamronde ‘Blauw’, niet bij ‘Rood’. De code is niet toegevoegd." in log
    # the engine read both: the list's check and the count on the page
    page.wait_for_selector("[data-sw-withheld]")
    assert page.locator('tr[data-sw-line-status="valid"]').count() == 2
    assert page.locator("[data-sw-team-status]").inner_text() == "2 geldige codes."
    assert page.locator("[data-sw-camera-count]").inner_text() == "2 codes in de lijst"
    assert axe_violations(page, ALL_IMPACTS) == []  # the camera on, a warning shown
    # the video goes round again: repeats add nothing, the other round's code stays out
    page.wait_for_timeout(8000)
    assert sorted(codes_in_list(page)) == sorted(CODES[:2])
    assert not any("Code 3" in text for text in page.evaluate("window.cameraLog"))
    assert stored_keys(page) == [f"supportwijzer:teamronde:{SCAN}:Rood"]
    # jsQR came from the site itself, and was run in the worker
    requests = page.context.recorder.requests
    assert any(url.endswith("/assets/vendor/jsqr/jsQR.js") for url in requests)
    assert any(url.endswith("/assets/js/qr-reader-worker.js") for url in requests)
    # Stop: the camera is off, the picture gone, focus back on the start button
    page.evaluate("window.cameraTrack = document.querySelector('[data-sw-camera-video]').srcObject.getVideoTracks()[0]")
    page.get_by_role("button", name="Stop de camera").click()
    assert page.evaluate("window.cameraTrack.readyState") == "ended"
    assert page.evaluate("document.querySelector('[data-sw-camera-video]').srcObject") is None
    assert page.locator("[data-sw-camera-status]").inner_text() == "De camera is uit."
    assert page.evaluate("document.activeElement.hasAttribute('data-sw-camera-start')")


def test_a_code_of_another_round_is_added_once_that_round_is_open(camera_page, site):
    page = camera_page
    page.emulate_media(color_scheme="dark")
    page.goto(site(f"scans/{SCAN}/team/#team=Blauw"))
    page.evaluate(LOG_STATUS)
    page.get_by_role("button", name="Scan QR-codes met de camera").click()
    page.wait_for_function("code => document.querySelector('[data-sw-codes]').value.includes(code)", arg=CODES[2])
    page.wait_for_function("() => window.cameraLog.includes("
                           "'Let op: deze QR-code hoort bij teamronde ‘Rood’, niet bij ‘Blauw’. De code is niet toegevoegd.')")
    assert axe_violations(page, ALL_IMPACTS) == []  # in dark mode
    page.wait_for_timeout(6000)  # the codes of round Rood go by too, and stay out of this round
    assert codes_in_list(page) == [CODES[2]]


def test_the_camera_stops_when_its_section_is_no_longer_shown(camera_page, site):
    page = camera_page
    page.goto(site(f"scans/{SCAN}/team/"))
    page.get_by_role("button", name="Scan QR-codes met de camera").click()
    page.wait_for_selector("[data-sw-camera-stop]:visible")
    page.wait_for_function("() => document.querySelector('[data-sw-camera-video]').srcObject !== null")
    page.evaluate("window.cameraTrack = document.querySelector('[data-sw-camera-video]').srcObject.getVideoTracks()[0]")
    page.evaluate("document.querySelector('[data-sw-camera]').hidden = true")  # as when another part takes the screen
    page.wait_for_function("() => window.cameraTrack.readyState === 'ended'")
    assert page.locator("[data-sw-camera-status]").inner_text() == \
        "De camera is uitgezet, omdat de pagina niet meer in beeld was."


def test_the_browsers_own_reader_is_used_where_there_is_one(camera_page, site):
    """BarcodeDetector (not in Chromium on Linux): a stand-in that reads one QR text proves the page uses it."""
    page = camera_page
    page.context.add_init_script("""
      window.BarcodeDetector = class {
        static async getSupportedFormats() { return ["qr_code"]; }
        constructor(options) { window.detectorFormats = options.formats; }
        async detect(video) {
          return video.videoWidth ? [{ rawValue: %r, format: "qr_code" }] : [];
        }
      };""" % link(site, CODES[3], "Groen"))
    page.goto(site(f"scans/{SCAN}/team/#team=Groen"))
    page.get_by_role("button", name="Scan QR-codes met de camera").click()
    page.wait_for_function("code => document.querySelector('[data-sw-codes]').value.includes(code)", arg=CODES[3])
    assert page.evaluate("window.detectorFormats") == ["qr_code"]
    assert page.locator("[data-sw-camera-status]").inner_text() == "Code 1 toegevoegd."
    assert not any("qr-reader-worker" in url or "jsQR" in url for url in page.context.recorder.requests)


@pytest.mark.parametrize("error, message", [
    ("NotAllowedError", "Deze pagina mag de camera niet gebruiken."),
    ("NotFoundError", "Er is geen camera gevonden."),
    ("NotReadableError", "De camera is in gebruik door een ander programma"),
])
def test_a_camera_that_cannot_start_gets_a_clear_message(context, page, site, error, message):
    context.add_init_script("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('test', %r));"
                            % error)
    page.goto(site(f"scans/{SCAN}/team/"))
    page.get_by_role("button", name="Scan QR-codes met de camera").click()
    status = page.locator("[data-sw-camera-status]")
    status.filter(has_text=message).wait_for()
    assert status.get_attribute("role") == "status"
    assert page.get_by_role("button", name="Scan QR-codes met de camera").is_enabled()
    assert page.locator("[data-sw-camera-stop]").is_hidden()


def test_without_a_camera_interface_the_camera_part_stays_hidden(context, page, site):
    context.add_init_script("Object.defineProperty(navigator, 'mediaDevices', { value: undefined });")
    page.goto(site(f"scans/{SCAN}/team/"))
    page.wait_for_selector("[data-sw-team-status]", state="attached")
    assert page.locator("[data-sw-camera]").is_hidden()


# -- a code arriving through a QR link (on the facilitator's phone) -----------------------------

def engine_started(context) -> bool:
    return any("engine-worker.js" in url or "/pyodide/" in url for url in context.recorder.requests)


def test_a_qr_link_stores_the_code_at_once_and_the_engine_waits_for_a_check(context, site):
    phone = context.new_page()
    phone.goto(link(site, CODES[0], "Rood"))
    status = phone.locator("[data-sw-team-status]")
    status.filter(has_text="Code ontvangen.").wait_for()
    assert status.inner_text() == "Code ontvangen. Er is nu 1 code bewaard. Kies ‘Codes controleren’ als alle codes binnen zijn."
    assert codes_in_list(phone) == [CODES[0]]
    assert "#code=" not in phone.url
    # the next member's link, and the first one again
    phone = context.new_page()
    phone.goto(link(site, CODES[1], "Rood"))
    phone.locator("[data-sw-team-status]").filter(has_text="Er zijn nu 2 codes bewaard.").wait_for()
    phone = context.new_page()
    phone.goto(link(site, CODES[0], "Rood"))
    phone.locator("[data-sw-team-status]").filter(has_text="Deze code was al ontvangen. Er zijn 2 codes bewaard.").wait_for()
    assert codes_in_list(phone) == CODES[:2]
    phone.wait_for_timeout(1500)
    assert not engine_started(context)  # three arrivals, no Python
    # the facilitator asks for the check: the engine starts and reads both codes in one go
    phone.click("[data-sw-check]")
    phone.wait_for_selector("[data-sw-withheld]", timeout=60000)
    assert engine_started(context)
    assert phone.locator('tr[data-sw-line-status="valid"]').count() == 2


def test_a_code_damaged_on_the_way_is_kept_and_marked_by_the_engine_later(context, site):
    good = CODES[0]
    damaged = good[:-1] + ("0" if good[-1] != "0" else "1")
    phone = context.new_page()
    phone.goto(link(site, damaged, "Rood"))
    status = phone.locator("[data-sw-team-status]")
    status.filter(has_text="Let op: deze code klopt niet.").wait_for()
    assert "De code staat wel in de lijst." in status.inner_text()
    assert codes_in_list(phone) == [damaged]
    assert not engine_started(context)
    phone.click("[data-sw-check]")
    row = phone.locator("tr[data-sw-line-status]").first
    row.wait_for(timeout=60000)
    assert row.get_attribute("data-sw-line-status") == "typo"


def test_a_page_opened_without_a_code_starts_the_engine_at_once(context, page, site):
    page.goto(site(f"scans/{SCAN}/team/#team=Rood"))
    page.wait_for_function("() => performance.getEntriesByType('resource').some((e) => e.name.includes('engine-worker.js'))")
    assert engine_started(context)
