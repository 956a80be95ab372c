"""Search text from a query string (?q=), made safe to filter with: control characters dropped
(PostgreSQL refuses a NUL in any text parameter, which would otherwise be a server error for a
hostile or garbled link), surrounding space trimmed, length capped."""

import unicodedata


def search_text(raw, *, max_length: int = 100) -> str:
    text = "".join(ch for ch in str(raw or "") if unicodedata.category(ch) != "Cc")
    return text.strip()[:max_length]
