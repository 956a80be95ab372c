"""The trainee file's second page, records and hours: what was done elsewhere and the hours log, 50
entries a page; nothing of the recovery attestation, so reading it audits nothing."""

import pytest
from django.urls import reverse

from lms.models import AuditEvent
from tests.certificates.factories import log

pytestmark = pytest.mark.django_db


def _records(client, world, **params):
    client.force_login(world.admin)
    url = reverse("certificates:trainee-records", args=[world.trainee.pk])
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _log(html: str) -> str:
    return html.split('id="hours-h"')[1].split("</ul>")[0]


def test_lists_training_elsewhere_with_its_evidence_and_the_hours_log(client, world):
    html = _records(client, world)
    assert "Advocacy workshop (Elsewhere), 2024-06-01" in html
    assert reverse("certificates:evidence", args=[world.training.pk]) in html
    assert "2 entries, newest first." in html
    # The tabs: this page is the current one, the checklist a link away.
    assert 'aria-current="page">Records and hours' in html
    assert f'href="{reverse("certificates:trainee", args=[world.trainee.pk])}"' in html


def test_the_hours_log_is_paginated(client, world, supervisor):
    for _ in range(55):
        log(world.trainee, supervisor, hours="1")
    first = _records(client, world)
    assert "57 entries, newest first." in first and "?page=2#hours-h" in first
    assert _log(first).count("<li>") == 50
    assert _log(_records(client, world, page=2)).count("<li>") == 7


def test_shows_no_recovery_data_and_audits_nothing(client, world):
    before = AuditEvent.objects.count()
    html = _records(client, world)
    assert world.recovery_start.isoformat() not in html and "recovery" not in html.lower()
    assert AuditEvent.objects.count() == before
