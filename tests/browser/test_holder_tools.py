"""The holder's tools, in a browser: Jordan switches on their credential's public page, opens it and
sees "Add to LinkedIn"; opts into the public registry; an employer without an account finds them by
name and state, on a phone. axe-core checks each page."""

from decimal import Decimal
from urllib.parse import urlsplit

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
from .conftest import login, logout, off_the_event_loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _issued(version):
    holder = make_eligible(
        factories.TraineeFactory(full_name="Jordan Lee", email="jordan.lee@example.org"), version
    )
    return issue(user=holder, version=version, actor=factories.ProgramAdminFactory())


@pytest.fixture
def issued_certificate(issuing):  # noqa: F811
    """Jordan Lee's Kentucky certificate (signed off the event loop: see the certificate journeys)."""
    program = ProgramFactory(
        slug="ky-peer", name="Peer Support Specialist", issuing_body="Kentucky Board", jurisdiction="KY"
    )
    version = VersionFactory(program=program, label="2024")
    add_requirement(version, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10"))
    return off_the_event_loop(lambda: _issued(version))


def _clean(page, label):
    check = check_page(page, role="holder tools", label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), label


def _main(page) -> str:
    return page.locator("main").inner_text()


def test_holder_shares_a_page_and_joins_the_registry_then_an_employer_finds_them(issued_certificate, phone):
    certificate = issued_certificate
    code = format_code(certificate.code)
    login(phone, certificate.holder.email, factories.PASSWORD)

    # The public page, switched on from My certificates.
    phone.goto("/certificates/")
    phone.get_by_role("button", name="Create a sharing address").click()
    phone.wait_for_load_state()
    address = phone.get_by_label(
        "Your credential's public page: give this address to an employer"
    ).input_value()
    assert "/credentials/" in address
    assert phone.get_by_role("link", name="Open your public page").is_visible()
    linkedin = phone.get_by_role("link", name="Add to LinkedIn").first
    assert linkedin.get_attribute("target") == "_blank" and linkedin.get_attribute("rel") == "noopener"
    _clean(phone, "my certificates, shared")

    # Opt into the registry (off until now).
    assert "You are not listed" in _main(phone)
    phone.get_by_role("button", name="List me in the public registry").click()
    phone.wait_for_load_state()
    assert "You are listed" in _main(phone)

    # The public page, as anyone sees it.
    logout(phone)
    phone.goto(urlsplit(address).path)
    assert phone.get_by_role("heading", level=1).inner_text() == "Peer Support Specialist"
    main = _main(phone)
    assert "Jordan Lee" in main and code in main and "Valid" in main and "Kentucky Board" in main
    assert "jordan.lee@example.org" not in phone.content()
    assert phone.get_by_role("img", name="QR code of the verification page address").is_visible()
    assert phone.get_by_role("link", name="Download Open Badges credential").is_visible()
    assert (
        phone.get_by_role("link", name="Add to LinkedIn")
        .get_attribute("href")
        .startswith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
    )
    _clean(phone, "shared credential page")

    # An employer looks them up by name and state, by keyboard.
    phone.goto("/registry/")
    _clean(phone, "registry: form")
    phone.get_by_label("Name").fill("j")
    phone.get_by_label("Name").press("Enter")
    phone.wait_for_load_state()
    assert "Type at least 2 letters of the person's name." in _main(phone)
    assert phone.get_by_label("Name").input_value() == "j"
    _clean(phone, "registry: error")
    phone.get_by_label("Name").fill("jordan lee")
    phone.get_by_label("State").select_option("KY")
    phone.get_by_role("button", name="Search the registry").click()
    phone.wait_for_load_state()
    result = phone.locator("article.registry-entry")
    assert result.count() == 1
    assert "Jordan Lee" in result.inner_text() and "Kentucky" in result.inner_text()
    _clean(phone, "registry: results")
    result.get_by_role("link", name=code).click()
    phone.wait_for_load_state()
    assert urlsplit(phone.url).path == f"/verify/{code}/"
