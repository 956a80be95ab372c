"""Training taken elsewhere and board exam results are recorded on pages of their own, linked from the
trainee file's records page: a refused form comes back with what was typed, and records nothing."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from certificates.models import ExternalTraining

pytestmark = pytest.mark.django_db


def test_the_files_records_page_links_to_both_record_pages(client, world):
    client.force_login(world.admin)
    html = client.get(reverse("certificates:trainee-records", args=[world.trainee.pk])).content.decode()
    for name in ("external-add", "exam-result-add"):
        assert f'href="{reverse(f"certificates:{name}", args=[world.trainee.pk])}"' in html


def test_the_training_page_offers_each_domain_and_keeps_input_when_refused(client, world):
    client.force_login(world.admin)
    url = reverse("certificates:external-add", args=[world.trainee.pk])
    html = client.get(url).content.decode()
    assert 'name="hours_advocacy"' in html and world.trainee.get_full_name() in html
    before = ExternalTraining.objects.count()
    response = client.post(url, {"provider": "County board", "title": "", "completed_on": "2024-02-01"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'value="County board"' in html and "This field is required." in html
    assert ExternalTraining.objects.count() == before


def test_the_exam_page_says_when_no_program_has_an_exam(client, world):
    client.force_login(world.admin)
    html = client.get(reverse("certificates:exam-result-add", args=[world.trainee.pk])).content.decode()
    assert escape("None of the programs they work toward has a board exam.") in html
    assert 'name="exam"' not in html


def test_an_unknown_trainee_is_not_found(client, world):
    client.force_login(world.admin)
    for name in ("external-add", "exam-result-add"):
        assert client.get(reverse(f"certificates:{name}", args=[999999])).status_code == 404


def test_recording_training_leads_back_to_the_records_page(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("certificates:external-add", args=[world.other_trainee.pk]),
        {"provider": "County", "title": "HIV basics", "completed_on": "2024-02-01", "hours_advocacy": "2"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/certification/manage/trainees/{world.other_trainee.pk}/records/#ext-h"
    html = client.get(response["Location"]).content.decode()
    assert "HIV basics (County), 2024-02-01" in html and "Training recorded." in html
