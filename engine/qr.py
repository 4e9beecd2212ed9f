"""QR codes for result links, drawn as a single SVG path.

The one engine module with a dependency outside the standard library: segno,
a pure-Python QR encoder (BSD licence). The build ships it beside the engine
wheel and the worker installs both; nothing else imports this module.
"""
from __future__ import annotations

import segno


def qr_path(text: str, error: str = "m", border: int = 4) -> dict:
    """``{"size": modules incl. border, "path": "M..h..v..h..z ..."}``: one unit square per dark module."""
    if not isinstance(text, str) or not text or len(text) > 1000:
        raise ValueError("een QR-code heeft een tekst van 1 tot 1000 tekens nodig")
    qr = segno.make(text, error=error, micro=False)
    matrix = [list(row) for row in qr.matrix]
    size = len(matrix) + 2 * border
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(f"M{start + border} {y + border}h{x - start}v1h{start - x}z")
            else:
                x += 1
    return {"size": size, "path": "".join(parts), "version": qr.version}
