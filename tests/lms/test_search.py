"""Search text from a query string: control characters (a NUL, which PostgreSQL refuses in any text
parameter) dropped, space trimmed, length capped."""

from lms.search import search_text


def test_control_characters_are_dropped_and_the_rest_kept():
    assert search_text(" Ana\x00 María\x07 ") == "Ana María"
    assert search_text("\x00") == ""
    assert search_text(None) == ""


def test_the_length_is_capped():
    assert search_text("x" * 500) == "x" * 100
    assert search_text("x" * 500, max_length=200) == "x" * 200
