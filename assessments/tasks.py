"""Celery tasks: result notifications and the periodic housekeeping the release/time-limit rules need."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Attempt


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_result_released_email(attempt_id: int, updated: bool = False) -> bool:
    """Tell the trainee their result is available. Says only that a result is ready (and the pass
    decision); the details are behind login."""
    attempt = (
        Attempt.objects.select_related("assessment", "assessment__course", "user")
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None or attempt.status != Attempt.Status.RELEASED:
        return False
    context = {
        "attempt": attempt,
        "user": attempt.user,
        "updated": updated,
        "url": settings.SITE_URL + reverse("assessments:attempt_result", args=[attempt.pk]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("assessments/email/result_released_subject.txt", context).strip()
        body = render_to_string("assessments/email/result_released.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [attempt.user.email])
    return True


@shared_task
def release_due_results() -> int:
    from .services import release_due_results as release

    return release()


@shared_task
def finalise_expired_attempts() -> int:
    from .services import finalise_expired_attempts as finalise

    return finalise()
