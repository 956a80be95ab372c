"""Practice activities in Spanish, through the pages people use: the Spanish module page (/es/) shows
the translated title and instructions (the English page the English), and so do the role-play and
attendance pages for a reader whose language is Spanish; who may see each page is unchanged, records and
hours stay the English activity's, and the pages cost the same number of queries for more activities."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services as course_services
from courses.activities import services
from courses.activities.models import ActivityRecord, ModuleActivity, ModuleActivityTranslation
from courses.curriculum.load import load_curriculum
from courses.models import ModulePage
from lms.notifications.models import Notification
from tests.factories import InstructorFactory, TraineeFactory

from ..test_curriculum_activity_translations import SPANISH, with_translated_activities

pytestmark = pytest.mark.django_db

ENGLISH = {
    "reflect-one": ("Your own story", "Write about a change you made."),
    "practise-one": ("Practise with a partner", "Ask three open questions."),
    "workshop-one": ("Workshop day", "Come to the centre."),
}


@pytest.fixture
def site(home, tmp_path):
    """The small curriculum loaded with its first module's activities translated; an enrolled trainee
    and classmate (who reads in Spanish), the course's instructor and a trainee of no course."""
    instructor = InstructorFactory(full_name="Ina Structor")
    load_curriculum(with_translated_activities(tmp_path), home=home, instructors=[instructor])
    english = ModulePage.objects.get(slug="one", locale__language_code="en")
    course = english.get_parent().specific
    trainee = TraineeFactory(full_name="Tara Trainee")
    classmate = TraineeFactory(full_name="Cal Mate", language="es")
    for person in (trainee, classmate):
        course_services.enrollment_create(user=person, course=course)
    return {
        "english": english,
        "spanish": ModulePage.objects.get(slug="one", locale__language_code="es"),
        "course": course,
        "trainee": trainee,
        "classmate": classmate,
        "instructor": instructor,
        "stranger": TraineeFactory(),
        "activities": {a.key: a for a in ModuleActivity.objects.filter(module=english)},
    }


def _html(response) -> str:
    return response.content.decode()


def _as(client, user):
    client.force_login(user)
    return client


def test_the_spanish_module_page_shows_the_spanish_activities(client, site):
    client = _as(client, site["trainee"])
    response = client.get(site["spanish"].url)
    assert response.status_code == 200 and site["spanish"].url.startswith("/es/")
    html = _html(response)
    assert '<html lang="es"' in html
    for key, (title, instructions) in SPANISH.items():
        assert f'id="activity-{key}-title">{title}</h3>' in html
        assert f"<p>{instructions}</p>" in html
    for title, instructions in ENGLISH.values():
        assert title not in html and instructions not in html
    # The forms record the English activity: one record whichever language the trainee reads.
    reflection = site["activities"]["reflect-one"]
    assert f'action="{reverse("courses:activity-reflection", args=[reflection.pk])}"' in html


def test_the_english_module_page_stays_in_english(client, site):
    html = _html(_as(client, site["trainee"]).get(site["english"].url))
    assert '<html lang="en"' in html
    for key, (title, instructions) in ENGLISH.items():
        assert f'id="activity-{key}-title">{title}</h3>' in html and instructions in html
    for title, instructions in SPANISH.values():
        assert title not in html and instructions not in html


def test_an_untranslated_activity_is_shown_in_english_on_the_spanish_page(client, site):
    ModuleActivityTranslation.objects.filter(activity__key="workshop-one").delete()
    html = _html(_as(client, site["trainee"]).get(site["spanish"].url))
    assert 'id="activity-workshop-one-title">Workshop day</h3>' in html
    assert 'id="activity-reflect-one-title">Tu propia historia</h3>' in html


@pytest.mark.parametrize(("who", "status"), [(None, 302), ("stranger", 403), ("trainee", 200)])
def test_the_spanish_module_page_keeps_its_gating(client, site, who, status):
    if who:
        client.force_login(site[who])
    response = client.get(site["spanish"].url)
    assert response.status_code == status
    if status != 200:
        assert SPANISH["reflect-one"][1] not in _html(response)


