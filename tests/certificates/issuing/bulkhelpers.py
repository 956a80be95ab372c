"""A register with one certificate in each public state, made without rendering PDFs, for the bulk
verification tests (page and API). `register` is a dict of codes (canonical) by state, plus the holder
whose recovery date must never show."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from certificates.issuing import ratelimit
from certificates.issuing.codes import format_code, generate_code
from certificates.models import Certificate, CertificateApplication, RecoveryAttestation
from tests.factories import TraineeFactory

RECOVERY_DATE = "2019-07-14"
RECOVERY_FORMS = (RECOVERY_DATE, "July 14, 2019", "Jul. 14, 2019", "14/07/2019", "07/14/2019")


def make_certificate(
    version, *, name, status=Certificate.Status.ISSUED, expires_in=700, replaces=None, **more
):
    today = timezone.localdate()
    user = replaces.holder if replaces else TraineeFactory(full_name=name)
    application = CertificateApplication.objects.create(
        user=user, version=version, program=version.program, status="issued"
    )
    return Certificate.objects.create(
        application=application,
        holder=user,
        version=version,
        program=version.program,
        code=generate_code(),
        status_list_index=7000 + Certificate.objects.count(),
        status=status,
        snapshot={
            "holder_name": user.full_name,
            "program_name": version.program.name,
            "version": version.label,
            "issuing_body": version.program.issuing_body,
        },
        issued_on=today - timedelta(days=800),
        expires_on=today + timedelta(days=expires_in),
        issued_at=timezone.now(),
        sha256="0" * 64,
        pdf_name=f"certificates/fake-{generate_code()}.pdf",
        replaces=replaces,
        **more,
    )


def never_issued_code() -> str:
    while Certificate.objects.filter(code=(code := generate_code())).exists():
        pass
    return code


@pytest.fixture
def register(version):
    now = timezone.now()
    valid = make_certificate(version, name="Ana Valid")
    RecoveryAttestation.objects.create(
        user=valid.holder, recovery_start_date=RECOVERY_DATE, statement="I attest.", typed_name="Ana Valid"
    )
    expired = make_certificate(version, name="Ben Expired", expires_in=-3)
    suspended = make_certificate(
        version,
        name="Cy Suspended",
        status=Certificate.Status.SUSPENDED,
        status_reason="Under review by the board.",
        status_changed_at=now,
    )
    revoked = make_certificate(
        version,
        name="Dee Revoked",
        status=Certificate.Status.REVOKED,
        status_reason='=HYPERLINK("http://evil.example")',
        status_changed_at=now,
    )
    pending = make_certificate(version, name="Eve Pending", status=Certificate.Status.PENDING)
    return SimpleNamespace(
        valid=valid,
        expired=expired,
        suspended=suspended,
        revoked=revoked,
        pending=pending,
        unknown=never_issued_code(),
        holder=valid.holder,
    )


def shown(certificate) -> str:
    return format_code(certificate.code)


@pytest.fixture
def frozen_window(monkeypatch):
    """The rate limit's clock stopped inside one minute, so a test's checks share a window."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))


def typed_loosely(code: str) -> str:
    """How a code arrives from a spreadsheet: lower case, spaces for dashes."""
    return format_code(code).lower().replace("-", " ")


__all__ = ["frozen_window", "register"]
