"""QR codes (segno) for the verification URL printed on each certificate."""

import segno


def qr_svg_data_uri(url: str, *, scale: int = 4) -> str:
    """An SVG data URI of a QR code for `url`, dark on white, error correction M (survives a crease
    or a smudge on a printed certificate)."""
    qr = segno.make(url, error="m", micro=False)
    return qr.svg_data_uri(scale=scale, border=2, dark="#1b2a41", light="#ffffff")
