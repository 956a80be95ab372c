"""W3C Bitstring Status List: one bit per certificate in each list (revocation, suspension). A
credential names only the revocation list; the suspension list is served alongside.

The bits are derived from the certificate register on every request (a revoked certificate's bit is
1 in the revocation list, a suspended one's in the suspension list), so a status change shows in
the list at once and the two can never disagree. Bit 0 is the most significant bit of the first
byte, as the specification requires."""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterable

LIST_SIZE = 131_072  # bits: the specification's minimum (16 KiB), so an index reveals nothing
PURPOSES = ("revocation", "suspension")
# The one list a credential's credentialStatus names (OB 3.0 allows one status object). The suspension
# list is still served for verifiers who ask, but no credential points to it: see docs/open-badges.md.
CREDENTIAL_PURPOSE = "revocation"


def encode_bitstring(set_indices: Iterable[int], *, size: int = LIST_SIZE) -> str:
    """Indices to the `encodedList` value: multibase "u" + base64url (no padding) of the GZIP'd
    bitstring."""
    data = bytearray(size // 8)
    for index in set_indices:
        if not 0 <= index < size:
            raise ValueError(f"status list index {index} out of range")
        data[index // 8] |= 0x80 >> (index % 8)
    # mtime=0 keeps the output stable for identical lists (cache-friendly).
    compressed = gzip.compress(bytes(data), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_bitstring(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url ('u' prefix)")
    body = encoded[1:]
    padded = body + "=" * (-len(body) % 4)
    return gzip.decompress(base64.urlsafe_b64decode(padded))


def bit_is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))
