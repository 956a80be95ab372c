"""The audit trail service. Every feature that changes something that matters, or lets staff read
sensitive data, records an event here."""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEvent


def _event(*, actor, action: str, target=None, subject=None, details: dict | None = None) -> AuditEvent:
    actor = actor if getattr(actor, "is_authenticated", False) else None
    event = AuditEvent(actor=actor, action=action, subject=subject, details=details or {})
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:255]
    return event


def audit_record(*, actor, action: str, target=None, subject=None, details: dict | None = None) -> AuditEvent:
    """Record that `actor` did `action` to `target` (any model instance, optional), concerning `subject`
    (a user, optional). `details` is JSON; never put sensitive values in it."""
    event = _event(actor=actor, action=action, target=target, subject=subject, details=details)
    event.save()
    return event


def audit_record_each(*, actor, action: str, targets, subject=None, details: dict | None = None) -> None:
    """audit_record for each of `targets`, one event each, written in one statement (a page that reads
    several programs' sensitive rows costs one query however many there are)."""
    events = [_event(actor=actor, action=action, target=t, subject=subject, details=details) for t in targets]
    if events:
        AuditEvent.objects.bulk_create(events)


def audit_events_for(target):
    ct = ContentType.objects.get_for_model(target, for_concrete_model=False)
    return AuditEvent.objects.filter(target_type=ct, target_id=str(target.pk)).select_related("actor")
