"""The cohort report at scale (issue 10): page, CSV and API cost the same queries at any cohort size,
the CSV streams trainee by trainee, every read is audited once (not once per trainee), the page is
paginated and filtered through its query string, and only program administrators get in."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates.eligibility import engine
from certificates.models import PledgeSignature, ProgramEnrollment, Requirement
from certificates.recovery import services as recovery_services
from certificates.training import services as training_services
from courses.models import CompetencyDomain
from lms.models import AuditEvent
from tests.factories import InstructorFactory

from ..factories import TraineeFactory, VersionFactory, add_pledge, add_requirement, enroll, log

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind
COHORT_BUDGET = 20
CHECKLIST_BUDGET = 12
READ = "recovery.status_read_by_staff"


def page_url(world, **query):
    from urllib.parse import urlencode

    base = reverse("certificates:cohort", args=[world.program.slug])
    return f"{base}?{urlencode(query)}" if query else base


def csv_url(world, **query):
    from urllib.parse import urlencode

    base = reverse("certificates:cohort-csv", args=[world.program.slug])
    return f"{base}?{urlencode(query)}" if query else base


def grow(world, n, *, prefix="Trainee", eligible_every=0):
    """n more trainees in the cohort; every `eligible_every`-th meets every requirement."""
    users = []
    for i in range(n):
        user = TraineeFactory(full_name=f"{prefix} {i:03d}")
        enroll(user, world.version)
        recovery_services.recovery_attest(
            user=user, recovery_start_date=date(2020, 1, 1), typed_name=user.full_name
        )
        log(user, world.supervisor, hours="3")
        if eligible_every and i % eligible_every == 0:
            log(user, world.supervisor, hours="7", on=date(2024, 1, 2))
            training_services.external_training_record(
                actor=world.admin,
                user=user,
                provider="Elsewhere",
                title="Advocacy",
                completed_on=date(2024, 6, 1),
                hours={CompetencyDomain.objects.get(slug="advocacy"): Decimal("3")},
            )
            PledgeSignature.objects.create(user=user, pledge=world.program.pledges.get(), typed_name="x")
        users.append(user)
    return users


def measure(client, world):
    counts = {}
    for name, url in {
        "page": page_url(world),
        "page filtered": page_url(world, status="not_eligible", page="2"),
        "csv": csv_url(world),
        "api": f"/api/v1/programs/{world.program.slug}/eligibility",
    }.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
            if isinstance(response, StreamingHttpResponse):
                b"".join(response.streaming_content)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


def test_cohort_costs_the_same_queries_at_any_size(client, world):
    client.force_login(world.admin)
    measure(client, world)  # session and per-process caches (content types) warm
    small = measure(client, world)  # 2 enrolled
    grow(world, 28)
    big = measure(client, world)  # 30 enrolled
    assert ProgramEnrollment.objects.count() == 30
    assert small == big, (small, big)
    assert max(big.values()) <= COHORT_BUDGET, big


def test_checklist_costs_the_same_for_one_and_five_programs(client, world):
    client.force_login(world.trainee)
    client.get(reverse("certificates:dashboard"))

    def checklist():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("certificates:dashboard"))
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    one, _ = checklist()
    for i in range(4):
        version = VersionFactory(program__name=f"Program {i}")
        add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("2"), within_months=12 + i)
        add_requirement(version, Kind.RECOVERY_MONTHS, months=6)
        add_requirement(version, Kind.ETHICS_PLEDGE)
        add_pledge(version.program)
        enroll(world.trainee, version)
    five, page = checklist()
    assert page.count('class="card" aria-labelledby="program-') == 5
    assert one == five, (one, five)
    assert five <= CHECKLIST_BUDGET, five


def test_csv_streams_as_trainees_are_evaluated(client, world, monkeypatch):
    grow(world, 8)
    evaluated = []
    real = engine.Pass.evaluate

    def spy(self, user, version_id, facts, **options):
        evaluated.append(user.pk)
        return real(self, user, version_id, facts, **options)

    monkeypatch.setattr(engine.Pass, "evaluate", spy)
    monkeypatch.setattr("certificates.eligibility.loads.CHUNK", 2)  # several round trips per cursor
    client.force_login(world.admin)
    response = client.get(csv_url(world))
    assert isinstance(response, StreamingHttpResponse)
    assert evaluated == []  # nothing evaluated before the response starts
    chunks = iter(response.streaming_content)
    assert next(chunks).startswith(b"Name,Email,Program,Version,Eligible")
    next(chunks)
    assert len(evaluated) == 1  # the first row went out before the others were evaluated
    rest = b"".join(chunks).decode().strip().splitlines()
    assert len(rest) == 9 and len(evaluated) == 10
    names = [line.split(",")[0] for line in rest]
    assert names == sorted(names)  # by name, across the cursors' chunks


def test_one_audit_event_per_read_with_the_count(client, world):
    grow(world, 3)
    client.force_login(world.admin)
    b"".join(client.get(csv_url(world)).streaming_content)
    client.get(page_url(world))
    client.get(f"/api/v1/programs/{world.program.slug}/eligibility?limit=2")
    events = AuditEvent.objects.filter(action=READ).order_by("pk")
    assert [(e.details["context"], e.details["trainees"]) for e in events] == [
        ("cohort csv", 5),
        ("cohort page", 5),
        ("cohort api", 2),
    ]
    assert all(e.actor == world.admin and e.subject is None for e in events)
    assert all(e.details["program"] == world.program.slug for e in events)
    assert not any("2020" in str(e.details) or str(world.recovery_start) in str(e.details) for e in events)
    # A filtered export says which filter it read.
    b"".join(client.get(csv_url(world, status="eligible")).streaming_content)
    assert AuditEvent.objects.filter(action=READ).order_by("pk").last().details["filter"] == {
        "status": "eligible"
    }


def test_pagination_and_filters_through_the_page(client, world):
    grow(world, 55, eligible_every=10)  # 57 people, 6 of them eligible
    client.force_login(world.admin)
    first = client.get(page_url(world)).content.decode()
    assert "57 people match" in first and "Showing 1–50 of 57" in first
    second = client.get(page_url(world, page="2")).content.decode()
    assert "Showing 51–57 of 57" in second and "Trainee 054" in second and "Trainee 000" not in second
    for bad in (
        {"page": "abc"},
        {"page": "-3"},
        {"status": "nonsense"},
        {"missing": "abc"},
        {"missing": "99999999999"},
    ):
        response = client.get(page_url(world, **bad))
        assert response.status_code == 200, bad
        assert "Showing 1–50 of 57" in response.content.decode(), bad
    past = client.get(page_url(world, page="99999")).content.decode()
    assert "Showing 51–57 of 57" in past
    eligible = client.get(page_url(world, status="eligible")).content.decode()
    assert "6 people match" in eligible and "Trainee 010" in eligible and "Trainee 011" not in eligible
    not_eligible = client.get(page_url(world, status="not_eligible", page="99")).content.decode()
    assert "51 people match" in not_eligible and "Showing 51–51 of 51" in not_eligible
    pledge = world.version.requirements.get(kind=Kind.ETHICS_PLEDGE)
    missing = client.get(page_url(world, missing=str(pledge.pk))).content.decode()
    assert "51 people match" in missing and f'value="{pledge.pk}" selected' in missing
    assert "status=not_eligible" not in missing and f"missing={pledge.pk}" in missing  # CSV link keeps it
    searched = client.get(page_url(world, q="trainee 05")).content.decode()
    assert "5 people match" in searched and "Trainee 053" in searched
    body = b"".join(client.get(csv_url(world, status="eligible")).streaming_content).decode()
    lines = body.strip().splitlines()
    assert len(lines) == 7 and all(",Yes," in line for line in lines[1:])
    body = b"".join(client.get(csv_url(world)).streaming_content).decode()
    assert len(body.strip().splitlines()) == 58  # every page


def test_csv_neutralises_formulas_and_shows_no_recovery_date(client, world):
    world.trainee.full_name = "=HYPERLINK(1)"
    world.trainee.save()
    client.force_login(world.admin)
    body = b"".join(client.get(csv_url(world)).streaming_content).decode()
    assert "'=HYPERLINK(1)" in body
    assert world.recovery_met_on.isoformat() not in body and world.recovery_start.isoformat() not in body
    assert "Recovery time: not met yet" in body


@pytest.mark.parametrize("who", ["anonymous", "trainee", "instructor", "program admin"])
def test_who_may_read_the_cohort(client, world, who):
    user = {
        "anonymous": None,
        "trainee": world.trainee,
        "instructor": InstructorFactory(),
        "program admin": world.admin,
    }[who]
    if user is not None:
        client.force_login(user)
    page = client.get(page_url(world))
    csv = client.get(csv_url(world))
    api = client.get(f"/api/v1/programs/{world.program.slug}/eligibility")
    if who == "anonymous":
        assert page.status_code == csv.status_code == 302 and api.status_code == 401
    elif who == "program admin":
        assert page.status_code == csv.status_code == api.status_code == 200
        assert api.json()["count"] == 2
    else:
        assert page.status_code == csv.status_code == api.status_code == 403
        assert not AuditEvent.objects.filter(action=READ).exists()
