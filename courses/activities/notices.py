"""What people are told about practice activities (through lms.notifications.notify, in the transaction
of the write): a partner, that a role-play waits for their confirmation; a trainee, what was decided.
They name the activity (in the recipient's language where translated), its hours and the people, never
a reflection's text."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from lms.i18n import in_recipients_language
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify

from .models import ActivityKind, ActivityRecord
from .selectors import shown_in_language


def _hours(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


@in_recipients_language(lambda record, **kw: record.partner)
def notify_confirmation_requested(*, record: ActivityRecord) -> None:
    trainee = record.enrollment.user
    notify(
        user=record.partner,
        kind=NotificationKind.ACTIVITY_CONFIRMATION_REQUESTED,
        key=str(record.pk),
        title=_("%(name)s asks you to confirm a role-play") % {"name": trainee.get_full_name()},
        body=_("“%(title)s” (%(hours)s h): confirm it if you took part, or decline it if you did not.")
        % {"title": shown_in_language(record.activity).title, "hours": _hours(record.hours)},
        link=reverse("courses:activity-confirm", args=[record.pk]),
    )


@in_recipients_language(lambda record, **kw: record.enrollment.user)
def notify_decided(*, record: ActivityRecord) -> None:
    """Tell the trainee their role-play was confirmed or declined, or their attendance confirmed."""
    activity = record.activity
    # The title in the recipient's language (in_recipients_language made it the active one).
    values = {"title": shown_in_language(activity).title, "hours": _hours(record.hours)}
    if record.status == ActivityRecord.Status.DECLINED:
        title = _("Role-play not confirmed: %(title)s") % values
        body = _("Your partner did not confirm it, so its hours do not count. You can log it again.")
    elif activity.kind == ActivityKind.ATTENDANCE:
        title = _("Attendance confirmed: %(title)s (%(hours)s h)") % values
        body = _("Its hours now count toward your training.")
    else:
        title = _("Role-play confirmed: %(title)s (%(hours)s h)") % values
        body = _("Its hours now count toward your training.")
    url = activity.module.get_url() or ""
    notify(
        user=record.enrollment.user,
        kind=NotificationKind.ACTIVITY_DECIDED,
        key=f"{record.pk}:{record.status}",
        title=title,
        body=body,
        link=url if url.startswith("/") and not url.startswith("//") else "",
    )
