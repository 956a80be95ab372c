"""The audit trail service. Every feature that changes something that matters, or lets staff read
sensitive data, records an event here."""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEvent


def audit_record(*, actor, action: str, target=None, subject=None, details: dict | None = None) -> AuditEvent:
    """Record that `actor` did `action` to `target` (any model instance, optional), concerning `subject`
    (a user, optional). `details` is JSON; never put sensitive values in it."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    event = AuditEvent(actor=actor, action=action, subject=subject, details=details or {})
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:255]
    event.save()
    return event


def audit_events_for(target):
    ct = ContentType.objects.get_for_model(target, for_concrete_model=False)
    return AuditEvent.objects.filter(target_type=ct, target_id=str(target.pk)).select_related("actor")
