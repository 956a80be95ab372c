"""/api/v1/ endpoints for the trainee's own recovery attestation. Nobody else can read it through the API."""

from ninja import Router, Status
from ninja.security import django_auth

from certificates.schemas import ERRORS, ErrorOut
from lms.crypto.fields import readable

from . import selectors, services
from .schemas import RecoveryAttestationIn, RecoveryOut

router = Router(tags=["certification"])


def _attestation_out(a):
    return {
        "id": a.pk,
        "recovery_start_date": readable(a.recovery_start_date),
        "attested_at": a.attested_at,
        "is_current": a.is_current,
        "statement": a.statement,
    }


@router.get("/recovery-attestation", response={200: RecoveryOut, 401: ErrorOut}, auth=django_auth)
def recovery_own(request):
    """Your own recovery attestation and its history. Nobody else can read it through the API."""
    history = list(selectors.recovery_history_own(user=request.user))
    current = next((a for a in history if a.is_current), None)
    return {
        "current": _attestation_out(current) if current else None,
        "history": [_attestation_out(a) for a in history],
    }


@router.post("/recovery-attestation", response={201: RecoveryOut, **ERRORS}, auth=django_auth)
def recovery_attest(request, payload: RecoveryAttestationIn):
    services.recovery_attest(
        user=request.user,
        recovery_start_date=payload.recovery_start_date,
        typed_name=payload.typed_name,
        confirmed=payload.confirmed,
    )
    return Status(201, recovery_own(request))
