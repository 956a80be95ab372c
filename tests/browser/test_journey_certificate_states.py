"""Issue 11's certificate states, in Chromium at 375 px (and 1280 px): a program administrator opens a
certificate's page on a phone (nothing wider than the screen, the SHA-256 wraps), asks to revoke it,
forgets the box, is told so beside it with the reason still typed, confirms; the history says "Revoked"
in words. The holder, on their phone, then sees that it was revoked, when and why, with no download,
badge or sharing offered, and the old download address answers with a page that says why. axe-core
finds no serious or critical violation on any of these pages."""

from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from certificates.issuing.codes import format_code
from certificates.models import Certificate, Requirement
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

REASON = "Board decision 12: supervised hours could not be confirmed."


def _issued(version):
    holder = make_eligible(factories.TraineeFactory(full_name="Jordan Lee"), version)
    admin = factories.ProgramAdminFactory(full_name="Riley Okafor")
    return issue(user=holder, version=version, actor=admin), admin


@pytest.fixture
def issued_certificate(issuing):  # noqa: F811
    """Jordan Lee's issued certificate. Signed in a worker thread on this thread's connection:
    Playwright's sync API keeps an asyncio loop running here and pyHanko signs with asyncio.run."""
    program = ProgramFactory(slug="peer-recovery", name="Peer Recovery Specialist", issuing_body="IC&RC")
    version = VersionFactory(program=program, label="2024")
    add_requirement(version, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10"))
    return off_the_event_loop(lambda: _issued(version))


@pytest.fixture
def open_page(_browser, live_server):
    """A page in a new browser context (its own cookies) of the given width. Function-scoped, so the
    browser starts after the test database is set up, like the phone and laptop fixtures."""
    contexts = []

    def _open(width):
        context = _browser.new_context(
            viewport={"width": width, "height": 800}, base_url=live_server.url, bypass_csp=True
        )
        context.set_default_timeout(15000)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _no_blocking_violations(page, label):
    check = check_page(page, role="certificate states", label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)


def _main(page) -> str:
    return page.locator("main").inner_text()


@pytest.mark.parametrize("width", [375, 1280])
def test_revocation_is_confirmed_then_shown_honestly_to_the_holder(issued_certificate, open_page, width):
    certificate, admin = issued_certificate
    code = format_code(certificate.code)
    today = date_format(timezone.localdate(), "DATE_FORMAT")

    desk = open_page(width)
    login(desk, admin.email, factories.PASSWORD)
    desk.goto(f"/certificates/manage/{certificate.uuid}/")
    assert desk.get_by_role("heading", level=1).inner_text() == f"Certificate {code}"
    assert certificate.sha256 in _main(desk)
    assert _fits(desk), "the certificate admin page is wider than the screen"
    _no_blocking_violations(desk, "certificate admin")

    # Revoking starts with a page that says what it does; nothing has changed yet.
    desk.get_by_role("link", name="Revoke…").click()
    desk.wait_for_load_state()
    assert desk.get_by_role("heading", level=1).inner_text() == f"Revoke certificate {code}?"
    assert "A revocation cannot be undone." in _main(desk)
    assert _fits(desk)
    _no_blocking_violations(desk, "revoke: confirm")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED

    # The reason typed, the box forgotten: told beside the box, the reason kept.
    desk.get_by_label("Reason for the revocation").fill(REASON)
    desk.get_by_role("button", name="Revoke the certificate").click()
    desk.wait_for_load_state()
    assert "Tick the box to confirm." in _main(desk)
    assert desk.get_by_label("Reason for the revocation").input_value() == REASON
    assert _fits(desk)
    _no_blocking_violations(desk, "revoke: error")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED

    desk.get_by_label("Yes, revoke this certificate. I understand that this cannot be undone").check()
    desk.get_by_role("button", name="Revoke the certificate").click()
    desk.wait_for_load_state()
    assert f"Certificate {code} is revoked. The verification page shows it now." in _main(desk)
    assert "No status change is possible." in _main(desk)
    history = desk.locator("ol.history").inner_text()
    assert "Revoked" in history and "by Riley Okafor" in history and REASON in history
    assert "certificate.revoked" not in history and "certificate.issued" not in history
    assert _fits(desk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED

    # The holder, on their own device.
    phone = open_page(width)
    login(phone, certificate.holder.email, factories.PASSWORD)
    phone.goto("/certificates/")
    card = phone.locator("article.card").filter(has_text="Peer Recovery Specialist")
    text = card.inner_text()
    assert "Revoked" in text
    assert f"Revoked on {today}: this certificate is no longer valid." in text
    assert REASON in text
    assert "valid until" not in text.lower()
    for name in ("Download the signed PDF", "Open Badge (for digital wallets)", "Create a sharing address"):
        assert (
            card.get_by_role("link", name=name).count() == 0
            and card.get_by_role("button", name=name).count() == 0
        )
    assert card.locator("iframe").count() == 0
    assert _fits(phone)
    _no_blocking_violations(phone, "my certificates (revoked)")

    # A bookmarked download address: a page that says why, not a file.
    response = phone.goto(f"/certificates/{certificate.uuid}/download/")
    assert response.status == 410
    assert phone.get_by_role("heading", level=1).inner_text() == "This certificate was revoked"
    assert REASON in _main(phone)
    assert _fits(phone)
    _no_blocking_violations(phone, "download withdrawn")
