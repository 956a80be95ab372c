"""Checking an uploaded PDF costs bounded time and memory: a hostile file is answered "could not be
checked" within seconds (page and API), a file in the register is recognised without parsing it, and
a genuine certificate is still checked quickly."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.issuing import pdfcheck, selectors

from . import pdfbombs
from .helpers import *  # noqa: F403
from .helpers import stored_pdf

pytestmark = pytest.mark.django_db

# A hostile upload must be answered well within a gunicorn worker's timeout.
BOMB_ANSWER_SECONDS = 6
# A genuine certificate that is not byte for byte ours still gets its signature checked, quickly.
GENUINE_CHECK_SECONDS = 2


def _upload_api(client, data: bytes):
    return client.post(
        "/api/v1/verify/pdf", {"file": SimpleUploadedFile("certificate.pdf", data, "application/pdf")}
    )


def _upload_page(client, data: bytes):
    return client.post(
        "/verify/pdf/", {"file": SimpleUploadedFile("certificate.pdf", data, "application/pdf")}
    )


def _timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


@pytest.mark.parametrize(
    "bomb",
    [
        pytest.param(pdfbombs.xref_stream_bomb, id="xref-stream-claims-2-million-entries"),
        pytest.param(pdfbombs.xref_chain_bomb, id="chain-of-xref-streams-adding-up-to-1.9-million"),
        pytest.param(pdfbombs.xref_table_bomb, id="xref-table-claims-2-million-entries"),
    ],
)
def test_a_pdf_bomb_is_answered_could_not_check_within_seconds(client, issuing, bomb):
    data = bomb()
    assert len(data) < 50_000  # small files: the upload limit does not stop them
    response, elapsed = _timed(lambda: _upload_api(client, data))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["result"] == "could_not_check"
    assert body["message"] == str(selectors.PDF_RESULT_MESSAGES["could_not_check"])
    assert body["certificate"] is None
    assert elapsed < BOMB_ANSWER_SECONDS


def test_the_page_says_could_not_be_checked(client, issuing):
    data = pdfbombs.xref_stream_bomb()
    response, elapsed = _timed(lambda: _upload_page(client, data))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Could not be checked" in text
    assert "check the certificate code" in text
    assert elapsed < BOMB_ANSWER_SECONDS


def test_the_child_process_limits_hold_when_the_prechecks_let_a_bomb_through(client, issuing, settings):
    # Prechecks off: only the child's CPU/memory limits and the wall-clock timeout protect the worker.
    settings.PDF_CHECK_MAX_OBJECTS = 10**12
    settings.PDF_CHECK_CPU_SECONDS = 1
    settings.PDF_CHECK_TIMEOUT_SECONDS = 2
    data = pdfbombs.xref_stream_bomb()
    response, elapsed = _timed(lambda: _upload_api(client, data))
    assert response.status_code == 200
    assert response.json()["result"] == "could_not_check"
    assert elapsed < BOMB_ANSWER_SECONDS


def test_a_memory_limit_is_could_not_check_not_a_verdict(issuing, settings):
    settings.PDF_CHECK_MAX_OBJECTS = 10**12
    settings.PDF_CHECK_MEMORY_MB = 16  # less than parsing the 2-million-entry table takes
    settings.PDF_CHECK_CPU_SECONDS = 20
    settings.PDF_CHECK_TIMEOUT_SECONDS = 8
    with pytest.raises(pdfcheck.CouldNotCheck) as caught:
        pdfcheck.bounded_signature_check(pdfbombs.xref_stream_bomb())
    # pyHanko may catch the MemoryError itself and try to recover the file (allocating, failing, again)
    # until the clock runs out: either way the child stayed within its memory and no verdict is given.
    assert caught.value.reason in (pdfcheck.OUT_OF_MEMORY, pdfcheck.OUT_OF_TIME)


def test_the_memory_limit_holds_in_the_child(settings):
    limits = pdfcheck.Limits(
        max_bytes=10**6, max_objects=10**6, cpu_seconds=20, memory_mb=16, timeout_seconds=20
    )
    with pytest.raises(pdfcheck.CouldNotCheck) as caught:
        pdfcheck._run_in_child(lambda: len(bytearray(256 * 1024 * 1024)), limits)
    assert caught.value.reason == pdfcheck.OUT_OF_MEMORY
    assert pdfcheck._run_in_child(lambda: len(bytearray(1024 * 1024)), limits) == 1024 * 1024


@pytest.mark.parametrize(
    "bomb",
    [
        pytest.param(pdfbombs.nesting_bomb, id="arrays-nested-200000-deep"),
        pytest.param(pdfbombs.inflation_bomb, id="object-stream-inflating-to-200-MB"),
    ],
)
def test_other_hostile_files_are_answered_quickly(client, issuing, bomb):
    data = bomb()
    response, elapsed = _timed(lambda: _upload_api(client, data))
    assert response.status_code == 200
    assert response.json()["result"] in ("not_issued_here", "could_not_check")
    assert elapsed < BOMB_ANSWER_SECONDS


def test_a_file_in_the_register_is_recognised_without_parsing(client, issued, settings):
    # No time at all for parsing: only the SHA-256 look-up can answer.
    settings.PDF_CHECK_TIMEOUT_SECONDS = 0
    settings.PDF_CHECK_MAX_OBJECTS = 0
    response = _upload_api(client, stored_pdf(issued))
    assert response.json()["result"] == "authentic"
    # Anything else needs parsing, which the same limits refuse.
    response = _upload_api(client, stored_pdf(issued) + b"\n")
    assert response.json()["result"] == "could_not_check"


def test_a_bomb_naming_one_of_our_certificates_says_which(client, issued):
    data = pdfbombs.xref_stream_bomb().replace(
        b"/Type /Catalog", b"/Type /Catalog /Title (Certificate " + issued.code.encode() + b")"
    )
    body = _upload_api(client, data).json()
    assert body["result"] == "could_not_check"
    assert body["certificate"]["code"].replace("-", "") == issued.code


def test_a_genuine_certificate_is_still_checked_quickly(client, issued):
    data = stored_pdf(issued) + b"%appended\n"  # not in the register: the signature must be checked
    _upload_api(client, data)  # warm-up (imports, signing material)
    response, elapsed = _timed(lambda: _upload_api(client, data))
    assert response.json()["result"] == "altered"
    assert elapsed < GENUINE_CHECK_SECONDS


def test_the_schema_documents_the_outcome(client):
    schema = client.get("/api/v1/openapi.json").json()
    result = schema["components"]["schemas"]["PdfVerificationOut"]["properties"]["result"]
    assert "could_not_check" in result["enum"]
