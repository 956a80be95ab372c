from datetime import date

from ninja import Field, Schema


class RegistryEntryOut(Schema):
    """One certificate of a holder who chose to be listed: nothing else about them."""

    holder_name: str
    credential: str
    state: str = Field(description="The program's US state (two letters); empty for a national credential.")
    status: str = Field(description="current, expired, suspended or revoked (as the verification page says).")
    status_label: str
    issued_on: date | None
    expires_on: date | None
    code: str
    verify_url: str


class RegistryPageOut(Schema):
    count: int
    page: int
    num_pages: int
    per_page: int
    results: list[RegistryEntryOut]
