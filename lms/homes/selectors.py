"""What each role's home shows (lms.homes.views), read in a constant number of queries whatever the
data's size: a section per role the person has, each built only from what that role may see.

- Trainee: the credential programs they work toward, or the live ones they can join; what to do when
  they have no course yet (the courses their program asks for).
- Instructor: the grading queue's counts and its oldest attempts to grade, and the courses they teach.
- Supervisor: hours waiting for their decision, per trainee they supervise.
- Program administrator: applications waiting for a decision, and each open program's cohort size.

Nothing here carries recovery or health information: no section reads it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import TaskState

from assessments.models import Attempt
from certificates.hours import selectors as hours_selectors
from certificates.issuing.models import CertificateApplication
from certificates.permissions import require_program_admin
from certificates.programs.models import CredentialProgram, ProgramEnrollment, ProgramVersion
from certificates.programs.requirements import Requirement
from courses.models import CoursePage, Enrollment
from lms import roles

# How many rows a section lists before "see all" (each section links to its full, paginated page).
PREVIEW = 5


# ---------------------------------------------------------------------------------------------------
# Trainee


@dataclass
class TraineePrograms:
    """The programs a trainee works toward, or (when none) the live programs they can join."""

    joined: list[CredentialProgram]
    offered: list[CredentialProgram]


def trainee_programs(*, user) -> TraineePrograms:
    """One query: every program the user works toward (whatever its state) and every live program
    (open to trainees, with a version in effect today, so joining cannot fail for want of one)."""
    mine = ProgramEnrollment.objects.filter(user=user, program=OuterRef("pk"))
    in_effect = ProgramVersion.objects.filter(
        program=OuterRef("pk"), effective_date__lte=timezone.localdate()
    )
    programs = list(
        CredentialProgram.objects.annotate(joined=Exists(mine), live=Exists(in_effect))
        .filter(Q(joined=True) | Q(is_active=True, live=True))
        .order_by("name", "pk")
    )
    joined = [p for p in programs if p.joined]
    return TraineePrograms(joined=joined, offered=[] if joined else programs)


def courses_to_start(*, user) -> list[CoursePage]:
    """The live courses the programs a trainee works toward ask for, that they have not enrolled in
    yet (one query). Empty when they work toward no program."""
    enrolled = Enrollment.objects.active().filter(user=user, course=OuterRef("course"))
    course_ids = (
        Requirement.objects.filter(version__enrollments__user=user, course__isnull=False)
        .annotate(enrolled=Exists(enrolled))
        .filter(enrolled=False)
        .values("course_id")
    )
    return list(CoursePage.objects.live().filter(pk__in=course_ids).order_by("path"))


@dataclass
class TraineeSummary:
    """The trainee's part of a staff member's home: a summary, with links to the full pages."""

    programs: TraineePrograms
    in_progress: int
    completed: int


def trainee_summary(*, user) -> TraineeSummary:
    counts = (
        Enrollment.objects.active()
        .filter(user=user)
        .aggregate(
            in_progress=Count("pk", filter=Q(status=Enrollment.Status.ACTIVE)),
            completed=Count("pk", filter=Q(status=Enrollment.Status.COMPLETED)),
        )
    )
    return TraineeSummary(programs=trainee_programs(user=user), **counts)


# ---------------------------------------------------------------------------------------------------
# Instructor


@dataclass
class TeachingSection:
    courses: list[CoursePage]
    to_grade: list[Attempt]
    to_grade_count: int = 0
    second_marking_count: int = 0
    to_release_count: int = 0


def _per_course(qs):
    """A count of `qs` rows for the outer course, as a correlated subquery (0 when none): counting
    through joins would multiply a course's attempts by its enrolments."""
    counted = qs.order_by().values("assessment__course").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def teaching_section(*, user) -> TeachingSection:
    """Two queries: the courses the user teaches with each one's grading-queue counts (the lists of
    assessments.selectors.grading: never the instructor's own attempts) and active trainees, and the
    oldest attempts waiting for a grade."""
    S = Attempt.Status
    attempts = Attempt.objects.filter(assessment__course=OuterRef("pk")).exclude(user=user)
    active = Enrollment.objects.filter(course=OuterRef("pk"), status=Enrollment.Status.ACTIVE)
    courses = list(
        CoursePage.objects.filter(instructors=user)
        .annotate(
            to_grade_count=_per_course(attempts.filter(status=S.AWAITING_GRADING)),
            second_marking_count=_per_course(
                attempts.filter(status=S.AWAITING_SECOND_MARKER).exclude(marker=user)
            ),
            to_release_count=_per_course(attempts.filter(status=S.GRADED)),
            trainees=Coalesce(
                Subquery(
                    active.order_by().values("course").annotate(n=Count("pk")).values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
        .order_by("title", "pk")
    )
    to_grade = list(
        Attempt.objects.filter(assessment__course__instructors=user, status=S.AWAITING_GRADING)
        .exclude(user=user)
        .select_related("assessment", "assessment__course", "user")
        .order_by("submitted_at", "pk")[:PREVIEW]
    )
    section = TeachingSection(courses=courses, to_grade=to_grade)
    for name in ("to_grade_count", "second_marking_count", "to_release_count"):
        setattr(section, name, sum(getattr(c, name) for c in courses))
    return section


# ---------------------------------------------------------------------------------------------------
# Supervisor


@dataclass
class SupervisionSection:
    pending: list[dict] = field(default_factory=list)  # {"trainee_id", "name", "count"}, most first

    @property
    def total(self) -> int:
        return sum(row["count"] for row in self.pending)


def supervision_section(*, supervisor) -> SupervisionSection:
    """One query: the supervisor's queue (hours.selectors.supervisor_queue_entries, its one definition)
    counted per trainee. Only trainees they currently supervise appear."""
    rows = (
        hours_selectors.supervisor_queue_entries(supervisor=supervisor)
        .order_by()
        .values("trainee_id", "trainee__full_name", "trainee__email")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "trainee__full_name", "trainee_id")
    )
    return SupervisionSection(
        pending=[
            {
                "trainee_id": r["trainee_id"],
                "name": r["trainee__full_name"] or r["trainee__email"],
                "count": r["count"],
            }
            for r in rows
        ]
    )


# ---------------------------------------------------------------------------------------------------
# Program administrator


@dataclass
class AdministrationSection:
    applications: list[CertificateApplication]
    applications_count: int
    programs: list[CredentialProgram]
    edits_to_review: int  # pages submitted for review to a group they are in (docs/editorial.md)


def edits_to_review(*, user) -> int:
    """Content edits waiting in a workflow task whose reviewers include a group of `user` (one query);
    they approve them in the Wagtail admin."""
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS, task__active=True, task__groupapprovaltask__groups__user=user
        )
        .values("pk")
        .distinct()
        .count()
    )


