"""The checklist "as of" a date through the API: the trainee's own, an administrator's view of one
trainee and of the cohort; a date out of range is a clear 422."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from certificates.models import HoursApproval

pytestmark = pytest.mark.django_db


def _practice(body):
    [program] = body if isinstance(body, list) else [body]
    return next(r for r in program["results"] if r["kind"] == "practice_hours")


def test_own_checklist_as_of_a_date(client, world):
    approved = timezone.localdate() - timedelta(days=10)
    HoursApproval.objects.filter(trainee=world.trainee).update(
        approved_on=approved, date=approved - timedelta(days=2)
    )
    client.force_login(world.trainee)
    today = client.get("/api/v1/eligibility").json()
    assert _practice(today)["current"] == "4"
    before = client.get(f"/api/v1/eligibility?on={approved - timedelta(days=1)}").json()
    assert _practice(before)["current"] == "0" and before[0]["evaluated_on"] == str(
        approved - timedelta(days=1)
    )
    on_day = client.get(f"/api/v1/eligibility?on={approved}").json()
    assert _practice(on_day)["current"] == "4"
    for bad in ("1969-12-31", "2024-02-30", "yesterday", str(timezone.localdate().replace(year=2200))):
        response = client.get(f"/api/v1/eligibility?on={bad}")
        assert response.status_code == 422, bad
        assert response.json()["detail"]


def test_staff_views_as_of_a_date(client, world):
    approved = timezone.localdate() - timedelta(days=10)
    HoursApproval.objects.filter(trainee=world.trainee).update(approved_on=approved)
    client.force_login(world.admin)
    slug, uid = world.program.slug, world.trainee.pk
    day = approved - timedelta(days=1)
    one = client.get(f"/api/v1/programs/{slug}/eligibility/{uid}?on={day}").json()
    assert one["evaluated_on"] == str(day) and _practice(one)["current"] == "0"
    cohort = client.get(f"/api/v1/programs/{slug}/eligibility?on={day}").json()["items"]
    mine = next(row for row in cohort if row["user_id"] == uid)
    assert _practice(mine)["current"] == "0"
    assert client.get(f"/api/v1/programs/{slug}/eligibility?on=0001-01-01").status_code == 422
    assert date.fromisoformat(one["evaluated_on"]) < timezone.localdate()


def test_staff_pages_as_of_a_date(client, world):
    approved = timezone.localdate() - timedelta(days=10)
    HoursApproval.objects.filter(trainee=world.trainee).update(
        approved_on=approved, date=approved - timedelta(days=2)
    )
    client.force_login(world.admin)
    day = approved - timedelta(days=1)
    page = client.get(f"/certification/manage/trainees/{world.trainee.pk}/?on={day}").content.decode()
    assert f"as of {day}" in page and "0 of 10 practice hours approved" in page
    page = client.get(f"/certification/manage/trainees/{world.trainee.pk}/").content.decode()
    assert "4 of 10 practice hours approved" in page
    cohort = client.get(
        f"/certification/manage/programs/{world.program.slug}/cohort/?on={day}"
    ).content.decode()
    assert "0 of 10 practice hours approved" in cohort and f"cohort.csv?on={day}" in cohort
    csv = b"".join(
        client.get(
            f"/certification/manage/programs/{world.program.slug}/cohort.csv?on={day}"
        ).streaming_content
    )
    assert b"0 of 10 practice hours approved" in csv
    response = client.get(f"/certification/manage/trainees/{world.trainee.pk}/?on=1900-01-01")
    assert response.status_code == 422 and "Choose a date between" in response.content.decode()
    client.force_login(world.trainee)
    assert client.get(f"/certification/manage/trainees/{world.trainee.pk}/?on={day}").status_code == 403
