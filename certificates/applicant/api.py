"""/api/v1/ endpoints for a person's own details: what they attest about themselves (date of birth,
highest education, for programs that ask) and their profile (preferred name, time zone). Owner only:
nobody else can read a date of birth through the API; program administrators read it on the staff
page, audited."""

from django.conf import settings
from ninja import Router, Status
from ninja.security import django_auth

from certificates.schemas import ERRORS, ErrorOut
from lms.crypto.fields import readable
from lms.services import profile_update

from . import selectors, services
from .models import EducationLevel
from .schemas import (
    ApplicantDetailsOut,
    BirthDateIn,
    EducationIn,
    ProfileOut,
    ProfilePatchIn,
)

router = Router(tags=["certification"])


def _details_out(user) -> dict:
    birth = selectors.birth_date_own(user=user)
    education = selectors.education_own(user=user)
    return {
        "birth_date": {
            "date_of_birth": readable(birth.date_of_birth),
            "attested_at": birth.attested_at,
            "attested_on": birth.attested_on,
        }
        if birth
        else None,
        "education": {
            "level": education.level,
            "level_label": str(EducationLevel(education.level).label),
            "attested_at": education.attested_at,
            "attested_on": education.attested_on,
        }
        if education
        else None,
    }


def _profile_out(user) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_name": user.preferred_name,
        "time_zone": user.time_zone,
        "effective_time_zone": user.time_zone or settings.TIME_ZONE,
    }


@router.get("/me/details", response={200: ApplicantDetailsOut, 401: ErrorOut}, auth=django_auth)
def my_details(request):
    """Your own current date of birth and education attestations (null until you attest them)."""
    return _details_out(request.user)


@router.post("/me/details/date-of-birth", response={201: ApplicantDetailsOut, **ERRORS}, auth=django_auth)
def my_birth_date_attest(request, payload: BirthDateIn):
    """Attest your date of birth (type your full name as on your account); it replaces the last one."""
    services.birth_date_attest(
        user=request.user, date_of_birth=payload.date_of_birth, typed_name=payload.typed_name
    )
    return Status(201, _details_out(request.user))


@router.post("/me/details/education", response={201: ApplicantDetailsOut, **ERRORS}, auth=django_auth)
def my_education_attest(request, payload: EducationIn):
    """Attest the highest education you have completed; it replaces the last one."""
    services.education_attest(user=request.user, level=payload.level, typed_name=payload.typed_name)
    return Status(201, _details_out(request.user))


@router.get("/me/profile", response={200: ProfileOut, 401: ErrorOut}, auth=django_auth)
def my_profile(request):
    return _profile_out(request.user)


@router.patch("/me/profile", response={200: ProfileOut, **ERRORS}, auth=django_auth)
def my_profile_edit(request, payload: ProfilePatchIn):
    """Change your preferred name or time zone ("" or null: the site's). Dates already recorded keep
    the date they were recorded with."""
    return _profile_out(profile_update(user=request.user, **payload.dict(exclude_unset=True)))
