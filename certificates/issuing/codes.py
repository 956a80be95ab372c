"""Certificate codes: short, human-friendly, unguessable, with a check character.

Format: 11 random characters + 1 check character from Crockford's base32 alphabet (digits and
letters without I, L, O, U, so nothing is ambiguous when read aloud or off paper), shown grouped as
``PRX-7K3M-9QD2-F``. 32**11 (about 3.6e16) codes, drawn with `secrets`; the check character
(Luhn mod 32) catches every single mistyped character and almost every swap of neighbours before
any database look-up, so a typo gets "check the code" instead of "not issued here".
"""

import re
import secrets

from django.utils.translation import gettext_lazy as _

from lms.errors import Invalid

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 11
LENGTH = RANDOM_LENGTH + 1
GROUPS = (3, 4, 4, 1)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Characters people type for one another (Crockford's decoding rules).
_CONFUSIONS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.–—]+")

ERR_CODE_EMPTY = _("Enter the certificate code printed on the certificate.")
ERR_CODE_LENGTH = _("A certificate code has 12 letters and digits, like PRX-7K3M-9QD2-F.")
ERR_CODE_CHARACTERS = _("A certificate code uses only digits and the letters A–Z except I, L, O and U.")
ERR_CODE_CHECK = _(
    "This code is not valid: one character is probably mistyped. Check it against the certificate."
)


def check_character(body: str) -> str:
    """Luhn mod N (N = 32) over the alphabet: detects any single substitution and most adjacent
    transpositions."""
    factor = 2
    total = 0
    for ch in reversed(body):
        addend = factor * _VALUE[ch]
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return ALPHABET[(32 - total % 32) % 32]


def generate_code() -> str:
    """A new random code in canonical (ungrouped) form."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + check_character(body)


def format_code(code: str) -> str:
    """Canonical code -> grouped display form ("PRX7K3M9QD2F" -> "PRX-7K3M-9QD2-F")."""
    parts, start = [], 0
    for size in GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(p for p in parts if p)


def normalize_code(raw: str | None) -> str:
    """User input -> canonical code, or Invalid with a message saying what is wrong. Accepts any
    case, dashes and spaces, and O/I/L typed for 0/1/1."""
    text = _SEPARATORS.sub("", (raw or "").strip()).upper().translate(_CONFUSIONS)
    if not text:
        raise Invalid(ERR_CODE_EMPTY, field="code")
    if any(ch not in _VALUE for ch in text):
        raise Invalid(ERR_CODE_CHARACTERS, field="code")
    if len(text) != LENGTH:
        raise Invalid(ERR_CODE_LENGTH, field="code")
    if check_character(text[:-1]) != text[-1]:
        raise Invalid(ERR_CODE_CHECK, field="code")
    return text


def looks_like_code(raw: str | None) -> bool:
    try:
        normalize_code(raw)
    except Invalid:
        return False
    return True
