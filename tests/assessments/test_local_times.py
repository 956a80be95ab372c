"""Every time a trainee reads is in their own time zone with the zone named, and a sentence ending on a
time ends with one full stop ("…after 3:15 a.m. CST.", never "a.m.." nor a zone left to guess)."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Attempt

from .factories import answers_for

pytestmark = pytest.mark.django_db

# 09:15 UTC on a January morning: 3:15 a.m. in Chicago, 4:15 a.m. in New York (the site's zone).
LATER = datetime(2099, 1, 5, 9, 5, tzinfo=UTC)


def _failed_attempt(world, *, cooldown=10):
    world.quiz1.cooldown_minutes = cooldown
    world.quiz1.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt, correct=False))
    # Submitted "later" so the cool-down is still running whenever the test runs.
    Attempt.objects.filter(pk=attempt.pk).update(submitted_at=LATER, started_at=LATER)
    return attempt


def test_cooldown_on_the_result_and_quiz_pages_in_the_trainees_zone(client, world):
    world.trainee.time_zone = "America/Chicago"
    world.trainee.save()
    attempt = _failed_attempt(world)
    client.force_login(world.trainee)
    for url in (
        reverse("assessments:attempt_result", args=[attempt.pk]),
        reverse("assessments:detail", args=[world.quiz1.pk]),
    ):
        html = client.get(url).content.decode()
        assert "You can try again after Jan. 5, 2099, 3:15 a.m. CST." in html, url
        assert "a.m.." not in html and "p.m.." not in html


def test_refused_start_names_the_time_and_zone_once(client, world):
    _failed_attempt(world)  # no zone chosen: the site's (America/New_York)
    client.force_login(world.trainee)
    refused = client.post(reverse("assessments:start", args=[world.quiz1.pk]))
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "You can try again after Jan. 5, 2099, 4:15 a.m. EST." in html and "a.m.." not in html


def test_time_limit_shown_with_the_zone(client, world):
    world.trainee.time_zone = "Europe/Istanbul"  # a zone without letters: "+03" reads "UTC+3"
    world.trainee.save()
    world.quiz1.time_limit_minutes = 30
    world.quiz1.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=LATER)
    client.force_login(world.trainee)
    html = client.get(reverse("assessments:attempt_take", args=[attempt.pk])).content.decode()
    assert "Time runs out at 12:05 p.m. UTC+3." in html


def test_autosave_answers_with_the_zone(client, world):
    world.trainee.time_zone = "America/Los_Angeles"
    world.trainee.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    client.force_login(world.trainee)
    saved = client.post(
        reverse("assessments:attempt_save", args=[attempt.pk]),
        {"questions": []},
        HTTP_ACCEPT="application/json",
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert saved.status_code == 200 and saved.json()["saved_at"].endswith((" PST", " PDT"))
