"""What people are told about hours (through lms.notifications.notify, in the transaction of the write):
a supervisor, that an entry waits for their decision; a trainee, what their supervisor decided.

They say the hours, kind, date and decision (and a rejection's reason, the supervisor's words to the
trainee), never the trainee's description or setting: those are free text that can hold health
information, and an email leaves the site."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.i18n import in_recipients_language, override_for
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify

from .models import PracticeLog

# A decision on many entries at once is one notification per trainee, listing this many entries.
LISTED = 5


def _hours(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


def _line(entry: PracticeLog) -> str:
    return _("%(hours)s h of %(kind)s on %(date)s") % {
        "hours": _hours(entry.hours),
        "kind": entry.get_kind_display().lower(),
        "date": entry.date.isoformat(),
    }


@in_recipients_language(lambda entry, **kw: entry.supervisor)
def notify_entry_waiting(*, entry: PracticeLog, changed: bool = False) -> None:
    """Tell the entry's supervisor that it waits for their decision (logged, or changed and back in
    their queue). One notification per entry and version of it."""
    trainee = entry.trainee
    stamp = entry.updated_at if changed else entry.created_at
    title = (
        _("%(name)s changed hours for your decision")
        if changed
        else _("%(name)s logged hours for your decision")
    ) % {"name": trainee.get_full_name()}
    body = _line(entry) + "."
    if entry.directly_supervised:
        body += " " + _("Logged as directly supervised: confirm it or not when you decide.")
    if entry.possible_duplicate:
        body += " " + _("It looks like another entry with the same date and hours: check it.")
    notify(
        user=entry.supervisor,
        kind=NotificationKind.HOURS_LOGGED,
        key=f"{entry.pk}@{stamp.isoformat()}",
        title=title,
        body=body,
        link=reverse("certificates:queue") + f"?trainee={trainee.pk}",
    )


def notify_decisions(*, entries: list[PracticeLog], approve: bool, reason: str, decided_at) -> None:
    """Tell each trainee what was decided on their entries: one notification per trainee and decision
    (a bulk decision on 40 entries is one message, listing the first few)."""
    by_trainee: dict[int, list[PracticeLog]] = defaultdict(list)
    for entry in entries:
        by_trainee[entry.trainee_id].append(entry)
    for group in by_trainee.values():
        group.sort(key=lambda e: (e.date, e.pk))
        with override_for(group[0].trainee):
            _notify_decision(group=group, approve=approve, reason=reason, decided_at=decided_at)


def _notify_decision(*, group: list[PracticeLog], approve: bool, reason: str, decided_at) -> None:
    trainee = group[0].trainee
    total = _hours(sum((e.hours for e in group), Decimal("0")))
    count = len(group)
    if approve:
        title = ngettext(
            "Hours approved: %(hours)s h", "Hours approved: %(hours)s h in %(count)s entries", count
        ) % {"hours": total, "count": count}
    else:
        title = ngettext(
            "Hours not approved: %(hours)s h",
            "Hours not approved: %(hours)s h in %(count)s entries",
            count,
        ) % {"hours": total, "count": count}
    lines = [_line(e) for e in group[:LISTED]]
    if count > LISTED:
        lines.append(_("and %(count)s more") % {"count": count - LISTED})
    body = "; ".join(lines) + "."
    if not approve:
        body += "\n" + _("Reason: %(reason)s") % {"reason": reason}
        body += "\n" + _("You can change an entry and send it again.")
    notify(
        user=trainee,
        kind=NotificationKind.HOURS_DECIDED,
        key=f"{min(e.pk for e in group)}@{decided_at.isoformat()}",
        title=title,
        body=body,
        link=reverse("certificates:hours"),
    )