def test_a_reflection_written_on_the_spanish_page_counts_on_the_english_activity(client, site):
    """The form posts to the English activity with the page it was on; a Spanish reader comes back to the
    Spanish page (whatever their browser's language), a refused form on it, as typed, with the Spanish
    activity."""
    client = _as(client, site["trainee"])
    reflection = site["activities"]["reflect-one"]
    url = reverse("courses:activity-reflection", args=[reflection.pk])
    field = f"activity-{reflection.pk}-text"
    spanish = site["spanish"].pk
    assert f'name="page" value="{spanish}"' in _html(client.get(site["spanish"].url))
    refused = client.post(url, {field: "Pocas palabras", "page": spanish}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 422
    html = _html(refused)
    assert "Pocas palabras</textarea>" in html and '<html lang="es"' in html
    assert 'id="activity-reflect-one-title">Tu propia historia</h3>' in html
    assert not ActivityRecord.objects.exists()

    words = " ".join(["palabra"] * 160)
    response = client.post(url, {field: words, "page": spanish}, HTTP_ACCEPT_LANGUAGE="en")
    assert (
        response.status_code == 302 and response["Location"] == f"{site['spanish'].url}#activity-reflect-one"
    )
    record = ActivityRecord.objects.get()
    assert (record.activity_id, record.hours) == (reflection.pk, Decimal("0.5"))
    html = _html(client.get(site["spanish"].url))
    assert 'id="activity-reflect-one-title">Tu propia historia</h3>' in html and words in html
    english = _html(client.get(site["english"].url, HTTP_ACCEPT_LANGUAGE="en"))
    assert 'id="activity-reflect-one-title">Your own story</h3>' in english and words in english  # one record


# --- the role-play pages -----------------------------------------------------------------------------


def _role_play(site, partner="classmate") -> ActivityRecord:
    return services.role_play_log(
        user=site["trainee"], activity=site["activities"]["practise-one"], partner_email=site[partner].email
    )


@pytest.mark.parametrize(
    ("who", "status"), [(None, 302), ("stranger", 404), ("trainee", 404), ("classmate", 200)]
)
def test_the_confirmation_page_is_in_the_partners_spanish_and_only_theirs(client, site, who, status):
    record = _role_play(site)
    if who:
        client.force_login(site[who])
    response = client.get(reverse("courses:activity-confirm", args=[record.pk]))
    assert response.status_code == status
    html = _html(response)
    if status == 200:
        assert '<html lang="es"' in html
        title, instructions = SPANISH["practise-one"]
        assert f'<h2 id="roleplay-title">{title}</h2>' in html and f"<p>{instructions}</p>" in html
        assert ENGLISH["practise-one"][0] not in html
    else:
        assert SPANISH["practise-one"][1] not in html


def test_the_list_of_role_plays_to_confirm_and_the_notice_are_in_the_partners_language(client, site):
    record = _role_play(site)
    html = _html(_as(client, site["classmate"]).get(reverse("courses:activity-confirmations")))
    assert SPANISH["practise-one"][0] in html and ENGLISH["practise-one"][0] not in html
    notice = Notification.objects.get(user=site["classmate"])
    assert SPANISH["practise-one"][0] in notice.body
    # An English-reading partner sees the English text of the same activity.
    client.post(reverse("courses:activity-confirm", args=[record.pk]), {"decision": "decline"})
    english = _role_play(site, partner="instructor")
    client.cookies.clear()  # the instructor's own browser, in English
    html = _html(_as(client, site["instructor"]).get(reverse("courses:activity-confirm", args=[english.pk])))
    assert ENGLISH["practise-one"][0] in html and SPANISH["practise-one"][0] not in html


# --- the attendance sheet ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"), [(None, 302), ("other", 403), ("trainee", 403), ("instructor", 200)]
)
def test_the_attendance_sheet_shows_the_activity_in_the_readers_language(client, site, who, status):
    url = reverse("courses:activity-attendance-course", args=[site["course"].pk])
    if who == "other":
        client.force_login(InstructorFactory())
    elif who:
        client.force_login(site[who])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == status
    if status == 200:
        html = _html(response)
        assert '<html lang="es"' in html and SPANISH["workshop-one"][0] in html
        assert ENGLISH["workshop-one"][0] not in html
        english = _html(client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
        assert ENGLISH["workshop-one"][0] in english and SPANISH["workshop-one"][0] not in english


# --- query counts ----------------------------------------------------------------------------------------


def _count(client, url) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_spanish_module_page_costs_the_same_for_more_translated_activities(client, site):
    client = _as(client, site["trainee"])
    before = _count(client, site["spanish"].url)
    for order, key in enumerate(("more-one", "more-two", "more-three"), start=3):
        activity = ModuleActivity.objects.create(
            module=site["english"],
            key=key,
            kind="reflection",
            title=f"English {key}",
            instructions="English text.",
            hours=Decimal("0.25"),
            min_words=20,
            sort_order=order,
        )
        ModuleActivityTranslation.objects.create(
            activity=activity, language="es", title=f"Español {key}", instructions="Texto en español."
        )
    assert _count(client, site["spanish"].url) == before
    assert "Español more-three" in _html(client.get(site["spanish"].url))
