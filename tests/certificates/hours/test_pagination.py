"""The trainee's hours page, the supervisor queue (with decisions on several entries, across pages)
and the supervisors list, paginated in the database: pages, filters kept in links, totals over every
entry, bad ?page= values, constant query counts, and who may see and decide what."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.hours import services as hours_services
from certificates.models import PracticeLog
from tests.factories import SupervisorFactory, TraineeFactory

from ..factories import assign, log

pytestmark = pytest.mark.django_db
PENDING = PracticeLog.Status.PENDING
APPROVED = PracticeLog.Status.APPROVED
HOURS = reverse("certificates:hours")
QUEUE = reverse("certificates:queue")
BULK = reverse("certificates:decide-bulk")
BAD_PAGES = ["abc", "0", "-1", "99999", "", "1.5", "2" * 40]


def days_ago(n):
    return timezone.localdate() - timedelta(days=n)


def many(trainee, supervisor, n, *, status=APPROVED, kind=PracticeLog.Kind.PRACTICE, start=1):
    return [
        log(trainee, supervisor, hours="0.5", on=days_ago(start + i), status=status, kind=kind)
        for i in range(n)
    ]


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def queue_ids(page_html):
    return [int(i) for i in re.findall(r'<li class="card queue-entry" id="entry-(\d+)"', page_html)]


def hours_ids(page_html):
    return [int(i) for i in re.findall(r'href="/certification/hours/(\d+)/edit/', page_html)]


def count_queries(client, url):
    client.get(url)  # warm: the site cache (cms/sites.py) fills on the first request after a page change
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def linked(trainee, supervisor):
    assign(supervisor, trainee)
    return trainee, supervisor


# --- The trainee's hours page ----------------------------------------------------------------------


def test_hours_page_lists_50_newest_first_and_the_rest_on_page_two(client, linked):
    trainee, supervisor = linked
    entries = many(trainee, supervisor, 60)  # entries[0] is the newest
    client.force_login(trainee)
    first = html(client.get(HOURS))
    assert hours_ids(first) == [e.pk for e in entries[:50]]
    assert "Showing 1–50 of 60" in first
    assert 'aria-current="page"' in first and 'rel="next"' in first
    second = html(client.get(HOURS, {"page": 2}))
    assert hours_ids(second) == [e.pk for e in entries[50:]]
    assert "Showing 51–60 of 60" in second and 'rel="prev"' in second and 'rel="next"' not in second


def test_hours_totals_count_every_entry_not_just_the_page(client, linked):
    trainee, supervisor = linked
    many(trainee, supervisor, 60)  # 60 x 0.5 h approved
    many(trainee, supervisor, 3, status=PENDING, start=100)
    client.force_login(trainee)
    page = html(client.get(HOURS, {"page": 2}))
    totals = page.split('id="log-totals"')[1].split("</section>")[0]
    assert "30 h Approved" in totals and "1.5 h Waiting for approval" in totals


@pytest.mark.parametrize("raw", BAD_PAGES)
def test_hours_page_survives_any_page_number(client, linked, raw):
    trainee, supervisor = linked
    entries = many(trainee, supervisor, 60)
    client.force_login(trainee)
    ids = hours_ids(html(client.get(HOURS, {"page": raw})))
    expected = entries[50:] if raw == "99999" or raw == "2" * 40 else entries[:50]
    assert ids == [e.pk for e in expected]


def test_hours_page_ignores_a_page_size_in_the_query_string(client, linked):
    trainee, supervisor = linked
    many(trainee, supervisor, 60)
    client.force_login(trainee)
    assert len(hours_ids(html(client.get(HOURS, {"per_page": 100000, "page_size": 100000})))) == 50


def test_hours_filter_by_status_and_links_keep_it(client, linked):
    trainee, supervisor = linked
    pending = many(trainee, supervisor, 55, status=PENDING)
    many(trainee, supervisor, 5, status=APPROVED, start=200)
    client.force_login(trainee)
    page = html(client.get(HOURS, {"status": "pending"}))
    assert hours_ids(page) == [e.pk for e in pending[:50]]
    assert "Showing 1–50 of 55" in page
    assert 'href="?status=pending&amp;page=2#log-list"' in page
    second = html(client.get(HOURS, {"status": "pending", "page": 2}))
    assert hours_ids(second) == [e.pk for e in pending[50:]]
    # A status that is not one shows every entry (and says why), never a 500.
    assert "Showing 1–50 of 60" in html(client.get(HOURS, {"status": "nonsense"}))


def test_hours_page_query_count_is_the_same_for_3_and_60_entries(client, linked):
    trainee, supervisor = linked
    client.force_login(trainee)
    many(trainee, supervisor, 3)
    small = count_queries(client, HOURS)
    many(trainee, supervisor, 57, start=10)
    many(trainee, supervisor, 3, status=PENDING, start=100)
    assert count_queries(client, HOURS) == small == count_queries(client, f"{HOURS}?page=2&status=approved")
    assert small <= 12


def test_edit_from_page_two_brings_the_trainee_back_to_page_two(client, linked):
    trainee, supervisor = linked
    entries = many(trainee, supervisor, 60, status=PENDING)
    client.force_login(trainee)
    page = html(client.get(HOURS, {"page": 2, "status": "pending"}))
    target = entries[55]
    edit_url = re.search(rf'href="(/certification/hours/{target.pk}/edit/\?next=[^"]+)"', page).group(1)
    edit_url = edit_url.replace("&amp;", "&")
    form = html(client.get(edit_url))
    assert 'href="/certification/hours/?page=2&amp;status=pending"' in form  # Cancel
    response = client.post(
        edit_url,
        {"date": target.date.isoformat(), "hours": "1", "kind": "practice", "supervisor": supervisor.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == "/certification/hours/?page=2&status=pending"
    target.refresh_from_db()
    assert target.hours == Decimal("1")


def test_withdraw_from_page_two_returns_there(client, linked):
    trainee, supervisor = linked
    entries = many(trainee, supervisor, 60, status=PENDING)
    client.force_login(trainee)
    page = html(client.get(HOURS, {"page": 2}))
    assert 'name="next" value="/certification/hours/?page=2"' in page
    response = client.post(
        reverse("certificates:hours-withdraw", args=[entries[55].pk]),
        {"next": "/certification/hours/?page=2"},
    )
    assert response["Location"] == "/certification/hours/?page=2"


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/admin/", "javascript:alert(1)"]
)
def test_next_is_only_ever_our_hours_page(client, linked, evil):
    trainee, supervisor = linked
    entry = many(trainee, supervisor, 1, status=PENDING)[0]
    client.force_login(trainee)
    response = client.post(reverse("certificates:hours-withdraw", args=[entry.pk]), {"next": evil})
    assert response["Location"] == HOURS


def test_adding_hours_still_works_from_a_later_page(client, linked):
    trainee, supervisor = linked
    many(trainee, supervisor, 60)
    client.force_login(trainee)
    response = client.post(
        f"{HOURS}?page=2",
        {"date": days_ago(0).isoformat(), "hours": "2", "kind": "practice", "supervisor": supervisor.pk},
    )
    assert response.status_code == 302
    assert PracticeLog.objects.filter(trainee=trainee, date=days_ago(0)).exists()


def test_hours_page_needs_login(client):
    assert client.get(HOURS).status_code == 302


# --- The supervisor queue --------------------------------------------------------------------------


@pytest.fixture
def queue_world(trainee, supervisor):
    """`supervisor` with two trainees (35 practice + 25 supervision entries waiting); another
    supervisor with a trainee of their own (5 waiting)."""
    second = TraineeFactory(full_name="Zed Second")
    trainee.full_name = "Amy First"
    trainee.save()
    assign(supervisor, trainee)
    assign(supervisor, second)
    other_supervisor = SupervisorFactory()
    other_trainee = TraineeFactory(full_name="Olga Other")
    assign(other_supervisor, other_trainee)
    first_entries = many(trainee, supervisor, 35, status=PENDING)
    second_entries = many(second, supervisor, 25, status=PENDING, kind=PracticeLog.Kind.SUPERVISION)
    theirs = many(other_trainee, other_supervisor, 5, status=PENDING)
    return {
        "supervisor": supervisor,
        "first": trainee,
        "second": second,
        "first_entries": first_entries,
        "second_entries": second_entries,
        "other_supervisor": other_supervisor,
        "other_trainee": other_trainee,
        "theirs": theirs,
    }


def queue_order(entries):
    # The queue's order: trainee name, then date (oldest first), then id.
    return sorted(entries, key=lambda e: (e.trainee.full_name, e.date, e.pk))


def test_queue_pages_through_every_waiting_entry_once(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    pages = [html(client.get(QUEUE, {"page": n})) for n in (1, 2, 3)]
    expected = queue_order(w["first_entries"] + w["second_entries"])
    assert sum((queue_ids(p) for p in pages), []) == [e.pk for e in expected]
    assert "Showing 1–25 of 60" in pages[0] and "Showing 51–60 of 60" in pages[2]
    assert "Olga Other" not in "".join(pages)


def test_queue_filters_by_trainee_and_kind_and_links_keep_them(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE, {"trainee": w["first"].pk}))
    assert queue_ids(page) == [e.pk for e in queue_order(w["first_entries"])[:25]]
    assert "Showing 1–25 of 35" in page
    page = html(client.get(QUEUE, {"kind": "supervision"}))
    assert queue_ids(page) == [e.pk for e in queue_order(w["second_entries"])]
    page = html(client.get(QUEUE, {"kind": "practice", "trainee": w["second"].pk}))
    assert queue_ids(page) == [] and "No entry waiting matches the filter." in page
    # Links and forms carry the filter.
    many(w["first"], w["supervisor"], 30, status=PENDING, start=300)
    page = html(client.get(QUEUE, {"trainee": w["first"].pk, "kind": "practice"}))
    assert f'href="?trainee={w["first"].pk}&amp;kind=practice&amp;page=2#queue-h"' in page
    assert (
        f'action="/certification/supervision/decide/?trainee={w["first"].pk}&amp;kind=practice#queue-h"'
        in page
    )


def test_queue_never_shows_another_supervisors_trainee_even_when_asked(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE, {"trainee": w["other_trainee"].pk}))
    assert queue_ids(page) == [] and "Olga Other" not in page


@pytest.mark.parametrize("raw", BAD_PAGES)
def test_queue_survives_any_page_number_or_filter(client, queue_world, raw):
    client.force_login(queue_world["supervisor"])
    page = html(client.get(QUEUE, {"page": raw, "trainee": raw, "kind": raw}))
    # A number that is nobody's (99999) is a filter matching nothing; anything else is ignored.
    assert len(queue_ids(page)) in ((0,) if raw == "99999" else (10, 25))


def test_queue_query_count_is_the_same_for_3_and_60_entries(client, trainee, supervisor):
    assign(supervisor, trainee)
    second = TraineeFactory()
    assign(supervisor, second)
    client.force_login(supervisor)
    many(trainee, supervisor, 3, status=PENDING)
    small = count_queries(client, QUEUE)
    many(trainee, supervisor, 30, status=PENDING, start=10)
    many(second, supervisor, 27, status=PENDING, kind=PracticeLog.Kind.SUPERVISION)
    assert count_queries(client, QUEUE) == small
    assert count_queries(client, f"{QUEUE}?page=2&kind=supervision&trainee={second.pk}") == small
    assert small <= 12


def test_queue_permissions(client, queue_world, trainee):
    assert client.get(QUEUE).status_code == 302
    client.force_login(trainee)
    assert client.get(QUEUE).status_code == 403


# --- Decisions on several entries ---------------------------------------------------------------


def shown_at(page_html):
    return re.search(r'name="shown_at" value="([^"]+)"', page_html).group(1)


def test_ticked_entries_on_page_two_are_decided_and_the_supervisor_stays_there(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE, {"page": 2}))
    ticked = queue_ids(page)[:3]
    response = client.post(
        f"{BULK}?page=2",
        {"decision": "approve", "scope": "selected", "entries": ticked, "shown_at": shown_at(page)},
    )
    assert response.status_code == 302 and response["Location"] == f"{QUEUE}?page=2"
    assert set(PracticeLog.objects.filter(status=APPROVED).values_list("pk", flat=True)) == set(ticked)


def test_all_matching_entries_across_pages_respects_the_filter(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    many(w["first"], w["supervisor"], 30, status=PENDING, start=300)  # 65 of Amy's entries: two pages
    page = html(client.get(QUEUE, {"trainee": w["first"].pk}))
    assert "All 65 entries matching the filter, on every page" in page
    response = client.post(
        f"{BULK}?trainee={w['first'].pk}",
        {"decision": "approve", "scope": "all", "shown_at": shown_at(page)},
    )
    assert response.status_code == 302
    assert PracticeLog.objects.filter(trainee=w["first"], status=PENDING).count() == 0
    assert PracticeLog.objects.filter(trainee=w["second"], status=PENDING).count() == 25
    assert PracticeLog.objects.filter(trainee=w["other_trainee"], status=PENDING).count() == 5
    assert "65 decisions recorded." in html(client.get(response["Location"]))


def test_all_matching_never_reaches_another_supervisors_entries(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE))
    response = client.post(
        f"{BULK}?trainee={w['other_trainee'].pk}",
        {"decision": "reject", "reason": "No", "scope": "all", "shown_at": shown_at(page)},
    )
    assert response.status_code == 302
    assert PracticeLog.objects.filter(trainee=w["other_trainee"], status=PENDING).count() == 5
    assert "0 decisions recorded." in html(client.get(response["Location"]))


def test_another_supervisors_ticked_entry_decides_nothing(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    mine = w["first_entries"][0].pk
    response = client.post(BULK, {"decision": "approve", "entries": [mine, w["theirs"][0].pk]})
    assert response.status_code == 404
    assert not PracticeLog.objects.filter(status=APPROVED).exists()


def test_all_matching_is_capped_and_says_how_many_remain(client, queue_world, monkeypatch):
    w = queue_world
    monkeypatch.setattr(hours_services, "BULK_LIMIT", 20)
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE))
    response = client.post(BULK, {"decision": "approve", "scope": "all", "shown_at": shown_at(page)})
    assert PracticeLog.objects.filter(status=APPROVED).count() == 20
    after = html(client.get(response["Location"]))
    assert "20 decisions recorded." in after and "40 matching entries are still waiting" in after
    # The oldest of the list first: Amy's first twenty in the queue's order.
    decided = set(PracticeLog.objects.filter(status=APPROVED).values_list("pk", flat=True))
    assert decided == {e.pk for e in queue_order(w["first_entries"])[:20]}


def test_entries_changed_after_the_page_was_shown_are_skipped(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE, {"trainee": w["second"].pk}))
    edited, withdrawn = w["second_entries"][0], w["second_entries"][1]
    hours_services.practice_log_update(actor=w["second"], entry=edited, hours=Decimal("1.5"))
    hours_services.practice_log_withdraw(actor=w["second"], entry=withdrawn)
    late = log(
        w["second"], w["supervisor"], on=days_ago(500), status=PENDING, kind=PracticeLog.Kind.SUPERVISION
    )
    response = client.post(
        f"{BULK}?trainee={w['second'].pk}",
        {"decision": "approve", "scope": "all", "shown_at": shown_at(page)},
    )
    after = html(client.get(response["Location"]))
    assert "23 decisions recorded." in after
    assert "2 entries changed after the page was shown" in after
    edited.refresh_from_db()
    late.refresh_from_db()
    assert edited.status == PENDING and late.status == PENDING
    # Ticked ones too: a withdrawn entry is left as it is, the others are decided.
    fresh = html(client.get(QUEUE))
    ticked = [w["first_entries"][0].pk, withdrawn.pk]
    client.post(BULK, {"decision": "approve", "entries": ticked, "shown_at": shown_at(fresh)})
    withdrawn.refresh_from_db()
    assert withdrawn.status == PracticeLog.Status.WITHDRAWN
    assert PracticeLog.objects.get(pk=ticked[0]).status == APPROVED


def test_reject_without_reason_reshows_the_page_with_the_ticks_kept(client, queue_world):
    w = queue_world
    client.force_login(w["supervisor"])
    page = html(client.get(QUEUE, {"page": 2}))
    ticked = queue_ids(page)[:2]
    response = client.post(
        f"{BULK}?page=2", {"decision": "reject", "reason": " ", "entries": ticked, "shown_at": shown_at(page)}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert 'role="alert"' in body and "Give a reason when you don&#x27;t approve an entry." in body
    assert queue_ids(body) == queue_ids(page)  # the same page
    for pk in ticked:
        assert f'value="{pk}" form="bulk-decision" checked' in body
    assert 'value="reject"' in body and re.search(r'value="reject"[^>]*checked', body)
    assert not PracticeLog.objects.exclude(status=PENDING).exists()


def test_nothing_ticked_reshows_the_page_with_an_error(client, queue_world):
    client.force_login(queue_world["supervisor"])
    response = client.post(BULK, {"decision": "approve", "scope": "selected"})
    assert response.status_code == 422
    assert "Select at least one entry." in response.content.decode()


def test_bulk_permissions(client, queue_world, trainee):
    entry = queue_world["first_entries"][0]
    assert client.post(BULK, {"decision": "approve", "entries": [entry.pk]}).status_code == 302  # login
    client.force_login(trainee)
    assert client.post(BULK, {"decision": "approve", "scope": "all"}).status_code == 403
    client.force_login(queue_world["other_supervisor"])
    assert client.post(BULK, {"decision": "approve", "entries": [entry.pk]}).status_code == 404
    assert not PracticeLog.objects.filter(status=APPROVED).exists()


# --- Supervisors list (program administrators) ----------------------------------------------------


def test_supervisors_list_is_paginated_with_constant_queries(client, program_admin):
    client.force_login(program_admin)
    url = reverse("certificates:supervisors")
    SupervisorFactory.create_batch(3)
    small = count_queries(client, url)
    SupervisorFactory.create_batch(57)
    assert count_queries(client, url) == small <= 12
    page = html(client.get(url, {"page": "abc"}))
    assert "Showing 1–50 of 60" in page
    assert "Showing 51–60 of 60" in html(client.get(url, {"page": 99999}))
