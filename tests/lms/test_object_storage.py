"""Issued PDFs and evidence on S3-compatible object storage (PRIVATE_STORAGE_BUCKET), against a real
server: moto in server mode, one per test session, a fresh private bucket per test. The files go to
the bucket and nowhere on disk, reach only their holder and program administrators (streamed through
the application), and nothing an employer sees names the bucket or carries a signed URL.

Skipped, with the reason, only when moto_server is not installed next to the Python running the tests.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from certificates.issuing.codes import format_code
from certificates.models import Certificate, ExternalTraining, OutsideExamResult
from courses.models import CompetencyDomain
from lms.storage import s3_storage
from tests.certificates.issuing.helpers import (  # noqa: F401 (fixtures)
    _roomy_rate_limits,
    make_eligible,
    program_with_practice_hours,
    signing_material,
)
from tests.factories import ProgramAdminFactory, TraineeFactory

pytestmark = pytest.mark.django_db

MOTO_SERVER = Path(sys.executable).with_name("moto_server")
SKIP_NO_MOTO = "needs moto[server]: no moto_server next to the test Python (pip install 'moto[server]')"
REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
START_TIMEOUT_SECONDS = 20


# --- The server and the buckets -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(host: str, port: int) -> bool:
    try:
        connection = http.client.HTTPConnection(host, port, timeout=0.5)
        connection.request("GET", "/")
        connection.getresponse().read()
        return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """A moto S3 server on a free port for the whole session; stopped at the end."""
    binary = MOTO_SERVER if MOTO_SERVER.exists() else shutil.which("moto_server")
    if not binary:
        pytest.skip(SKIP_NO_MOTO)
    port = _free_port()
    log_path = tmp_path_factory.mktemp("moto") / "moto.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(binary), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not _answers("127.0.0.1", port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"moto_server did not start: {log_path.read_text()[-2000:]}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass
class Bucket:
    name: str
    endpoint: str
    client: object

    def keys(self) -> list[str]:
        return [o["Key"] for o in self.client.list_objects_v2(Bucket=self.name).get("Contents", [])]

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def leaks_into(self, text: str) -> list[str]:
        """Whatever in `text` would point someone at the bucket."""
        host = self.endpoint.removeprefix("http://")
        return [s for s in (host, self.name, "X-Amz-", "AWSAccessKeyId", "amazonaws") if s in text]


def _bucket(endpoint: str, prefix: str) -> Bucket:
    import boto3

    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)
    name = f"{prefix}-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    client.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    return Bucket(name=name, endpoint=endpoint, client=client)


def _storage_config(bucket: Bucket, **options) -> dict:
    """The STORAGES entry settings build from the environment, pointed at this bucket."""
    config = s3_storage(bucket=bucket.name, endpoint_url=bucket.endpoint, region_name=REGION, **options)
    config["OPTIONS"].update(access_key=CREDENTIALS["aws_access_key_id"])
    config["OPTIONS"].update(secret_key=CREDENTIALS["aws_secret_access_key"])
    return config


@pytest.fixture
def private_bucket(s3_endpoint, settings, monkeypatch):
    """STORAGES["private"] is a fresh private bucket, encrypted at rest, as PRIVATE_STORAGE_BUCKET
    with PRIVATE_STORAGE_ENCRYPTION=AES256 configures it."""
    bucket = _bucket(s3_endpoint, "private")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": _storage_config(bucket, encryption="AES256", expiry_seconds=60),
    }
    settings.SITE_URL = "https://certs.example.org"
    # Evidence fields take the private storage when the models load, which in production is after
    # settings named the bucket (test_settings_from_the_environment); here the bucket came later.
    for model in (ExternalTraining, OutsideExamResult):
        monkeypatch.setattr(model._meta.get_field("evidence"), "storage", storages["private"])
    return bucket


# --- Issued certificates ---------------------------------------------------------------------------------


def _apply_and_approve(client, holder, version, admin, callbacks) -> Certificate:
    client.force_login(holder)
    response = client.post(
        "/api/v1/certificates/applications", {"version_id": version.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    client.force_login(admin)
    with callbacks(execute=True):  # the issuing task runs eagerly after the approval commits
        response = client.post(f"/api/v1/certificates/applications/{response.json()['id']}/approve")
    assert response.status_code == 201, response.content
    certificate = Certificate.objects.get()
    assert certificate.status == Certificate.Status.ISSUED, certificate.last_error
    return certificate


@pytest.fixture
def on_s3(client, private_bucket, signing_material, django_capture_on_commit_callbacks):  # noqa: F811
    version = program_with_practice_hours()
    holder = make_eligible(TraineeFactory(full_name="Jordan Lee"), version)
    admin = ProgramAdminFactory()
    certificate = _apply_and_approve(client, holder, version, admin, django_capture_on_commit_callbacks)
    client.logout()
    return certificate, admin


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_issued_pdf_is_in_the_private_bucket_encrypted_and_not_on_disk(on_s3, private_bucket, settings):
    certificate, _ = on_s3
    key = certificate.pdf_name
    assert private_bucket.keys() == [key]
    head = private_bucket.client.head_object(Bucket=private_bucket.name, Key=key)
    assert head["ContentType"] == "application/pdf"
    assert head["ServerSideEncryption"] == "AES256"
    grants = private_bucket.client.get_object_acl(Bucket=private_bucket.name, Key=key)["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]  # the owner only; no public grant
    assert not (Path(settings.PRIVATE_STORAGE_ROOT) / key).exists()
    # The certificate's email (the application's approval sent its own, without attachment) carries the
    # PDF read back from the bucket.
    [message] = [m for m in mail.outbox if m.attachments]
    [(_, attached, _)] = message.attachments
    assert attached == private_bucket.read(key)
    # Nobody can read the object without a signature...
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{private_bucket.endpoint}/{private_bucket.name}/{key}")
    assert refused.value.code == 403
    # ...and a URL the storage signs (the application never hands one out) lives for a minute.
    signed = storages["private"].url(key)
    assert "X-Amz-Expires=60&" in signed
    assert urllib.request.urlopen(signed).read() == attached


def test_holder_and_admin_download_it_through_the_application(client, on_s3, private_bucket):
    certificate, admin = on_s3
    stored = private_bucket.read(certificate.pdf_name)
    url = f"/certificates/{certificate.uuid}/download/"
    for reader in (certificate.holder, admin):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200 and _body(response) == stored
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment")
        assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
        assert not response.has_header("Location")
    inline = client.get(url + "?inline=1")
    assert inline["Content-Disposition"].startswith("inline") and _body(inline) == stored


def test_nobody_else_downloads_it(client, on_s3):
    certificate, _ = on_s3
    url = f"/certificates/{certificate.uuid}/download/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(TraineeFactory())
    assert client.get(url).status_code == 404


def test_employers_and_holders_never_see_the_bucket(client, on_s3, private_bucket):
    certificate, admin = on_s3
    code = format_code(certificate.code)
    stored = private_bucket.read(certificate.pdf_name)
    upload = SimpleUploadedFile("c.pdf", stored, "application/pdf")
    responses = {
        "verify page": client.get(f"/verify/{code}/"),
        "verify API": client.get(f"/api/v1/verify/{code}"),
        "verify by upload": client.post("/api/v1/verify/pdf", {"file": upload}),
    }
    assert responses["verify by upload"].json()["result"] == "authentic"
    client.force_login(certificate.holder)
    responses["holder's page"] = client.get("/certificates/")
    responses["holder's API"] = client.get("/api/v1/certificates")
    client.force_login(admin)
    responses["register ZIP"] = client.get(
        f"/certificates/manage/programs/{certificate.version.program.slug}/certificates.zip"
    )
    for what, response in responses.items():
        assert response.status_code == 200, (what, response.status_code)
        if what != "register ZIP":
            assert not private_bucket.leaks_into(_body(response).decode()), what
    assert len(_body(responses["register ZIP"])) > len(stored) // 2  # read from the bucket, zipped


def test_revoked_then_uploaded_pdf_says_revoked(client, on_s3, private_bucket):
    certificate, admin = on_s3
    client.force_login(admin)
    response = client.post(
        f"/api/v1/certificates/{format_code(certificate.code)}/revoke",
        {"reason": "Issued in error"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    client.logout()
    upload = SimpleUploadedFile("c.pdf", private_bucket.read(certificate.pdf_name), "application/pdf")
    body = client.post("/api/v1/verify/pdf", {"file": upload}).json()
    assert body["certificate"]["status"] == "revoked"


def test_a_torn_object_left_by_a_crash_is_replaced_in_the_bucket(
    client,
    private_bucket,
    signing_material,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """A worker killed mid-upload leaves a partial object under the certificate's deterministic key:
    the retry must read it from the bucket, find it is not our signed file, and replace it (the
    backend never overwrites, so a left-over object would otherwise make the retry fail)."""
    version = program_with_practice_hours()
    holder = make_eligible(TraineeFactory(), version)
    client.force_login(holder)
    response = client.post(
        "/api/v1/certificates/applications", {"version_id": version.pk}, content_type="application/json"
    )
    application_id = response.json()["id"]
    client.force_login(ProgramAdminFactory())
    with django_capture_on_commit_callbacks(execute=False):  # approved; the task has not run yet
        response = client.post(f"/api/v1/certificates/applications/{application_id}/approve")
    certificate = Certificate.objects.get()
    key = f"certificates/{certificate.uuid}.pdf"
    private_bucket.client.put_object(Bucket=private_bucket.name, Key=key, Body=b"%PDF-1.7 torn")
    from certificates.tasks import issue_pending_certificates

    Certificate.objects.filter(pk=certificate.pk).update(created_at=certificate.created_at.replace(year=2000))
    issue_pending_certificates.delay()  # the beat sweep
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED, certificate.last_error
    assert private_bucket.keys() == [key]
    stored = private_bucket.read(key)
    assert stored.startswith(b"%PDF") and len(stored) > 1000
    client.force_login(holder)
    assert _body(client.get(f"/certificates/{certificate.uuid}/download/")) == stored


# --- Evidence ---------------------------------------------------------------------------------------------


def test_evidence_goes_to_the_bucket_and_only_its_owner_and_admins_read_it(client, private_bucket):
    trainee, admin = TraineeFactory(), ProgramAdminFactory()
    domain = CompetencyDomain.objects.first()
    client.force_login(admin)
    response = client.post(
        f"/certification/manage/trainees/{trainee.pk}/external/",
        {
            "provider": "County",
            "title": "HIV basics",
            "completed_on": "2024-02-01",
            f"hours_{domain.slug}": "2.5",
            "evidence": SimpleUploadedFile("transcript.pdf", b"%PDF-1.4 evidence", "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content[:500]
    training = ExternalTraining.objects.get(user=trainee)
    assert private_bucket.keys() == [training.evidence.name]
    assert private_bucket.read(training.evidence.name) == b"%PDF-1.4 evidence"
    url = f"/certification/external/{training.pk}/evidence/"
    for reader in (trainee, admin):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200 and _body(response) == b"%PDF-1.4 evidence"
        assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
        assert response["Content-Disposition"].startswith("attachment")
    client.force_login(TraineeFactory())
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_uploaded_html_evidence_is_never_rendered(client, private_bucket):
    trainee = TraineeFactory()
    training = ExternalTraining.objects.create(
        user=trainee, provider="Elsewhere", title="Workshop", completed_on="2024-06-01"
    )
    training.evidence.save("notice.html", ContentFile(b"<script>alert(1)</script>"))
    client.force_login(trainee)
    response = client.get(f"/certification/external/{training.pk}/evidence/")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_evidence_fields_use_whichever_private_storage_is_configured(private_bucket):
    from storages.backends.s3 import S3Storage

    for model in (ExternalTraining, OutsideExamResult):
        storage = model._meta.get_field("evidence").deconstruct()[3]["storage"]
        assert callable(storage) and isinstance(storage(), S3Storage)  # what the field takes at start-up


# --- Wagtail's images and documents (MEDIA_STORAGE_BUCKET) -------------------------------------------------


def test_documents_in_the_media_bucket_are_streamed_not_redirected(client, s3_endpoint, settings):
    bucket = _bucket(s3_endpoint, "media")
    settings.STORAGES = {**settings.STORAGES, "default": _storage_config(bucket, public_urls=True)}
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"  # what settings set with MEDIA_STORAGE_BUCKET
    document = Document.objects.create(title="Handbook", file=ContentFile(b"handbook", name="handbook.txt"))
    assert bucket.keys() == [document.file.name]
    response = client.get(document.url)
    assert response.status_code == 200 and _body(response) == b"handbook"
