"""The journal through the pages people use: the form under each prompt of a module page, sharing,
"My journal", the instructors' shared reflections and their replies; who may see and do what."""

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.journal import services
from courses.journal.models import JournalEntry, JournalReply
from courses.models import ModulePage, ModuleProgress

from ..factories import assert_accessible_basics
from .conftest import field

pytestmark = pytest.mark.django_db

SECRET = "The night I called my sponsor at 3 a.m."


def _as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def _entry(world, *, shared=False, user=None, index=0, text=SECRET):
    entry = services.entry_write(
        user=user or world.trainee, module=world.module, block_id=world.prompts[index][0], text=text
    )
    if shared:
        services.entry_share(user=user or world.trainee, entry=entry)
    return entry


def _write_url(world, index=0):
    return reverse("courses:journal-write", args=[world.module.pk, world.prompts[index][0]])


# --- the module page ---------------------------------------------------------------------------------


def test_the_module_page_has_a_private_journal_form_under_each_prompt(client, world):
    page = _as(client, world.trainee).get(world.module.url).content.decode()
    assert_accessible_basics(page)
    for index, (block_id, prompt) in enumerate(world.prompts):
        assert page.index(prompt) < page.index(f'id="journal-{block_id}"')
        assert _write_url(world, index) in page
        assert f'name="{field(block_id)}"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert page.count("Your private journal") == 2


@pytest.mark.parametrize("who", ["staff", "other_course_trainee"])
def test_no_journal_form_for_anyone_but_an_enrolled_trainee(client, world, who):
    user = world.instructor if who == "staff" else world.stranger
    response = _as(client, user).get(world.module.url)
    assert _write_url(world) not in response.content.decode()


def test_writing_and_editing_an_entry_on_the_page(client, world):
    client = _as(client, world.trainee)
    block_id = world.prompts[0][0]
    response = client.post(_write_url(world), {field(block_id): SECRET})
    assert response.status_code == 302 and response["Location"].endswith(f"#journal-{block_id}")
    page = client.get(world.module.url).content.decode()
    assert SECRET in page and "Private: only you can read it." in page and "Save changes" in page
    client.post(_write_url(world), {field(block_id): "Changed my mind."})
    entry = JournalEntry.objects.get()
    assert entry.text == "Changed my mind."


@pytest.mark.parametrize(
    "text, message, status",
    [
        ("", "Write something before you save.", 422),
        ("y" * 10001, "Keep it under 10000 characters (you wrote 10001).", 422),
    ],
)
def test_a_refused_entry_comes_back_as_typed_with_its_error(client, world, text, message, status):
    client = _as(client, world.trainee)
    block_id = world.prompts[0][0]
    response = client.post(_write_url(world), {field(block_id): text})
    assert response.status_code == status
    page = response.content.decode()
    assert message in page and 'aria-invalid="true"' in page
    assert f"{text}</textarea>" in page
    assert_accessible_basics(page)
    assert not JournalEntry.objects.exists()


def test_html_in_an_entry_is_shown_as_text(client, world):
    _entry(world, text='<script>alert("x")</script><b>bold</b>', shared=True)
    for user, url in (
        (world.trainee, world.module.url),
        (world.trainee, reverse("courses:journal")),
        (world.instructor, reverse("courses:journal-shared", args=[world.course.pk])),
    ):
        page = _as(client, user).get(url).content.decode()
        assert "<script>alert" not in page and "<b>bold</b>" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_an_unknown_prompt_or_module_is_not_found(client, world):
    client = _as(client, world.trainee)
    bad = reverse("courses:journal-write", args=[world.module.pk, "no-such-prompt"])
    assert client.post(bad, {field("no-such-prompt"): "x"}).status_code == 404
    missing = reverse("courses:journal-write", args=[999999, world.prompts[0][0]])
    assert client.post(missing, {}).status_code == 404


# --- permission matrix ---------------------------------------------------------------------------------

PEOPLE = [
    "anonymous",
    "author",
    "classmate",
    "stranger",
    "instructor",
    "other_instructor",
    "supervisor",
    "admin",
]


def _user(world, who):
    return {
        "anonymous": None,
        "author": world.trainee,
        "classmate": world.classmate,
        "stranger": world.stranger,
        "instructor": world.instructor,
        "other_instructor": world.other_instructor,
        "supervisor": world.supervisor,
        "admin": world.admin,
    }[who]


WRITE = {"anonymous": 302, "author": 302, "classmate": 302, "stranger": 403, "instructor": 403,
         "other_instructor": 403, "supervisor": 403, "admin": 403}  # fmt: skip


@pytest.mark.parametrize("who", PEOPLE)
def test_matrix_write(client, world, who):
    user = _user(world, who)
    response = _as(client, user).post(_write_url(world), {field(world.prompts[0][0]): "Mine."})
    assert response.status_code == WRITE[who]
    if who == "anonymous":
        assert "/accounts/login/" in response["Location"]
    written = JournalEntry.objects.filter(trainee=user).exists() if user else JournalEntry.objects.exists()
    assert written == (who in ("author", "classmate"))


