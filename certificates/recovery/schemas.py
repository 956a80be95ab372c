"""API schemas for the owner's own recovery attestation: the only schemas that carry the date."""

import datetime as dt

from ninja import Field, Schema


class RecoveryAttestationIn(Schema):
    recovery_start_date: dt.date
    typed_name: str = Field(..., max_length=200)
    confirmed: bool


class RecoveryAttestationOut(Schema):
    """The owner's own attestation: the only schema that carries the date."""

    id: int
    recovery_start_date: dt.date | None = Field(
        ..., description="Null only if the stored date cannot be decrypted: contact an administrator."
    )
    attested_at: dt.datetime
    is_current: bool
    statement: str


class RecoveryOut(Schema):
    current: RecoveryAttestationOut | None
    history: list[RecoveryAttestationOut]
