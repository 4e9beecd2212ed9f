"""Result codes: a respondent's answers as a short code they can hand on.

A code carries exactly this, as one integer written in Crockford Base32:

    bits, from the top:  answers | nonce (16) | version (8) | assessment (20) | format (4) | checksum (16)

- answers: one mixed-radix number. Every question is a digit: 0 = unanswered,
  1.. = the scale values, and after those one more value, "n/a", only for a
  question with ``not_applicable``; the first question is the lowest digit.
  Above the last question sits the perspective: 0 = none chosen, 1.. = the
  options in order (nothing at all for an assessment without a perspective).
  So a 30-question 5-point scan without either needs 78 bits;
- nonce: 16 random bits, so two identical answer sets give different codes and
  a code pasted twice is recognised as the same person;
- version: the assessment's version, 1 to 255 (validation refuses more, so the
  version read back is the version written); assessment: 20 bits of the
  FNV-1a hash of its id; format: the layout version of this module;
- checksum: CRC-16/CCITT over everything above, arranged so the whole integer
  is a multiple of the CRC polynomial. A CRC of degree 16 detects every error
  burst of up to 16 bits: a mistyped symbol touches 5 bits, a swap of two
  neighbouring symbols 10, so both always fail to decode.

The header sits at the low end so that a code of another assessment (of
another length) can still be recognised as such. Nothing else is stored: no
name, no time. Standard library only: this module runs in the browser.

Formats: 2 (this one) since "n/a" and the perspective; 1 had the same header
and every question as a digit of radix (scale points + 1), nothing else. A
format-1 code still decodes, with that layout (no "n/a", no perspective).
Keep ``theme/overrides/assets/js/code-fallback.js`` in step with this module.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from .errors import CodeError
from .scoring import NOT_APPLICABLE, Answers, as_assessment, check_perspective, normalize_answers

FORMAT = 2
READABLE_FORMATS = (1, 2)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SYMBOL_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_SYMBOL_VALUE.update({"I": 1, "L": 1, "O": 0})
_IGNORED = set("- \t\r\n")
GROUP = 4
MAX_SYMBOLS = 100

CRC_POLY = 0x11021  # x^16 + x^12 + x^5 + 1
CRC_BITS = 16
FORMAT_BITS, ASSESSMENT_BITS, VERSION_BITS, NONCE_BITS = 4, 20, 8, 16
HEADER_BITS = FORMAT_BITS + ASSESSMENT_BITS + VERSION_BITS + NONCE_BITS


@dataclass(frozen=True)
class ResultCode:
    """A decoded code: the answers, the code in canonical form (for spotting duplicates), the perspective."""

    answers: dict[str, int | str | None]
    canonical: str
    perspective: str | None = None


def assessment_tag(assessment_id: str) -> int:
    """20 bits that stand for the assessment id (FNV-1a, 32-bit, folded)."""
    h = 0x811C9DC5
    for byte in assessment_id.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return (h ^ (h >> 20)) & ((1 << ASSESSMENT_BITS) - 1)


def _crc_remainder(value: int) -> int:
    """Remainder of ``value`` as a GF(2) polynomial divided by the CRC polynomial."""
    for bit in range(value.bit_length() - 1, CRC_BITS - 1, -1):
        if value >> bit & 1:
            value ^= CRC_POLY << (bit - CRC_BITS)
    return value


def _answer_layout(assessment, fmt: int = FORMAT) -> tuple[int, bool, int]:
    """(base radix, whether "n/a" has a digit, how many different answer parts there are).

    A question's digit has radix ``base`` (0 unanswered, 1.. the scale values),
    or ``base + 1`` in format 2 for a question with ``not_applicable`` (the last
    digit is "n/a"); the perspective digit on top has radix options + 1 (0: none).
    """
    base = assessment.scale.max - assessment.scale.min + 2
    questions = len(assessment.questions)
    if fmt == 1:
        return base, False, base ** questions
    with_na = sum(1 for q in assessment.questions if q.not_applicable is not None)
    choices = len(assessment.perspective.options) + 1 if assessment.perspective is not None else 1
    return base, True, choices * base ** (questions - with_na) * (base + 1) ** with_na


def _code_length(assessment, fmt: int = FORMAT) -> int:
    answer_bits = (_answer_layout(assessment, fmt)[2] - 1).bit_length()
    return -(-(answer_bits + HEADER_BITS + CRC_BITS) // 5)


def _version(assessment) -> int:
    """The version as a code holds it; one that does not fit (only an unvalidated ``Assessment``) is refused."""
    if not 0 <= assessment.version < 1 << VERSION_BITS:
        raise CodeError("version", f"Versie {assessment.version} van deze scan past niet in een resultaatcode "
                                   f"(hoogstens {(1 << VERSION_BITS) - 1}).")
    return assessment.version


def code_length(definition) -> int:
    """How many symbols (hyphens not counted) a code of this assessment has."""
    return _code_length(as_assessment(definition))


def encode(definition, answers: Answers, perspective: str | None = None, nonce: int | None = None) -> str:
    """The result code for ``answers`` (and the perspective chosen); ``nonce`` is random unless a test fixes it."""
    assessment = as_assessment(definition)
    perspective = check_perspective(assessment, perspective)
    values = normalize_answers(assessment, answers)
    base = assessment.scale.max - assessment.scale.min + 2
    low = assessment.scale.min
    digits = assessment.perspective.ids.index(perspective) + 1 if perspective is not None else 0
    for question in reversed(assessment.questions):
        value = values[question.id]
        radix = base if question.not_applicable is None else base + 1
        if value is None:
            digit = 0
        elif value == NOT_APPLICABLE:
            digit = base
        else:
            digit = value - low + 1
        digits = digits * radix + digit
    if nonce is None:
        nonce = secrets.randbits(NONCE_BITS)
    message = digits
    message = (message << NONCE_BITS) | (nonce & ((1 << NONCE_BITS) - 1))
    message = (message << VERSION_BITS) | _version(assessment)
    message = (message << ASSESSMENT_BITS) | assessment_tag(assessment.id)
    message = (message << FORMAT_BITS) | FORMAT
    shifted = message << CRC_BITS
    codeword = shifted | _crc_remainder(shifted)
    length = _code_length(assessment)
    symbols = []
    for _ in range(length):
        symbols.append(ALPHABET[codeword & 31])
        codeword >>= 5
    text = "".join(reversed(symbols))
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def canonical(code: str) -> str:
    """The code without separators, upper case, with I/L read as 1 and O as 0.

    Raises ``CodeError`` for characters that cannot occur in a code.
    """
    if not isinstance(code, str):
        raise CodeError("characters", "Een resultaatcode is tekst, zoals 7K3M-Q9TA-…")
    cleaned = []
    bad: dict[str, None] = {}  # the distinct bad characters in order; a dict, so a long line stays linear
    for char in code.upper():
        if char in _IGNORED:
            continue
        if char not in _SYMBOL_VALUE:
            bad[char] = None
            continue
        cleaned.append(ALPHABET[_SYMBOL_VALUE[char]])
    if bad:
        shown = " ".join(repr(c) for c in list(bad)[:5])
        raise CodeError("characters", f"Deze code bevat tekens die in een resultaatcode niet voorkomen: {shown}. "
                                      f"Neem de code nog eens precies over.")
    return "".join(cleaned)


def read(definition, code: str) -> ResultCode:
    """Decode ``code`` for this assessment; raise ``CodeError`` with a Dutch message saying what is wrong."""
    assessment = as_assessment(definition)
    symbols = canonical(code)
    expected = _code_length(assessment)
    if not symbols:
        raise CodeError("empty", "Er is geen code ingevuld.")
    if len(symbols) > max(expected, MAX_SYMBOLS):
        raise CodeError("long", f"Dit is te lang voor een resultaatcode: een code voor deze scan heeft "
                                f"{expected} tekens.")
    codeword = 0
    for char in symbols:
        codeword = (codeword << 5) | _SYMBOL_VALUE[char]

    if _crc_remainder(codeword) != 0:
        if len(symbols) < expected:
            missing = expected - len(symbols)
            raise CodeError("short", f"Deze code is te kort: er {'ontbreekt 1 teken' if missing == 1 else f'ontbreken {missing} tekens'}. "
                                     f"Een code voor deze scan heeft {expected} tekens (streepjes niet meegeteld).")
        if len(symbols) > expected:
            extra = len(symbols) - expected
            raise CodeError("long", f"Deze code is te lang: er {'staat 1 teken' if extra == 1 else f'staan {extra} tekens'} te veel. "
                                    f"Een code voor deze scan heeft {expected} tekens (streepjes niet meegeteld).")
        raise CodeError("typo", "Deze code klopt niet: waarschijnlijk is er een teken verkeerd overgenomen "
                                "of zijn twee tekens verwisseld. Vergelijk de code teken voor teken met het origineel.")

    message = codeword >> CRC_BITS
    fmt = message & ((1 << FORMAT_BITS) - 1)
    message >>= FORMAT_BITS
    tag = message & ((1 << ASSESSMENT_BITS) - 1)
    message >>= ASSESSMENT_BITS
    version = message & ((1 << VERSION_BITS) - 1)
    message >>= VERSION_BITS + NONCE_BITS
    if fmt not in READABLE_FORMATS:
        raise CodeError("format", "Deze code is gemaakt met een andere uitgave van Supportwijzer en kan hier "
                                  "niet gelezen worden. Vul de scan op deze site opnieuw in.")
    if tag != assessment_tag(assessment.id):
        raise CodeError("assessment", "Deze code hoort bij een andere scan. Plak hem op de teampagina "
                                      "van de scan waarmee hij gemaakt is.")
    own_version = assessment.version
    if version != own_version:
        raise CodeError("version", f"Deze code hoort bij een andere versie van deze scan (versie {version}; "
                                   f"deze pagina gebruikt versie {own_version}). De vragen zijn intussen "
                                   f"veranderd: vraag om de scan opnieuw in te vullen.")
    if fmt != FORMAT:  # an older code of this very version: its own layout, and its own length
        expected = _code_length(assessment, fmt)
    if len(symbols) != expected:
        raise CodeError("long" if len(symbols) > expected else "short",
                        f"Deze code heeft {len(symbols)} tekens, maar een code voor deze scan heeft er {expected}.")
    base, with_na, capacity = _answer_layout(assessment, fmt)
    if message >= capacity:
        raise CodeError("corrupt", "Deze code klopt niet: hij bevat antwoorden die niet kunnen bestaan. "
                                   "Vergelijk de code teken voor teken met het origineel.")
    low = assessment.scale.min
    answers: dict[str, int | str | None] = {}
    for question in assessment.questions:
        radix = base + 1 if with_na and question.not_applicable is not None else base
        message, digit = divmod(message, radix)
        if digit == 0:
            answers[question.id] = None
        elif digit == base:  # the digit after the scale values
            answers[question.id] = NOT_APPLICABLE
        else:
            answers[question.id] = low + digit - 1
    perspective = assessment.perspective.ids[message - 1] if message else None
    return ResultCode(answers=answers, canonical=symbols, perspective=perspective)


def decode(definition, code: str) -> dict:
    """What ``code`` holds: ``{"answers": {question id: value, None or "n/a"}, "perspective": id or None}``."""
    decoded = read(definition, code)
    return {"answers": decoded.answers, "perspective": decoded.perspective}
