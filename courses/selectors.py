"""Reads about the catalogue and a trainee's progress. Bulk variants (`*_for_users`) take many users in
a constant number of queries, for eligibility and cohort reports."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from .models import CompetencyDomain, CoursePage, Enrollment, ModulePage, ModuleProgress


def course_modules(*, course: CoursePage):
    """The live modules of a course, in the editor's order."""
    return ModulePage.objects.child_of(course).live().order_by("path")


def enrollment_for(*, user, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.active().filter(user=user, course=course).first()


def completed_module_ids(*, enrollment: Enrollment | None) -> set[int]:
    if enrollment is None:
        return set()
    return set(ModuleProgress.objects.filter(enrollment=enrollment).values_list("module_id", flat=True))


def completed_course_ids(*, user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Enrollment.objects.filter(user=user, status=Enrollment.Status.COMPLETED).values_list("course_id", flat=True)
    )


def completed_course_ids_for_users(*, user_ids) -> dict[int, set[int]]:
    result: dict[int, set[int]] = defaultdict(set)
    rows = Enrollment.objects.filter(user_id__in=list(user_ids), status=Enrollment.Status.COMPLETED).values_list(
        "user_id", "course_id"
    )
    for user_id, course_id in rows:
        result[user_id].add(course_id)
    return result


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """Prerequisite courses the user has not completed yet (empty list = the course is open)."""
    prereqs = list(course.prerequisites.all())
    if not prereqs:
        return []
    done = completed_course_ids(user=user)
    return [p for p in prereqs if p.pk not in done]


def module_lock_state(*, modules: list[ModulePage], done_ids: set[int]) -> dict[int, bool]:
    """For modules in order: True when a module is open (the first, or the previous one is done)."""
    state = {}
    previous_done = True
    for module in modules:
        state[module.pk] = previous_done
        previous_done = module.pk in done_ids
    return state


def module_is_unlocked(*, user, module: ModulePage) -> bool:
    """Server-side gating: the course is open to the user, they are enrolled, and every earlier module
    of the course is complete."""
    course = module.get_parent().specific
    enrollment = enrollment_for(user=user, course=course)
    if enrollment is None or missing_prerequisites(user=user, course=course):
        return False
    modules = list(course_modules(course=course))
    done = completed_module_ids(enrollment=enrollment)
    return module_lock_state(modules=modules, done_ids=done).get(module.pk, False)


def training_hours_by_domain_for_users(*, user_ids) -> dict[int, dict[int, Decimal]]:
    """{user_id: {domain_id: hours}} of training hours credited in the LMS (module completions)."""
    result: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = (
        ModuleProgress.objects.filter(enrollment__user_id__in=list(user_ids), domain__isnull=False)
        .values("enrollment__user_id", "domain_id")
        .annotate(hours=Sum("hours_credited"))
    )
    for row in rows:
        result[row["enrollment__user_id"]][row["domain_id"]] = row["hours"] or Decimal("0")
    return result


def training_hours_by_domain(*, user) -> list[tuple[CompetencyDomain, Decimal]]:
    """Every domain with the user's credited hours (zero included), in domain order."""
    hours = training_hours_by_domain_for_users(user_ids=[user.pk]).get(user.pk, {})
    return [(d, hours.get(d.pk, Decimal("0"))) for d in CompetencyDomain.objects.all()]
