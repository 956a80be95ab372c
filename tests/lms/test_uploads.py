"""Upload limits before reading (lms.uploads): a body over its path's limit is refused from its
Content-Length before CSRF, sessions or the view read it (413: JSON under /api/, a short page
elsewhere); a file just over the limit is dropped while the body is parsed and every upload on the
site says so clearly, keeping what else the user typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from certificates.models import ExternalTraining
from tests.certificates.factories import ProgramFactory
from tests.factories import DomainFactory, ProgramAdminFactory, TraineeFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
VERIFY_LIMIT = 5 * MB
SMALL_LIMIT = 64 * 1024  # the site-wide limit in the form tests, so bodies stay small
FILE_TOO_LARGE = "The file is too large: at most 64 KB is accepted here."


def _file(size: int, name="file.bin") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"0" * size, "application/octet-stream")


@pytest.fixture
def limits(settings):
    settings.VERIFY_PDF_MAX_BYTES = VERIFY_LIMIT
    settings.UPLOAD_LIMITS = {"/verify/pdf/": VERIFY_LIMIT, "/api/v1/verify/pdf": VERIFY_LIMIT}
    settings.VERIFY_RATE_LIMITS = {"verify": 1000, "verify-pdf": 1}
    return settings


# --- Refused from Content-Length, before anything reads the body ------------------------------------


def test_an_oversized_api_upload_is_413_json_without_the_view_running(client, limits):
    ip = "10.9.8.7"
    for _ in range(2):
        response = client.post("/api/v1/verify/pdf", {"file": _file(6 * MB)}, REMOTE_ADDR=ip)
        assert response.status_code == 413
        assert response.json() == {
            "detail": "The upload is too large: at most 5 MB is accepted here.",
            "code": "too_large",
        }
    # The view never ran: the one-check rate budget of this client is untouched.
    response = client.post("/api/v1/verify/pdf", {"file": _file(10, "c.pdf")}, REMOTE_ADDR=ip)
    assert response.status_code == 200
    assert client.post("/api/v1/verify/pdf", {"file": _file(10, "c.pdf")}, REMOTE_ADDR=ip).status_code == 429


def test_the_declared_length_is_enough_the_body_is_never_read(client, limits):
    # The test client's payload raises if read past its 1 byte: only the header is looked at.
    response = client.generic(
        "POST", "/api/v1/verify/pdf", b"x", content_type="application/pdf", CONTENT_LENGTH=str(10**9)
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_html_paths_get_a_short_page_before_the_csrf_check(limits):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/verify/pdf/", {"file": _file(6 * MB)})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert "Upload too large" in response.content.decode()
    assert "at most 5 MB" in response.content.decode()
    # The same small request without a token is refused by CSRF: the size check came first.
    assert client.post("/verify/pdf/", {"file": _file(10)}).status_code == 403


def test_the_site_wide_limit_applies_to_every_path(client, settings):
    settings.MAX_UPLOAD_BYTES = SMALL_LIMIT
    response = client.post("/accounts/login/", {"file": _file(SMALL_LIMIT + 100 * 1024)})
    assert response.status_code == 413
    response = client.post(
        "/api/v1/programs", b"{" * (SMALL_LIMIT + 100 * 1024), content_type="application/json"
    )
    assert response.status_code == 413 and response.json()["code"] == "too_large"


# --- A file just over the limit: a clear message, nothing else lost ----------------------------------


def test_verify_pdf_page_and_api_say_the_file_is_too_large(client, limits):
    limits.VERIFY_RATE_LIMITS = {"verify": 1000, "verify-pdf": 1000}
    response = client.post("/verify/pdf/", {"file": _file(VERIFY_LIMIT + 1, "c.pdf")})
    assert response.status_code == 413
    assert "The file is too large: at most 5 MB is accepted here." in response.content.decode()
    response = client.post("/api/v1/verify/pdf", {"file": _file(VERIFY_LIMIT + 1, "c.pdf")})
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"


@pytest.fixture
def admin_client(client, settings):
    settings.MAX_UPLOAD_BYTES = SMALL_LIMIT
    client.force_login(ProgramAdminFactory())
    return client


def test_evidence_over_the_limit_is_refused_and_the_form_keeps_what_was_typed(admin_client):
    trainee = TraineeFactory()
    domain = DomainFactory()
    url = f"/certification/manage/trainees/{trainee.pk}/external/"
    fields = {
        "provider": "Recovery Institute Of Elsewhere",
        "title": "Ethics For Peer Workers",
        "completed_on": "2025-03-04",
        "notes": "Seen the original transcript.",
        f"hours_{domain.slug}": "12.5",
    }
    response = admin_client.post(url, {**fields, "evidence": _file(SMALL_LIMIT + 1, "scan.pdf")})
    assert response.status_code == 422
    text = response.content.decode()
    assert FILE_TOO_LARGE in text
    for value in fields.values():
        assert value in text
    assert not ExternalTraining.objects.exists()
    # A file exactly at the limit is accepted whole.
    response = admin_client.post(url, {**fields, "evidence": _file(SMALL_LIMIT, "scan.pdf")})
    assert response.status_code == 302
    assert ExternalTraining.objects.get().evidence.size == SMALL_LIMIT


@pytest.mark.parametrize(
    "url",
    ["/certification/manage/import/external/", "/certification/manage/import/hours/"],
)
def test_csv_imports_say_the_file_is_too_large(admin_client, url):
    response = admin_client.post(url, {"file": _file(SMALL_LIMIT + 1, "rows.csv")})
    assert response.status_code == 422
    assert FILE_TOO_LARGE in response.content.decode()


def test_program_file_upload_says_the_file_is_too_large(admin_client):
    response = admin_client.post("/certification/manage/library/", {"file": _file(SMALL_LIMIT + 1, "p.json")})
    assert response.status_code == 422
    assert FILE_TOO_LARGE in response.content.decode()


def test_api_csv_import_says_the_file_is_too_large(admin_client):
    program = ProgramFactory()
    response = admin_client.post(
        f"/api/v1/programs/{program.slug}/exam-results/import", {"file": _file(SMALL_LIMIT + 1, "r.csv")}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert response.json()["detail"] == FILE_TOO_LARGE
