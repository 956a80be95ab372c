"""Warm issuing (issue 10): a Celery worker loads the renderer (WeasyPrint, fonts, template) and the
signing context (key, chain, pyHanko signer, the signature's size) when it starts, and every
certificate after that reuses them; what is signed with them is still a valid, whole-document PAdES
signature of ours."""

import pytest

from certificates.issuing import pdf, signing
from lms import celery as lms_celery

from .helpers import *  # noqa: F403


@pytest.fixture
def cold_process(signing_material):
    """As in a freshly started process: nothing rendered, no signing context yet."""
    pdf._renderer.clear()
    signing._contexts.clear()
    yield
    pdf._renderer.clear()
    signing._contexts.clear()


def test_the_worker_process_handler_warms_the_renderer_and_the_signer(cold_process):
    assert not pdf._renderer and not signing._contexts
    lms_celery.warm_issuing_process(sender=None)
    assert pdf.renderer().warm
    context = signing.signing_context()
    assert context.material is signing.load_signing_material()
    assert context.bytes_reserved > 1000


def test_the_worker_main_process_handler_warms_too(cold_process):
    lms_celery.warm_issuing(sender=None)
    assert pdf.renderer().warm and signing._contexts


def test_certificates_reuse_the_warm_renderer_and_signing_context(cold_process):
    lms_celery.warm_issuing_process(sender=None)
    renderer, context = pdf.renderer(), signing.signing_context()
    face = pdf.sample_faces()[0]
    signed = signing.sign_pdf(pdf.render_certificate_pdf(face), reason=f"Certificate {face.display_code}")
    assert pdf.renderer() is renderer
    assert signing.signing_context() is context
    check = signing.check_pdf_signature(signed)
    assert check.authentic, check
    assert face.display_code in check.reason


def test_a_new_key_gets_a_new_signing_context(cold_process, signing_material):
    first = signing.signing_context()
    signing._cache.clear()  # as when a key file changes on disk
    assert signing.signing_context() is not first


def test_the_sample_faces_print_every_character_of_the_code_alphabet():
    from certificates.issuing.codes import ALPHABET, looks_like_code

    printed = "".join(face.code for face in pdf.sample_faces())
    assert set(ALPHABET) <= set(printed)
    assert all(looks_like_code(face.code) for face in pdf.sample_faces())


def test_a_worker_without_a_signing_key_still_starts(cold_process, settings, tmp_path, caplog):
    from certificates.tasks import warm_worker

    settings.SIGNING_KEY_FILE = str(tmp_path / "missing.key.pem")
    settings.SIGNING_AUTOCREATE = False
    warmed = warm_worker()
    assert warmed == {"renderer": True, "signer": False}
    assert "signing context" in caplog.text
