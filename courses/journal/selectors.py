"""Reads of the journal. Who sees what: an entry's author sees it (and its replies) always; an
instructor of its course sees it while it is shared; no one else ever does (program administrators
and supervisors included). Each read takes a fixed number of queries, however many entries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from lms import roles

from ..models import CoursePage, ModulePage
from .models import JournalEntry, JournalReply


def course_of(module: ModulePage) -> CoursePage:
    return CoursePage.objects.get(path=module.path[: -module.steplen])


def teaches(*, user, course: CoursePage) -> bool:
    """An instructor of this course (as the module pages' readable_by_staff decides, without the program
    administrators: they never read a trainee's journal)."""
    if not getattr(user, "is_authenticated", False) or not roles.is_instructor(user):
        return False
    return course.instructors.filter(pk=user.pk).exists()


def _replies():
    return Prefetch(
        "replies", queryset=JournalReply.objects.select_related("author").order_by("created_at", "pk")
    )


def missing_reflections(*, user, module: ModulePage) -> list[str]:
    """The block ids of the module's prompts the user has not written an entry for yet, in page order."""
    prompts = [block_id for block_id, _prompt in module.reflection_prompts()]
    if not prompts:
        return []
    written = set(
        JournalEntry.objects.filter(trainee=user, module=module, block_id__in=prompts).values_list(
            "block_id", flat=True
        )
    )
    return [block_id for block_id in prompts if block_id not in written]


@dataclass
class JournalSlot:
    """What the module page shows under one prompt: the trainee's entry (if written) and the form."""

    block_id: str
    entry: JournalEntry | None
    form: object = None  # the refused form as typed (views), else a fresh one

    @property
    def entry_form(self):
        if self.form is None:
            from .forms import EntryForm

            self.form = EntryForm(
                block_id=self.block_id, initial={"text": self.entry.text if self.entry else ""}
            )
        return self.form


def module_journal(*, module: ModulePage, user, enrolled: bool, forms=None) -> dict[str, JournalSlot]:
    """The enrolled trainee's slot under each of the module's prompts, by block id; empty for anyone else
    (staff reading the module see the prompts only). Two queries at most."""
    if not enrolled or not getattr(user, "is_authenticated", False):
        return {}
    forms = forms or {}
    prompts = [block_id for block_id, _prompt in module.reflection_prompts()]
    if not prompts:
        return {}
    entries = {
        e.block_id: e
        for e in JournalEntry.objects.filter(
            trainee=user, module=module, block_id__in=prompts
        ).prefetch_related(_replies())
    }
    return {
        block_id: JournalSlot(block_id=block_id, entry=entries.get(block_id), form=forms.get(block_id))
        for block_id in prompts
    }


def entries_of(*, user):
    """The user's own entries, by course and module (tree order) then prompt order of writing: a queryset
    to paginate; `with_courses` adds each one's course and replies."""
    return (
        JournalEntry.objects.filter(trainee=user)
        .select_related("module")
        .defer("module__body")
        .order_by("module__path", "created_at", "pk")
    )


def with_courses(entries: list[JournalEntry]) -> list[JournalEntry]:
    """Sets `course` on each entry (one query for every course among them) and prefetches replies."""
    if not entries:
        return entries
    paths = {e.module.path[: -ModulePage.steplen] for e in entries}
    courses = {
        c.path: c for c in CoursePage.objects.filter(path__in=paths).only("pk", "path", "title", "slug")
    }
    for entry in entries:
        entry.course = courses.get(entry.module.path[: -ModulePage.steplen])
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(entries, _replies())
    return entries


def entry_for_author(*, user, entry_id: int) -> JournalEntry | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return JournalEntry.objects.filter(pk=entry_id, trainee=user).select_related("module").first()


def shared_entries(*, course: CoursePage):
    """The entries trainees shared with `course`'s instructors, most recently shared first (a queryset
    to paginate; `with_replies` completes a page)."""
    return (
        JournalEntry.objects.filter(
            shared_with_instructors=True,
            module__path__startswith=course.path,
            module__depth=course.depth + 1,
        )
        .select_related("module", "trainee")
        .defer("module__body")
        .order_by("-shared_at", "-pk")
    )


def with_replies(entries: list[JournalEntry]) -> list[JournalEntry]:
    from django.db.models import prefetch_related_objects

    if entries:
        prefetch_related_objects(entries, _replies())
    return entries


def shared_entry_for_instructor(*, user, course: CoursePage, entry_id: int) -> JournalEntry | None:
    """A shared entry of `course` when `user` teaches it; None otherwise (an unshared one included)."""
    if not teaches(user=user, course=course):
        return None
    return shared_entries(course=course).filter(pk=entry_id).first()


def courses_taught(*, user) -> list[CoursePage]:
    """The live courses `user` teaches, each with `shared_count` (entries shared with them). One query."""
    if not getattr(user, "is_authenticated", False) or not roles.is_instructor(user):
        return []
    courses = list(CoursePage.objects.live().filter(instructors=user).order_by("title"))
    if not courses:
        return []
    condition = Q()
    for course in courses:
        condition |= Q(module__path__startswith=course.path, module__depth=course.depth + 1)
    counts = {}
    rows = (
        JournalEntry.objects.filter(condition, shared_with_instructors=True)
        .values("module__path")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        path = row["module__path"][: -ModulePage.steplen]
        counts[path] = counts.get(path, 0) + row["n"]
    for course in courses:
        course.shared_count = counts.get(course.path, 0)
    return courses
