"""Fixtures and helpers for the issuing, verification, renewal and badge tests. Test modules import
the fixtures with `from .helpers import *`."""

import secrets
from decimal import Decimal

import pytest

from certificates.issuing import services, signing
from certificates.models import Certificate, PracticeLog, Requirement
from tests.factories import ProgramAdminFactory, SupervisorFactory, TraineeFactory

from ..factories import ProgramFactory, VersionFactory, add_requirement, enroll, log

Kind = Requirement.Kind


@pytest.fixture(scope="session")
def signing_material():
    """The test issuing CA and signing key (var/test-signing), created once like setup_signing."""
    signing.ensure_dev_material()
    return signing.load_signing_material()


@pytest.fixture
def issuing_storage(settings, tmp_path):
    """Issued PDFs go to a temporary folder for each test."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": None},
        },
    }
    return root


@pytest.fixture(autouse=True)
def _roomy_rate_limits(settings):
    """Tests make many checks from one address; the rate-limit tests set their own limits and use a
    fresh client address (never cache.clear(): with Redis that would wipe other workers' keys)."""
    settings.VERIFY_RATE_LIMITS = {"verify": 10_000, "verify-pdf": 10_000}


def fresh_ip() -> str:
    return f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"


@pytest.fixture
def issuing(signing_material, issuing_storage, settings):
    settings.SITE_URL = "https://certs.example.org"
    return issuing_storage


def program_with_practice_hours(*, hours="10", **version_fields):
    """A program version with one requirement: `hours` approved supervised practice hours."""
    version = VersionFactory(
        program=ProgramFactory(description="Peer recovery credential."), **version_fields
    )
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal(hours))
    return version


def make_eligible(user, version, *, hours="10"):
    enroll(user, version)
    log(user, SupervisorFactory(), hours=hours, status=PracticeLog.Status.APPROVED)
    return user


@pytest.fixture
def version(db):
    return program_with_practice_hours()


@pytest.fixture
def holder(db, version):
    return make_eligible(TraineeFactory(full_name="Jordan Lee"), version)


@pytest.fixture
def admin(db):
    return ProgramAdminFactory(full_name="Riley Okafor")


def issue(*, user, version, actor=None) -> Certificate:
    """Apply, approve and run the issuing pipeline in-process; returns the issued certificate."""
    actor = actor or ProgramAdminFactory()
    application = services.application_submit(actor=user, user=user, version=version)
    certificate = services.application_approve(actor=actor, application=application, enqueue=False)
    services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    return certificate


@pytest.fixture
def issued(issuing, holder, version, admin):
    return issue(user=holder, version=version, actor=admin)


def stored_pdf(certificate) -> bytes:
    from django.core.files.storage import storages

    with storages["private"].open(certificate.pdf_name, "rb") as fh:
        return fh.read()


def sample_face(**overrides):
    """A certificate's face for rendering and signing tests (fields overridable)."""
    import datetime as dt

    from certificates.issuing.pdf import CertificateFace

    fields = {
        "code": "HPAQQJYZG9XT",
        "holder_name": "Jordan Lee",
        "program_name": "Peer Recovery",
        "version_label": "2024",
        "issuing_body": "Test Board",
        "issued_on": dt.date(2026, 1, 5),
        "expires_on": dt.date(2028, 1, 5),
        "verify_url": "https://certs.example.org/verify/HPA-QQJY-ZG9X-T/",
    }
    fields.update(overrides)
    return CertificateFace(**fields)


__all__ = [
    "Kind",
    "_roomy_rate_limits",
    "fresh_ip",
    "admin",
    "holder",
    "issue",
    "issued",
    "issuing",
    "make_eligible",
    "issuing_storage",
    "program_with_practice_hours",
    "signing_material",
    "stored_pdf",
    "version",
]


def use_signing_dir(settings, directory):
    """Point the signing settings at key material in `directory` (made by the test, never on first use)."""
    settings.SIGNING_DIR = directory
    settings.SIGNING_KEY_FILE = str(directory / "signer.key.pem")
    settings.SIGNING_CERT_FILE = str(directory / "signer.cert.pem")
    settings.SIGNING_CA_CERT_FILE = str(directory / "ca.cert.pem")
    settings.SIGNING_PKCS12_FILE = ""
    settings.SIGNING_AUTOCREATE = False
