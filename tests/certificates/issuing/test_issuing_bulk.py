"""Bulk issuing (manage.py issue_certificates and the admin page) and the ZIP of a program's PDFs."""

import io
import re
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from certificates.issuing import signing
from certificates.issuing.codes import format_code
from certificates.models import Certificate
from tests.factories import TraineeFactory

from ..factories import enroll
from .helpers import *  # noqa: F403
from .helpers import make_eligible, stored_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(issuing, version):
    eligible = [make_eligible(TraineeFactory(), version) for _ in range(3)]
    short = TraineeFactory()
    enroll(short, version)
    return eligible, short


def test_command_issues_for_every_eligible_trainee_and_prints_codes(cohort, version):
    eligible, short = cohort
    out, err = StringIO(), StringIO()
    call_command("issue_certificates", "--program", version.program.slug, stdout=out, stderr=err)
    certificates = list(Certificate.objects.all())
    assert {c.holder for c in certificates} == set(eligible)
    assert all(c.status == Certificate.Status.ISSUED for c in certificates)
    printed = set(
        re.findall(r"[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]", err.getvalue() + out.getvalue())
    )
    assert printed == {format_code(c.code) for c in certificates}
    assert "3 eligible, 1 not eligible yet" in out.getvalue()
    assert "3 certificate(s) issued" in out.getvalue()
    assert "certificate/s" in err.getvalue() or "100%" in err.getvalue()  # tqdm's bar
    assert all(signing.check_pdf_signature(stored_pdf(c)).authentic for c in certificates)

    # Again: everyone already holds one; nothing new.
    out = StringIO()
    call_command("issue_certificates", "--program", version.program.slug, stdout=out, stderr=StringIO())
    assert Certificate.objects.count() == 3
    assert "0 certificate(s) issued, 3 skipped" in out.getvalue()


def test_command_for_one_trainee(cohort, version):
    eligible, short = cohort
    out = StringIO()
    call_command(
        "issue_certificates",
        "--program",
        version.program.slug,
        "--trainee",
        eligible[0].email.upper(),
        stdout=out,
        stderr=StringIO(),
    )
    assert [c.holder for c in Certificate.objects.all()] == [eligible[0]]
    out = StringIO()
    call_command(
        "issue_certificates",
        "--program",
        version.program.slug,
        "--trainee",
        short.email,
        stdout=out,
        stderr=StringIO(),
    )
    assert "does not meet every requirement" in out.getvalue()
    assert Certificate.objects.count() == 1


def test_command_errors(cohort, version):
    with pytest.raises(CommandError, match="No program"):
        call_command("issue_certificates", "--program", "nope", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="not enrolled"):
        call_command(
            "issue_certificates",
            "--program",
            version.program.slug,
            "--trainee",
            "who@example.org",
            stdout=StringIO(),
            stderr=StringIO(),
        )


def test_admin_page_issues_in_bulk(client, cohort, version, admin, django_capture_on_commit_callbacks):
    eligible, short = cohort
    client.force_login(admin)
    page = client.get(f"/certificates/manage/programs/{version.program.slug}/issue/").content.decode()
    assert all(u.full_name in page for u in eligible) and short.full_name not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/certificates/manage/programs/{version.program.slug}/issue/")
    assert response.status_code == 200
    certificates = list(Certificate.objects.all())
    assert len(certificates) == 3 and all(c.status == Certificate.Status.ISSUED for c in certificates)
    text = response.content.decode()
    assert all(format_code(c.code) in text for c in certificates)


def test_zip_of_a_programs_certificates(client, cohort, version, admin):
    call_command(
        "issue_certificates", "--program", version.program.slug, stdout=StringIO(), stderr=StringIO()
    )
    client.force_login(admin)
    response = client.get(f"/certificates/manage/programs/{version.program.slug}/certificates.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None
    by_code = {name[:15]: name for name in archive.namelist()}  # "PRX-7K3M-9QD2-F-Holder Name.pdf"
    certificates = list(Certificate.objects.all())
    assert len(archive.namelist()) == 3
    for certificate in certificates:
        name = by_code[format_code(certificate.code)]
        assert archive.read(name) == stored_pdf(certificate)  # exactly the stored bytes