def administration_section(*, actor) -> AdministrationSection:
    """Three queries: the oldest and the count of the applications waiting for a decision, every
    program with the number of trainees working toward it (its cohort), and the content edits
    waiting for their review. Administrators only."""
    require_program_admin(actor)
    # The count of every waiting application rides on the first rows (a window is counted before LIMIT).
    applications = list(
        CertificateApplication.objects.filter(status=CertificateApplication.Status.SUBMITTED)
        .select_related("user", "program")
        .annotate(waiting=Window(Count("pk")))
        .order_by("submitted_at", "pk")[:PREVIEW]
    )
    count = applications[0].waiting if applications else 0
    programs = list(
        CredentialProgram.objects.annotate(cohort=Count("enrollments", distinct=True)).order_by(
            "-is_active", "name", "pk"
        )
    )
    return AdministrationSection(
        applications=applications,
        applications_count=count,
        programs=programs,
        edits_to_review=edits_to_review(user=actor),
    )


# ---------------------------------------------------------------------------------------------------
# The home


@dataclass
class Home:
    """A section per role the person has; None for the roles they do not have."""

    administration: AdministrationSection | None = None
    teaching: TeachingSection | None = None
    supervision: SupervisionSection | None = None
    trainee: TraineeSummary | None = None

    @property
    def sections(self) -> int:
        return sum(
            s is not None for s in (self.administration, self.teaching, self.supervision, self.trainee)
        )


def is_staff_home(user) -> bool:
    """People with a staff role get the staff home; trainees (and people with no role yet) get
    their learning dashboard."""
    return roles.is_program_admin(user) or roles.is_instructor(user) or roles.is_supervisor(user)


def home_for(*, user) -> Home:
    """The staff home: one section per role, in the order of their day's weight (administration,
    teaching, supervision, then their own learning)."""
    return Home(
        administration=administration_section(actor=user) if roles.is_program_admin(user) else None,
        teaching=teaching_section(user=user) if roles.is_instructor(user) else None,
        supervision=supervision_section(supervisor=user) if roles.is_supervisor(user) else None,
        trainee=trainee_summary(user=user) if roles.is_trainee(user) else None,
    )
