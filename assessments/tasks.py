"""Result notifications (lms.notifications: in-app, and email through the outbox) and the periodic
housekeeping the release/time-limit rules need (Celery tasks)."""

from celery import shared_task
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from lms.i18n import override_for
from lms.notifications.models import Notification, NotificationKind
from lms.notifications.services import Email, notify
from lms.outbox.models import OutboxMessage

from .models import Attempt
from .selectors.translated import assessment_text


def result_released_notify(*, attempt: Attempt, updated: bool = False) -> None:
    """Tell the trainee their result is available: an in-app notification and, unless they chose none
    for results, an email through the outbox, both written in the caller's transaction (the release or
    regrade), the email sent once after commit. Says only that a result is ready (and the pass
    decision); the details are behind login. Each release or regrade is its own notification
    (<attempt>:<n>) and email (result-released:<attempt>:<n>, the key emails had before notifications)."""
    context = {
        "attempt": attempt,
        "user": attempt.user,
        "updated": updated,
        "url": settings.SITE_URL + reverse("assessments:attempt_result", args=[attempt.pk]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with override_for(attempt.user):
        # The assessment's title as the trainee reads it (selectors.translated: theirs, else English).
        context["title"] = assessment_text(assessment=attempt.assessment).title
        subject = render_to_string("assessments/email/result_released_subject.txt", context).strip()
        body = render_to_string("assessments/email/result_released.txt", context)
        if attempt.passed:
            text = translation.gettext("You passed.")
        elif attempt.must_pass_failed:  # the pass mark may well have been reached: not the reason
            text = translation.gettext(
                "You did not pass this time: part of your answer must reach a minimum level whatever the "
                "total score. Your result explains which."
            )
        else:
            text = translation.gettext(
                "You did not reach the pass mark this time; your feedback says what to work on."
            )
    prefix = f"result-released:{attempt.pk}:"
    # Earlier releases of this attempt: notifications, or emails from before notifications existed.
    number = 1 + max(
        Notification.objects.filter(
            user=attempt.user, kind=NotificationKind.RESULT_RELEASED, key__startswith=f"{attempt.pk}:"
        ).count(),
        OutboxMessage.objects.filter(key__startswith=prefix).count(),
    )
    notify(
        user=attempt.user,
        kind=NotificationKind.RESULT_RELEASED,
        key=f"{attempt.pk}:{number}",
        title=subject,
        body=text,
        link=reverse("assessments:attempt_result", args=[attempt.pk]),
        email=Email(subject=subject, body=body, key=f"{prefix}{number}"),
    )


@shared_task
def release_due_results() -> int:
    from .services import release_due_results as release

    return release()


@shared_task
def finalise_expired_attempts() -> int:
    from .services import finalise_expired_attempts as finalise

    return finalise()


@shared_task(name="assessments.tasks.send_result_released_email")
def send_result_released_email(attempt_id: int, updated: bool = False) -> None:
    """The task releases queued before the email outbox existed: a message still in the broker at
    upgrade time is turned into its outbox row (sent once) instead of being dropped as unregistered.
    Nothing queues it any more."""
    from django.db import transaction

    with transaction.atomic():
        attempt = Attempt.objects.select_related("user").filter(pk=attempt_id).first()
        if attempt is not None:
            result_released_notify(attempt=attempt, updated=updated)
