"""The notification pages through the browser's path: the list, opening one, marking all read, the email
choices, and the header's unread count. Anonymous visitors go to the login page; another person's
notification is a 404; the owner sees only their own."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.notifications import services
from lms.notifications.models import Notification, NotificationKind
from lms.notifications.views import PER_PAGE

pytestmark = pytest.mark.django_db

Kind = NotificationKind


def _notify(user, n=1, kind=Kind.RESULT_RELEASED, start=0):
    return [
        services.notify(
            user=user,
            kind=kind,
            key=str(start + i),
            title=f"Result {start + i} is ready",
            body="You passed.",
            link=f"/assessments/attempts/{start + i}/result/",
        )
        for i in range(n)
    ]


@pytest.fixture
def mine(trainee):
    return _notify(trainee, 3)


@pytest.fixture
def theirs(other_trainee):
    return _notify(other_trainee, 1, kind=Kind.CERTIFICATE_REVOKED, start=100)[0]


def _url(name, *args):
    return reverse(f"notifications:{name}", args=args)


# --- permissions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,name",
    [("get", "list"), ("get", "settings"), ("post", "settings"), ("post", "read-all"), ("get", "open")],
)
def test_anonymous_visitors_are_sent_to_log_in(client, mine, method, name):
    url = _url(name, mine[0].pk) if name == "open" else _url(name)
    response = getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert not Notification.objects.filter(read_at__isnull=False).exists()


def test_another_persons_notification_is_not_found_and_stays_unread(client, trainee, theirs):
    client.force_login(trainee)
    assert client.get(_url("open", theirs.pk)).status_code == 404
    assert client.get(_url("open", 999_999)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_list_shows_only_the_owners_notifications(client, trainee, mine, theirs):
    client.force_login(trainee)
    response = client.get(_url("list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert all(n.title in body for n in mine) and theirs.title not in body
    assert body.count(">Unread<") == 3
    # Newest first.
    assert body.index("Result 2 is ready") < body.index("Result 0 is ready")


def test_mark_all_read_touches_only_the_owners(client, trainee, other_trainee, mine, theirs):
    client.force_login(trainee)
    response = client.post(_url("read-all"), follow=True)
    assert response.status_code == 200 and "3 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(user=trainee, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=other_trainee, read_at__isnull=True).count() == 1
    assert ">Unread<" not in response.content.decode()
    assert client.get(_url("read-all")).status_code == 405  # a change only by POST


# --- opening one -------------------------------------------------------------------------------------


def test_opening_marks_it_read_and_follows_its_link(client, trainee, mine):
    client.force_login(trainee)
    response = client.get(_url("open", mine[1].pk))
    assert response.status_code == 302 and response["Location"] == "/assessments/attempts/1/result/"
    mine[1].refresh_from_db()
    assert mine[1].read_at is not None
    assert client.get(_url("list")).content.decode().count(">Unread<") == 2


def test_a_notification_without_a_link_opens_the_list(client, trainee):
    notification = services.notify(user=trainee, kind=Kind.RENEWAL_DUE, key="x", title="t", link="")
    client.force_login(trainee)
    assert client.get(_url("open", notification.pk))["Location"] == _url("list")


# --- pages of them -------------------------------------------------------------------------------------


def test_paginated_newest_first_and_any_page_number_is_sane(client, trainee):
    _notify(trainee, PER_PAGE * 2 + 5)
    client.force_login(trainee)
    first = client.get(_url("list")).content.decode()
    assert f"Result {PER_PAGE * 2 + 4} is ready" in first and "Result 0 is ready" not in first
    last = client.get(_url("list") + "?page=3").content.decode()
    assert "Result 0 is ready" in last and last.count('class="card notification') == 5
    for junk in ("abc", "0", "-1", "999"):
        assert client.get(_url("list") + f"?page={junk}").status_code == 200


def test_the_list_costs_the_same_queries_for_5_and_50(client, trainee):
    client.force_login(trainee)
    _notify(trainee, 5)
    client.get(_url("list"))  # warm per-process caches

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url("list")).status_code == 200
        return len(ctx.captured_queries)

    small = count()
    _notify(trainee, 45, start=5)
    client.get(_url("list"))
    large = count()
    assert small == large, (small, large)
    assert large <= 12


def test_an_empty_list_says_so(client, trainee):
    client.force_login(trainee)
    body = client.get(_url("list")).content.decode()
    assert "Nothing yet." in body and "Mark all as read" not in body


# --- the header ------------------------------------------------------------------------------------------


def test_the_header_shows_the_unread_count_and_it_follows_reads(
    client, trainee, django_capture_on_commit_callbacks
):
    cache.delete(services.unread_cache_key(trainee))
    client.force_login(trainee)
    profile = reverse("site:profile")
    body = client.get(profile).content.decode()
    assert 'href="/notifications/">Notifications</a>' in body  # none: no count
    with django_capture_on_commit_callbacks(execute=True):
        mine = _notify(trainee, 3)
    body = client.get(profile).content.decode()
    assert '<span aria-hidden="true"> (3)</span><span class="visually-hidden"> (3 unread)</span>' in body
    with django_capture_on_commit_callbacks(execute=True):
        client.get(_url("open", mine[0].pk))
    assert "(2)" in client.get(profile).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("read-all"))
    assert 'href="/notifications/">Notifications</a>' in client.get(profile).content.decode()


def test_the_header_adds_no_query_once_the_count_is_cached(client, trainee, mine):
    client.force_login(trainee)
    profile = reverse("site:profile")
    client.get(profile)  # the count is cached here
    with CaptureQueriesContext(connection) as ctx:
        client.get(profile)
    assert not [q for q in ctx.captured_queries if "lms_notification" in q["sql"]]


def test_anonymous_pages_have_no_notifications_link(client, home):
    assert "/notifications/" not in client.get("/verify/").content.decode()


# --- email choices -------------------------------------------------------------------------------------


def test_the_settings_page_is_linked_from_the_profile_and_saves_choices(
    client, trainee, django_capture_on_commit_callbacks
):
    client.force_login(trainee)
    assert _url("settings") in client.get(reverse("site:profile")).content.decode()
    page = client.get(_url("settings")).content.decode()
    assert page.count('type="checkbox"') == len(Kind.values) - 1  # no "hours logged": not a supervisor
    assert page.count("checked") == len(Kind.values) - 1  # email on by default
    ticked = {k: "on" for k in Kind.values if k not in (Kind.RESULT_RELEASED, Kind.HOURS_LOGGED)}
    response = client.post(_url("settings"), ticked, follow=True)
    assert "Your notification choices are saved." in response.content.decode()
    assert response.content.decode().count("checked") == len(Kind.values) - 2
    with django_capture_on_commit_callbacks(execute=True):
        result = _notify(trainee)[0]
        revoked = _notify(trainee, kind=Kind.CERTIFICATE_REVOKED)[0]
    assert result.email is None and revoked.email is not None
    assert [m.subject for m in mail.outbox] == [revoked.title]


def test_a_supervisor_can_turn_off_hours_logged_emails(client, supervisor):
    client.force_login(supervisor)
    assert 'name="hours_logged"' in client.get(_url("settings")).content.decode()
    client.post(_url("settings"), {})
    assert not services.email_wanted(user=supervisor, kind=Kind.HOURS_LOGGED)
