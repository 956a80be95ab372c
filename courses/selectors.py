"""Reads about the catalogue and a trainee's progress. Bulk variants (`*_for_users`) take many users in
a constant number of queries, for eligibility and cohort reports."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import (
    CharField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Value,
    prefetch_related_objects,
)

from .hours import (  # noqa: F401  (training_hours_by_domain*: read here by other apps and tests)
    hours_by_domain_with_activities,
    training_hours_by_domain,
    training_hours_by_domain_for_users,
)
from .models import CompetencyDomain, CoursePage, Enrollment, ModulePage, ModuleProgress

User = get_user_model()


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
        Enrollment.objects.filter(user=user, status=Enrollment.Status.COMPLETED).values_list(
            "course_id", flat=True
        )
    )


def completed_course_ids_for_users(*, user_ids) -> dict[int, set[int]]:
    result: dict[int, set[int]] = defaultdict(set)
    rows = Enrollment.objects.filter(
        user_id__in=list(user_ids), status=Enrollment.Status.COMPLETED
    ).values_list("user_id", "course_id")
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
    of the course is complete. One query."""
    if not getattr(user, "is_authenticated", False) or not module.live:
        return False
    course_path = module.path[: -ModulePage.steplen]
    completed = Enrollment.objects.filter(user=user, status=Enrollment.Status.COMPLETED).values("course_id")
    missing_prerequisite = CoursePage.prerequisites.through.objects.filter(
        from_coursepage_id=OuterRef("course_id")
    ).exclude(to_coursepage_id__in=completed)
    earlier_not_done = (
        ModulePage.objects.live()
        .filter(path__startswith=course_path, depth=module.depth, path__lt=module.path)
        .exclude(
            Exists(
                ModuleProgress.objects.filter(
                    module_id=OuterRef("pk"), enrollment_id=OuterRef(OuterRef("pk"))
                )
            )
        )
    )
    row = (
        Enrollment.objects.active()
        .filter(user=user, course__path=course_path)
        .annotate(missing=Exists(missing_prerequisite), behind=Exists(earlier_not_done))
        .values_list("missing", "behind")
        .first()
    )
    return row is not None and not any(row)


# ---------------------------------------------------------------------------------------------------
# Page and dashboard reads. Each takes a fixed number of queries however many courses or modules exist.

DONE = "done"
OPEN = "open"
LOCKED = "locked"


def module_states(*, modules: list[ModulePage], done_ids: set[int], enrolled: bool) -> dict[int, str]:
    """done / open / locked for each module, in order. Not enrolled: everything is locked."""
    if not enrolled:
        return {m.pk: LOCKED for m in modules}
    unlocked = module_lock_state(modules=modules, done_ids=done_ids)
    return {m.pk: DONE if m.pk in done_ids else (OPEN if unlocked[m.pk] else LOCKED) for m in modules}


def _percent(done: int, total: int) -> int:
    return int(done * 100 / total) if total else 0


@dataclass
class ModuleRow:
    module: ModulePage
    state: str
    number: int


@dataclass
class PrerequisiteRow:
    course: CoursePage
    completed: bool


@dataclass
class CourseOverview:
    """What a viewer sees of one course: their enrolment, each module's state, prerequisites."""

    course: CoursePage
    enrollment: Enrollment | None
    modules: list[ModuleRow]
    prerequisites: list[PrerequisiteRow]
    instructors: list
    domains: list[CompetencyDomain]

    @property
    def done_count(self) -> int:
        return sum(1 for row in self.modules if row.state == DONE)

    @property
    def percent(self) -> int:
        return _percent(self.done_count, len(self.modules))

    @property
    def next_module(self) -> ModulePage | None:
        return next((row.module for row in self.modules if row.state == OPEN), None)

    @property
    def prerequisites_met(self) -> bool:
        return all(row.completed for row in self.prerequisites)

    @property
    def state_by_id(self) -> dict[int, str]:
        return {row.module.pk: row.state for row in self.modules}


