""" "Download my data": the signed-in person's own data as JSON, their journal with replies included,
never another person's entries; audited."""

import json

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.journal import services
from lms.audit import AuditEvent

pytestmark = pytest.mark.django_db

URL = reverse("site:my-data")


def _shared_entry(world, user, text, index=0):
    entry = services.entry_write(user=user, module=world.module, block_id=world.prompts[index][0], text=text)
    services.entry_share(user=user, entry=entry)
    services.reply_create(user=world.instructor, entry=entry, text=f"Reply to {user.full_name}")
    return entry


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_download_holds_ones_own_data_and_no_one_elses(client, world):
    _shared_entry(world, world.trainee, "Tara's private words about relapse.")
    services.entry_write(
        user=world.trainee, module=world.module, block_id=world.prompts[1][0], text="Kept private."
    )
    _shared_entry(world, world.classmate, "Cal's words, never Tara's to download.")
    course_services.module_complete(user=world.trainee, module=world.module)

    client.force_login(world.trainee)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert 'attachment; filename="my-data.json"' == response["Content-Disposition"]
    raw = response.content.decode()
    data = json.loads(raw)
    assert data["profile"]["email"] == world.trainee.email
    assert data["profile"]["full_name"] == "Tara Trainee" and "Trainee" in data["profile"]["roles"]
    assert [e["course"] for e in data["enrolments"]] == ["Crisis course"]
    assert [(p["module"], p["hours_credited"]) for p in data["module_completions"]] == [
        ("Asking directly", "0.50")
    ]
    journal = data["journal"]
    assert [(e["module"], e["text"], e["shared_with_instructors"]) for e in journal] == [
        ("Asking directly", "Tara's private words about relapse.", True),
        ("Asking directly", "Kept private.", False),
    ]
    assert journal[0]["prompt"] == "What does asking directly feel like?"
    assert journal[0]["course"] == "Crisis course"
    assert [(r["from"], r["text"]) for r in journal[0]["replies"]] == [
        ("Ina Structor", "Reply to Tara Trainee")
    ]
    assert journal[1]["replies"] == []
    # Nothing of the classmate's: not their entry, not the reply to it, not their email.
    assert "Cal's words" not in raw and "Reply to Cal Mate" not in raw and world.classmate.email not in raw

    event = AuditEvent.objects.get(action="personal_data.exported")
    assert event.actor == world.trainee and event.subject == world.trainee
    assert event.details == {"enrolments": 1, "journal_entries": 2, "practice_activities": 0}


def test_an_instructor_download_has_no_trainee_entries(client, world):
    _shared_entry(world, world.trainee, "Tara's shared words.")
    client.force_login(world.instructor)
    raw = client.get(URL).content.decode()
    data = json.loads(raw)
    assert data["journal"] == [] and "Tara's shared words." not in raw
    assert data["profile"]["email"] == world.instructor.email


def test_the_profile_page_links_to_the_download_and_the_journal(client, world):
    client.force_login(world.trainee)
    page = client.get(reverse("site:profile")).content.decode()
    assert f'href="{URL}"' in page and "Download my data" in page
    assert f'href="{reverse("courses:journal")}"' in page
