"""In Chromium: the trainee's checklist with its hours chart (drawn to scale, no script), card lists
without bullets, tappable crisis numbers, the favicon, the 404 page, and the checklist printed without
the site's navigation and footer."""

from datetime import date
from decimal import Decimal

import pytest

from certificates.models import Requirement
from certificates.training import services as training_services
from courses.models import CompetencyDomain
from tests import factories
from tests.certificates.factories import VersionFactory, add_requirement, enroll

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def working_toward(home, trainee, program_admin):
    version = VersionFactory(program__slug="pr", program__name="Peer Recovery")
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    ethics = CompetencyDomain.objects.get(slug="ethical-responsibility")
    kind = Requirement.Kind.DOMAIN_TRAINING_HOURS
    add_requirement(version, kind, domain=advocacy, hours=Decimal("10"), allow_external=True)
    add_requirement(version, kind, domain=ethics, hours=Decimal("16"), allow_external=True)
    enroll(trainee, version)
    training_services.external_training_record(
        actor=program_admin,
        user=trainee,
        provider="Elsewhere",
        title="Workshop",
        completed_on=date(2024, 6, 1),
        hours={advocacy: Decimal("4"), ethics: Decimal("16")},
    )
    return trainee


def _visible(page, selector):
    return page.locator(selector).first.is_visible()


def test_checklist_chart_and_print(phone, working_toward):
    page = phone
    login(page, working_toward.email, factories.PASSWORD)
    page.goto("/certification/")
    chart = page.get_by_role("figure", name="Training hours by competency domain")
    assert chart.is_visible()
    assert "4 of 10 hours" in chart.inner_text() and "16 of 16 hours: met" in chart.inner_text()
    # Drawn to one scale: 4 h of a 16 h scale fills a quarter of the track; 16 h all of it.
    widths = page.evaluate(
        """() => [...document.querySelectorAll('.hours-chart__bar')].map(svg => {
            const track = svg.querySelector('.hours-chart__track').getBoundingClientRect().width;
            return svg.querySelector('.hours-chart__done').getBoundingClientRect().width / track;
        })"""
    )
    assert widths[0] == pytest.approx(0.25, abs=0.01) and widths[1] == pytest.approx(1, abs=0.01)
    assert page.evaluate("document.scripts.length") == 0
    # The checklist is a list of cards, announced as a list, with no bullets drawn.
    bullets = page.evaluate(
        "[...document.querySelectorAll('.checklist > li')].map(li => getComputedStyle(li).listStyleType)"
    )
    assert bullets and set(bullets) == {"none"}
    assert page.get_by_role("list").filter(has=page.locator(".checklist__item")).count() == 1
    # Crisis numbers dial or text from the footer.
    assert page.locator('footer a[href="tel:988"]').is_visible()
    assert page.locator('footer a[href="sms:988"]').is_visible()

    page.emulate_media(media="print")
    assert page.get_by_role("heading", level=1).is_visible() and chart.is_visible()
    assert not _visible(page, ".site-nav") and not _visible(page, ".site-footer")
    assert not _visible(page, "main .button")


def test_favicon_and_not_found_page(laptop, home):
    page = laptop
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    assert page.get_by_role("navigation", name="Main").is_visible()
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.goto(icon).status == 200
    ico = page.goto("/favicon.ico")
    assert ico.status == 200 and "svg" in ico.headers["content-type"]
