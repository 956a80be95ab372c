"""Writes for enrolment and progress. Gating is enforced here, so no URL or API call can bypass it."""

from decimal import Decimal

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.audit import audit_record
from lms.errors import Conflict, DomainError, Forbidden, NotFound
from lms.timezones import local_date

from . import selectors
from .journal import selectors as journal_selectors
from .models import CoursePage, Enrollment, ModulePage, ModuleProgress

ERR_COURSE_NOT_AVAILABLE = gettext_noop("This course is not available.")
ERR_ALREADY_ENROLLED = gettext_noop("You are already enrolled in this course.")
ERR_PREREQUISITES = gettext_noop("Finish these courses first: {names}.")
ERR_NOT_ENROLLED = gettext_noop("Enrol in the course first.")
ERR_MODULE_LOCKED = gettext_noop("Finish the previous module first.")
ERR_MODULE_NEEDS_ASSESSMENT = gettext_noop("This module is completed by passing its assessment.")
ERR_MODULE_ALREADY_DONE = gettext_noop("You have already completed this module.")
ERR_REFLECTION_REQUIRED = gettext_noop(
    "Write your reflection for “{module}” before completing this module: answer its “Pause and "
    "reflect” prompt in the box under it and save it."
)


def _module_has_assessment(module: ModulePage) -> bool:
    try:
        Assessment = apps.get_model("assessments", "Assessment")
    except LookupError:
        return False
    return Assessment.objects.filter(module=module).exists()


def _module_quiz_passed(*, user, module: ModulePage) -> bool:
    try:
        Attempt = apps.get_model("assessments", "Attempt")
    except LookupError:
        return False
    return Attempt.objects.filter(
        user=user, assessment__module=module, status=Attempt.Status.RELEASED, passed=True
    ).exists()


@transaction.atomic
def enrollment_create(*, user, course: CoursePage) -> Enrollment:
    if not course.live:
        raise NotFound(_(ERR_COURSE_NOT_AVAILABLE))
    missing = selectors.missing_prerequisites(user=user, course=course)
    if missing:
        raise Forbidden(
            _(ERR_PREREQUISITES).format(names=", ".join(p.title for p in missing)), code="prerequisites"
        )
    existing = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
    if existing is not None:
        if existing.status != Enrollment.Status.WITHDRAWN:
            raise Conflict(_(ERR_ALREADY_ENROLLED), code="already_enrolled")
        existing.status = Enrollment.Status.ACTIVE
        existing.save(update_fields=["status"])
        audit_record(actor=user, action="enrollment.reactivated", target=existing, subject=user)
        return existing
    enrollment = Enrollment(user=user, course=course)
    enrollment.full_clean()
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        raise Conflict(_(ERR_ALREADY_ENROLLED), code="already_enrolled")
    audit_record(actor=user, action="enrollment.created", target=enrollment, subject=user)
    return enrollment


@transaction.atomic
def module_complete(*, user, module: ModulePage, via_assessment: bool = False) -> ModuleProgress:
    """Mark a module complete and credit its hours. Modules with an assessment are completed only by
    the assessments app when the trainee passes (`via_assessment=True`)."""
    if not module.live:
        raise NotFound(_(ERR_COURSE_NOT_AVAILABLE))
    course = module.get_parent().specific
    enrollment = Enrollment.objects.select_for_update().active().filter(user=user, course=course).first()
    if enrollment is None:
        raise Forbidden(_(ERR_NOT_ENROLLED), code="not_enrolled")
    if not selectors.module_is_unlocked(user=user, module=module):
        raise Forbidden(_(ERR_MODULE_LOCKED), code="module_locked")
    if not via_assessment and _module_has_assessment(module):
        raise Forbidden(_(ERR_MODULE_NEEDS_ASSESSMENT), code="assessment_required")
    existing = ModuleProgress.objects.filter(enrollment=enrollment, module=module).first()
    if existing is not None:
        if via_assessment:
            return existing
        raise Conflict(_(ERR_MODULE_ALREADY_DONE), code="already_completed")
    # The same rule whichever way the module is completed: a quiz passed before the reflection is written
    # completes the module once it is (module_complete_after_reflection, from courses.journal).
    if module.requires_reflection and journal_selectors.missing_reflections(user=user, module=module):
        raise Forbidden(_(ERR_REFLECTION_REQUIRED).format(module=module.title), code="reflection_required")
    now = timezone.now()
    progress = ModuleProgress(
        enrollment=enrollment,
        module=module,
        completed_at=now,
        completed_on=local_date(user, now),
        delivery_mode=module.delivery_mode,
        revision=module.live_revision,
        hours_credited=module.training_hours or Decimal("0"),
        domain=module.domain,
    )
    progress.full_clean()
    progress.save()
    audit_record(
        actor=user,
        action="module.completed",
        target=module,
        subject=user,
        details={"hours": str(progress.hours_credited), "revision": module.live_revision_id},
    )
    enrollment_refresh_completion(enrollment=enrollment)
    return progress


def module_complete_after_reflection(*, user, module: ModulePage) -> ModuleProgress | None:
    """A module that requires a reflection and is completed by its quiz: when the trainee passed the quiz
    before writing every reflection (module_complete refused then), it completes once they have.
    Nothing happens otherwise (no quiz, not passed, already done, a reflection still missing)."""
    if not _module_quiz_passed(user=user, module=module):
        return None
    if ModuleProgress.objects.filter(enrollment__user=user, module=module).exists():
        return None
    try:
        return module_complete(user=user, module=module, via_assessment=True)
    except DomainError:
        return None


def _final_exam_passed(*, user, course) -> bool:
    """True when the course has no final exam, or the user has passed it."""
    try:
        from assessments.selectors import final_exam_status
    except ImportError:
        return True
    return final_exam_status(user=user, course=course) in ("none", "passed")


@transaction.atomic
def enrollment_refresh_completion(*, enrollment: Enrollment) -> Enrollment:
    """Complete the enrolment once every live module is done and any final exam is passed. Called after
    each module completion and by the assessments app after a final exam is passed."""
    if enrollment.status == Enrollment.Status.COMPLETED:
        return enrollment
    module_ids = set(selectors.course_modules(course=enrollment.course).values_list("pk", flat=True))
    done = selectors.completed_module_ids(enrollment=enrollment)
    if (
        module_ids
        and module_ids <= done
        and _final_exam_passed(user=enrollment.user, course=enrollment.course)
    ):
        enrollment.status = Enrollment.Status.COMPLETED
        enrollment.completed_at = timezone.now()
        enrollment.completed_on = local_date(enrollment.user, enrollment.completed_at)
        enrollment.save(update_fields=["status", "completed_at", "completed_on"])
        audit_record(
            actor=enrollment.user,
            action="course.completed",
            target=enrollment.course,
            subject=enrollment.user,
        )
    return enrollment
