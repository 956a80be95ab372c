"""Pages go h1 > h2 > h3 without skipping a level, and lists of cards are announced as lists with no
bullets drawn (role="list" for Safari, list-style none in site.css)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from courses.services import enrollment_create
from tests import factories
from tests.outline import Outline

CSS = Path(settings.BASE_DIR, "static", "css", "site.css").read_text(encoding="utf-8")


def check(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    outline = Outline(response.content.decode())
    assert outline.headings and outline.skips() == [], (url, outline.headings)
    for attrs in outline.card_lists:
        assert attrs.get("role") == "list", (url, attrs)
    return outline


def test_card_lists_have_no_bullets():
    rule = re.search(r"ul\.cards, ol\.cards, \.checklist \{([^}]*)\}", CSS)
    assert rule and "list-style: none" in rule.group(1) and "padding: 0" in rule.group(1)


@pytest.mark.django_db
def test_trainee_pages_outline(client, catalogue, trainee):
    from tests.certificates.factories import VersionFactory, add_requirement, enroll

    course = factories.make_course(catalogue, title="Listening")
    module = factories.make_module(course, title="One")
    enrollment_create(user=trainee, course=course)
    version = VersionFactory(program__slug="pr", program__name="Peer Recovery")
    add_requirement(version, "practice_hours", hours=10)
    enroll(trainee, version)
    client.force_login(trainee)
    for url in ("/", catalogue.url, course.url, module.url, "/learn/dashboard/"):
        check(client, url)
    certification = check(client, "/certification/")
    assert certification.card_lists  # the checklist


@pytest.mark.django_db
def test_staff_pages_outline(client, home, program_admin):
    from tests.certificates.factories import VersionFactory

    VersionFactory(program__slug="pr", program__name="Peer Recovery")
    client.force_login(program_admin)
    assert check(client, "/certification/manage/").card_lists
    check(client, "/certification/manage/library/")


@pytest.mark.django_db
def test_error_pages_outline(client, home):
    check(client, "/no-such-page/", status=404)
