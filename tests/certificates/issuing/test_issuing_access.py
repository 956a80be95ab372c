"""Who may see and do what: every issuing page and endpoint for anonymous / another trainee / the
holder / a program administrator; list pages cost the same number of queries at 3 and 30 rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.issuing.codes import format_code, generate_code
from certificates.models import Certificate, CertificateApplication
from tests.factories import TraineeFactory

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db

ANON, OTHER, HOLDER, ADMIN = "anonymous", "other trainee", "holder", "program admin"


@pytest.fixture
def people(issued, admin):
    return {ANON: None, OTHER: TraineeFactory(), HOLDER: issued.holder, ADMIN: admin}


def _login(client, people, who):
    if people[who] is not None:
        client.force_login(people[who])


PAGE_MATRIX = [
    # (url template, {who: expected status}) ; 302 = redirect to the login page
    ("/certificates/", {ANON: 302, OTHER: 200, HOLDER: 200, ADMIN: 200}),
    ("/certificates/{uuid}/download/", {ANON: 302, OTHER: 404, HOLDER: 200, ADMIN: 200}),
    ("/certificates/{uuid}/download/?inline=1", {ANON: 302, OTHER: 404, HOLDER: 200, ADMIN: 200}),
    ("/certificates/manage/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("/certificates/manage/programs/{slug}/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("/certificates/manage/programs/{slug}/issue/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    (
        "/certificates/manage/programs/{slug}/certificates.zip",
        {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200},
    ),
    ("/certificates/manage/{uuid}/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    # The confirmation pages of a status change
    ("/certificates/manage/{uuid}/suspend/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("/certificates/manage/{uuid}/revoke/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("/certificates/manage/{uuid}/reinstate/", {ANON: 302, OTHER: 403, HOLDER: 403, ADMIN: 409}),
    ("/verify/", {ANON: 200, OTHER: 200, HOLDER: 200, ADMIN: 200}),
    ("/verify/{code}/", {ANON: 200, OTHER: 200, HOLDER: 200, ADMIN: 200}),
]

API_MATRIX = [
    ("get", "/api/v1/certificates", {ANON: 401, OTHER: 200, HOLDER: 200, ADMIN: 200}),
    ("get", "/api/v1/certificates/{code}", {ANON: 401, OTHER: 404, HOLDER: 200, ADMIN: 200}),
    ("get", "/api/v1/certificates/{code}/credential", {ANON: 401, OTHER: 404, HOLDER: 200, ADMIN: 200}),
    ("get", "/api/v1/certificates/applications", {ANON: 401, OTHER: 200, HOLDER: 200, ADMIN: 200}),
    ("get", "/api/v1/certificates/applications?scope=all", {ANON: 401, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("post", "/api/v1/certificates/{code}/suspend", {ANON: 401, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("post", "/api/v1/certificates/{code}/revoke", {ANON: 401, OTHER: 403, HOLDER: 403, ADMIN: 200}),
    ("get", "/api/v1/verify/{code}", {ANON: 200, OTHER: 200, HOLDER: 200, ADMIN: 200}),
    ("get", "/api/v1/status-lists/revocation", {ANON: 200, OTHER: 200, HOLDER: 200, ADMIN: 200}),
    ("get", "/api/v1/issuer", {ANON: 200, OTHER: 200, HOLDER: 200, ADMIN: 200}),
]


def _fill(url, certificate):
    return url.format(
        uuid=certificate.uuid, code=format_code(certificate.code), slug=certificate.version.program.slug
    )


@pytest.mark.parametrize("who", [ANON, OTHER, HOLDER, ADMIN])
@pytest.mark.parametrize(("url", "expected"), PAGE_MATRIX, ids=[u for u, _ in PAGE_MATRIX])
def test_page_permissions(client, people, issued, who, url, expected):
    _login(client, people, who)
    response = client.get(_fill(url, issued))
    assert response.status_code == expected[who], (who, url)
    if expected[who] == 302:
        assert "/accounts/login/" in response["Location"]
    if who == OTHER and url == "/certificates/":
        assert format_code(issued.code) not in response.content.decode()


@pytest.mark.parametrize("who", [ANON, OTHER, HOLDER, ADMIN])
@pytest.mark.parametrize(
    ("method", "url", "expected"), API_MATRIX, ids=[f"{m} {u}" for m, u, _ in API_MATRIX]
)
def test_api_permissions(client, people, issued, who, method, url, expected):
    _login(client, people, who)
    kwargs = (
        {"data": {"reason": "Board decision."}, "content_type": "application/json"}
        if method == "post"
        else {}
    )
    response = getattr(client, method)(_fill(url, issued), **kwargs)
    assert response.status_code == expected[who], (who, url, response.content[:200])
    if method == "post" and expected[who] != 200:
        issued.refresh_from_db()
        assert issued.status == Certificate.Status.ISSUED  # refused requests change nothing
    if who == OTHER and url == "/api/v1/certificates":
        assert response.json() == []


@pytest.mark.parametrize("who", [ANON, OTHER, HOLDER])
def test_post_actions_refused_for_non_admins(client, people, issued, holder, version, who):
    _login(client, people, who)
    application = CertificateApplication.objects.create(
        user=TraineeFactory(), version=version, program=version.program
    )
    urls = [
        f"/certificates/manage/applications/{application.pk}/approve/",
        f"/certificates/manage/applications/{application.pk}/reject/",
        f"/certificates/manage/{issued.uuid}/revoke/",
        f"/certificates/manage/programs/{version.program.slug}/issue/",
    ]
    for url in urls:
        response = client.post(url, {"reason": "x", "confirm": "on"})
        assert response.status_code == (302 if who == ANON else 403), url
    application.refresh_from_db()
    issued.refresh_from_db()
    assert application.status == "submitted" and issued.status == "issued"
    assert Certificate.objects.count() == 1


def test_downloads_serve_the_stored_bytes(client, issued, admin):
    from .helpers import stored_pdf

    client.force_login(issued.holder)
    response = client.get(f"/certificates/{issued.uuid}/download/")
    body = b"".join(response.streaming_content)
    assert body == stored_pdf(issued)
    assert response["Content-Disposition"].startswith("attachment")
    inline = client.get(f"/certificates/{issued.uuid}/download/?inline=1")
    assert inline["Content-Disposition"].startswith("inline")
    assert inline["X-Frame-Options"] == "SAMEORIGIN"


# --- Query counts ---------------------------------------------------------------------------------------


def _fake_issued(version, n, *, holder=None):
    """Issued rows without rendering PDFs (for list pages)."""
    today = timezone.localdate()
    for i in range(n):
        user = holder or TraineeFactory()
        application = CertificateApplication.objects.create(
            user=user, version=version, program=version.program, status="issued"
        )
        Certificate.objects.create(
            application=application,
            holder=user,
            version=version,
            program=version.program,
            # One holder's many certifications of a program: their lines have ended (one open line at most).
            lineage_closed_at=timezone.now() if holder is not None else None,
            code=generate_code(),
            status_list_index=1000 + Certificate.objects.count(),  # distinct, unlike random picks
            status=Certificate.Status.ISSUED,
            snapshot={
                "holder_name": user.full_name,
                "program_name": version.program.name,
                "version": version.label,
                "issuing_body": version.program.issuing_body,
            },
            issued_on=today - timedelta(days=i),
            expires_on=today + timedelta(days=700 - i),
            issued_at=timezone.now(),
            sha256="0" * 64,
            pdf_name=f"certificates/fake-{i}.pdf",
        )


@pytest.mark.parametrize(
    "url",
    [
        "/certificates/manage/programs/{slug}/",
        "/api/v1/certificates/applications?scope=all",
        "/certificates/manage/",
    ],
)
def test_admin_lists_cost_the_same_at_3_and_30(client, admin, version, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin)
    client.get(url.format(slug=version.program.slug))  # warm caches (content types, session)
    counts = []
    for n in (3, 27):
        _fake_issued(version, n)
        for _ in range(n):
            CertificateApplication.objects.create(
                user=TraineeFactory(), version=version, program=version.program
            )
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url.format(slug=version.program.slug))
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("url", ["/api/v1/certificates", "/certificates/"])
def test_holder_list_costs_the_same_at_3_and_30(client, version, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    holder = TraineeFactory()
    client.force_login(holder)
    client.get(url)
    counts = []
    for n in (3, 27):
        _fake_issued(version, n, holder=holder)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
