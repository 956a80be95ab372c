"""Suspend, reinstate and revoke from the certificate's admin page (issue 11): each change is asked for
on a confirmation page of its own that says what it does, needs a reason and a ticked box, shows its
errors inline and keeps what was typed; nothing changes until both are there. The certificate's
history reads in plain words, with who, when and the reason; the page's SHA-256 can wrap on a phone."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates.issuing import services
from certificates.models import Certificate
from tests.factories import TraineeFactory

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db

REASON = "Board decision 12: supervised hours could not be confirmed."


def _admin_url(certificate):
    return reverse("certificates:issuing:certificate-admin", args=[certificate.uuid])


def _action_url(certificate, action):
    return reverse("certificates:issuing:certificate-action", args=[certificate.uuid, action])


def _status(certificate):
    certificate.refresh_from_db()
    return certificate.status


def test_the_admin_page_links_to_confirmation_pages_and_posts_nothing_itself(client, issued, admin):
    client.force_login(admin)
    page = client.get(_admin_url(issued)).content.decode()
    assert f'href="{_action_url(issued, "suspend")}"' in page
    assert f'href="{_action_url(issued, "revoke")}"' in page
    assert _action_url(issued, "reinstate") not in page  # not suspended
    assert 'method="post"' not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert _status(issued) == Certificate.Status.ISSUED


def test_the_confirmation_page_says_what_revoking_does_and_changes_nothing(client, issued, admin):
    client.force_login(admin)
    response = client.get(_action_url(issued, "revoke"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Revoke certificate" in page and "Jordan Lee" in page
    assert "A revocation cannot be undone." in page
    assert 'name="reason"' in page and 'name="confirm"' in page and 'type="checkbox"' in page
    assert "Reason for the revocation" in page
    assert _status(issued) == Certificate.Status.ISSUED


@pytest.mark.parametrize("action", ["suspend", "revoke"])
def test_a_missing_tick_or_reason_is_shown_inline_and_keeps_what_was_typed(client, issued, admin, action):
    client.force_login(admin)
    url = _action_url(issued, action)

    # Reason typed, box not ticked: the page again, the reason still there, the box's error beside it.
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Tick the box to confirm." in page
    assert f">{REASON}</textarea>" in page.replace("\n", "")
    assert _status(issued) == Certificate.Status.ISSUED

    # Box ticked, no reason: the reason's error, the box still ticked.
    response = client.post(url, {"reason": "   ", "confirm": "on"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Give a reason." in page
    box = re.search(r'<input[^>]*name="confirm"[^>]*>', page).group(0)
    assert "checked" in box
    assert 'aria-invalid="true"' in page
    assert _status(issued) == Certificate.Status.ISSUED

    # Both: done, and the admin page says so.
    response = client.post(url, {"reason": REASON, "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == _admin_url(issued)
    assert _status(issued) == {"suspend": "suspended", "revoke": "revoked"}[action]
    page = client.get(_admin_url(issued)).content.decode()
    assert "The verification page shows it now." in page


def test_reinstating_asks_too(client, issued, admin):
    services.certificate_suspend(actor=admin, certificate=issued, reason=REASON)
    client.force_login(admin)
    page = client.get(_admin_url(issued)).content.decode()
    assert f'href="{_action_url(issued, "reinstate")}"' in page
    assert client.get(_action_url(issued, "reinstate")).status_code == 200
    assert client.post(_action_url(issued, "reinstate"), {"reason": "Hours confirmed."}).status_code == 422
    assert _status(issued) == Certificate.Status.SUSPENDED
    response = client.post(_action_url(issued, "reinstate"), {"reason": "Hours confirmed.", "confirm": "on"})
    assert response.status_code == 302
    assert _status(issued) == Certificate.Status.ISSUED


def test_a_change_the_status_does_not_allow_offers_no_form(client, issued, admin):
    services.certificate_revoke(actor=admin, certificate=issued, reason=REASON)
    client.force_login(admin)
    for action in ("suspend", "revoke", "reinstate"):
        response = client.get(_action_url(issued, action))
        assert response.status_code == 409
        page = response.content.decode()
        assert "Not possible" in page and 'name="confirm"' not in page
        assert client.post(_action_url(issued, action), {"reason": "x", "confirm": "on"}).status_code == 409
    assert client.get(_action_url(issued, "delete")).status_code == 404
    page = client.get(_admin_url(issued)).content.decode()
    assert "No status change is possible." in page


@pytest.mark.parametrize("who", ["anonymous", "holder", "other trainee"])
def test_only_program_administrators_reach_the_confirmation(client, issued, who):
    if who == "holder":
        client.force_login(issued.holder)
    elif who == "other trainee":
        client.force_login(TraineeFactory())
    for action in ("suspend", "revoke"):
        url = _action_url(issued, action)
        expected = 302 if who == "anonymous" else 403
        assert client.get(url).status_code == expected
        assert client.post(url, {"reason": REASON, "confirm": "on"}).status_code == expected
    assert _status(issued) == Certificate.Status.ISSUED


def test_the_history_reads_in_plain_words(client, issued, admin):
    services.certificate_suspend(actor=admin, certificate=issued, reason="Complaint under review.")
    services.certificate_reinstate(actor=admin, certificate=issued, reason="Complaint dismissed.")
    services.certificate_revoke(actor=admin, certificate=issued, reason=REASON)
    client.force_login(admin)
    page = client.get(_admin_url(issued)).content.decode()
    history = page.split('id="history"', 1)[1]
    for code in (
        "certificate.issued",
        "certificate.suspended",
        "certificate.reinstated",
        "certificate.revoked",
    ):
        assert code not in page
    for words in (
        "Issued: the signed PDF was made and sent to the holder",
        "automatically, by the issuing service",
        "Suspended",
        "Reinstated",
        "Revoked",
        "by Riley Okafor",
        "Reason given: Complaint under review.",
        "Reason given: Complaint dismissed.",
        f"Reason given: {REASON}",
    ):
        assert words in history, words
    # Newest first.
    assert history.index("Revoked") < history.index("Reinstated") < history.index("Suspended")
    assert history.index("Suspended") < history.index("Issued: the signed PDF")


def test_the_fingerprint_can_wrap(client, issued, admin):
    client.force_login(admin)
    page = client.get(_admin_url(issued)).content.decode()
    assert f'<code class="fingerprint">{issued.sha256}</code>' in page


def test_the_admin_page_costs_the_same_with_a_long_history(client, issued, admin):
    client.force_login(admin)
    url = _admin_url(issued)
    client.get(url)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
        for i in range(6):
            services.certificate_suspend(actor=admin, certificate=issued, reason=f"Review {i}.")
            services.certificate_reinstate(actor=admin, certificate=issued, reason=f"Cleared {i}.")
    assert counts[0] == counts[1], counts
    assert counts[1] <= 12, counts
