"""The achievement's badge image (OB 3.0 `Achievement.image`): an SVG rendered on the server from the
program's name and issuing body, so a wallet shows a picture without the issuer hosting artwork.

Text goes in as XML character data (escaped), so a program name can never add markup; no script, no
external references, no style attributes (the site's strict CSP applies to it too).
Non-ASCII names render with the viewer's fonts (the document is UTF-8)."""

from __future__ import annotations

import hashlib
import unicodedata
from xml.sax.saxutils import escape

SIZE = 400
MEDIA_TYPE = "image/svg+xml; charset=utf-8"
FONT = "DejaVu Sans, Noto Sans, Noto Sans CJK SC, Arial, sans-serif"
# Colours chosen by the program's name, so badges of different programs differ.
PALETTE = ("#1f5f8b", "#2e7d32", "#6a1b9a", "#ad1457", "#00695c", "#4e342e", "#283593", "#bf360c")


def _width(text: str) -> float:
    """Rough rendered width in ems: wide (CJK) characters count double."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.0 for ch in text)


def wrap(text: str, *, width: float, max_lines: int) -> list[str]:
    """Greedy wrap on spaces; a word longer than a line (or text without spaces, as in Chinese) is
    cut by characters. More than `max_lines` lines end with an ellipsis."""
    text = " ".join(text.split())
    lines: list[str] = []
    current = ""
    for word in text.split(" ") if text else []:
        candidate = f"{current} {word}" if current else word
        if _width(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while _width(word) > width:
            cut = 1
            while cut < len(word) and _width(word[: cut + 1]) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _width(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _text_block(lines: list[str], *, y: float, size: int, weight: str, fill: str) -> str:
    step = size * 1.2
    start = y - step * (len(lines) - 1) / 2
    return "".join(
        f'<text x="{SIZE // 2}" y="{start + i * step:.1f}" text-anchor="middle" font-family="{FONT}" '
        f'font-size="{size}" font-weight="{weight}" fill="{fill}">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )


def render_svg(*, name: str, issuing_body: str) -> bytes:
    """The badge: a coloured disc with a ring, the program's name in the middle and the issuing body
    below it."""
    colour = PALETTE[int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(PALETTE)]
    name_lines = wrap(name, width=18, max_lines=4)
    body_lines = wrap(issuing_body, width=28, max_lines=2)
    title = f"{name} ({issuing_body})" if issuing_body else name
    c = SIZE // 2
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img">'
        f"<title>{escape(title)}</title>"
        f'<circle cx="{c}" cy="{c}" r="{c - 4}" fill="{colour}"/>'
        f'<circle cx="{c}" cy="{c}" r="{c - 22}" fill="none" stroke="#ffffff" stroke-width="4"/>'
        + _text_block(name_lines, y=c - 18, size=26, weight="bold", fill="#ffffff")
        + _text_block(body_lines, y=c + 92, size=15, weight="normal", fill="#f0f0f0")
        + "</svg>"
    )
    return svg.encode("utf-8")
