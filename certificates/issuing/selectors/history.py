"""A certificate's history as program administrators read it: what happened in plain words (never the
audit trail's codes), who did it (or that the issuing service did), when, and the reason given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from lms.audit import audit_events_for

# Every audit action recorded with a certificate as its target (services.*, views.download).
EVENT_LABELS = {
    "certificate.issued": _("Issued: the signed PDF was made and sent to the holder"),
    "certificate.cancelled": _("Not issued: the holder no longer met the requirements at issue time"),
    "certificate.downloaded": _("Signed PDF downloaded by staff"),
    "certificate.suspended": _("Suspended"),
    "certificate.reinstated": _("Reinstated"),
    "certificate.revoked": _("Revoked"),
    "certificate.renewal_requested": _("Renewal requested"),
    "credential.published": _("Holder shared their digital badge at a private address"),
    "credential.unpublished": _("Sharing address stopped"),
}
OTHER_EVENT = _("Other change")
BY_THE_SYSTEM = _("the issuing service")

HISTORY_LIMIT = 50


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    what: str
    who: str
    reason: str
    by_system: bool


def event_label(action: str) -> str:
    return str(EVENT_LABELS.get(action, OTHER_EVENT))


def certificate_history(certificate: Certificate, *, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """Newest first, `limit` events, one query (the actor joined)."""
    events = audit_events_for(certificate).order_by("-created_at", "-pk")[:limit]
    return [
        HistoryEntry(
            when=event.created_at,
            what=event_label(event.action),
            who=(event.actor.get_full_name() or event.actor.email) if event.actor else str(BY_THE_SYSTEM),
            reason=str((event.details or {}).get("reason", "")),
            by_system=event.actor is None,
        )
        for event in events
    ]
