"""API schemas for what a person attests about themselves (date of birth, education) and their own
profile. Only the owner's own endpoints use these: a date of birth appears nowhere else in the API."""

import datetime as dt

from ninja import Field, Schema


class BirthDateIn(Schema):
    date_of_birth: dt.date
    typed_name: str = Field(..., max_length=200)


class EducationIn(Schema):
    level: str = Field(..., description="none, high_school, associate, bachelor, master or doctorate.")
    typed_name: str = Field(..., max_length=200)


class BirthDateOwnOut(Schema):
    """The owner's own date of birth: the only schema that carries it."""

    date_of_birth: dt.date | None = Field(
        ..., description="Null only if the stored date cannot be decrypted: contact an administrator."
    )
    attested_at: dt.datetime
    attested_on: dt.date


class EducationOwnOut(Schema):
    level: str
    level_label: str
    attested_at: dt.datetime
    attested_on: dt.date


class ApplicantDetailsOut(Schema):
    birth_date: BirthDateOwnOut | None
    education: EducationOwnOut | None


class ProfileOut(Schema):
    email: str
    full_name: str
    preferred_name: str
    time_zone: str = Field(..., description='Your IANA time zone; "" means the site\'s.')
    effective_time_zone: str = Field(..., description="The time zone your dates are in.")


class ProfilePatchIn(Schema):
    preferred_name: str | None = Field(None, max_length=100)
    time_zone: str | None = Field(
        None, max_length=64, description='An IANA time zone such as "America/Chicago"; "" for the site\'s.'
    )
