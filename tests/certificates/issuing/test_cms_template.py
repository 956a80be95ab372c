"""The signature's CMS container assembled from a per-key template (issue 10): the same bytes pyHanko
would produce but for the signature value, a valid signature over the signed attributes, RSA keys as
well as EC, and pyHanko's own assembly for anything the template was not built for."""

import asyncio
import datetime as dt
import os

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from certificates.issuing import cmstemplate, signing
from certificates.issuing.pdf import render_certificate_pdf

from .helpers import *  # noqa: F403
from .helpers import sample_face, use_signing_dir


def _attrs():
    return PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC))


def _sign(signer, digest, algorithm="sha256", *, pyhanko=False, **kwargs):
    method = SimpleSigner.async_sign if pyhanko else type(signer).async_sign
    kwargs.setdefault("use_pades", True)
    return asyncio.run(method(signer, digest, algorithm, signed_attr_settings=_attrs(), **kwargs))


def _parts(container: cms.ContentInfo):
    (info,) = container["content"]["signer_infos"]
    return info, info["signed_attrs"]


def test_the_container_is_pyhankos_but_for_the_signature_value(signing_material):
    signer = signing.signing_context().signer
    assert signer.template is not None  # so every signing test goes through the template
    digest = os.urandom(32)
    ours, theirs = _sign(signer, digest), _sign(signer, digest, pyhanko=True)

    (our_info, our_attrs), (their_info, their_attrs) = _parts(ours), _parts(theirs)
    assert our_attrs.dump() == their_attrs.dump()
    assert [a["values"][0].native for a in our_attrs if a["type"].native == "message_digest"] == [digest]
    # With pyHanko's signature value in place of ours, the two containers are the same bytes.
    assert signer.template.assemble(our_attrs.contents, their_info["signature"].native) == theirs.dump()
    # And ours is a valid signature over the attributes as a SET OF, by the signing key.
    signing_material.certificate.public_key().verify(
        our_info["signature"].native,
        cmstemplate.der(cmstemplate.TAG_SET, our_attrs.contents),
        ec.ECDSA(hashes.SHA256()),
    )


def test_what_the_template_was_not_built_for_goes_to_pyhanko(signing_material, monkeypatch):
    signer = signing.signing_context().signer
    assembled = []
    monkeypatch.setattr(cmstemplate.CmsTemplate, "assemble", lambda *a: assembled.append(a))
    dry = _sign(signer, os.urandom(32), dry_run=True)
    other_digest = os.urandom(64)
    sha512 = _sign(signer, other_digest, "sha512")
    not_pades = _sign(signer, os.urandom(32), use_pades=False)
    assert assembled == []
    assert isinstance(dry, cms.ContentInfo) and isinstance(not_pades, cms.ContentInfo)
    (_, attrs) = _parts(sha512)
    assert [a["values"][0].native for a in attrs if a["type"].native == "message_digest"] == [other_digest]


def test_references_not_shaped_as_expected_give_no_template(signing_material):
    signer = signing.signing_context().signer
    # Not the two reference digests: the place of the digest cannot be told for sure.
    unlike = [_sign(signer, bytes([1]) * 32, pyhanko=True), _sign(signer, bytes([2]) * 32, pyhanko=True)]
    assert cmstemplate._template_from(unlike) is None
    # The right digests, but a second reference that differs outside them (another SignedData
    # version): the template, taken from the first, does not rebuild it.
    first, second = (_sign(signer, d, pyhanko=True) for d in cmstemplate._REFERENCE_DIGESTS)
    assert cmstemplate._template_from([first, second]) is not None
    assert cmstemplate._template_from([first, _forged_version(second)]) is None


def _forged_version(container):
    """A copy whose SignedData says another version: its bytes differ outside the digest."""
    copy = cms.ContentInfo.load(container.dump())
    copy["content"]["version"] = "v3"
    return cms.ContentInfo.load(copy.dump(force=True))


def _rsa_material(directory):
    """An RSA CA and signer written where the signing settings look (production keys may be RSA)."""
    directory.mkdir()
    now = dt.datetime.now(dt.UTC)

    def certificate(subject, issuer, key, signing_key, *, ca):
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(signing_key, hashes.SHA256())
        )

    def name(common):
        return x509.Name(
            [
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "RSA Academy"),
                x509.NameAttribute(NameOID.COMMON_NAME, common),
            ]
        )

    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = certificate(name("RSA CA"), name("RSA CA"), ca_key, ca_key, ca=True)
    cert = certificate(name("RSA Signer"), ca.subject, key, ca_key, ca=False)
    pem = serialization.Encoding.PEM
    (directory / "ca.cert.pem").write_bytes(ca.public_bytes(pem))
    (directory / "signer.cert.pem").write_bytes(cert.public_bytes(pem))
    (directory / "signer.key.pem").write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert


def test_an_rsa_key_signs_through_the_template_too(settings, tmp_path):
    cert = _rsa_material(tmp_path / "rsa")
    use_signing_dir(settings, tmp_path / "rsa")
    signer = signing.signing_context().signer
    assert signer.template is not None
    digest = os.urandom(32)
    info, attrs = _parts(_sign(signer, digest))
    cert.public_key().verify(
        info["signature"].native,
        cmstemplate.der(cmstemplate.TAG_SET, attrs.contents),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    signed = signing.sign_pdf(render_certificate_pdf(sample_face()), reason="Certificate HPA-QQJY-ZG9X-T")
    check = signing.check_pdf_signature(signed)
    assert check.authentic and check.covers_whole_file


@pytest.mark.parametrize("size", [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x10000])
def test_der_lengths(size):
    encoded = cmstemplate.der(0x04, b"\x00" * size)
    assert cms.OctetString.load(encoded).native == b"\x00" * size
