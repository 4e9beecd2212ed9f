"""Human-readable text that may come in several languages.

Every readable field of an assessment is either a plain string (the site's
default language) or a mapping ``{language code: string}``. The engine keeps
both forms and picks one language only when it builds a result, so one
validated assessment serves every language a site offers.
"""
from __future__ import annotations

DEFAULT_LANGUAGE = "nl"

Text = str | dict[str, str]


def localize(text: Text | None, lang: str | None = None) -> str | None:
    """Return ``text`` in ``lang``, else in the default language, else the first one given."""
    if text is None or isinstance(text, str):
        return text
    for code in (lang, DEFAULT_LANGUAGE):
        if code and code in text:
            return text[code]
    return next(iter(text.values()), None)
