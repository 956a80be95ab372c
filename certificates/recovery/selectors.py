"""The owner's own reads of their recovery attestations. Staff reads go through
recovery.services.recovery_attestation_read_for_staff, which audits them."""

from __future__ import annotations

from .models import RecoveryAttestation


def recovery_attestation_own(*, user) -> RecoveryAttestation | None:
    if not user.is_authenticated:
        return None
    return RecoveryAttestation.objects.current().filter(user=user).first()


def recovery_history_own(*, user):
    if not user.is_authenticated:
        return RecoveryAttestation.objects.none()
    return RecoveryAttestation.objects.filter(user=user).order_by("-attested_at", "-pk")
