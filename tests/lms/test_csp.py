"""Content-Security-Policy: the strict policy on public and trainee pages, the explicit relaxations
(admin, API docs, the framed certificate PDF), and templates that need no inline script or style."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.certificates.issuing.helpers import *  # noqa: F403 (issuing fixtures)

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered to PDF by WeasyPrint, never served to a browser.
NOT_SERVED = {"certificates/certificate.html"}
INLINE = [
    ("inline <script>", re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")", re.I)),
    ("inline event handler", re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)),
    ("javascript: URL", re.compile(r"javascript:", re.I)),
    ("style attribute", re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)),
    ("<style> block", re.compile(r"<style[\s>]", re.I)),
]

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {
        part.split(" ", 1)[0]: part.split(" ", 1)[1] if " " in part else ""
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def assert_strict(response):
    directives = policy(response)
    for name, value in STRICT.items():
        assert directives.get(name) == value, (name, directives.get(name))
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/accounts/login/", "/courses/", "/verify/", "/api/v1/courses"])
def test_public_pages_have_the_strict_policy(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_strict(response)


@pytest.mark.parametrize(
    "url", ["/learn/dashboard/", "/profile/", "/certification/", "/certification/hours/"]
)
def test_trainee_pages_have_the_strict_policy(client, trainee, catalogue, url):
    client.force_login(trainee)
    response = client.get(url)
    assert response.status_code == 200, url
    assert_strict(response)


def test_not_found_pages_too(client, home):
    assert_strict(client.get("/no-such-page/"))


def test_admin_is_relaxed_for_inline_code_only(client, program_admin):
    client.force_login(program_admin)
    response = client.get("/admin/")
    directives = policy(response)
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["form-action"] == "'self'"


def test_api_docs_keep_scripts_strict(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"cdn" not in response.content.lower()  # Swagger UI from our static files
    directives = policy(response)
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"


def test_framed_certificate_pdf_may_be_framed_by_our_pages_only(client, issued, holder):
    client.force_login(holder)
    response = client.get(f"/certificates/{issued.uuid}/download/?inline=1")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == "'self'"


def test_report_uri_from_settings(client, settings):
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "report-uri": "/csp-report"}
    }
    assert policy(client.get("/accounts/login/"))["report-uri"] == "/csp-report"


def _served_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name not in NOT_SERVED:
            yield name, path.read_text()


def test_templates_have_no_inline_script_or_style():
    found = [
        f"{name}: {what}"
        for name, text in _served_templates()
        for what, pattern in INLINE
        if pattern.search(re.sub(r"\{#.*?#\}", "", text, flags=re.S))
    ]
    assert found == []
