"""A revealed explanation that names a crisis number offers it as a tel: link."""

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Question

from .factories import answers_for

pytestmark = pytest.mark.django_db


def test_explanations_link_crisis_numbers(client, world):
    Question.objects.filter(assessment=world.quiz1).update(explanation="An emergency: call 911 and stay.")
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    client.force_login(world.trainee)
    html = client.get(reverse("assessments:attempt_result", args=[attempt.pk])).content.decode()
    assert 'call <a class="tel-link" href="tel:911">911</a> and stay.' in html
