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
from .organisation import overview, team_file
from .scoring import score
from .team import aggregate, compare_rounds, split_codes, team_round

_parsed: dict[str, Assessment] = {}

# The same words as TOO_DEEP in engine-protocol.js: the worker refuses requests nested deeper
# than MAX_DEPTH before they reach Python; a deep request from elsewhere ends here.
TOO_DEEP = "Dit verzoek is te diep genest om te lezen."


def _assessment(definition_json: str) -> Assessment:
    """Parse a definition once per page: the same JSON text comes with every request."""
    if definition_json not in _parsed:
        _parsed[definition_json] = parse_assessment(json.loads(definition_json))
    return _parsed[definition_json]


def result(assessment: Assessment, answers: dict, lang: str | None, nonce: int | None = None,
           perspective: str | None = None) -> dict:
    """A respondent's result page: the score and the code to hand on (both with the perspective chosen)."""
    return {"score": score(assessment, answers, lang, perspective),
            "code": encode(assessment, answers, perspective, nonce=nonce)}


def decode_all(assessment: Assessment, codes: list) -> list[dict]:
    """Read each code; each entry says ``ok`` with the answers and perspective, or the reason and the Dutch message."""
    out = []
    for code in codes:
        try:
            decoded = read(assessment, code)
            out.append({"ok": True, "canonical": decoded.canonical, "answers": decoded.answers,
                        "perspective": decoded.perspective})
        except ValueError as error:
            out.append({"ok": False, "reason": getattr(error, "reason", "invalid"), "message": str(error)})
    return out


OPERATIONS = {
    # "perspective" (score, result, encode): the option id chosen, or absent/null for none.
    "score": lambda a, req: score(a, req["answers"], req.get("lang"), req.get("perspective")),
    # "nonce" is for test vectors only: the page never sends it, so codes stay random.
    "result": lambda a, req: result(a, req["answers"], req.get("lang"), req.get("nonce"), req.get("perspective")),
    "encode": lambda a, req: encode(a, req["answers"], req.get("perspective"), nonce=req.get("nonce")),
    "decode": lambda a, req: decode_all(a, req["codes"]),
    "aggregate": lambda a, req: aggregate(a, req["members"], req.get("lang")),
    # "order" is for test vectors only: a fixed permutation instead of a random shuffle.
    # "shown": the round's memory (lists of codes whose result was shown); "show": the facilitator asks
    # for the current codes' result. The team page always sends "shown"; without it nothing is guarded.
    "team": lambda a, req: team_round(a, split_codes(req["text"]) if "text" in req else req["codes"],
                                      req.get("lang"), _fixed_order(req["order"]) if "order" in req else None,
                                      req.get("shown"), bool(req.get("show", False))),
    "compare": lambda a, req: compare_rounds(a, req["previous"], req["current"]),
    "qr": lambda a, req: qr_path(req["text"]),
    # The organisation overview (issue 17): a team result file from the codes of the version of a round
    # that is shown, and the picture of many such files ({"name", "text"} each, read as text by the page).
    "team-file": lambda a, req: team_file(a, req["codes"], req.get("label"), req.get("department"),
                                          req.get("round"), req.get("date"), req.get("lang")),
    "organisation": lambda a, req: overview(a, req["files"], req.get("lang")),
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

    One request, exactly one reply: nothing raises out of here. Bad input comes
    back as an error reply with a message; so do input nested too deep to read
    (``RecursionError``, e.g. a hand-made "earlier round" file), input too big
    (``MemoryError``) and any other failure, which would otherwise leave the page
    waiting for a reply that never comes.
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
    except RecursionError:
        reply = {"ok": False, "error": {"kind": "TooDeep", "message": TOO_DEEP}}
    except MemoryError:
        reply = {"ok": False, "error": {"kind": "TooBig", "message": "Dit verzoek is te groot om te verwerken."}}
    except Exception as error:  # the last resort of "exactly one reply"
        kind = type(error).__name__
        reply = {"ok": False, "error": {"kind": kind, "message": f"Er ging iets mis in de rekenmodule ({kind}: {error})."}}
    try:
        return json.dumps(reply, ensure_ascii=False, separators=(",", ":"))
    except RecursionError:  # a value too deep to write back (an echo of the request)
        return json.dumps({"ok": False, "error": {"kind": "TooDeep", "message": TOO_DEEP}}, separators=(",", ":"))
