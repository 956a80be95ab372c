"""Writing, sharing and answering journal entries. An entry is its author's alone: only they write,
share or unshare it; while it is shared, an instructor of its course may reply. Audited without text;
notifications name the module, never quote an entry or a reply."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.audit import audit_record
from lms.errors import Forbidden, Invalid, NotFound

from .. import selectors as course_selectors
from .. import services as course_services
from ..models import Enrollment, ModulePage
from . import notices
from .models import JournalEntry, JournalReply
from .selectors import course_of, teaches

ERR_NOT_AVAILABLE = gettext_noop("This reflection prompt is not available.")
ERR_NOT_ENROLLED = gettext_noop("Enrol in the course first.")
ERR_MODULE_LOCKED = gettext_noop("Finish the previous module first.")
ERR_EMPTY = gettext_noop("Write something before you save.")
ERR_TOO_LONG = gettext_noop("Keep it under {maximum} characters (you wrote {count}).")
ERR_NOT_FOUND = gettext_noop("This journal entry is not available.")
ERR_NOT_SHARED = gettext_noop("This entry is not shared with you.")

ENTRY_MAX_CHARS = 10000
REPLY_MAX_CHARS = 5000


def clean_text(text: str, *, maximum: int) -> str:
    """The text as saved (outer white space trimmed), or Invalid on the `text` field."""
    text = (text or "").strip()
    if not text:
        raise Invalid(_(ERR_EMPTY), code="empty", field="text")
    if len(text) > maximum:
        raise Invalid(_(ERR_TOO_LONG).format(maximum=maximum, count=len(text)), code="too_long", field="text")
    return text


def _prompt(module: ModulePage, block_id: str) -> str:
    if not module.live:
        raise NotFound(_(ERR_NOT_AVAILABLE), code="not_available")
    prompt = dict(module.reflection_prompts()).get(block_id)
    if prompt is None:
        raise NotFound(_(ERR_NOT_AVAILABLE), code="not_available")
    return prompt


@transaction.atomic
def entry_write(*, user, module: ModulePage, block_id: str, text: str) -> JournalEntry:
    """Write (or rewrite) the trainee's answer to one of the module's prompts. The module must be open to
    them, as for reading it. One entry per prompt: a second write replaces the text."""
    prompt = _prompt(module, block_id)
    course = course_of(module)
    enrollment = Enrollment.objects.select_for_update().active().filter(user=user, course=course).first()
    if enrollment is None:
        raise Forbidden(_(ERR_NOT_ENROLLED), code="not_enrolled")
    if not course_selectors.module_is_unlocked(user=user, module=module):
        raise Forbidden(_(ERR_MODULE_LOCKED), code="module_locked")
    text = clean_text(text, maximum=ENTRY_MAX_CHARS)
    now = timezone.now()
    entry = JournalEntry.objects.filter(trainee=user, module=module, block_id=block_id).first()
    if entry is None:
        entry = JournalEntry(trainee=user, module=module, block_id=block_id, created_at=now)
    entry.prompt, entry.text, entry.updated_at = prompt, text, now
    entry.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:  # written at the same moment in another tab: that one stands, this one replaces it
        entry = JournalEntry.objects.get(trainee=user, module=module, block_id=block_id)
        entry.prompt, entry.text, entry.updated_at = prompt, text, now
        entry.save(update_fields=["prompt", "text", "updated_at"])
    if module.requires_reflection:
        # A trainee who passed the module's quiz before writing: the module completes now.
        course_services.module_complete_after_reflection(user=user, module=module)
    return entry


def _own(user, entry: JournalEntry) -> JournalEntry:
    locked = JournalEntry.objects.select_for_update().select_related("module").filter(pk=entry.pk).first()
    if locked is None or locked.trainee_id != getattr(user, "pk", None):
        raise NotFound(_(ERR_NOT_FOUND), code="not_found")
    return locked


@transaction.atomic
def entry_share(*, user, entry: JournalEntry) -> JournalEntry:
    """The author shares the entry with the course's instructors (who are notified, once per entry)."""
    entry = _own(user, entry)
    if entry.shared_with_instructors:
        return entry
    entry.shared_with_instructors, entry.shared_at = True, timezone.now()
    entry.save(update_fields=["shared_with_instructors", "shared_at"])
    audit_record(
        actor=user, action="journal.shared", target=entry, subject=user, details={"module": entry.module_id}
    )
    notices.notify_shared(entry=entry)
    return entry


@transaction.atomic
def entry_unshare(*, user, entry: JournalEntry) -> JournalEntry:
    """The author takes the entry back: instructors no longer see it (replies stay with the author)."""
    entry = _own(user, entry)
    if not entry.shared_with_instructors:
        return entry
    entry.shared_with_instructors, entry.shared_at = False, None
    entry.save(update_fields=["shared_with_instructors", "shared_at"])
    audit_record(
        actor=user, action="journal.unshared", target=entry, subject=user, details={"module": entry.module_id}
    )
    return entry


@transaction.atomic
def reply_create(*, user, entry: JournalEntry, text: str) -> JournalReply:
    """An instructor of the entry's course replies to a shared entry; the author is notified. Anyone
    else, or an entry no longer shared: not found, as if it did not exist."""
    entry = (
        JournalEntry.objects.select_for_update()
        .select_related("module", "trainee")
        .filter(pk=entry.pk)
        .first()
    )
    if entry is None or not teaches(user=user, course=course_of(entry.module)):
        raise NotFound(_(ERR_NOT_FOUND), code="not_found")
    if not entry.shared_with_instructors:
        raise NotFound(_(ERR_NOT_SHARED), code="not_shared")
    reply = JournalReply(entry=entry, author=user, text=clean_text(text, maximum=REPLY_MAX_CHARS))
    reply.full_clean()
    reply.save()
    audit_record(
        actor=user,
        action="journal.replied",
        target=entry,
        subject=entry.trainee,
        details={"module": entry.module_id, "reply": reply.pk},
    )
    notices.notify_replied(reply=reply)
    return reply
