"""The grading queue, paginated: attempts needing a person in the courses the user teaches, oldest
first, never the user's own (nobody grades or releases their own attempt). Each of its four lists
is paged in the database on its own query-string parameter, and the four counts come from one
query, so a page costs the same whatever the queue's length."""

from dataclasses import dataclass

from django.db.models import Count, Q

from lms.pagination import Pager, paginate

from ..models import Attempt

# (list, query-string parameter)
SECTIONS = (
    ("to_grade", "page"),
    ("second_marking", "second"),
    ("flagged_by_me", "flagged"),
    ("to_release", "release"),
)
PER_PAGE = 50


@dataclass
class GradingQueuePage:
    to_grade: Pager
    second_marking: Pager
    flagged_by_me: Pager
    to_release: Pager

    @property
    def total(self) -> int:
        return self.to_grade.count + self.second_marking.count + self.to_release.count


def _base(user):
    return Attempt.objects.filter(assessment__course__instructors=user).exclude(user=user)


def grading_queue_page(request, *, user, per_page: int = PER_PAGE) -> GradingQueuePage:
    """One page of each list of the queue (see the module docstring); call it for an authenticated
    instructor or administrator only. Five queries."""
    S = Attempt.Status
    second = Q(status=S.AWAITING_SECOND_MARKER)
    filters = {
        "to_grade": Q(status=S.AWAITING_GRADING),
        "second_marking": second & ~Q(marker=user),
        "flagged_by_me": second & Q(marker=user),
        "to_release": Q(status=S.GRADED),
    }
    counts = _base(user).aggregate(**{name: Count("pk", filter=q) for name, q in filters.items()})
    rows = _base(user).select_related("assessment", "assessment__course", "user", "marker")
    pagers = {
        name: paginate(
            request,
            rows.filter(filters[name]).order_by("submitted_at", "pk"),
            per_page=per_page,
            param=param,
            count=counts[name],
            fragment=f"#{name}",
        )
        for name, param in SECTIONS
    }
    return GradingQueuePage(**pagers)
