"""The grading queue and the gradebook (page and CSV, streamed in chunks)."""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CoursePage, Enrollment
from lms import roles
from lms.csvexport import csv_safe as _csv_safe

from ..models import Assessment, Attempt
from .common import FINISHED, MARKING

# ---------------------------------------------------------------------------------------------------
# Grading queue


@dataclass
class GradingQueue:
    to_grade: list[Attempt]
    second_marking: list[Attempt]
    flagged_by_me: list[Attempt]
    to_release: list[Attempt]

    @property
    def total(self) -> int:
        return len(self.to_grade) + len(self.second_marking) + len(self.to_release)


QUEUE_LIMIT = 200


def grading_queue(*, user) -> GradingQueue:
    """Attempts needing a person in the courses the user teaches, oldest first, never the user's own
    (nobody grades or releases their own attempt). Four queries."""
    if not getattr(user, "is_authenticated", False):
        return GradingQueue(to_grade=[], second_marking=[], flagged_by_me=[], to_release=[])
    base = (
        Attempt.objects.filter(assessment__course__instructors=user)
        .exclude(user=user)
        .select_related("assessment", "assessment__course", "user", "marker")
        .order_by("submitted_at", "pk")
    )
    second = base.filter(status=Attempt.Status.AWAITING_SECOND_MARKER)
    return GradingQueue(
        to_grade=list(base.filter(status=Attempt.Status.AWAITING_GRADING)[:QUEUE_LIMIT]),
        second_marking=list(second.exclude(marker=user)[:QUEUE_LIMIT]),
        flagged_by_me=list(second.filter(marker=user)[:QUEUE_LIMIT]),
        to_release=list(base.filter(status=Attempt.Status.GRADED)[:QUEUE_LIMIT]),
    )


def courses_for_gradebook(*, user) -> list[CoursePage]:
    if roles.is_program_admin(user):
        return list(CoursePage.objects.order_by("title"))
    if not getattr(user, "is_authenticated", False):
        return []
    return list(CoursePage.objects.filter(instructors=user).order_by("title"))


# ---------------------------------------------------------------------------------------------------
# Gradebook

STATUS_LABELS = {
    "not_started": gettext_lazy("Not started"),
    "in_progress": gettext_lazy("In progress"),
    "awaiting_grading": gettext_lazy("Awaiting grading"),
    "graded": gettext_lazy("Graded, not released"),
    "passed": gettext_lazy("Passed"),
    "not_passed": gettext_lazy("Not passed"),
    # Not passed, and a released attempt fell below a must-pass rubric criterion's minimum (whatever its
    # score): the best percent alone would not say why.
    "not_passed_must_pass": gettext_lazy("Not passed: a must-pass criterion not met"),
}


@dataclass
class Cell:
    attempts_used: int = 0
    best_percent: Decimal | None = None
    status: str = "not_started"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class GradebookRow:
    user_id: int
    name: str
    email: str
    enrollment_status: str
    cells: list[Cell]


def gradebook_assessments(*, course: CoursePage) -> list[Assessment]:
    """Module quizzes in module order, then the final exam."""
    items = list(Assessment.objects.filter(course=course).select_related("module"))
    return sorted(
        items, key=lambda a: (a.kind == Assessment.Kind.FINAL_EXAM, a.module.path if a.module else "", a.pk)
    )


