"""Hostile PDFs for the bounded-check tests: small files that cost a naive parser a lot."""

import zlib
from io import BytesIO

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [] /Count 0 >>"


def _row(kind: int, field2: int, field3: int) -> bytes:
    return bytes([kind]) + field2.to_bytes(4, "big") + field3.to_bytes(2, "big")


def _xref_stream(
    out: BytesIO,
    number: int,
    rows: bytes,
    *,
    size: int,
    index: list[int],
    root: int = 1,
    prev: int | None = None,
) -> int:
    position = out.tell()
    data = zlib.compress(rows, 9)
    index_text = " ".join(str(n) for n in index).encode()
    prev_text = b" /Prev %d" % prev if prev is not None else b""
    out.write(
        b"%d 0 obj\n<< /Type /XRef /Size %d /Index [%s] /W [1 4 2] /Root %d 0 R%s /Filter /FlateDecode"
        b" /Length %d >>\nstream\n" % (number, size, index_text, root, prev_text, len(data))
    )
    out.write(data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % position)
    return position


def xref_stream_bomb(entries: int = 2_000_000) -> bytes:
    """A cross-reference stream that claims (and, compressed, holds) `entries` entries: ~20 KB."""
    out = BytesIO()
    out.write(HEADER)
    first = out.tell()
    out.write(b"1 0 obj\n" + CATALOG + b"\nendobj\n")
    second = out.tell()
    out.write(b"2 0 obj\n" + PAGES + b"\nendobj\n")
    rows = _row(0, 0, 65535) + _row(1, first, 0) + _row(1, second, 0) + _row(1, first, 0) * (entries - 3)
    _xref_stream(out, 3, rows, size=entries, index=[0, entries])
    return out.getvalue()


def xref_table_bomb(entries: int = 2_000_000) -> bytes:
    """A classic xref table whose subsection header claims `entries` entries."""
    out = BytesIO()
    out.write(HEADER)
    first = out.tell()
    out.write(b"1 0 obj\n" + CATALOG + b"\nendobj\n")
    second = out.tell()
    out.write(b"2 0 obj\n" + PAGES + b"\nendobj\n")
    position = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % entries)
    out.write(b"%010d 00000 n \n%010d 00000 n \n" % (first, second))
    out.write(b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % position)
    return out.getvalue()


def inflation_bomb(inflated_mb: int = 200) -> bytes:
    """An object stream that holds the catalog and inflates to `inflated_mb` MB: nothing declared
    is out of bounds, only the memory it takes to read it (~200 KB on disk)."""
    body = b"1 0 2 " + str(len(CATALOG) + 1).encode() + b" "
    first = len(body)
    content = body + CATALOG + b" " + PAGES + b" " * (inflated_mb * 1024 * 1024)
    data = zlib.compress(content, 9)
    out = BytesIO()
    out.write(HEADER)
    objstm = out.tell()
    out.write(
        b"3 0 obj\n<< /Type /ObjStm /N 2 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (first, len(data))
    )
    out.write(data + b"\nendstream\nendobj\n")
    xref_at = out.tell()
    rows = _row(0, 0, 65535) + _row(2, 3, 0) + _row(2, 3, 1) + _row(1, objstm, 0) + _row(1, xref_at, 0)
    _xref_stream(out, 4, rows, size=5, index=[0, 5])
    return out.getvalue()


def nesting_bomb(depth: int = 200_000) -> bytes:
    """A catalog holding arrays nested `depth` deep: a recursive parser runs out of stack."""
    out = BytesIO()
    out.write(HEADER)
    first = out.tell()
    out.write(
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * depth + b"]" * depth + b" >>\nendobj\n"
    )
    second = out.tell()
    out.write(b"2 0 obj\n" + PAGES + b"\nendobj\n")
    position = out.tell()
    out.write(b"xref\n0 3\n0000000000 65535 f \n")
    out.write(b"%010d 00000 n \n%010d 00000 n \n" % (first, second))
    out.write(b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % position)
    return out.getvalue()


def xref_chain_bomb(sections: int = 100, entries: int = 19_000) -> bytes:
    """`sections` cross-reference streams chained by /Prev, each under any per-section bound but
    together claiming sections x entries entries."""
    out = BytesIO()
    out.write(HEADER)
    first = out.tell()
    out.write(b"1 0 obj\n" + CATALOG + b"\nendobj\n")
    out.write(b"2 0 obj\n" + PAGES + b"\nendobj\n")
    prev = None
    for section in range(sections):
        start = 3 + section * entries
        rows = _row(1, first, 0) * entries
        prev = _xref_stream(out, start, rows, size=entries, index=[start, entries], prev=prev)
    return out.getvalue()
