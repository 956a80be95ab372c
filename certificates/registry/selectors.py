"""Reads for the public registry: employers look a person up by name (and state), as they do in the
state boards' registries. Only holders who opted in are ever found, and a row shows exactly what the
verification page shows of a certificate (name, credential, status, dates, code): never an email
address, never recovery or health data.

A search is one COUNT and one page of rows (25), whatever the number of matches: the rows are read
with the verification look-up's public columns (lookup.PUBLIC_COLUMNS), the program's name and state
joined in the same query."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from certificates.issuing.selectors.lookup import PUBLIC_COLUMNS, RECORD_FIELDS
from certificates.issuing.selectors.verification import Verification, verification_from_record
from certificates.models import Certificate, RegistryListing
from certificates.programs import jurisdictions
from lms.errors import Invalid
from lms.search import search_text

PER_PAGE = 25
NAME_MIN = 2
NAME_MAX = 100
# More words than a name has are ignored (each word is one more condition in the query).
MAX_WORDS = 6

ERR_NAME_REQUIRED = _("Type the name of the person you are looking for.")
ERR_NAME_TOO_SHORT = _("Type at least 2 letters of the person's name.")
ERR_NAME_TOO_LONG = _("A name has at most 100 characters.")
ERR_UNKNOWN_STATE = _("Choose a state from the list, or all states.")

# In the register (issued, then perhaps suspended or revoked): never one being issued or not issued.
LISTED_STATUSES = (Certificate.Status.ISSUED, Certificate.Status.SUSPENDED, Certificate.Status.REVOKED)


@dataclass(frozen=True)
class RegistryQuery:
    name: str
    words: tuple[str, ...]
    state: str


@dataclass(frozen=True)
class RegistryRow:
    """One certificate as the registry shows it: the public record and the program's state."""

    record: Verification
    state: str

    @property
    def state_name(self) -> str:
        return dict(jurisdictions.US_STATES).get(self.state, "")


def registry_query(*, name, state=None) -> RegistryQuery:
    """The search as typed, checked: Invalid naming the field for a missing, too short or too long
    name or an unknown state. Control characters (a NUL) are dropped, not refused."""
    raw = str(name or "")
    if len(raw.strip()) > NAME_MAX:
        raise Invalid(str(ERR_NAME_TOO_LONG), code="invalid", field="name")
    text = search_text(raw, max_length=NAME_MAX)
    if not text:
        raise Invalid(str(ERR_NAME_REQUIRED), code="required", field="name")
    if len(text) < NAME_MIN:
        raise Invalid(str(ERR_NAME_TOO_SHORT), code="invalid", field="name")
    code = search_text(state, max_length=NAME_MAX).upper()
    if code and not jurisdictions.is_known(code):
        raise Invalid(str(ERR_UNKNOWN_STATE), code="invalid", field="state")
    return RegistryQuery(name=text, words=tuple(text.split()[:MAX_WORDS]), state=code)


def registry_search(query: RegistryQuery):
    """The matching certificates of opted-in holders, as rows of public columns (a queryset: the
    caller pages it). Each word of the name starts a word of the holder's full name, in any case:
    "lee" finds Jordan Lee, "jor le" too; "ee" does not. A certificate replaced by an issued renewal
    is left out (the renewal is listed)."""
    certificates = Certificate.objects.filter(
        status__in=LISTED_STATUSES,
        holder__in=RegistryListing.objects.values("user_id"),
    ).exclude(replaced_by__status__in=LISTED_STATUSES)
    for word in query.words:
        certificates = certificates.filter(
            Q(holder__full_name__istartswith=word) | Q(holder__full_name__icontains=f" {word}")
        )
    if query.state:
        certificates = certificates.filter(version__program__jurisdiction=query.state)
    return (
        certificates.annotate(**PUBLIC_COLUMNS, state=F("version__program__jurisdiction"))
        .order_by("holder__full_name", "holder_id", "-issued_on", "pk")
        .values(*RECORD_FIELDS, *PUBLIC_COLUMNS, "state")
    )


def registry_rows(records) -> list[RegistryRow]:
    """A page of `registry_search` rows as the public records they are (no query)."""
    rows = []
    for record in records:
        record = dict(record)
        state = record.pop("state") or ""
        rows.append(RegistryRow(record=verification_from_record(record), state=state))
    return rows


def with_holder_listed(certificates):
    """The certificates queryset with `holder_listed`: whether the holder is in the public registry,
    read in the same query (the holder's page stays within its query budget)."""
    return certificates.annotate(
        holder_listed=Exists(RegistryListing.objects.filter(user_id=OuterRef("holder_id")))
    )
