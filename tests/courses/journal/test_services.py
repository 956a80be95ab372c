"""The journal's rules through its services: one private, encrypted entry per prompt; only its author
shares it; only the course's instructors reply, and only while it is shared; notifications and audit
name the module, never the text; a module can require its reflections before it is complete, by the
page's button and by its quiz alike."""

import pytest
from django.db import connection

from assessments import services as assessment_services
from courses import services as course_services
from courses.journal import selectors, services
from courses.journal.models import JournalEntry, JournalReply
from courses.models import ModulePage, ModuleProgress
from lms.audit import AuditEvent
from lms.errors import Forbidden, Invalid, NotFound
from lms.notifications.models import Notification, NotificationKind
from lms.outbox.models import OutboxMessage
from tests.assessments.factories import answers_for, make_assessment

pytestmark = pytest.mark.django_db

SECRET = "I used again last spring and nobody knows."


def _write(world, user=None, index=0, text=SECRET):
    return services.entry_write(
        user=user or world.trainee, module=world.module, block_id=world.prompts[index][0], text=text
    )


def test_an_entry_is_private_and_encrypted_at_rest(world):
    entry = _write(world)
    assert entry.prompt == "What does asking directly feel like?"
    assert not entry.shared_with_instructors and entry.shared_at is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM courses_journalentry WHERE id = %s", [entry.pk])
        stored = cursor.fetchone()[0]
    assert SECRET not in stored and "nobody" not in stored
    assert JournalEntry.objects.get(pk=entry.pk).text == SECRET
    # Nobody else's reads find it: the instructor's shared list is empty until the author shares it.
    assert not selectors.shared_entries(course=world.course).exists()
    assert selectors.entry_for_author(user=world.classmate, entry_id=entry.pk) is None


def test_writing_again_replaces_the_text_and_moves_updated_at(world):
    first = _write(world, text="First thoughts.")
    second = _write(world, text="Second thoughts.")
    assert second.pk == first.pk and JournalEntry.objects.count() == 1
    second.refresh_from_db()
    assert second.text == "Second thoughts." and second.updated_at > first.created_at
    assert second.created_at == first.created_at


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Write something before you save."),
        ("   \n ", "Write something before you save."),
        ("x" * (services.ENTRY_MAX_CHARS + 1), "Keep it under 10000 characters (you wrote 10001)."),
    ],
)
def test_bad_text_is_refused_on_the_text_field(world, text, message):
    with pytest.raises(Invalid) as exc:
        _write(world, text=text)
    assert exc.value.message == message and exc.value.field == "text"
    assert not JournalEntry.objects.exists()


def test_only_an_enrolled_trainee_writes_and_only_under_a_prompt_of_the_module(world):
    with pytest.raises(Forbidden):
        _write(world, user=world.stranger)
    with pytest.raises(Forbidden):
        _write(world, user=world.instructor)
    with pytest.raises(NotFound):
        services.entry_write(user=world.trainee, module=world.module, block_id="not-a-prompt", text="x")
    with pytest.raises(NotFound):  # a prompt of another module
        services.entry_write(
            user=world.trainee,
            module=world.module,
            block_id=world.other_module.reflection_prompts()[0][0],
            text="x",
        )
    assert not JournalEntry.objects.exists()


def test_sharing_notifies_the_course_instructors_without_the_text_and_is_audited(world):
    entry = _write(world)
    with pytest.raises(NotFound):
        services.entry_share(user=world.classmate, entry=entry)
    services.entry_share(user=world.trainee, entry=entry)
    entry.refresh_from_db()
    assert entry.shared_with_instructors and entry.shared_at is not None
    note = Notification.objects.get(kind=NotificationKind.JOURNAL_SHARED)
    assert note.user == world.instructor
    assert "Asking directly" in note.title and "Tara Trainee" in note.title
    assert SECRET not in note.title + note.body
    for message in OutboxMessage.objects.all():
        assert SECRET not in message.subject + message.body
    assert not Notification.objects.filter(user=world.other_instructor).exists()
    event = AuditEvent.objects.get(action="journal.shared")
    assert event.actor == world.trainee and SECRET not in str(event.details) + event.target_repr
    assert list(selectors.shared_entries(course=world.course)) == [entry]
    assert not selectors.shared_entries(course=world.other_course).exists()

    services.entry_unshare(user=world.trainee, entry=entry)
    entry.refresh_from_db()
    assert not entry.shared_with_instructors and entry.shared_at is None
    assert AuditEvent.objects.filter(action="journal.unshared", actor=world.trainee).exists()
    assert not selectors.shared_entries(course=world.course).exists()