SHARE = {"anonymous": 302, "author": 302, "classmate": 404, "stranger": 404, "instructor": 404,
         "other_instructor": 404, "supervisor": 404, "admin": 404}  # fmt: skip


@pytest.mark.parametrize("who", PEOPLE)
def test_matrix_share_and_unshare(client, world, who):
    entry = _entry(world)
    url = reverse("courses:journal-share", args=[entry.pk])
    response = _as(client, _user(world, who)).post(url, {"share": "1"})
    assert response.status_code == SHARE[who]
    entry.refresh_from_db()
    assert entry.shared_with_instructors == (who == "author")
    if who == "anonymous":
        assert "/accounts/login/" in response["Location"]
    if who == "author":
        response = client.post(url, {"share": "0", "back": "module"})
        assert response["Location"].endswith(f"#journal-{entry.block_id}")
        entry.refresh_from_db()
        assert not entry.shared_with_instructors


@pytest.mark.parametrize("who", PEOPLE)
def test_matrix_my_journal_lists_only_ones_own_entries(client, world, who):
    _entry(world, shared=True)
    _entry(world, user=world.classmate, text="Words of the classmate.")
    response = _as(client, _user(world, who)).get(reverse("courses:journal"))
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert (SECRET in page) == (who == "author")
    assert ("Words of the classmate." in page) == (who == "classmate")


SHARED_PAGE = {"anonymous": 302, "author": 403, "classmate": 403, "stranger": 403, "instructor": 200,
               "other_instructor": 403, "supervisor": 403, "admin": 403}  # fmt: skip


@pytest.mark.parametrize("who", PEOPLE)
def test_matrix_shared_reflections_page(client, world, who):
    _entry(world, shared=True)
    _entry(world, index=1, text="Unshared second thoughts.")
    _entry(world, user=world.classmate, text="Classmate kept this private.")
    response = _as(client, _user(world, who)).get(reverse("courses:journal-shared", args=[world.course.pk]))
    assert response.status_code == SHARED_PAGE[who]
    page = response.content.decode()
    assert (SECRET in page) == (who == "instructor")
    assert "Unshared second thoughts." not in page and "Classmate kept this private." not in page
    if who == "instructor":
        assert_accessible_basics(page)


SHARED_INDEX = {"anonymous": 302, "author": 403, "classmate": 403, "stranger": 403, "instructor": 200,
                "other_instructor": 200, "supervisor": 403, "admin": 403}  # fmt: skip


@pytest.mark.parametrize("who", PEOPLE)
def test_matrix_shared_index(client, world, who):
    _entry(world, shared=True)
    response = _as(client, _user(world, who)).get(reverse("courses:journal-shared-index"))
    assert response.status_code == SHARED_INDEX[who]
    page = response.content.decode()
    assert ("Crisis course" in page) == (who == "instructor")
    if who == "instructor":
        assert "1 shared reflection" in page
    if who == "other_instructor":
        assert "Other course" in page and "0 shared reflections" in page


REPLY = {"anonymous": 302, "author": 403, "classmate": 403, "stranger": 403, "instructor": 302,
         "other_instructor": 403, "supervisor": 403, "admin": 403}  # fmt: skip


@pytest.mark.parametrize("who", PEOPLE)
def test_matrix_reply(client, world, who):
    entry = _entry(world, shared=True)
    url = reverse("courses:journal-reply", args=[world.course.pk, entry.pk])
    response = _as(client, _user(world, who)).post(url, {f"reply-{entry.pk}-text": "Thank you."})
    assert response.status_code == REPLY[who]
    assert JournalReply.objects.exists() == (who == "instructor")


def test_the_other_instructor_cannot_reply_through_their_own_course(client, world):
    entry = _entry(world, shared=True)
    url = reverse("courses:journal-reply", args=[world.other_course.pk, entry.pk])
    response = _as(client, world.other_instructor).post(url, {f"reply-{entry.pk}-text": "Hi."})
    assert response.status_code == 404 and not JournalReply.objects.exists()


def test_an_instructor_never_reaches_an_unshared_entry(client, world):
    entry = _entry(world)
    url = reverse("courses:journal-reply", args=[world.course.pk, entry.pk])
    response = _as(client, world.instructor).post(url, {f"reply-{entry.pk}-text": "Hi."})
    assert response.status_code == 404 and not JournalReply.objects.exists()
    services.entry_share(user=world.trainee, entry=entry)
    services.entry_unshare(user=world.trainee, entry=entry)
    page = client.get(reverse("courses:journal-shared", args=[world.course.pk])).content.decode()
    assert SECRET not in page


# --- the round trip ---------------------------------------------------------------------------------


