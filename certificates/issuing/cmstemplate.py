"""The CMS container of a certificate's PDF signature, assembled from bytes prepared once per key.

pyHanko builds each signature's CMS SignedData as a tree of asn1crypto objects and encodes it again
from scratch: with the signer's certificate chain, that was about 60% of signing time (issue 10). For
one key and one kind of signature (PAdES B-B, SHA-256, no timestamp) every signature's container is the
same but for two values: the document's digest inside the signed attributes, and the signature value.
So pyHanko makes two reference signatures when the signing context is built, and the template keeps
what they share as DER bytes: the signed attributes around the 32-byte digest, and every other field
of SignerInfo, SignedData and ContentInfo. Each certificate then costs one substitution, one raw
signature and a few DER headers.

The template checks itself before it is used: it must rebuild both reference containers byte for byte
(their own signatures included), and their signed attributes must differ only where the digest sits.
Anything else, or any signature it was not built for (a dry run, a timestamp, other attributes or
digest), goes to pyHanko's own assembly unchanged."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from asn1crypto import cms
from pyhanko.sign.signers import SimpleSigner

logger = logging.getLogger(__name__)

DIGEST_ALGORITHM = "sha256"
DIGEST_SIZE = 32
# Two digests that differ in every byte, so the digest's place in the attributes is unmistakable.
_REFERENCE_DIGESTS = (b"\x00" * DIGEST_SIZE, b"\xff" * DIGEST_SIZE)

TAG_SEQUENCE = 0x30
TAG_SET = 0x31
TAG_OCTET_STRING = 0x04
TAG_CONTEXT_0 = 0xA0  # [0], constructed: implicit for signed attributes, explicit for the content


def der(tag: int, content: bytes) -> bytes:
    """One DER element: tag, definite length, content."""
    size = len(content)
    if size < 0x80:
        return bytes((tag, size)) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + content


@dataclass(frozen=True)
class CmsTemplate:
    attrs_before: bytes  # the signed attributes' content up to the digest
    attrs_after: bytes  # ... and after it
    signer_info_head: bytes  # version, sid, digest algorithm
    signature_algorithm: bytes
    signed_data_head: bytes  # version, digest algorithms, encapsulated content info, certificates
    content_type: bytes  # the ContentInfo's signedData OID

    def signed_attributes(self, digest: bytes) -> bytes:
        """The content octets of the signed attributes for this document digest."""
        return self.attrs_before + digest + self.attrs_after

    def assemble(self, attributes: bytes, signature: bytes) -> bytes:
        """The DER ContentInfo carrying these signed attributes (content octets) and signature."""
        signer_info = der(
            TAG_SEQUENCE,
            self.signer_info_head
            + der(TAG_CONTEXT_0, attributes)
            + self.signature_algorithm
            + der(TAG_OCTET_STRING, signature),
        )
        signed_data = der(TAG_SEQUENCE, self.signed_data_head + der(TAG_SET, signer_info))
        return der(TAG_SEQUENCE, self.content_type + der(TAG_CONTEXT_0, signed_data))


def _template_from(references: list[cms.ContentInfo]) -> CmsTemplate | None:
    """The template two reference containers share, or None when they are not shaped as expected."""
    parts = []
    for reference in references:
        signed_data = reference["content"]
        (signer_info,) = signed_data["signer_infos"]
        if signer_info["unsigned_attrs"] or signed_data["crls"]:
            return None
        parts.append((reference, signed_data, signer_info, signer_info["signed_attrs"].contents))
    (_, signed_data, signer_info, first), (_, _, _, second) = parts
    if len(first) != len(second):
        return None
    differing = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    if len(differing) != DIGEST_SIZE or differing[-1] - differing[0] != DIGEST_SIZE - 1:
        return None
    start = differing[0]
    if first[start : start + DIGEST_SIZE] != _REFERENCE_DIGESTS[0]:
        return None
    template = CmsTemplate(
        attrs_before=first[:start],
        attrs_after=first[start + DIGEST_SIZE :],
        signer_info_head=b"".join(
            signer_info[name].dump() for name in ("version", "sid", "digest_algorithm")
        ),
        signature_algorithm=signer_info["signature_algorithm"].dump(),
        signed_data_head=b"".join(
            signed_data[name].dump()
            for name in ("version", "digest_algorithms", "encap_content_info", "certificates")
        ),
        content_type=references[0]["content_type"].dump(),
    )
    for digest, (reference, _, info, _) in zip(_REFERENCE_DIGESTS, parts, strict=True):
        rebuilt = template.assemble(template.signed_attributes(digest), info["signature"].native)
        if rebuilt != reference.dump():
            return None
    return template


class TemplateSigner(SimpleSigner):
    """pyHanko's SimpleSigner, with the CMS container of an ordinary certificate signature assembled
    from a CmsTemplate (see the module's docstring); pyHanko still does everything else: the PDF's
    signature dictionary, DocMDP, the byte ranges, the digest and the incremental update."""

    template: CmsTemplate | None = None

    def prepare_template(self, *, use_pades: bool, signed_attr_settings) -> None:
        references = [
            asyncio.run(
                SimpleSigner.async_sign(
                    self,
                    digest,
                    DIGEST_ALGORITHM,
                    use_pades=use_pades,
                    signed_attr_settings=signed_attr_settings,
                )
            )
            for digest in _REFERENCE_DIGESTS
        ]
        self.template = _template_from(references)
        self._template_pades = use_pades
        if self.template is None:
            logger.warning("Signing: no CMS template for this key; pyHanko assembles every signature")

    def _fits(self, digest_algorithm, dry_run, use_pades, timestamper, attrs, is_pdf_sig, encap):
        return (
            self.template is not None
            and not dry_run
            and digest_algorithm == DIGEST_ALGORITHM
            and use_pades == self._template_pades
            and timestamper is None
            and is_pdf_sig
            and encap is None
            and (attrs is None or (attrs.cades_signed_attrs is None and attrs.adobe_revinfo_attr is None))
        )

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run=False,
        use_pades=False,
        timestamper=None,
        signed_attr_settings=None,
        is_pdf_sig=True,
        encap_content_info=None,
    ) -> cms.ContentInfo:
        fits = self._fits(
            digest_algorithm,
            dry_run,
            use_pades,
            timestamper,
            signed_attr_settings,
            is_pdf_sig,
            encap_content_info,
        )
        if not fits or len(data_digest) != DIGEST_SIZE:
            return await super().async_sign(
                data_digest,
                digest_algorithm,
                dry_run=dry_run,
                use_pades=use_pades,
                timestamper=timestamper,
                signed_attr_settings=signed_attr_settings,
                is_pdf_sig=is_pdf_sig,
                encap_content_info=encap_content_info,
            )
        template = self.template
        attributes = template.signed_attributes(data_digest)
        # What is signed is the attributes' DER as a SET OF (RFC 5652 5.4), in this thread: pyHanko's
        # own path hands this one call to a worker thread.
        signature = self.sign_raw(der(TAG_SET, attributes), DIGEST_ALGORITHM)
        return cms.ContentInfo.load(template.assemble(attributes, signature))
