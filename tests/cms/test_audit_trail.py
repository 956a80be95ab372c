"""The audit trail in the Wagtail admin: program administrators read it; nobody can change it."""

import pytest
from django.urls import NoReverseMatch, reverse

from lms.audit import audit_record
from lms.models import AuditEvent, User

from ..factories import InstructorFactory, ProgramAdminFactory, SupervisorFactory, TraineeFactory

INDEX = "/admin/audit-trail/"


@pytest.fixture
def events(db):
    actor = ProgramAdminFactory(full_name="Riley Okafor")
    subject = TraineeFactory(full_name="Sam Patel")
    return [
        audit_record(actor=actor, action="recovery.read", target=subject, subject=subject),
        audit_record(actor=actor, action="certificate.issue", target=subject, subject=subject),
        audit_record(actor=actor, action="certificate.issue", target=actor),
    ]


def test_anonymous_is_sent_to_log_in(client, events):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/admin/audit-trail/")


@pytest.mark.parametrize("factory", [TraineeFactory, SupervisorFactory])
def test_people_without_admin_access_are_sent_to_log_in(client, events, factory):
    client.force_login(factory())
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_instructor_is_refused(client, events):
    """Wagtail's permission-denied response: back to the dashboard with an error, nothing listed."""
    client.force_login(InstructorFactory())
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    page = client.get(response["Location"]).content.decode()
    assert "Sorry, you do not have permission to access this area." in page
    assert "recovery.read" not in page
    assert '"url": "/admin/audit-trail/"' not in page  # no menu item either
    event = events[0]
    assert client.get(f"{INDEX}inspect/{event.pk}/")["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("who", ["program_admin", "superuser"])
def test_program_admin_and_superuser_can_read_and_filter(client, events, who):
    user = (
        ProgramAdminFactory()
        if who == "program_admin"
        else User.objects.create_superuser("root@example.org", "x")
    )
    client.force_login(user)
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "recovery.read" in html and "certificate.issue" in html
    assert "Sam Patel" in html

    filtered = client.get(INDEX, {"action": "recovery.read"}).content.decode()
    assert f"inspect/{events[0].pk}/" in filtered
    assert f"inspect/{events[1].pk}/" not in filtered

    detail = client.get(f"{INDEX}inspect/{events[0].pk}/")
    assert detail.status_code == 200
    assert "recovery.read" in detail.content.decode()
    assert '"url": "/admin/audit-trail/"' in client.get("/admin/").content.decode()  # menu item


def test_the_audit_trail_cannot_be_edited(client, events):
    """There is no add, edit, delete or copy view, even for a superuser, and its list offers none."""
    for name in ("add", "edit", "delete", "copy", "history"):
        with pytest.raises(NoReverseMatch):
            reverse(f"audit-trail:{name}", args=[] if name == "add" else [events[0].pk])
    client.force_login(User.objects.create_superuser("root@example.org", "x"))
    before = list(AuditEvent.objects.values_list("pk", "action"))
    for path in ("new/", f"edit/{events[0].pk}/", f"delete/{events[0].pk}/"):
        response = client.post(INDEX + path, {"action": "tampered"})
        assert response.status_code == 404, path
    assert list(AuditEvent.objects.values_list("pk", "action")) == before
    html = client.get(INDEX).content.decode()
    assert "/admin/audit-trail/new/" not in html and "/edit/" not in html


@pytest.mark.django_db
def test_listing_uses_the_same_number_of_queries_for_3_and_30_events(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin = ProgramAdminFactory()
    client.force_login(admin)

    def make(n):
        for i in range(n):
            actor = ProgramAdminFactory()
            audit_record(actor=actor, action=f"test.action{i % 3}", target=actor, subject=TraineeFactory())

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(INDEX).status_code == 200
        return len(ctx)

    make(3)
    count()  # warm: the site and its home page are cached after the first request (cms/sites.py)
    few = count()
    make(27)
    assert count() == few
