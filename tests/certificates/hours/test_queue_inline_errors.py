"""The supervisor queue answers a refused decision on the queue itself (issue 11, item 3): the same page
of the same filtered list, a summary of what to correct at the top linked to the field, and every
ticked entry still ticked, every choice and typed word kept. Also the markup the phone layout and the
script-enhanced "tick all" rely on."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils.html import escape

from certificates.hours import services as hours_services
from certificates.models import PracticeLog
from tests.factories import ProgramAdminFactory, SupervisorFactory, TraineeFactory

from ..factories import assign
from .test_pagination import many, queue_ids, shown_at

pytestmark = pytest.mark.django_db
PENDING = PracticeLog.Status.PENDING
QUEUE = reverse("certificates:queue")
BULK = reverse("certificates:decide-bulk")


def decide_url(entry_or_pk):
    return reverse("certificates:decide", args=[getattr(entry_or_pk, "pk", entry_or_pk)])


@pytest.fixture
def queue(supervisor):
    """`supervisor` with Amy (30 practice entries waiting: two pages of 25) and Zed (3 supervision
    entries); another supervisor with Olga (2 entries)."""
    amy = TraineeFactory(full_name="Amy First")
    zed = TraineeFactory(full_name="Zed Second")
    assign(supervisor, amy)
    assign(supervisor, zed)
    other = SupervisorFactory()
    olga = TraineeFactory(full_name="Olga Other")
    assign(other, olga)
    return {
        "supervisor": supervisor,
        "amy": amy,
        "zed": zed,
        "amy_entries": many(amy, supervisor, 30, status=PENDING),
        "zed_entries": many(zed, supervisor, 3, status=PENDING, kind=PracticeLog.Kind.SUPERVISION),
        "other": other,
        "olga_entries": many(olga, other, 2, status=PENDING),
    }


def checked_ids(body) -> set[int]:
    return {int(i) for i in re.findall(r'name="entries" value="(\d+)" form="bulk-decision" checked', body)}


def summary(body) -> str:
    match = re.search(
        r'<div class="callout callout--warning error-summary" role="alert"[^>]*>(.*?)</div>', body, re.S
    )
    assert match, "no error summary at the top of the queue"
    return match.group(1)


def test_bulk_reject_without_reason_reshows_the_same_filtered_page_with_ticks_and_choice(client, queue):
    client.force_login(queue["supervisor"])
    amy = queue["amy"]
    page = client.get(QUEUE, {"trainee": amy.pk, "page": 2}).content.decode()
    on_page = queue_ids(page)
    assert len(on_page) == 5
    ticked = on_page[1:4]
    response = client.post(
        f"{BULK}?trainee={amy.pk}&page=2",
        {
            "decision": "reject",
            "reason": "   ",
            "scope": "selected",
            "entries": ticked,
            "shown_at": shown_at(page),
        },
    )
    assert response.status_code == 422
    assert [t.name for t in response.templates][0] == "certificates/queue.html"
    body = response.content.decode()
    assert "That didn&#x27;t work" not in body  # not the separate error page
    assert queue_ids(body) == on_page  # the same page of the same filter
    assert checked_ids(body) == set(ticked)
    assert re.search(r'id="bulk_decision_1"[^>]*checked|checked[^>]*id="bulk_decision_1"', body)
    top = summary(body)
    assert escape(hours_services.ERR_REASON_REQUIRED) in top and 'href="#bulk_reason"' in top
    assert 'id="bulk_reason"' in body  # the link's target exists
    # The form posts again to the same filtered page.
    assert f'action="{BULK}?trainee={amy.pk}&amp;page=2#queue-h"' in body
    assert PracticeLog.objects.filter(status=PENDING).count() == 35


def test_bulk_refusal_keeps_the_typed_reason_and_the_all_matching_choice(client, queue, monkeypatch):
    client.force_login(queue["supervisor"])
    page = client.get(QUEUE).content.decode()
    # More than the limit ticked: refused by the service, after the form was valid.
    monkeypatch.setattr(hours_services, "BULK_LIMIT", 2)
    ticked = queue_ids(page)[:3]
    response = client.post(
        BULK,
        {
            "decision": "reject",
            "reason": "Dates don't match the rota",
            "entries": ticked,
            "shown_at": shown_at(page),
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert checked_ids(body) == set(ticked)
    assert 'value="Dates don&#x27;t match the rota"' in body
    assert 'href="#queue-entries"' in summary(body) and 'id="queue-entries"' in body
    # "All matching" chosen and refused (no reason): still chosen on the page shown again.
    response = client.post(BULK, {"decision": "reject", "scope": "all", "shown_at": shown_at(page)})
    assert response.status_code == 422
    assert re.search(r'name="scope" value="all" checked', response.content.decode())


def test_nothing_ticked_links_to_the_entries(client, queue):
    client.force_login(queue["supervisor"])
    response = client.post(BULK, {"decision": "approve", "scope": "selected"})
    assert response.status_code == 422
    top = summary(response.content.decode())
    assert "Select at least one entry." in top and 'href="#queue-entries"' in top


def test_single_reject_without_reason_is_shown_on_its_entry_and_in_the_summary(client, queue):
    client.force_login(queue["supervisor"])
    entry = queue["zed_entries"][0]
    response = client.post(
        f"{decide_url(entry)}?trainee={queue['zed'].pk}", {"decision": "reject", "reason": ""}
    )
    assert response.status_code == 422
    body = response.content.decode()
    top = unescape(summary(body))
    assert f"Zed Second, {entry.date.isoformat()}: {hours_services.ERR_REASON_REQUIRED}" in top
    assert f'href="#entry-{entry.pk}-reason"' in top and f'id="entry-{entry.pk}-reason"' in body
    # Its own form is open, with "Don't approve" still chosen.
    item = body.split(f'id="entry-{entry.pk}"')[1].split("</li>")[0]
    assert "<details open>" in item
    assert re.search(r'value="reject"[^>]*checked', item)
    assert sorted(queue_ids(body)) == sorted(e.pk for e in queue["zed_entries"])
    entry.refresh_from_db()
    assert entry.status == PENDING


def test_an_entry_withdrawn_meanwhile_is_said_on_the_queue_not_a_separate_page(client, queue):
    client.force_login(queue["supervisor"])
    entry = queue["zed_entries"][1]
    hours_services.practice_log_withdraw(actor=queue["zed"], entry=entry)
    response = client.post(decide_url(entry), {"decision": "approve"})
    assert response.status_code == 409
    body = response.content.decode()
    assert [t.name for t in response.templates][0] == "certificates/queue.html"
    assert escape(hours_services.ERR_ONLY_PENDING_DECIDE) in summary(body)
    assert entry.pk not in queue_ids(body)


def test_a_ticked_entry_of_another_supervisor_decides_nothing_and_reveals_nothing(client, queue):
    client.force_login(queue["supervisor"])
    page = client.get(QUEUE).content.decode()
    mine = queue_ids(page)[:2]
    theirs = queue["olga_entries"][0].pk
    response = client.post(
        BULK, {"decision": "approve", "entries": [*mine, theirs], "shown_at": shown_at(page)}
    )
    assert response.status_code == 404
    body = response.content.decode()
    assert "Some entries were not found." in summary(body)
    assert checked_ids(body) == set(mine)
    assert "Olga Other" not in body and f'value="{theirs}"' not in body
    assert not PracticeLog.objects.exclude(status=PENDING).exists()


def test_who_may_post_decisions(client, queue):
    entry = queue["amy_entries"][0]
    assert client.post(BULK, {"decision": "approve", "entries": [entry.pk]}).status_code == 302  # to log in
    assert client.post(decide_url(entry), {"decision": "approve"}).status_code == 302
    client.force_login(queue["amy"])
    assert client.post(BULK, {"decision": "approve", "entries": [entry.pk]}).status_code == 403
    assert client.post(decide_url(entry), {"decision": "reject"}).status_code == 403
    client.force_login(ProgramAdminFactory())  # may read the entry, is not its supervisor
    assert client.post(decide_url(entry), {"decision": "reject"}).status_code == 403
    client.force_login(queue["other"])  # another supervisor: the entry is not theirs to see
    assert client.post(decide_url(entry), {"decision": "reject"}).status_code == 404
    assert PracticeLog.objects.get(pk=entry.pk).status == PENDING


def test_queue_markup_for_the_phone_layout_and_tick_all(client, queue):
    client.force_login(queue["supervisor"])
    body = client.get(QUEUE).content.decode()
    # "Tick all" is revealed by the static script; without it the "all matching" choice remains.
    assert re.search(r'<div class="select-all" data-select-all hidden>', body)
    assert 'id="tick-all" aria-controls="queue-entries"' in body
    assert "Tick all 25 entries on this page" in body and "This page only." in body
    assert re.search(r'<script src="/static/certificates/queue\.js" defer></script>', body)
    assert "All 33 entries waiting, on every page" in body
    assert "<script>" not in body  # no inline script (CSP)
    # One page: no "this page only" note.
    body = client.get(QUEUE, {"trainee": queue["zed"].pk}).content.decode()
    assert "Tick all 3 entries on this page" in body and "This page only." not in body
