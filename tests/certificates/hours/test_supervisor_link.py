"""Linking a supervisor on a trainee's file, by the email they sign in with: a refused link answers
with the file and the form, keeping what was typed, and links nothing."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from certificates.hours import services
from certificates.hours.forms import SupervisorAssignForm
from certificates.models import SupervisorAssignment
from tests.factories import InstructorFactory, SupervisorFactory

pytestmark = pytest.mark.django_db


def _link(client, world, email):
    client.force_login(world.admin)
    return client.post(reverse("certificates:assign", args=[world.other_trainee.pk]), {"supervisor": email})


def test_a_supervisor_is_linked_by_email_whatever_its_case(client, world):
    supervisor = SupervisorFactory(email="pat.lee@example.org")
    response = _link(client, world, "  Pat.Lee@EXAMPLE.org ")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/trainees/{world.other_trainee.pk}/#sup-h")
    assert SupervisorAssignment.objects.filter(
        supervisor=supervisor, trainee=world.other_trainee, is_active=True
    ).exists()


@pytest.mark.parametrize(
    "email,error",
    [
        ("nobody@example.org", SupervisorAssignForm.ERR_UNKNOWN),
        ("not an email", "Enter a valid email address."),
        ("", "This field is required."),
    ],
)
def test_an_unknown_or_malformed_email_is_refused_keeping_it(client, world, email, error):
    before = SupervisorAssignment.objects.count()
    response = _link(client, world, email)
    assert response.status_code == 422
    html = response.content.decode()
    assert escape(str(error)) in html
    assert f'value="{escape(email)}"' in html or not email
    assert SupervisorAssignment.objects.count() == before


def test_someone_who_is_not_a_supervisor_is_refused(client, world):
    instructor = InstructorFactory()
    response = _link(client, world, instructor.email)
    assert response.status_code == 422
    html = response.content.decode()
    assert escape(services.ERR_NOT_A_SUPERVISOR) in html and f'value="{escape(instructor.email)}"' in html
    assert not SupervisorAssignment.objects.filter(supervisor=instructor).exists()


def test_the_file_offers_an_email_field_not_a_list_of_every_supervisor(client, world):
    SupervisorFactory.create_batch(3)
    client.force_login(world.admin)
    html = client.get(reverse("certificates:trainee", args=[world.trainee.pk])).content.decode()
    assert 'type="email" name="supervisor"' in html
    assert "<select" not in html.split('id="sup-h"')[1].split("</section>")[0]
