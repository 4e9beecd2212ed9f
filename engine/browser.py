"""The engine's door for the browser: one JSON request in, one JSON reply out.

The Web Worker (``theme/overrides/assets/js/engine-worker.js``) calls
``handle(request_json)`` through Pyodide and passes the reply on unchanged;
the request and reply shapes are the ``*:request``/``*:result`` messages of
``engine-protocol.js``. Passing JSON text, not Python objects, keeps the
boundary simple and makes CPython and Pyodide replies byte-identical.
"""
from __future__ import annotations

import json

from .codes import encode, read
from .errors import AssessmentError
from .model import Assessment, parse_assessment
from .scoring import score
from .team import aggregate, compare_rounds, split_codes, team_round

_parsed: dict[str, Assessment] = {}


def _assessment(definition_json: str) -> Assessment:
    """Parse a definition once per page: the same JSON text comes with every request."""
    if definition_json not in _parsed:
        _parsed[definition_json] = parse_assessment(json.loads(definition_json))
    return _parsed[definition_json]


def result(assessment: Assessment, answers: dict, lang: str | None, nonce: int | None = None) -> dict:
    """A respondent's result page: the score and the code to hand on."""
    return {"score": score(assessment, answers, lang), "code": encode(assessment, answers, nonce)}


def decode_all(assessment: Assessment, codes: list) -> list[dict]:
    """Read each code; each entry says ``ok`` with the answers, or the reason and the Dutch message."""
    out = []
    for code in codes:
        try:
            decoded = read(assessment, code)
            out.append({"ok": True, "canonical": decoded.canonical, "answers": decoded.answers})
        except ValueError as error:
            out.append({"ok": False, "reason": getattr(error, "reason", "invalid"), "message": str(error)})
    return out


OPERATIONS = {
    "score": lambda a, req: score(a, req["answers"], req.get("lang")),
    # "nonce" is for test vectors only: the page never sends it, so codes stay random.
    "result": lambda a, req: result(a, req["answers"], req.get("lang"), req.get("nonce")),
    "encode": lambda a, req: encode(a, req["answers"], req.get("nonce")),
    "decode": lambda a, req: decode_all(a, req["codes"]),
    "aggregate": lambda a, req: aggregate(a, req["members"], req.get("lang")),
    # "order" is for test vectors only: a fixed permutation instead of a random shuffle.
    "team": lambda a, req: team_round(a, split_codes(req["text"]) if "text" in req else req["codes"],
                                      req.get("lang"), _fixed_order(req["order"]) if "order" in req else None),
    "compare": lambda a, req: compare_rounds(a, req["previous"], req["current"]),
    "qr": lambda a, req: qr_path(req["text"]),
}


def _fixed_order(order):
    def shuffle(items):
        items[:] = [items[i] for i in order if i < len(items)] + items[len(order):]
    return shuffle


def qr_path(text: str) -> dict:
    """A QR code for ``text`` as one SVG path (built by the page with DOM calls, never as markup).

    The QR encoder (segno, pure Python) is imported only here: the scoring
    modules stay standard-library only.
    """
    from .qr import qr_path as make
    return make(text)


def handle(request_json: str) -> str:
    """Run one request ``{"op", "definition", ...}``; reply ``{"ok": true, "value"}`` or ``{"ok": false, "error"}``.

    Bad input never raises: it comes back as an error reply with a message.
    """
    try:
        request = json.loads(request_json)
        operation = OPERATIONS.get(request.get("op"))
        if operation is None:
            raise ValueError(f"onbekende opdracht: {request.get('op')!r}")
        value = operation(_assessment(request["definition"]), request)
        reply = {"ok": True, "value": value}
    except AssessmentError as error:
        reply = {"ok": False, "error": {"kind": "AssessmentError", "message": str(error)}}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        kind = type(error).__name__ if isinstance(error, ValueError) else "BadRequest"
        reply = {"ok": False, "error": {"kind": kind, "message": str(error),
                                        "reason": getattr(error, "reason", None)}}
    return json.dumps(reply, ensure_ascii=False, separators=(",", ":"))
