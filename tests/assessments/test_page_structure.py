"""The grading page's outline: h1 > h2 > h3 (the essay answers' headings sat under the h1)."""

import pytest
from django.urls import reverse

from assessments import services
from tests.outline import Outline

from .factories import answers_for

pytestmark = pytest.mark.django_db


def test_grading_page_headings_do_not_skip_a_level(client, world):
    for quiz in (world.quiz1, world.quiz2):
        attempt = services.attempt_start(user=world.trainee, assessment=quiz)
        services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    attempt = services.attempt_start(user=world.trainee, assessment=world.exam)
    attempt = services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    client.force_login(world.instructor)
    response = client.get(reverse("assessments:grade_attempt", args=[attempt.pk]))
    assert response.status_code == 200
    outline = Outline(response.content.decode())
    assert 3 in outline.headings and outline.skips() == [], outline.headings
