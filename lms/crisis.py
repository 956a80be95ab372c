"""Crisis numbers people can tap. Course text tells trainees to call or text 988, call 911, or ring
SAMHSA's National Helpline; on a phone each of those should dial. `link_crisis_numbers` turns them into
`tel:` links in HTML that editors wrote (rich text, block output), leaving alone anything already inside
a link (or a button, a form control, code), every tag and attribute, and numbers that are only part of a
larger one (1988, 988-1234, $911, 988lifeline.org)."""

from __future__ import annotations

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# (pattern, tel: target). Digits that are part of something larger never match: not after a word
# character, a digit group separator, a currency or an entity (&#988;), not before a word character or
# another digit group.
_BEFORE = r"(?<![\w$#&/.,:+-])"
_AFTER = r"(?![\w]|[-./:,]\d)"
NUMBERS: list[tuple[str, str]] = [
    # SAMHSA's National Helpline, as written in US texts: 1-800-662-4357, (800) 662-4357,
    # 1-800-662-HELP (4357).
    (r"(?:1[-. ])?(?:\(800\) ?|800[-. ])662[-. ](?:4357|HELP(?: \(4357\))?)", "+18006624357"),
    # The 988 Suicide & Crisis Lifeline (call or text) and emergency services.
    (r"988", "988"),
    (r"911", "911"),
]
_PATTERN = re.compile("|".join(f"(?P<n{i}>{_BEFORE}{p}{_AFTER})" for i, (p, _t) in enumerate(NUMBERS)))
_TARGETS = {f"n{i}": target for i, (_p, target) in enumerate(NUMBERS)}

# Text inside these is left as written: a link inside a link (or a control) is invalid HTML and
# confuses screen readers; code and preformatted text show numbers as data.
_SKIP = {"a", "button", "select", "option", "textarea", "code", "pre", "script", "style", "title"}
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


def _link(match: re.Match) -> str:
    target = _TARGETS[match.lastgroup]
    return format_html('<a class="tel-link" href="tel:{}">{}</a>', target, mark_safe(match.group(0)))


def link_crisis_numbers(html: str) -> SafeString:
    """`html` (already safe markup) with each crisis number outside a link made a `tel:` link."""
    if not _PATTERN.search(html):
        return mark_safe(html)
    out: list[str] = []
    skipping: list[str] = []
    for piece in _TAG.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            tag = _TAG_NAME.match(piece)
            if tag and tag.group(2).lower() in _SKIP and not piece.endswith("/>"):
                name = tag.group(2).lower()
                if tag.group(1):
                    if name in skipping:
                        # Close back to the matching opening tag (tolerates editors' unbalanced HTML).
                        del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
                else:
                    skipping.append(name)
            out.append(piece)
        elif skipping:
            out.append(piece)
        else:
            out.append(_PATTERN.sub(_link, piece))
    return mark_safe("".join(out))
