"""Employer verification: by code (page and API), QR target, PDF upload (page and API); what is shown
(exactly item 4 of the issue, never an email or recovery data); errors are clear 4xx, never 500;
rate limits."""

import random
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.issuing import selectors, services
from certificates.issuing.codes import format_code, generate_code
from certificates.issuing.pdf import render_certificate_pdf
from certificates.models import Certificate, RecoveryAttestation
from tests.factories import TraineeFactory

from .helpers import *  # noqa: F403
from .helpers import fresh_ip, issue, make_eligible, stored_pdf

pytestmark = pytest.mark.django_db

PUBLIC_KEYS = {
    "code",
    "status",
    "status_label",
    "explanation",
    "holder_name",
    "requirements_set_by",
    "program",
    "program_version",
    "issuer",
    "issued_on",
    "expires_on",
    "status_changed_on",
    "status_reason",
    "replaced_by",
}


@pytest.fixture
def attested(issued):
    RecoveryAttestation.objects.create(
        user=issued.holder,
        recovery_start_date="2019-07-14",
        statement="I attest.",
        typed_name=issued.holder.full_name,
    )
    return issued


def _no_private_data(text: str, certificate):
    assert certificate.holder.email not in text
    assert "2019-07-14" not in text and "July 14, 2019" not in text and "14/07/2019" not in text
    assert "recovery_start" not in text.lower()


# --- By code ---------------------------------------------------------------------------------------