def test_replies_come_from_the_course_instructors_while_shared(world):
    entry = _write(world)
    with pytest.raises(NotFound):  # not shared yet: even the course's instructor cannot reply
        services.reply_create(user=world.instructor, entry=entry, text="Hello")
    services.entry_share(user=world.trainee, entry=entry)
    for someone in (world.other_instructor, world.admin, world.classmate, world.supervisor, world.trainee):
        with pytest.raises(NotFound):
            services.reply_create(user=someone, entry=entry, text="Hello")
    with pytest.raises(Invalid):
        services.reply_create(user=world.instructor, entry=entry, text="  ")
    reply = services.reply_create(user=world.instructor, entry=entry, text="Thank you for sharing this.")
    assert JournalReply.objects.get().author == world.instructor
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM courses_journalreply WHERE id = %s", [reply.pk])
        assert "Thank you" not in cursor.fetchone()[0]
    note = Notification.objects.get(kind=NotificationKind.JOURNAL_REPLIED)
    assert note.user == world.trainee and "Asking directly" in note.title and "Ina Structor" in note.title
    assert "Thank you" not in note.title + note.body and SECRET not in note.title + note.body
    event = AuditEvent.objects.get(action="journal.replied")
    assert event.subject == world.trainee and "Thank you" not in str(event.details)


def _require(world):
    ModulePage.objects.filter(pk=world.module.pk).update(requires_reflection=True)
    world.module = ModulePage.objects.get(pk=world.module.pk)
    return world.module


def test_a_module_requiring_reflection_completes_only_once_every_prompt_is_written(world):
    module = _require(world)
    with pytest.raises(Forbidden) as exc:
        course_services.module_complete(user=world.trainee, module=module)
    assert exc.value.message.startswith(
        "Write your reflection for “Asking directly” before completing this module"
    )
    assert exc.value.code == "reflection_required"
    _write(world, index=0)
    with pytest.raises(Forbidden):  # the second prompt is still to answer
        course_services.module_complete(user=world.trainee, module=module)
    _write(world, index=1)
    progress = course_services.module_complete(user=world.trainee, module=module)
    assert progress.module == module
    # A classmate's entries never count for someone else.
    with pytest.raises(Forbidden):
        course_services.module_complete(user=world.classmate, module=module)


def test_the_quiz_path_follows_the_same_rule_and_completes_once_written(world):
    module = _require(world)
    quiz = make_assessment(world.course, module=module)
    attempt = assessment_services.attempt_start(user=world.trainee, assessment=quiz)
    attempt = assessment_services.attempt_submit(
        attempt=attempt, user=world.trainee, answers=answers_for(attempt)
    )
    assert attempt.passed
    assert not ModuleProgress.objects.filter(module=module).exists()  # passed, but no reflection yet
    assert AuditEvent.objects.filter(
        action="assessment.credit_skipped", details__code="reflection_required"
    ).exists()
    with pytest.raises(Forbidden):
        course_services.module_complete(user=world.trainee, module=module, via_assessment=True)
    _write(world, index=0)
    assert not ModuleProgress.objects.filter(module=module).exists()
    _write(world, index=1)  # the last prompt written: the passed quiz now completes the module
    assert ModuleProgress.objects.filter(enrollment__user=world.trainee, module=module).exists()


def test_a_module_without_the_option_completes_without_reflection(world):
    assert course_services.module_complete(user=world.trainee, module=world.module)


def test_the_editor_cannot_require_a_reflection_of_a_module_without_a_prompt(world):
    from django.core.exceptions import ValidationError

    world.second.requires_reflection = True
    with pytest.raises(ValidationError) as exc:
        world.second.clean()
    assert "The module has no reflection prompt" in str(exc.value.message_dict["requires_reflection"])
    world.module.requires_reflection = True
    world.module.clean()  # it has two
