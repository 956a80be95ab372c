"""Suspend, reinstate and revoke: program administrators only, with a reason, audited, visible on the
verification page and in the status lists at once."""

import pytest

from certificates.issuing import services, statuslist
from certificates.issuing.codes import format_code
from certificates.models import Certificate
from lms.errors import Conflict, Forbidden, Invalid
from lms.models import AuditEvent
from tests.factories import TraineeFactory

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _bit(client, purpose: str, index: int) -> bool:
    credential = client.get(f"/api/v1/status-lists/{purpose}?format=json").json()
    return statuslist.bit_is_set(
        statuslist.decode_bitstring(credential["credentialSubject"]["encodedList"]), index
    )


def test_suspend_reinstate_revoke_show_at_once(client, issued, admin):
    code = format_code(issued.code)
    index = issued.status_list_index
    assert not _bit(client, "revocation", index) and not _bit(client, "suspension", index)

    services.certificate_suspend(actor=admin, certificate=issued, reason="Complaint under investigation.")
    body = client.get(f"/api/v1/verify/{code}").json()
    assert body["status"] == "suspended"
    assert body["status_reason"] == "Complaint under investigation."
    assert body["status_changed_on"] is not None
    assert _bit(client, "suspension", index) and not _bit(client, "revocation", index)
    page = client.get(f"/verify/{code}/").content.decode()
    assert "Suspended" in page and "Complaint under investigation." in page

    services.certificate_reinstate(actor=admin, certificate=issued, reason="Investigation closed.")
    body = client.get(f"/api/v1/verify/{code}").json()
    assert body["status"] == "current" and body["status_reason"] == "" and body["status_changed_on"] is None
    assert not _bit(client, "suspension", index)

    services.certificate_revoke(actor=admin, certificate=issued, reason="Falsified hours.")
    body = client.get(f"/api/v1/verify/{code}").json()
    assert body["status"] == "revoked" and body["status_reason"] == "Falsified hours."
    assert _bit(client, "revocation", index) and not _bit(client, "suspension", index)

    actions = list(
        AuditEvent.objects.filter(target_id=str(issued.pk), action__startswith="certificate.")
        .order_by("created_at", "pk")
        .values_list("action", "actor", "details")
    )
    assert [a for a, _actor, _d in actions if a != "certificate.issued"] == [
        "certificate.suspended",
        "certificate.reinstated",
        "certificate.revoked",
    ]
    assert all(actor == admin.pk for a, actor, _d in actions if a != "certificate.issued")
    assert actions[-1][2]["reason"] == "Falsified hours."


def test_a_reason_is_required(issued, admin):
    for action in (services.certificate_suspend, services.certificate_revoke):
        with pytest.raises(Invalid):
            action(actor=admin, certificate=issued, reason="   ")
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED


def test_wrong_transitions_are_refused(issued, admin):
    with pytest.raises(Conflict):
        services.certificate_reinstate(actor=admin, certificate=issued, reason="Nothing to reinstate.")
    services.certificate_revoke(actor=admin, certificate=issued, reason="Falsified hours.")
    for action in (services.certificate_suspend, services.certificate_revoke, services.certificate_reinstate):
        with pytest.raises(Conflict):
            action(actor=admin, certificate=issued, reason="Again.")


def test_only_program_admins_can_change_status(client, issued):
    for user in (issued.holder, TraineeFactory()):
        with pytest.raises(Forbidden):
            services.certificate_revoke(actor=user, certificate=issued, reason="No.")
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED


@pytest.mark.parametrize("action", ["suspend", "revoke"])
def test_status_change_through_the_api_and_the_pages(client, issued, admin, action):
    code = format_code(issued.code)
    client.force_login(issued.holder)
    assert (
        client.post(
            f"/api/v1/certificates/{code}/{action}", {"reason": "x"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert client.post(f"/certificates/manage/{issued.uuid}/{action}/", {"reason": "x"}).status_code == 403
    client.force_login(admin)
    response = client.post(
        f"/api/v1/certificates/{code}/{action}", {"reason": ""}, content_type="application/json"
    )
    assert response.status_code == 422
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED
    response = client.post(
        f"/certificates/manage/{issued.uuid}/{action}/", {"reason": "Board decision 12.", "confirm": "on"}
    )
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.status == {"suspend": "suspended", "revoke": "revoked"}[action]
    assert client.get(f"/api/v1/verify/{code}").json()["status_reason"] == "Board decision 12."
    page = client.get(f"/certificates/manage/{issued.uuid}/").content.decode()
    assert "Board decision 12." in page


def test_reinstate_through_the_api(client, issued, admin):
    code = format_code(issued.code)
    services.certificate_suspend(actor=admin, certificate=issued, reason="Review.")
    client.force_login(admin)
    response = client.post(
        f"/api/v1/certificates/{code}/reinstate", {"reason": "Cleared."}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "current"
