"""The applicant's own attestations (current one and history)."""

from .models import BirthDateAttestation, EducationAttestation


def birth_date_own(*, user) -> BirthDateAttestation | None:
    if not user.is_authenticated:
        return None
    return BirthDateAttestation.objects.current().filter(user=user).first()


def education_own(*, user) -> EducationAttestation | None:
    if not user.is_authenticated:
        return None
    return EducationAttestation.objects.current().filter(user=user).first()
