"""An employer checks three new hires' certificates at once, in Chromium on a phone (375 px), without an
account: from the single check's page to the list page, uploads a CSV of three codes (one valid, one
revoked, one never issued), reads each row's status in the results (nothing wider than the screen, no
recovery date anywhere), and downloads the same results as CSV from the results page without uploading
again. axe-core finds no serious or critical violation on the form or the results."""

import csv
import io
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from certificates.issuing.codes import format_code
from certificates.models import Certificate, RecoveryAttestation
from tests.certificates.issuing.bulkhelpers import (
    RECOVERY_DATE,
    RECOVERY_FORMS,
    make_certificate,
    never_issued_code,
)
from tests.certificates.issuing.helpers import _roomy_rate_limits, program_with_practice_hours  # noqa: F401

from .a11y import check_page
from .conftest import off_the_event_loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _three_hires():
    version = program_with_practice_hours()
    valid = make_certificate(version, name="Ana Valid")
    RecoveryAttestation.objects.create(
        user=valid.holder, recovery_start_date=RECOVERY_DATE, statement="I attest.", typed_name="Ana Valid"
    )
    revoked = make_certificate(
        version,
        name="Dee Revoked",
        status=Certificate.Status.REVOKED,
        status_reason="Board decision 12.",
        status_changed_at=timezone.now(),
    )
    return valid, revoked, never_issued_code()


@pytest.fixture
def hires():
    return off_the_event_loop(_three_hires)


def _no_blocking_violations(page, label):
    check = check_page(page, role="employer", label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_employer_checks_a_csv_of_three_codes_and_downloads_the_results(phone, hires, tmp_path):
    valid, revoked, unknown = hires
    page = phone
    page.goto("/verify/")
    page.get_by_role("link", name="Check many certificates").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/verify/bulk/"
    assert _fits(page)
    _no_blocking_violations(page, "bulk verify form")

    # The hiring spreadsheet, saved as CSV: names and codes, typed as people type them.
    sheet = tmp_path / "new-hires.csv"
    sheet.write_text(
        "name,code\n"
        f"Ana,{format_code(valid.code).lower()}\n"
        f"Dee,{format_code(revoked.code)}\n"
        f"Sam,{format_code(unknown)}\n",
        encoding="utf-8",
    )
    page.get_by_label("CSV file of codes").set_input_files(str(sheet))
    page.get_by_role("button", name="Check the codes").click()
    page.wait_for_load_state()

    assert "3 rows checked." in page.get_by_role("status").inner_text()
    rows = page.locator("table.bulk-results tbody tr")
    assert rows.count() == 3
    first, second, third = (rows.nth(i).inner_text() for i in range(3))
    assert "Row 2" in first and "Valid" in first and "Ana Valid" in first
    assert "Row 3" in second and "Revoked" in second and "Board decision 12." in second
    assert (
        "Row 4" in third
        and "Not found" in third
        and "No certificate with this code was issued here." in third
    )
    html = page.content()
    for form in RECOVERY_FORMS:
        assert form not in html
    assert valid.holder.email not in html
    assert _fits(page)
    _no_blocking_violations(page, "bulk verify results")

    # The same results as a file, from this page: nothing uploaded or checked again.
    with page.expect_download() as caught:
        page.get_by_role("link", name="Download the results (CSV)").click()
    download = caught.value
    assert download.suggested_filename.startswith("certificate-checks-")
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))
    lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert lines[0][:4] == ["Row", "Code as typed", "Certificate code", "Status"]
    assert [(line[0], line[2], line[3]) for line in lines[1:]] == [
        ("2", format_code(valid.code), "Valid"),
        ("3", format_code(revoked.code), "Revoked"),
        ("4", format_code(unknown), "Not found"),
    ]
    assert lines[1][5] == "Ana Valid" and lines[2][13] == "Board decision 12."