def _modules_with_progress(*, course, enrollment: Enrollment | None) -> tuple[list[ModulePage], set[int]]:
    """The course's live modules (without their text) and which of them the enrolment completed, in one
    query."""
    modules = course_modules(course=course).select_related("domain").defer("body")
    if enrollment is None:
        return list(modules), set()
    modules = list(
        modules.annotate(
            done=Exists(ModuleProgress.objects.filter(enrollment_id=enrollment.pk, module_id=OuterRef("pk")))
        )
    )
    return modules, {m.pk for m in modules if m.done}


def _instructors_and_domains(*, course) -> tuple[list, list[CompetencyDomain]]:
    """A course's instructors (by name) and domains (in domain order), in one query (a UNION of the
    two lists); the instances carry only what pages and the API show of them."""
    text, number = CharField(), IntegerField()
    people = course.instructors.values_list(
        Value("instructor", output_field=text),
        "pk",
        "full_name",
        Value("", output_field=text),
        Value(0, output_field=number),
    ).order_by()
    domains = course.domains.values_list(
        Value("domain", output_field=text), "pk", "name", "slug", "sort_order"
    ).order_by()
    instructors, domain_list = [], []
    for kind, pk, name, slug, sort_order in people.union(domains, all=True):
        if kind == "instructor":
            instructors.append(User(pk=pk, full_name=name))
        else:
            domain_list.append(CompetencyDomain(pk=pk, name=name, slug=slug, sort_order=sort_order))
    instructors.sort(key=lambda person: (person.full_name, person.pk))
    domain_list.sort(key=lambda domain: (domain.sort_order, domain.name))
    return instructors, domain_list


def course_overview(*, user, course, details: bool = True) -> CourseOverview:
    """The viewer's overview of a course. `details` adds prerequisites (with the viewer's completion),
    instructors and domains, which need the specific CoursePage; without them `course` may be the plain
    Page (a module page knows only its parent). Two queries, five with details."""
    enrollment = enrollment_for(user=user, course=course)
    modules, done = _modules_with_progress(course=course, enrollment=enrollment)
    states = module_states(modules=modules, done_ids=done, enrolled=enrollment is not None)
    prerequisites, instructors, domains = [], [], []
    if details:
        prereqs = course.prerequisites.live().order_by("title")
        if getattr(user, "is_authenticated", False):
            prereqs = prereqs.annotate(
                completed=Exists(
                    Enrollment.objects.filter(
                        user=user, status=Enrollment.Status.COMPLETED, course_id=OuterRef("pk")
                    )
                )
            )
        prerequisites = [
            PrerequisiteRow(course=p, completed=bool(getattr(p, "completed", False))) for p in prereqs
        ]
        instructors, domains = _instructors_and_domains(course=course)
    return CourseOverview(
        course=course,
        enrollment=enrollment,
        modules=[ModuleRow(module=m, state=states[m.pk], number=i) for i, m in enumerate(modules, start=1)],
        prerequisites=prerequisites,
        instructors=instructors,
        domains=domains,
    )


def catalogue_search(*, catalog=None, query: str = "", domain: str = ""):
    """Live courses (under `catalog` when given), optionally searched (Wagtail search over course pages,
    best match first) and filtered by a domain slug: a queryset in path order, or, when searched, a
    list in rank order. Without their domains (see catalogue_courses), so a page of it can be
    paginated in the database."""
    qs = CoursePage.objects.live()
    if catalog is not None:
        qs = qs.descendant_of(catalog)
    # Words only: quotes and operators would reach the backend's query syntax (SQLite FTS5 rejects them).
    query = " ".join(re.findall(r"\w+", (query or "").lower()))
    ranked_ids = None
    if query:
        # The search backend filters only on indexed fields, so the domain filter is applied afterwards.
        ranked_ids = [page.pk for page in qs.search(query, operator="and")]
        qs = CoursePage.objects.filter(pk__in=ranked_ids)
    if domain:
        qs = qs.filter(domains__slug=domain)
    qs = qs.order_by("path")
    if ranked_ids is None:
        return qs
    rank = {pk: i for i, pk in enumerate(ranked_ids)}
    return sorted(qs, key=lambda c: rank[c.pk])


