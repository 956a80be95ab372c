"""LinkedIn's add-certification link: every parameter, properly encoded; no expiry when the
certificate does not expire; offered only for a valid certificate."""

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest

from certificates.issuing.selectors.linkedin import linkedin_add_url, linkedin_offered
from certificates.issuing.selectors.verification import STATUS_LABELS, Verification


def _record(**overrides) -> Verification:
    fields = {
        "code": "HPA-QQJY-ZG9X-T",
        "status": "current",
        "status_label": STATUS_LABELS["current"],
        "explanation": "",
        "holder_name": "Jordan Lee",
        "program": "Peer Support Specialist & Mentor (Kentucky)",
        "program_version": "2024",
        "issuer": "Peer Support Academy",
        "requirements_set_by": "Kentucky Board",
        "issued_on": date(2026, 3, 5),
        "expires_on": date(2028, 11, 30),
        "status_changed_on": None,
        "status_reason": "",
        "replaced_by": None,
    }
    fields.update(overrides)
    return Verification(**fields)


def test_every_parameter(settings):
    settings.SITE_URL = "https://certs.example.org"
    url = linkedin_add_url(_record())
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    assert parse_qsl(parts.query, strict_parsing=True) == [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", "Peer Support Specialist & Mentor (Kentucky)"),
        ("organizationName", "Peer Support Academy"),
        ("issueYear", "2026"),
        ("issueMonth", "3"),
        ("expirationYear", "2028"),
        ("expirationMonth", "11"),
        ("certUrl", "https://certs.example.org/verify/HPA-QQJY-ZG9X-T/"),
        ("certId", "HPA-QQJY-ZG9X-T"),
    ]
    # Encoded: the ampersand and the slashes of the name and the address never split a parameter.
    assert "name=Peer+Support+Specialist+%26+Mentor+%28Kentucky%29" in parts.query
    assert "certUrl=https%3A%2F%2Fcerts.example.org%2Fverify%2FHPA-QQJY-ZG9X-T%2F" in parts.query


def test_no_expiry_when_the_certificate_does_not_expire():
    query = dict(parse_qsl(urlsplit(linkedin_add_url(_record(expires_on=None))).query))
    assert "expirationYear" not in query and "expirationMonth" not in query
    assert query["issueYear"] == "2026" and query["issueMonth"] == "3"


@pytest.mark.parametrize(
    ("status", "offered"),
    [("current", True), ("suspended", False), ("revoked", False), ("expired", False), ("replaced", False)],
)
def test_offered_only_for_a_valid_certificate(status, offered):
    assert linkedin_offered(_record(status=status)) is offered
