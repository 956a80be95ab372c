"""A certificate in Spanish, in a browser: a holder who reads the site in Spanish (their account's
language) opens My certificates in Spanish and gets a signed PDF printed in Spanish (their program
prints each holder's language); an employer opens the verification page in Spanish and sees the status
in Spanish, on a phone. axe-core checks each page."""

import shutil
import subprocess
from decimal import Decimal

import pytest

from certificates.issuing.codes import format_code
from certificates.models import Requirement
from tests import factories
from tests.certificates.factories import ProgramFactory, VersionFactory, add_requirement
from tests.certificates.issuing.helpers import (  # noqa: F401 (fixtures)
    _roomy_rate_limits,
    issue,
    issuing,
    issuing_storage,
    make_eligible,
    signing_material,
)

from .a11y import check_page
from .conftest import login, off_the_event_loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _issued(version):
    holder = factories.TraineeFactory(full_name="Lucía Ramírez", email="lucia@example.org", language="es")
    holder = make_eligible(holder, version)
    return issue(user=holder, version=version, actor=factories.ProgramAdminFactory())


@pytest.fixture
def spanish_certificate(issuing):  # noqa: F811
    program = ProgramFactory(
        slug="ky-peer",
        name="Peer Support Specialist",
        issuing_body="Kentucky Board",
        jurisdiction="KY",
        certificate_languages="holder",
    )
    version = VersionFactory(program=program, label="2024")
    add_requirement(version, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10"))
    return off_the_event_loop(lambda: _issued(version))


def _clean(page, label):
    check = check_page(page, role="holder", label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), label


def test_a_spanish_reader_gets_a_spanish_certificate_and_an_employer_verifies_it_in_spanish(
    spanish_certificate, phone, tmp_path
):
    certificate = spanish_certificate
    assert certificate.snapshot["languages"] == "es"
    login(phone, certificate.holder.email, factories.PASSWORD)
    phone.goto("/certificates/")
    assert phone.locator("html").get_attribute("lang") == "es"
    download = phone.get_by_role("link", name="Descargar el PDF firmado")
    _clean(phone, "my certificates (es)")
    pdf = phone.request.get(download.get_attribute("href"))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    path = tmp_path / "certificado.pdf"
    path.write_bytes(pdf.body())
    pdftotext = shutil.which("pdftotext") or "/usr/bin/pdftotext"
    if shutil.which(pdftotext):
        text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "Se certifica que" in text and "Lucía Ramírez" in text and "This certifies that" not in text

    phone.context.clear_cookies()  # the employer: no account, no session
    code = format_code(certificate.code)
    phone.goto(f"/es/verify/{code}/")
    assert phone.locator("html").get_attribute("lang") == "es"
    main = phone.locator("main").inner_text()
    assert "Válido" in main and "Lucía Ramírez" in main
    _clean(phone, "verification (es)")