def catalogue_courses(*, catalog=None, query: str = "", domain: str = ""):
    """catalogue_search as a list, each course with its domains. A fixed number of queries."""
    courses = list(catalogue_search(catalog=catalog, query=query, domain=domain))
    prefetch_related_objects(courses, "domains")
    return courses


def _modules_by_course(courses: list[CoursePage]) -> dict[int, list[ModulePage]]:
    """Live modules of many courses in one query, grouped by course and in order."""
    if not courses:
        return {}
    by_path = {c.path: c.pk for c in courses}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    result: dict[int, list[ModulePage]] = {c.pk: [] for c in courses}
    for module in ModulePage.objects.live().filter(condition).defer("body").order_by("path"):
        result[by_path[module.path[: -ModulePage.steplen]]].append(module)
    return result


@dataclass
class EnrollmentRow:
    enrollment: Enrollment
    course: CoursePage
    modules: list[ModulePage]
    done_ids: set[int]
    last_activity: datetime

    @property
    def done_count(self) -> int:
        return sum(1 for m in self.modules if m.pk in self.done_ids)

    @property
    def total(self) -> int:
        return len(self.modules)

    @property
    def percent(self) -> int:
        if self.enrollment.status == Enrollment.Status.COMPLETED:
            return 100
        return _percent(self.done_count, self.total)

    @property
    def is_completed(self) -> bool:
        return self.enrollment.status == Enrollment.Status.COMPLETED

    @property
    def states(self) -> dict[int, str]:
        return module_states(modules=self.modules, done_ids=self.done_ids, enrolled=True)

    @property
    def next_module(self) -> ModulePage | None:
        states = self.states
        return next((m for m in self.modules if states[m.pk] == OPEN), None)


@dataclass
class Progress:
    """A trainee's learning: enrolments with progress, hours per domain (every domain), the next step."""

    enrollments: list[EnrollmentRow]
    hours_by_domain: list[tuple[CompetencyDomain, Decimal]]
    total_hours: Decimal = field(default=Decimal("0"))
    activity_hours: Decimal = field(default=Decimal("0"))  # of the total, from practice activities

    @property
    def active(self) -> list[EnrollmentRow]:
        return [row for row in self.enrollments if not row.is_completed]

    @property
    def completed(self) -> list[EnrollmentRow]:
        return [row for row in self.enrollments if row.is_completed]

    @property
    def next_step(self) -> tuple[EnrollmentRow, ModulePage] | None:
        """The next open module of the most recently active course still in progress."""
        for row in sorted(self.active, key=lambda r: r.last_activity, reverse=True):
            module = row.next_module
            if module is not None:
                return row, module
        return None


def progress_for(*, user) -> Progress:
    """Everything the dashboard and /me/progress show, in a constant number of queries."""
    enrollments = list(
        Enrollment.objects.active().filter(user=user).select_related("course").order_by("-enrolled_at", "-pk")
    )
    courses = [e.course for e in enrollments]
    modules = _modules_by_course(courses)
    done: dict[int, set[int]] = defaultdict(set)
    last: dict[int, datetime] = {}
    rows = ModuleProgress.objects.filter(enrollment__in=[e.pk for e in enrollments]).values_list(
        "enrollment_id", "module_id", "completed_at"
    )
    for enrollment_id, module_id, completed_at in rows:
        done[enrollment_id].add(module_id)
        if enrollment_id not in last or completed_at > last[enrollment_id]:
            last[enrollment_id] = completed_at
    result = [
        EnrollmentRow(
            enrollment=e,
            course=e.course,
            modules=modules.get(e.course_id, []),
            done_ids=done[e.pk],
            last_activity=max(e.enrolled_at, last.get(e.pk, e.enrolled_at)),
        )
        for e in enrollments
    ]
    hours, from_activities = hours_by_domain_with_activities(user=user)
    return Progress(
        enrollments=result,
        hours_by_domain=hours,
        total_hours=sum((h for _, h in hours), Decimal("0")),
        activity_hours=from_activities,
    )
