"""`make demo PORT=8001`: the port reaches the server and SITE_URL, so what the demo makes (seeded emails,
the Wagtail site, an issued certificate's QR code and verify link) names it; seeding prints a summary
(catalogue, programs, the demo users and their passwords), not the emails it caused; the development
console backend shows an email's attachments as one line, not as base64."""

import os
import shutil
import subprocess
from email.mime.application import MIMEApplication
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from wagtail.models import Site

from lms.seed import DEMO_USERS

ROOT = Path(__file__).resolve().parent.parent.parent
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 64


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_demo_passes_the_port_to_the_server_and_site_url():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SITE_URL", "PORT", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")
    }
    dry_run = subprocess.run(
        ["make", "-n", "demo", "PORT=8001"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert dry_run.returncode == 0, dry_run.stderr
    lines = dry_run.stdout.splitlines()
    seed = next(line for line in lines if "manage.py seed_demo" in line)
    serve = next(line for line in lines if "manage.py runserver" in line)
    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8001}" in seed
    assert serve.endswith("runserver 127.0.0.1:8001") and "http://127.0.0.1:8001" in serve
    default = subprocess.run(["make", "-n", "serve"], cwd=ROOT, env=env, capture_output=True, text=True)
    commands = [line for line in default.stdout.splitlines() if not line.startswith("make")]
    assert commands[-1].endswith("runserver 127.0.0.1:8000")


def test_console_backend_summarises_attachments():
    stream = StringIO()
    connection = mail.get_connection("lms.mailconsole.EmailBackend", stream=stream)
    message = mail.EmailMessage("Your certificate", "Hello Jordan.", to=["jordan@example.org"])
    message.attach("certificate.pdf", PDF, "application/pdf")
    message.attach(MIMEApplication(b"x" * 10, Name="badge.json", _subtype="json"))
    assert connection.send_messages([message]) == 1
    out = stream.getvalue()
    assert "Subject: Your certificate" in out and "Hello Jordan." in out
    assert f"[Attachment not shown: certificate.pdf, application/pdf, {len(PDF):,} bytes]" in out
    assert "[Attachment not shown: badge.json, application/json, 10 bytes]" in out
    assert "base64" not in out and len(out.splitlines()) < 20
    assert len(message.attachments) == 2  # the message itself is left as it was


@pytest.fixture
def demo_settings(settings, tmp_path, monkeypatch):
    """The demo on port 8001, with development email (the console), files in a temporary folder."""
    from certificates.models import ExternalTraining

    settings.SITE_URL = "http://127.0.0.1:8001"
    settings.WAGTAILADMIN_BASE_URL = settings.SITE_URL
    settings.EMAIL_BACKEND = "lms.mailconsole.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    monkeypatch.setattr(ExternalTraining._meta.get_field("evidence"), "storage", storage)
    return settings


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_demo_is_quiet_and_its_links_follow_the_port(demo_settings, capsys, monkeypatch):
    """Committed for real (transaction=True): the seed's emails go out when it commits, as in `make demo`."""
    from certificates.issuing import pdf, services, signing
    from certificates.models import ProgramEnrollment
    from lms.models import User

    out = StringIO()
    call_command("seed_demo", stdout=out)
    summary = out.getvalue()
    printed = capsys.readouterr().out

    # A summary of a few lines: the catalogue, the programs, each demo user with their password.
    lines = summary.splitlines()
    assert len(lines) < 60, summary
    assert "Demo data ready." in summary and "courses" in summary and "Credential programs:" in summary
    for _key, email, _name, _role, password in DEMO_USERS:
        assert any(email in line and password in line for line in lines), email
    assert "Log in at http://127.0.0.1:8001/accounts/login/" in summary
    # The emails the demo trainees' results caused were made, counted and not printed anywhere.
    seeded = list(mail.outbox)
    assert seeded and f"{len(seeded)} demo emails were made while seeding" in summary
    assert "Subject:" not in summary + printed and "Content-Transfer-Encoding" not in summary + printed
    assert all("127.0.0.1:8000" not in m.body for m in seeded)
    assert any("http://127.0.0.1:8001/" in m.body for m in seeded)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8001)

    # The demo administrator issues Jordan's certificate: its QR code and verify link name port 8001,
    # and the console shows the email with its PDF as one line.
    signing.ensure_dev_material()
    payloads = []
    real_qr = pdf.qr_svg_data_uri

    def qr_spy(data):
        payloads.append(data)
        return real_qr(data)

    monkeypatch.setattr(pdf, "qr_svg_data_uri", qr_spy)
    jordan = User.objects.get(email="jordan@example.org")
    admin = User.objects.get(email="admin@example.org")
    version = ProgramEnrollment.objects.get(user=jordan).version
    application = services.application_submit(actor=jordan, user=jordan, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    services.certificate_issue_run(certificate_id=certificate.pk)
    assert payloads and all(p.startswith("http://127.0.0.1:8001/verify/") for p in payloads)
    console = capsys.readouterr().out
    assert "To: jordan@example.org" in console and "http://127.0.0.1:8001/" in console
    assert "[Attachment not shown: " in console and "application/pdf" in console
    assert "JVBERi0" not in console  # "%PDF-" in base64: the PDF itself is never printed