def _cells(*, user_ids: list[int], assessments: list[Assessment]) -> dict[tuple[int, int], Cell]:
    if not user_ids or not assessments:
        return {}
    rows = (
        Attempt.objects.filter(user_id__in=user_ids, assessment_id__in=[a.pk for a in assessments])
        .values("user_id", "assessment_id")
        .annotate(
            used=Count("pk"),
            best=Max("percent", filter=Q(status__in=FINISHED)),
            passed_released=Count("pk", filter=Q(status=Attempt.Status.RELEASED, passed=True)),
            graded=Count("pk", filter=Q(status=Attempt.Status.GRADED)),
            marking=Count("pk", filter=Q(status__in=MARKING)),
            open=Count("pk", filter=Q(status=Attempt.Status.IN_PROGRESS)),
            must_pass_failed=Count("pk", filter=Q(status=Attempt.Status.RELEASED, must_pass_failed=True)),
        )
        .order_by()
    )
    result = {}
    for row in rows:
        if row["passed_released"]:
            status = "passed"
        elif row["marking"]:
            status = "awaiting_grading"
        elif row["graded"]:
            status = "graded"
        elif row["open"]:
            status = "in_progress"
        elif row["must_pass_failed"]:
            status = "not_passed_must_pass"
        else:
            status = "not_passed"
        result[(row["user_id"], row["assessment_id"])] = Cell(
            attempts_used=row["used"], best_percent=row["best"], status=status
        )
    return result


def _rows(chunk, assessments) -> list[GradebookRow]:
    cells = _cells(user_ids=[r[0] for r in chunk], assessments=assessments)
    return [
        GradebookRow(
            user_id=user_id,
            name=name or email,
            email=email,
            enrollment_status=status,
            cells=[cells.get((user_id, a.pk), Cell()) for a in assessments],
        )
        for user_id, name, email, status in chunk
    ]


def _enrolled(course: CoursePage):
    return (
        Enrollment.objects.active()
        .filter(course=course)
        .order_by("user__full_name", "user__email", "pk")
        .values_list("user_id", "user__full_name", "user__email", "status")
    )


def gradebook_trainees(*, course: CoursePage):
    """The course's enrolled trainees, as (user_id, name, email, enrolment status), by name: the list
    the gradebook page paginates."""
    return _enrolled(course)


def gradebook_rows(*, trainees, assessments: list[Assessment]) -> list[GradebookRow]:
    """Rows for some trainees (one page of `gradebook_trainees`): one query for all their cells."""
    return _rows(list(trainees), assessments)


def gradebook_page(*, course: CoursePage, page_number=1, per_page: int = 50):
    """(assessments, page, rows) for one page of trainees. A fixed number of queries per page."""
    assessments = gradebook_assessments(course=course)
    page = Paginator(_enrolled(course), per_page).get_page(page_number)
    return assessments, page, _rows(list(page.object_list), assessments)


def gradebook_csv_rows(*, course: CoursePage, chunk_size: int = 2000) -> Iterator[list[str]]:
    """The gradebook as CSV rows, streamed: trainees are read with a server-side cursor (.iterator())
    and their attempts fetched chunk by chunk, so memory stays flat however many trainees there are."""
    assessments = gradebook_assessments(course=course)
    header = [_("Name"), _("Email"), _("Enrolment")]
    for a in assessments:
        header += [
            _("%(title)s: best %%") % {"title": a.title},
            _("%(title)s: attempts") % {"title": a.title},
            _("%(title)s: status") % {"title": a.title},
        ]
    yield header
    chunk = []
    for row in _enrolled(course).iterator(chunk_size=chunk_size):
        chunk.append(row)
        if len(chunk) >= chunk_size:
            yield from _csv_lines(_rows(chunk, assessments))
            chunk = []
    if chunk:
        yield from _csv_lines(_rows(chunk, assessments))


def _csv_lines(rows: list[GradebookRow]) -> Iterator[list[str]]:
    enrollment_labels = {value: str(label) for value, label in Enrollment.Status.choices}
    for row in rows:
        # Statuses in words ("Awaiting grading", not "awaiting_grading"), as on the page.
        line = [_csv_safe(row.name), _csv_safe(row.email), enrollment_labels[row.enrollment_status]]
        for cell in row.cells:
            line += [
                "" if cell.best_percent is None else str(cell.best_percent),
                str(cell.attempts_used),
                cell.status_label,
            ]
        yield line
