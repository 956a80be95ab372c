"""The certificates register of a program and the applications waiting on /certificates/manage/,
paginated in the database: pages, the status filter and the name/code search kept in the links, bad
?page= values, query counts constant in the register's size, and who may see them."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.issuing.codes import format_code, generate_code
from certificates.models import Certificate, CertificateApplication
from tests.factories import InstructorFactory, SupervisorFactory, TraineeFactory

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db
MANAGE = "/certificates/manage/"


def register_url(version):
    return f"/certificates/manage/programs/{version.program.slug}/"


def fake(version, n, *, status=Certificate.Status.ISSUED, expires_in=700, name="Holder"):
    """Issued rows without rendering PDFs, newest issued first in the order made."""
    today = timezone.localdate()
    made = []
    for i in range(n):
        user = TraineeFactory(full_name=f"{name} {i:03d}")
        application = CertificateApplication.objects.create(
            user=user, version=version, program=version.program, status="issued"
        )
        made.append(
            Certificate.objects.create(
                application=application,
                holder=user,
                version=version,
                program=version.program,
                code=generate_code(),
                status_list_index=5000 + Certificate.objects.count(),
                status=status,
                snapshot={"holder_name": user.full_name, "program_name": version.program.name},
                issued_on=today - timedelta(days=800),
                expires_on=today + timedelta(days=expires_in),
                issued_at=timezone.now(),
                sha256="0" * 64,
                pdf_name=f"certificates/fake-{i}.pdf",
            )
        )
    return made


def codes(page):
    return re.findall(r"<code>([^<]+)</code>", page)


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_register_pages_through_every_certificate_once(client, admin, version):
    made = fake(version, 60)
    client.force_login(admin)
    first, second = get(client, register_url(version)), get(client, register_url(version), page=2)
    newest_first = [format_code(c.code) for c in reversed(made)]
    assert codes(first) + codes(second) == newest_first
    assert "Showing 1–50 of 60" in first and "Showing 51–60 of 60" in second


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "99999", "9" * 30])
def test_register_survives_any_page_number(client, admin, version, raw):
    fake(version, 60)
    client.force_login(admin)
    assert len(codes(get(client, register_url(version), page=raw))) in (10, 50)


@pytest.mark.parametrize(
    "status, expected",
    [("current", "valid"), ("expired", "expired"), ("suspended", "suspended"), ("revoked", "revoked")],
)
def test_register_filters_by_status(client, admin, version, status, expected):
    groups = {
        "valid": fake(version, 3, name="Valid"),
        "expired": fake(version, 2, expires_in=-5, name="Expired"),
        "suspended": fake(version, 2, status=Certificate.Status.SUSPENDED, name="Suspended"),
        "revoked": fake(version, 1, status=Certificate.Status.REVOKED, name="Revoked"),
    }
    client.force_login(admin)
    page = get(client, register_url(version), status=status)
    assert sorted(codes(page)) == sorted(format_code(c.code) for c in groups[expected])
    assert f'<option value="{status}" selected>' in page


def test_register_search_and_status_are_kept_in_page_links(client, admin, version):
    fake(version, 55, name="Jordan")
    fake(version, 5, name="Alex")
    client.force_login(admin)
    page = get(client, register_url(version), q="jordan", status="current")
    assert "Showing 1–50 of 55" in page
    assert 'href="?q=jordan&amp;status=current&amp;page=2"' in page
    assert len(codes(get(client, register_url(version), q="jordan", status="current", page=2))) == 5
    # By code, with or without the dashes.
    target = fake(version, 1, name="Sam")[0]
    assert codes(get(client, register_url(version), q=format_code(target.code))) == [format_code(target.code)]
    # Unknown status: no filter, no error.
    assert "Showing 1–50 of 61" in get(client, register_url(version), status="bogus")


def test_register_queries_do_not_grow_with_the_register(client, admin, version):
    client.force_login(admin)
    fake(version, 3)
    url = register_url(version)
    get(client, url)

    def measure(**params):
        with CaptureQueriesContext(connection) as ctx:
            get(client, url, **params)
        return len(ctx.captured_queries)

    small = measure()
    fake(version, 57, name="More")
    assert measure() == small == measure(page=2, status="current", q="more")
    assert small <= 12


@pytest.mark.parametrize("factory", [TraineeFactory, SupervisorFactory, InstructorFactory])
def test_register_and_manage_are_for_program_administrators_only(client, version, factory):
    fake(version, 2)
    assert client.get(register_url(version)).status_code == 302
    client.force_login(factory())
    assert client.get(register_url(version)).status_code in (403, 404)
    assert client.get(MANAGE).status_code in (403, 404)


def test_applications_waiting_are_paginated(client, admin, version):
    for i in range(55):
        CertificateApplication.objects.create(
            user=TraineeFactory(full_name=f"Applicant {i:03d}"), version=version, program=version.program
        )
    client.force_login(admin)
    first, second = get(client, MANAGE), get(client, MANAGE, page="2")
    assert "Showing 1–50 of 55" in first and "Showing 51–55 of 55" in second
    assert "Applicant 000" in first and "Applicant 054" in second and "Applicant 054" not in first
    assert "Showing 1–50 of 55" in get(client, MANAGE, page="abc")
    assert "Showing 51–55 of 55" in get(client, MANAGE, page="99999")
