"""Issue 5's journey: a certificate is issued; an employer on a phone, without an account, checks it by
code (typed carelessly), by its QR address and by uploading the PDF; a program administrator revokes
it in the browser; the employer's page then says revoked, why and since when."""

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from certificates.issuing import selectors
from certificates.issuing.codes import format_code
from certificates.models import Certificate, Requirement
from tests import factories
from tests.certificates.factories import ProgramFactory, VersionFactory, add_requirement
from tests.certificates.issuing.helpers import (  # noqa: F401 (fixtures)
    _roomy_rate_limits,
    issuing,
    issuing_storage,
    make_eligible,
    signing_material,
    stored_pdf,
)

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REASON = "Board decision 12: supervised hours could not be confirmed."


@pytest.fixture
def eligible(issuing):  # noqa: F811
    """Jordan Lee meets every requirement (and their email must never show publicly)."""
    program = ProgramFactory(
        slug="peer-recovery", name="Peer Recovery Specialist", issuing_body="State Peer Board"
    )
    version = VersionFactory(program=program, label="2024")
    add_requirement(version, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10"))
    holder = make_eligible(
        factories.TraineeFactory(full_name="Jordan Lee", email="jordan.lee@example.org"), version
    )
    admin = factories.ProgramAdminFactory(full_name="Riley Okafor")
    return holder, admin


def _main(page) -> str:
    return page.locator("main").inner_text()


def _record(page) -> dict[str, str]:
    """The public record as the employer reads it: each <dt> with its <dd>."""
    terms = page.locator("dl.record dt").all_inner_texts()
    values = page.locator("dl.record dd").all_inner_texts()
    return dict(zip((t.strip() for t in terms), (v.strip() for v in values), strict=True))


def _assert_private_data_absent(page, holder):
    html = page.content()
    assert holder.email not in html
    assert "@" not in _main(page)


def test_employer_verifies_then_sees_revocation(phone, laptop, eligible, tmp_path):
    holder, admin = eligible
    today = date_format(timezone.localdate(), "DATE_FORMAT")

    # Issuing goes through the pages (signing runs in the server, where the task runs eagerly):
    # the holder applies on their phone...
    page = phone
    login(page, holder.email, factories.PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My certificates").click()
    page.wait_for_load_state()
    assert "You meet every requirement." in _main(page)
    page.get_by_role("button", name="Apply for the certificate").click()
    page.wait_for_load_state()
    assert "Application sent. A program administrator will review it." in _main(page)
    logout(page)

    # ...and a program administrator approves it; the certificate is rendered and signed.
    desk = laptop
    login(desk, admin.email, factories.PASSWORD)
    desk.get_by_role("navigation", name="Main").get_by_role("link", name="Certificates", exact=True).click()
    desk.wait_for_load_state()
    application = desk.locator(".card").filter(has_text="Jordan Lee")
    application.get_by_role("button", name="Approve and issue").click()
    desk.wait_for_load_state()
    certificate = Certificate.objects.get(holder=holder)
    shown_code = format_code(certificate.code)
    assert f"Approved: certificate {shown_code} is being issued." in _main(desk)
    assert certificate.status == Certificate.Status.ISSUED and certificate.pdf_name

    # An employer with no account types the code as read over the phone: lower case, no dashes.
    page.goto("/verify/")
    typed = certificate.code.lower().replace("-", "")
    assert "-" not in typed and typed != shown_code
    page.get_by_role("textbox", name="Certificate code").fill(typed)
    page.get_by_role("button", name="Check the code").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"/verify/{shown_code}/"
    assert page.get_by_role("status").inner_text().startswith("Valid")
    assert "This certificate is authentic and current." in _main(page)
    record = _record(page)
    assert record["Status"] == "Valid"
    assert record["Holder"] == "Jordan Lee"
    assert record["Program"].startswith("Peer Recovery Specialist")
    # The academy issues the certificate; the program's body sets the rules it meets.
    assert record["Requirements set by"] == "State Peer Board"
    assert record["Issued by"] == "Peer Support Academy"
    assert record["Certificate code"] == shown_code
    assert "Reason" not in record and "Revoked on" not in record
    _assert_private_data_absent(page, holder)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    # The address printed on the certificate (and in its QR code) opens the same record.
    qr_target = urlsplit(selectors.verify_url(certificate.code))
    assert qr_target.netloc == "certs.example.org"
    response = page.goto(qr_target.path)
    assert response.status == 200
    assert _record(page)["Holder"] == "Jordan Lee"
    assert _record(page)["Status"] == "Valid"
    _assert_private_data_absent(page, holder)

    # The employer was also emailed the PDF: uploading it proves it is the file that was issued.
    pdf = tmp_path / "certificate-from-candidate.pdf"
    pdf.write_bytes(stored_pdf(certificate))
    page.goto("/verify/")
    page.get_by_label("Certificate PDF", exact=True).set_input_files(str(pdf))
    page.get_by_role("button", name="Check the PDF").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "PDF check"
    verdict = page.get_by_role("status").inner_text()
    assert "Authentic" in verdict and "This PDF is exactly as we issued it." in verdict
    assert "This certificate is authentic and current." in verdict
    assert _record(page)["Certificate code"] == shown_code
    _assert_private_data_absent(page, holder)

    # The program administrator revokes it from the certificate's admin page.
    desk.get_by_role("navigation", name="Main").get_by_role("link", name="Certificates", exact=True).click()
    desk.wait_for_load_state()
    desk.get_by_role("link", name="Peer Recovery Specialist").click()
    desk.wait_for_load_state()
    desk.get_by_role("row").filter(has_text=shown_code).get_by_role("link", name="Jordan Lee").click()
    desk.wait_for_load_state()
    assert desk.get_by_role("heading", level=1).inner_text() == f"Certificate {shown_code}"
    # Revoking is asked for on a page of its own: a reason and a ticked box (issue 11).
    desk.get_by_role("link", name="Revoke…").click()
    desk.wait_for_load_state()
    assert desk.get_by_role("heading", level=1).inner_text() == f"Revoke certificate {shown_code}?"
    desk.get_by_label("Reason for the revocation").fill(REASON)
    desk.get_by_label("Yes, revoke this certificate. I understand that this cannot be undone").check()
    desk.get_by_role("button", name="Revoke the certificate").click()
    desk.wait_for_load_state()
    assert f"Certificate {shown_code} is revoked. The verification page shows it now." in _main(desk)
    assert "No status change is possible." in _main(desk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.status_reason == REASON

    # The employer looks again: revoked, with the reason and the date.
    page.goto(qr_target.path)
    assert page.get_by_role("status").inner_text().startswith("Revoked")
    assert "This certificate is authentic but was revoked: it is no longer valid." in _main(page)
    record = _record(page)
    assert record["Status"] == "Revoked"
    assert record["Reason"] == REASON
    assert record["Revoked on"] == today
    assert record["Holder"] == "Jordan Lee"
    _assert_private_data_absent(page, holder)

    # The same PDF is still authentic, but no longer valid.
    page.goto("/verify/")
    page.get_by_label("Certificate PDF", exact=True).set_input_files(str(pdf))
    page.get_by_role("button", name="Check the PDF").click()
    page.wait_for_load_state()
    verdict = page.get_by_role("status").inner_text()
    assert "Authentic" in verdict and "Revoked" in verdict
    assert _record(page)["Reason"] == REASON
