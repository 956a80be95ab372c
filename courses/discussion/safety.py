"""Safe messaging: does a post mention suicide or overdose (English or Spanish)?

A post that does is published as usual (never blocked, never held back silently); its author is shown
the crisis resources on the page they land on, and the course's moderators get a safety item at the top
of their queue and a notification. Matching is on whole words, ignoring case and accents, so "Odessa"
or "episode" do not match while "Suicidal", "SOBREDOSIS" and "suicídio" do.

We deliberately prefer flagging: "suicide prevention training" or a question about overdose response
in a crisis module is flagged too. A moderator triages a safety item in seconds (dismiss), while a
missed one could matter; and the author seeing crisis numbers once costs little."""

from __future__ import annotations

import re
import unicodedata

# Phrases as typed after normalising (lower case, no accents, straight apostrophes). A space in a
# phrase matches any run of spaces. "OD'd" needs its apostrophe ("odd" is not an overdose).
TERMS_EN = [
    "suicide",
    "suicides",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my own life",
    "taking my own life",
    "want to die",
    "better off dead",
    "overdose",
    "overdoses",
    "overdosed",
    "overdosing",
    "od'd",
    "od'ed",
    "od'ing",
]
TERMS_ES = [
    "suicidio",
    "suicidios",
    "suicida",
    "suicidas",
    "suicidarme",
    "suicidarse",
    "suicidarte",
    "sobredosis",
    "quitarme la vida",
    "quitarse la vida",
    "acabar con mi vida",
    "matarme",
    "me quiero morir",
    "quiero morirme",
    "no quiero vivir",
]
TERMS = TERMS_EN + TERMS_ES


def normalise(text: str) -> str:
    """Lower case, accents removed, curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").casefold()


def _pattern(term: str) -> str:
    parts = []
    for piece in re.split(r"(\s+)", term):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(piece))
    return "".join(parts)


_MATCH = re.compile(r"(?<![\w'])(?:" + "|".join(_pattern(t) for t in TERMS) + r")(?![\w'])")


def mentions_crisis(*texts: str) -> bool:
    """True when any of `texts` (a title, a body) mentions suicide or overdose."""
    return any(_MATCH.search(normalise(text)) for text in texts if text)
