"""The trainee's certification checklist shows training hours per domain as a chart that needs no
script: one SVG bar per domain row on a shared scale, with the same figures as text."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.models import Requirement
from certificates.training import services as training_services
from courses.models import CompetencyDomain
from tests.certificates.factories import VersionFactory, add_requirement, enroll

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind


@pytest.fixture
def program(trainee, program_admin):
    version = VersionFactory(program__slug="pr", program__name="Peer Recovery")
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    ethics = CompetencyDomain.objects.get(slug="ethical-responsibility")
    mentoring = CompetencyDomain.objects.get(slug="mentoring-education")
    add_requirement(
        version, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=Decimal("10"), allow_external=True
    )
    add_requirement(
        version, Kind.DOMAIN_TRAINING_HOURS, domain=ethics, hours=Decimal("16"), allow_external=True
    )
    add_requirement(
        version,
        Kind.DOMAIN_TRAINING_HOURS,
        domains=[mentoring, advocacy],
        hours=Decimal("4"),
        allow_external=True,
    )
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("500"))  # not a domain row: no bar
    enroll(trainee, version)
    training_services.external_training_record(
        actor=program_admin,
        user=trainee,
        provider="Elsewhere",
        title="Workshop",
        completed_on=date(2024, 6, 1),
        hours={advocacy: Decimal("6"), ethics: Decimal("16")},
    )
    return version.program


def _chart(html: str) -> str:
    start = html.index('<figure class="hours-chart"')
    return html[start : html.index("</figure>", start)]


def test_checklist_draws_one_bar_per_domain_on_one_scale(client, trainee, program):
    client.force_login(trainee)
    chart = _chart(client.get("/certification/").content.decode())
    assert "Training hours by competency domain" in chart
    rows = re.findall(r'<li class="hours-chart__row[^"]*">.*?</li>', chart, re.S)
    assert len(rows) == 3  # the practice-hours row has no bar
    advocacy, ethics, either = rows
    # Text equivalents: the domain and the figures, in words, beside each bar.
    assert "Advocacy</span>" in advocacy and "6 of 10 hours</span>" in advocacy
    assert "Ethical Responsibility</span>" in ethics and "16 of 16 hours: met</span>" in ethics
    assert "any of " in either and "Mentoring and Education" in either and "6 of 4 hours: met" in either
    # One scale for every bar (the largest figure, 16 hours): 6 h is 37.5%, the 10 h mark at 62.5%.
    assert 'class="hours-chart__done" x="0" y="0" width="37.5"' in advocacy
    assert 'class="hours-chart__target" x="61.3"' in advocacy
    assert 'width="100.0"' in ethics and 'x="98.8"' in ethics
    # Decorative to assistive technology (the text says it all); no script on the page.
    assert chart.count('aria-hidden="true"') == 3 and "<script" not in chart
    assert "hours-chart__row--met" in ethics and "hours-chart__row--met" not in advocacy


def test_no_chart_without_domain_rows(client, trainee):
    version = VersionFactory(program__slug="other", program__name="Other")
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("10"))
    enroll(trainee, version)
    client.force_login(trainee)
    assert 'class="hours-chart"' not in client.get("/certification/").content.decode()


def test_chart_costs_no_query(client, trainee, program, monkeypatch):
    """The bars come from the checklist's own evaluation (domains prefetched with the rows)."""
    from certificates.eligibility.chart import domain_hours_chart
    from certificates.templatetags import certification_tags

    calls = []

    def counted(eligibility):
        with CaptureQueriesContext(connection) as ctx:
            bars = domain_hours_chart(eligibility)
        calls.append((len(bars), len(ctx.captured_queries)))
        return bars

    monkeypatch.setattr(certification_tags, "_chart", counted)
    client.force_login(trainee)
    assert client.get("/certification/").status_code == 200
    assert calls == [(3, 0)]


def test_only_the_trainee_sees_their_chart(client, trainee, other_trainee, program):
    assert client.get("/certification/").status_code == 302  # anonymous: log in first
    client.force_login(other_trainee)
    assert 'class="hours-chart"' not in client.get("/certification/").content.decode()
