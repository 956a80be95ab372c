"""Recording practice activities. A trainee records each activity once (a declined role-play may be
logged again); hours count only once a record is confirmed (docs/authoring.md, "honest hours")."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms import roles
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid, NotFound
from lms.timezones import local_date

from .. import selectors as course_selectors
from ..models import CoursePage, Enrollment
from . import notices
from .models import ActivityKind, ActivityRecord, ModuleActivity

ERR_NOT_AVAILABLE = gettext_noop("This activity is not available.")
ERR_WRONG_KIND = gettext_noop("This activity is not recorded that way.")
ERR_NOT_ENROLLED = gettext_noop("Enrol in the course first.")
ERR_MODULE_LOCKED = gettext_noop("Finish the previous module first.")
ERR_ALREADY_RECORDED = gettext_noop("You have already recorded this activity.")
ERR_TOO_SHORT = gettext_noop("Write at least {minimum} words (you wrote {count}).")
ERR_TOO_LONG = gettext_noop("Keep your reflection under {maximum} characters.")
ERR_PARTNER_SELF = gettext_noop("Your partner is someone else: enter their email address, not yours.")
ERR_PARTNER_UNKNOWN = gettext_noop(
    "No trainee or instructor of this course has that email address. Your partner needs an account and "
    "to be enrolled in this course (or to teach it)."
)
ERR_NOT_PARTNER = gettext_noop("Only the partner named in this role-play can confirm it.")
ERR_ALREADY_DECIDED = gettext_noop("This role-play has already been confirmed or declined.")
ERR_NOT_COURSE_STAFF = gettext_noop(
    "Only an instructor of this course or a program administrator can confirm attendance."
)
ERR_TRAINEE_NOT_ENROLLED = gettext_noop("This person is not enrolled in the course.")
ERR_ALREADY_CONFIRMED = gettext_noop("Attendance is already confirmed for this person.")

REFLECTION_MAX_CHARS = 20000


def word_count(text: str) -> int:
    return len(text.split())


def course_of(activity: ModuleActivity) -> CoursePage:
    module = activity.module
    return CoursePage.objects.get(path=module.path[: -module.steplen])


def _check(activity: ModuleActivity, kind: str) -> None:
    if not activity.module.live:
        raise NotFound(_(ERR_NOT_AVAILABLE), code="not_available")
    if activity.kind != kind:
        raise Invalid(_(ERR_WRONG_KIND), code="wrong_kind")


def _trainee_enrollment(*, user, activity: ModuleActivity) -> Enrollment:
    """The trainee's active enrolment, locked, once the module is open to them."""
    course = course_of(activity)
    enrollment = Enrollment.objects.select_for_update().active().filter(user=user, course=course).first()
    if enrollment is None:
        raise Forbidden(_(ERR_NOT_ENROLLED), code="not_enrolled")
    if not course_selectors.module_is_unlocked(user=user, module=activity.module):
        raise Forbidden(_(ERR_MODULE_LOCKED), code="module_locked")
    return enrollment


def _new_record(*, enrollment, activity, **fields) -> ActivityRecord:
    if ActivityRecord.objects.standing().filter(enrollment=enrollment, activity=activity).exists():
        raise Conflict(_(ERR_ALREADY_RECORDED), code="already_recorded")
    record = ActivityRecord(
        enrollment=enrollment,
        activity=activity,
        hours=activity.hours,
        domain_id=activity.module.domain_id,
        delivery_mode=activity.delivery_mode,
        **fields,
    )
    if record.status == ActivityRecord.Status.CONFIRMED:
        record.recorded_on = local_date(enrollment.user, record.confirmed_at)
    record.full_clean()
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise Conflict(_(ERR_ALREADY_RECORDED), code="already_recorded")
    return record


def _confirm(record: ActivityRecord, *, by, now) -> None:
    record.status = ActivityRecord.Status.CONFIRMED
    record.confirmed_by, record.confirmed_at = by, now
    record.recorded_on = local_date(record.enrollment.user, now)  # the trainee's date, not the confirmer's


def _confirmed(by, now) -> dict:
    """The fields of a record confirmed as it is made (its `recorded_on` is set by _new_record)."""
    return {
        "status": ActivityRecord.Status.CONFIRMED,
        "confirmed_by": by,
        "confirmed_at": now,
        "created_at": now,
    }


def _audit(actor, action: str, record: ActivityRecord) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=record,
        subject=record.enrollment.user,
        details={"activity": record.activity_id, "hours": str(record.hours), "status": record.status},
    )