def test_share_reply_and_the_trainee_reads_the_reply(client, world):
    entry = _entry(world)
    _as(client, world.trainee).post(reverse("courses:journal-share", args=[entry.pk]), {"share": "1"})
    shared_url = reverse("courses:journal-shared", args=[world.course.pk])
    reply_url = reverse("courses:journal-reply", args=[world.course.pk, entry.pk])
    client = _as(client, world.instructor)
    refused = client.post(reply_url, {f"reply-{entry.pk}-text": "   "})
    assert refused.status_code == 422 and "Write something before you save." in refused.content.decode()
    refused = client.post(reply_url, {f"reply-{entry.pk}-text": "z" * 5001})
    assert refused.status_code == 422 and "z" * 5001 + "</textarea>" in refused.content.decode()
    response = client.post(reply_url, {f"reply-{entry.pk}-text": "You are not alone in this."})
    assert response.status_code == 302 and response["Location"].startswith(shared_url)
    client = _as(client, world.trainee)
    for url in (world.module.url, reverse("courses:journal")):
        page = client.get(url).content.decode()
        assert "You are not alone in this." in page and "Ina Structor" in page
    # The classmate sees neither the entry nor the reply, anywhere.
    client = _as(client, world.classmate)
    for url in (world.module.url, reverse("courses:journal")):
        page = client.get(url).content.decode()
        assert "You are not alone in this." not in page and SECRET not in page


# --- a module that requires a reflection --------------------------------------------------------------


def test_completion_is_refused_on_the_module_page_until_the_reflection_is_written(client, world):
    ModulePage.objects.filter(pk=world.module.pk).update(requires_reflection=True)
    client = _as(client, world.trainee)
    page = client.get(world.module.url).content.decode()
    assert "This module asks you to write your reflection before you complete it." in page
    complete = reverse("courses:module-complete", args=[world.module.pk])
    response = client.post(complete)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Write your reflection for “Asking directly” before completing this module" in page
    assert f'href="#journal-{world.prompts[0][0]}"' in page and 'id="module-title"' in page
    for index, (block_id, _prompt) in enumerate(world.prompts):
        client.post(_write_url(world, index), {field(block_id): f"Answer {index}."})
    assert client.post(complete).status_code == 302
    assert ModuleProgress.objects.filter(enrollment__user=world.trainee, module=world.module).exists()


# --- query counts ---------------------------------------------------------------------------------


def _many(world, n):
    """n trainees of the course, each with both prompts written and shared, one with a reply."""
    from tests.factories import TraineeFactory

    for i in range(n):
        person = TraineeFactory()
        course_services.enrollment_create(user=person, course=world.course)
        for index in (0, 1):
            entry = _entry(world, user=person, index=index, text=f"Entry {i}-{index}", shared=True)
            services.reply_create(user=world.instructor, entry=entry, text=f"Reply {i}")


def test_the_shared_page_costs_the_same_at_two_sizes(client, world, django_assert_max_num_queries):
    url = reverse("courses:journal-shared", args=[world.course.pk])
    client = _as(client, world.instructor)
    _many(world, 2)
    client.get(url)  # the site's cached pieces (site, home page) warmed, as on any later visit
    with django_assert_max_num_queries(14) as small:
        assert client.get(url).status_code == 200
    small_count = len(small.captured_queries)  # read now: the next request resets Django's query log
    _many(world, 15)  # 34 entries: more than a page
    client.get(url)
    with django_assert_max_num_queries(small_count) as large:
        response = client.get(url)
    assert response.status_code == 200 and "Showing 1–20 of 34" in response.content.decode()
    assert len(large.captured_queries) == small_count


def test_my_journal_costs_the_same_at_two_sizes(client, world, catalogue, django_assert_max_num_queries):
    from tests.factories import make_course, make_module

    from .conftest import BODY

    client = _as(client, world.trainee)
    url = reverse("courses:journal")

    def write_in_new_course(i):
        course = make_course(catalogue, title=f"Course {i}", instructors=[world.instructor])
        module = make_module(course, title=f"Module {i}", body=BODY)
        course_services.enrollment_create(user=world.trainee, course=course)
        for block_id, _prompt in module.reflection_prompts():
            entry = services.entry_write(
                user=world.trainee, module=module, block_id=block_id, text=f"Mine {i}"
            )
            services.entry_share(user=world.trainee, entry=entry)
            services.reply_create(user=world.instructor, entry=entry, text=f"Reply {i}")

    write_in_new_course(0)
    client.get(url)  # the site's cached pieces (site, home page) warmed, as on any later visit
    with django_assert_max_num_queries(14) as small:
        assert client.get(url).status_code == 200
    small_count = len(small.captured_queries)  # read now: the next request resets Django's query log
    for i in range(1, 12):
        write_in_new_course(i)
    client.get(url)  # new pages invalidated the site's cache: warm it again
    with django_assert_max_num_queries(small_count) as large:
        response = client.get(url)
    page = response.content.decode()
    assert "Showing 1–20 of 24" in page and "Course 0" in page and "Reply 0" in page
    assert len(large.captured_queries) == small_count
