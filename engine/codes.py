"""Result codes: a respondent's answers as a short code they can hand on.

A code carries exactly this, as one integer written in Crockford Base32:

    bits, from the top:  answers | nonce (16) | version (8) | assessment (20) | format (4) | checksum (16)

- answers: every question as one mixed-radix digit (0 = unanswered, 1.. = the
  scale values), so a 30-question 5-point scan needs 78 bits;
- nonce: 16 random bits, so two identical answer sets give different codes and
  a code pasted twice is recognised as the same person;
- version: the assessment's version modulo 256; assessment: 20 bits of the
  FNV-1a hash of its id; format: the layout version of this module;
- checksum: CRC-16/CCITT over everything above, arranged so the whole integer
  is a multiple of the CRC polynomial. A CRC of degree 16 detects every error
  burst of up to 16 bits: a mistyped symbol touches 5 bits, a swap of two
  neighbouring symbols 10, so both always fail to decode.

The header sits at the low end so that a code of another assessment (of
another length) can still be recognised as such. Nothing else is stored: no
name, no time. Standard library only: this module runs in the browser.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from .errors import CodeError
from .scoring import Answers, as_assessment, normalize_answers

FORMAT = 1
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
    """A decoded code: the answers, and the code in canonical form (for spotting duplicates)."""

    answers: dict[str, int | None]
    canonical: str


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


def _answer_layout(assessment) -> tuple[int, int]:
    """(radix, number of answer bits): one digit per question, 0 meaning unanswered."""
    radix = assessment.scale.max - assessment.scale.min + 2
    return radix, (radix ** len(assessment.questions) - 1).bit_length()


def code_length(definition) -> int:
    """How many symbols (hyphens not counted) a code of this assessment has."""
    _, answer_bits = _answer_layout(as_assessment(definition))
    return -(-(answer_bits + HEADER_BITS + CRC_BITS) // 5)


def encode(definition, answers: Answers, nonce: int | None = None) -> str:
    """The result code for ``answers``; ``nonce`` is random unless a test fixes it."""
    assessment = as_assessment(definition)
    values = normalize_answers(assessment, answers)
    radix, _ = _answer_layout(assessment)
    digits = 0
    for question in reversed(assessment.questions):
        value = values[question.id]
        digits = digits * radix + (0 if value is None else value - assessment.scale.min + 1)
    if nonce is None:
        nonce = secrets.randbits(NONCE_BITS)
    message = digits
    message = (message << NONCE_BITS) | (nonce & ((1 << NONCE_BITS) - 1))
    message = (message << VERSION_BITS) | (assessment.version % (1 << VERSION_BITS))
    message = (message << ASSESSMENT_BITS) | assessment_tag(assessment.id)
    message = (message << FORMAT_BITS) | FORMAT
    shifted = message << CRC_BITS
    codeword = shifted | _crc_remainder(shifted)
    length = code_length(assessment)
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
    bad = []
    for char in code.upper():
        if char in _IGNORED:
            continue
        if char not in _SYMBOL_VALUE:
            if char not in bad:
                bad.append(char)
            continue
        cleaned.append(ALPHABET[_SYMBOL_VALUE[char]])
    if bad:
        shown = " ".join(repr(c) for c in bad[:5])
        raise CodeError("characters", f"Deze code bevat tekens die in een resultaatcode niet voorkomen: {shown}. "
                                      f"Neem de code nog eens precies over.")
    return "".join(cleaned)


def read(definition, code: str) -> ResultCode:
    """Decode ``code`` for this assessment; raise ``CodeError`` with a Dutch message saying what is wrong."""
    assessment = as_assessment(definition)
    symbols = canonical(code)
    expected = code_length(assessment)
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
    if fmt != FORMAT:
        raise CodeError("format", "Deze code is gemaakt met een andere uitgave van Supportwijzer en kan hier "
                                  "niet gelezen worden. Vul de scan op deze site opnieuw in.")
    if tag != assessment_tag(assessment.id):
        raise CodeError("assessment", "Deze code hoort bij een andere scan. Plak hem op de teampagina "
                                      "van de scan waarmee hij gemaakt is.")
    own_version = assessment.version % (1 << VERSION_BITS)
    if version != own_version:
        raise CodeError("version", f"Deze code hoort bij een andere versie van deze scan (versie {version}; "
                                   f"deze pagina gebruikt versie {own_version}). De vragen zijn intussen "
                                   f"veranderd: vraag om de scan opnieuw in te vullen.")
    if len(symbols) != expected:
        raise CodeError("long" if len(symbols) > expected else "short",
                        f"Deze code heeft {len(symbols)} tekens, maar een code voor deze scan heeft er {expected}.")
    radix, _ = _answer_layout(assessment)
    if message >= radix ** len(assessment.questions):
        raise CodeError("corrupt", "Deze code klopt niet: hij bevat antwoorden die niet kunnen bestaan. "
                                   "Vergelijk de code teken voor teken met het origineel.")
    answers: dict[str, int | None] = {}
    for question in assessment.questions:
        message, digit = divmod(message, radix)
        answers[question.id] = None if digit == 0 else assessment.scale.min + digit - 1
    return ResultCode(answers=answers, canonical=symbols)


def decode(definition, code: str) -> dict[str, int | None]:
    """The answers in ``code``: ``{question id: value or None}`` for every question."""
    return read(definition, code).answers