@transaction.atomic
def reflection_record(*, user, activity: ModuleActivity, text: str) -> ActivityRecord:
    """The trainee's written reflection: its hours count at once."""
    _check(activity, ActivityKind.REFLECTION)
    enrollment = _trainee_enrollment(user=user, activity=activity)
    text = (text or "").strip()
    minimum = activity.min_words or 0
    if word_count(text) < minimum:
        raise Invalid(
            _(ERR_TOO_SHORT).format(minimum=minimum, count=word_count(text)), code="too_short", field="text"
        )
    if len(text) > REFLECTION_MAX_CHARS:
        raise Invalid(_(ERR_TOO_LONG).format(maximum=REFLECTION_MAX_CHARS), code="too_long", field="text")
    now = timezone.now()
    record = _new_record(enrollment=enrollment, activity=activity, reflection=text, **_confirmed(user, now))
    _audit(user, "activity.reflection_recorded", record)
    return record


def _partner(*, email: str, user, course: CoursePage):
    email = (email or "").strip()
    User = get_user_model()
    partner = User.objects.filter(email__iexact=email, is_active=True).first() if email else None
    if partner is not None and partner.pk == user.pk:
        raise Invalid(_(ERR_PARTNER_SELF), code="partner_self", field="partner_email")
    if partner is None or not (
        Enrollment.objects.active().filter(user=partner, course=course).exists()
        or course.instructors.filter(pk=partner.pk).exists()
    ):
        # One answer whether or not the address has an account: the form reveals no one's membership.
        raise Invalid(_(ERR_PARTNER_UNKNOWN), code="partner_unknown", field="partner_email")
    return partner


@transaction.atomic
def role_play_log(*, user, activity: ModuleActivity, partner_email: str) -> ActivityRecord:
    """The trainee says they did the role-play with `partner_email`; the hours count once the partner
    confirms (they are notified)."""
    _check(activity, ActivityKind.ROLE_PLAY)
    enrollment = _trainee_enrollment(user=user, activity=activity)
    partner = _partner(email=partner_email, user=user, course=enrollment.course)
    record = _new_record(enrollment=enrollment, activity=activity, partner=partner)
    _audit(user, "activity.role_play_logged", record)
    notices.notify_confirmation_requested(record=record)
    return record


def _pending_for_partner(*, user, record: ActivityRecord) -> ActivityRecord:
    locked = (
        ActivityRecord.objects.select_for_update()
        .select_related("enrollment__user", "activity")
        .get(pk=record.pk)
    )
    if locked.partner_id is None or locked.partner_id != user.pk:
        raise Forbidden(_(ERR_NOT_PARTNER), code="not_partner")
    if locked.status != ActivityRecord.Status.WAITING:
        raise Conflict(_(ERR_ALREADY_DECIDED), code="already_decided")
    return locked


@transaction.atomic
def role_play_confirm(*, user, record: ActivityRecord) -> ActivityRecord:
    """The partner confirms the role-play took place: the trainee's hours count from today (theirs)."""
    record = _pending_for_partner(user=user, record=record)
    _confirm(record, by=user, now=timezone.now())
    record.full_clean()
    record.save(update_fields=["status", "confirmed_by", "confirmed_at", "recorded_on"])
    _audit(user, "activity.role_play_confirmed", record)
    notices.notify_decided(record=record)
    return record


@transaction.atomic
def role_play_decline(*, user, record: ActivityRecord) -> ActivityRecord:
    """The partner says it did not take place as logged: no hours; the trainee may log it again."""
    record = _pending_for_partner(user=user, record=record)
    record.status = ActivityRecord.Status.DECLINED
    record.confirmed_by, record.confirmed_at = user, timezone.now()
    record.full_clean()
    record.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    _audit(user, "activity.role_play_declined", record)
    notices.notify_decided(record=record)
    return record


def can_confirm_attendance(*, user, course: CoursePage) -> bool:
    if roles.is_program_admin(user):
        return True
    return roles.is_instructor(user) and course.instructors.filter(pk=user.pk).exists()


@transaction.atomic
def attendance_confirm(*, actor, activity: ModuleActivity, trainee) -> ActivityRecord:
    """An instructor of the course (or a program administrator) confirms `trainee` attended: the hours
    count from today (the trainee's). The trainee needs an active enrolment, not to have read the module."""
    _check(activity, ActivityKind.ATTENDANCE)
    course = course_of(activity)
    if not can_confirm_attendance(user=actor, course=course):
        raise Forbidden(_(ERR_NOT_COURSE_STAFF), code="not_course_staff")
    enrollment = Enrollment.objects.select_for_update().active().filter(user=trainee, course=course).first()
    if enrollment is None:
        raise Invalid(_(ERR_TRAINEE_NOT_ENROLLED), code="not_enrolled", field="trainee")
    if ActivityRecord.objects.standing().filter(enrollment=enrollment, activity=activity).exists():
        raise Conflict(_(ERR_ALREADY_CONFIRMED), code="already_confirmed")
    record = _new_record(enrollment=enrollment, activity=activity, **_confirmed(actor, timezone.now()))
    _audit(actor, "activity.attendance_confirmed", record)
    notices.notify_decided(record=record)
    return record