def test_api_verify_by_code_returns_exactly_the_public_record(client, attested):
    code = format_code(attested.code)
    response = client.get(f"/api/v1/verify/{code.lower().replace('-', ' ')}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == PUBLIC_KEYS
    assert body["code"] == code
    assert body["status"] == "current"
    assert body["holder_name"] == "Jordan Lee"
    assert body["program"] == attested.version.program.name
    # The academy issued it; the program's body set the rules it meets (never the body as issuer).
    assert body["issuer"] == settings.WAGTAIL_SITE_NAME != attested.version.program.issuing_body
    assert body["requirements_set_by"] == attested.version.program.issuing_body
    assert body["issued_on"] == attested.issued_on.isoformat()
    assert body["expires_on"] == attested.expires_on.isoformat()
    assert body["status_reason"] == "" and body["replaced_by"] is None
    _no_private_data(response.content.decode(), attested)


def test_verification_page_is_the_qr_target(client, attested):
    url = selectors.verify_url(attested.code)
    assert url == f"https://certs.example.org/verify/{format_code(attested.code)}/"
    response = client.get(url.replace("https://certs.example.org", ""))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jordan Lee" in page and "Valid" in page and attested.version.program.issuing_body in page
    _no_private_data(page, attested)


def test_the_form_redirects_to_the_record(client, issued):
    typed = format_code(issued.code).lower().replace("0", "o")
    response = client.get("/verify/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{format_code(issued.code)}/"


def test_unknown_code_is_a_clear_not_found(client, issuing):
    code = format_code(generate_code())
    response = client.get(f"/api/v1/verify/{code}")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No certificate with this code was issued here.",
        "code": "certificate_not_found",
    }
    page = client.get(f"/verify/{code}/")
    assert (
        page.status_code == 404 and "No certificate with this code was issued here." in page.content.decode()
    )
    assert client.get("/verify/", {"code": code}).status_code == 404


@pytest.mark.parametrize("bad", ["PRX-7K3M-9QD2-Z", "short", "%00", "x" * 39, "PRX-7K3M-9QD2-U"])
def test_malformed_codes_get_a_clear_422(client, issuing, bad):
    response = client.get(f"/api/v1/verify/{bad}")
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "invalid"
    page = client.get("/verify/", {"code": bad})
    assert page.status_code == 422
    assert "errorlist" in page.content.decode()


def test_pending_and_cancelled_certificates_are_not_found(client, issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    assert client.get(f"/api/v1/verify/{format_code(certificate.code)}").status_code == 404


def test_expired_is_shown_as_expired(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(expires_on=issued.issued_on - timedelta(days=1))
    body = client.get(f"/api/v1/verify/{format_code(issued.code)}").json()
    assert body["status"] == "expired" and body["status_label"] == "Expired"


def test_verification_is_rate_limited_per_client(client, issued, settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 3, "verify-pdf": 2}
    ip, other_ip = fresh_ip(), fresh_ip()
    url = f"/api/v1/verify/{format_code(issued.code)}"
    assert [client.get(url, REMOTE_ADDR=ip).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url, REMOTE_ADDR=ip)
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert "wait a minute" in response.json()["detail"]
    assert (
        client.get(f"/verify/{format_code(issued.code)}/", REMOTE_ADDR=ip).status_code == 429
    )  # shared budget
    assert client.get(url, REMOTE_ADDR=other_ip).status_code == 200  # another client is not affected


# --- By uploaded PDF ------------------------------------------------------------------------------------


def _upload(client, data: bytes, name="certificate.pdf", **extra):
    return client.post(
        "/api/v1/verify/pdf", {"file": SimpleUploadedFile(name, data, "application/pdf")}, **extra
    )


def test_the_issued_pdf_is_authentic_and_current(client, attested):
    response = _upload(client, stored_pdf(attested))
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"result", "message", "certificate"}
    assert body["result"] == "authentic"
    assert set(body["certificate"]) == PUBLIC_KEYS
    assert body["certificate"]["status"] == "current"
    _no_private_data(response.content.decode(), attested)


def _flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x20]) + data[position + 1 :]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: _flip(d, len(d) // 2), id="flip-a-byte-in-the-middle"),
        pytest.param(lambda d: _flip(d, 3), id="flip-a-byte-in-the-header"),
        pytest.param(lambda d: _flip(d, len(d) - 3), id="flip-a-byte-at-the-end"),
        pytest.param(lambda d: d + b"\n", id="append-a-newline"),
        pytest.param(lambda d: d + b"%%EOF\n" * 3, id="append-bytes"),
        pytest.param(lambda d: d[:-1], id="drop-the-last-byte"),
        pytest.param(lambda d: d[: len(d) // 2], id="cut-in-half"),
        pytest.param(lambda d: b" " + d, id="prepend-a-byte"),
    ],
)
def test_any_change_to_the_bytes_is_altered(client, issued, change):
    data = stored_pdf(issued)
    changed = change(data)
    assert changed != data
    response = _upload(client, changed)
    assert response.status_code == 200, response.content
    assert response.json()["result"] == "altered"


def test_a_cut_short_file_names_its_certificate_only_when_its_start_is_unique(issued, version, admin):
    """The first kilobyte is the page's opening drawing: another certificate can start the same way (a
    namesake's, the same holder's renewal). Then a cut-short file is still altered, but names nobody."""
    cut = stored_pdf(issued)[:5000]
    assert selectors.verification_for_pdf(cut).certificate.code == format_code(issued.code)
    namesake = issue(user=make_eligible(TraineeFactory(full_name="Jordan Lee"), version), version=version)
    if namesake.head_sha256 != issued.head_sha256:  # the drawing differs after all (font subsets)
        Certificate.objects.filter(pk=namesake.pk).update(head_sha256=issued.head_sha256)
    result = selectors.verification_for_pdf(cut)
    assert (result.result, result.certificate) == ("altered", None)


def test_flipping_any_byte_anywhere_is_altered(issued):
    data = stored_pdf(issued)
    rng = random.Random(1234)
    positions = sorted(rng.sample(range(len(data)), 60)) + [0, len(data) - 1]
    for position in positions:
        result = selectors.verification_for_pdf(_flip(data, position))
        assert result.result == "altered", position


def test_a_revoked_certificates_pdf_is_authentic_but_revoked(client, issued, admin):
    services.certificate_revoke(actor=admin, certificate=issued, reason="Code of ethics violation.")
    body = _upload(client, stored_pdf(issued)).json()
    assert body["result"] == "authentic"
    assert body["certificate"]["status"] == "revoked"
    assert body["certificate"]["status_reason"] == "Code of ethics violation."


def test_a_pdf_from_elsewhere_is_not_issued_here(client, issued, signing_material):
    # Made with our template for someone else (another name, another code), never signed.
    face = services.certificate_face(issued)
    unsigned = render_certificate_pdf(
        face.__class__(**{**face.__dict__, "code": generate_code(), "holder_name": "Robin Okafor-Smith"})
    )
    assert _upload(client, unsigned).json()["result"] == "not_issued_here"
    assert _upload(client, b"%PDF-1.4\n%%EOF\n").json()["result"] == "not_issued_here"
    assert _upload(client, b"hello, world").json()["result"] == "not_issued_here"


def test_a_copy_signed_with_our_key_but_not_in_the_register_is_not_issued_here(client, issued):
    other = services.render_and_sign(issued)  # same content, signed again: different bytes
    assert other != stored_pdf(issued)
    body = _upload(client, other).json()
    # It names one of our certificates but is not the file we issued for it.
    assert body["result"] == "altered"


def test_upload_errors_are_clear(client, issuing, settings):
    response = _upload(client, b"")
    assert response.status_code in (400, 422)
    big = b"%PDF-1.7\n" + b"0" * (5 * 1024 * 1024 + 10)
    response = _upload(client, big)
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert client.post("/api/v1/verify/pdf", {}).status_code in (400, 422)


def test_upload_form_page(client, attested):
    page = client.get("/verify/")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(
        "/verify/pdf/", {"file": SimpleUploadedFile("c.pdf", stored_pdf(attested), "application/pdf")}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Authentic" in text and "Jordan Lee" in text
    _no_private_data(text, attested)
    response = client.post(
        "/verify/pdf/", {"file": SimpleUploadedFile("c.pdf", stored_pdf(attested) + b"x", "application/pdf")}
    )
    assert "Altered" in response.content.decode()
    big = SimpleUploadedFile("big.pdf", b"0" * (5 * 1024 * 1024 + 1), "application/pdf")
    response = client.post("/verify/pdf/", {"file": big})
    assert response.status_code == 413
    assert client.post("/verify/pdf/", {}).status_code == 422


def test_pdf_uploads_are_rate_limited(client, issued, settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 30, "verify-pdf": 2}
    ip = fresh_ip()
    data = stored_pdf(issued)
    assert [_upload(client, data, REMOTE_ADDR=ip).status_code for _ in range(2)] == [200, 200]
    assert _upload(client, data, REMOTE_ADDR=ip).status_code == 429


def test_nothing_private_on_any_public_answer_for_any_status(client, attested, admin):
    """Whatever the status, the public answers hold only the public record."""
    other = TraineeFactory()
    code = format_code(attested.code)
    for step in ("current", "suspend", "revoke"):
        if step == "suspend":
            services.certificate_suspend(actor=admin, certificate=attested, reason="Under review.")
        if step == "revoke":
            services.certificate_revoke(actor=admin, certificate=attested, reason="Revoked by the board.")
        for response in (
            client.get(f"/api/v1/verify/{code}"),
            client.get(f"/verify/{code}/"),
            _upload(client, stored_pdf(attested)),
        ):
            assert response.status_code == 200
            _no_private_data(response.content.decode(), attested)
            assert other.email not in response.content.decode()
