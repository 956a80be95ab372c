"""Writes for credential programs, hours, pledges, recovery attestations and training taken elsewhere.
Every write that matters is audited; audit details never hold recovery dates."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from courses.models import CompetencyDomain, CoursePage
from lms import roles
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid, NotFound
from lms.models import AuditEvent, User

from .models import (
    CredentialProgram,
    EthicsPledge,
    ExternalTraining,
    ExternalTrainingHours,
    PledgeSignature,
    PracticeLog,
    ProgramEnrollment,
    ProgramVersion,
    RecoveryAttestation,
    RenewalTopicMinimum,
    Requirement,
    SupervisorAssignment,
)

ERR_NOT_PROGRAM_ADMIN = gettext_noop("Only program administrators can do this.")
ERR_PROGRAM_CLOSED = gettext_noop("This program is not open to trainees.")
ERR_NO_VERSION = gettext_noop("This program has no version in effect yet.")
ERR_ALREADY_IN_PROGRAM = gettext_noop("You are already working toward this program.")
ERR_FUTURE_DATE = gettext_noop("The date can't be in the future.")
ERR_HOURS_POSITIVE = gettext_noop("Enter more than zero hours.")
ERR_DAY_LIMIT = gettext_noop(
    "That would make more than 24 hours on {date}: {logged} hours are already logged that day."
)
ERR_NOT_YOUR_SUPERVISOR = gettext_noop("Choose one of your supervisors.")
ERR_NOT_YOUR_ENTRY = gettext_noop("This entry is not yours.")
ERR_CANT_EDIT_WITHDRAWN = gettext_noop("A withdrawn entry can't be changed.")
ERR_ONLY_PENDING_WITHDRAW = gettext_noop("Only entries waiting for approval can be withdrawn.")
ERR_ONLY_PENDING_DECIDE = gettext_noop("This entry is not waiting for a decision.")
ERR_NOT_SUPERVISOR_OF = gettext_noop("You don't supervise this trainee.")
ERR_REASON_REQUIRED = gettext_noop("Give a reason when you don't approve an entry.")
ERR_NOTHING_SELECTED = gettext_noop("Select at least one entry.")
ERR_NOT_A_SUPERVISOR = gettext_noop("That person is not a supervisor.")
ERR_NOT_A_TRAINEE = gettext_noop("That person is not a trainee.")
ERR_SELF_SUPERVISION = gettext_noop("Nobody can supervise themselves.")
ERR_RECOVERY_DATE_FUTURE = gettext_noop("Your recovery start date can't be in the future.")
ERR_RECOVERY_DATE_OLD = gettext_noop("Please check the year of your recovery start date.")
ERR_STATEMENT_REQUIRED = gettext_noop("Please confirm the statement.")
ERR_TYPED_NAME = gettext_noop("Type your full name as it appears on your account ({name}).")
ERR_PLEDGE_SIGNED = gettext_noop("You have already signed this version of the code of ethics.")
ERR_PLEDGE_NOT_IN_EFFECT = gettext_noop("This version of the code of ethics is not in effect.")
ERR_CSV_HEADER = gettext_noop("The file must have these columns: {columns}.")
ERR_CSV_EMPTY = gettext_noop("The file has no rows.")
ERR_CSV_ENCODING = gettext_noop("Save the file as UTF-8 CSV and try again.")
ERR_IMPORT_FORMAT = gettext_noop("This is not a program definition file.")
ERR_UNKNOWN_COURSE = gettext_noop("Unknown course: {slug}.")
ERR_UNKNOWN_DOMAIN = gettext_noop("Unknown domain: {slug}.")
ERR_AMBIGUOUS_COURSE = gettext_noop("Several courses have the slug {slug}.")
ERR_PLEDGE_TEXT_LOCKED = gettext_noop(
    "Pledge {label} has signatures; publish a new version instead of changing its text."
)
ERR_EXTERNAL_HOURS = gettext_noop("Give hours for at least one domain.")

EXPORT_FORMAT = "peer-lms.program/1"

RECOVERY_STATEMENT = (
    "I attest that the recovery start date I have given is true to the best of my knowledge. I understand "
    "it is private: only I and the program's administrators can see it."
)


def _require_program_admin(actor):
    if not roles.is_program_admin(actor):
        raise Forbidden(_(ERR_NOT_PROGRAM_ADMIN))


def _clean(instance):
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise Invalid(_message(exc))


def _message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(
            f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v) for k, v in exc.message_dict.items()
        )
    return " ".join(exc.messages)


# --- Programs -------------------------------------------------------------------------------------


@transaction.atomic
def program_enroll(*, user, program: CredentialProgram, on: date | None = None) -> ProgramEnrollment:
    """Start working toward `program` under the version in effect today; that version stays the one
    the trainee is evaluated against."""
    if not program.is_active:
        raise Forbidden(_(ERR_PROGRAM_CLOSED))
    version = program.current_version(on=on)
    if version is None:
        raise Conflict(_(ERR_NO_VERSION), code="no_version")
    enrollment = ProgramEnrollment(user=user, program=program, version=version)
    _clean_enrollment(enrollment)
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        raise Conflict(_(ERR_ALREADY_IN_PROGRAM), code="already_enrolled")
    audit_record(
        actor=user,
        action="program.enrolled",
        target=enrollment,
        subject=user,
        details={"version": version.label},
    )
    return enrollment


def _clean_enrollment(enrollment):
    try:
        enrollment.full_clean(validate_constraints=False)
    except ValidationError as exc:
        raise Invalid(_message(exc))
    if ProgramEnrollment.objects.filter(user=enrollment.user, program=enrollment.program).exists():
        raise Conflict(_(ERR_ALREADY_IN_PROGRAM), code="already_enrolled")


def program_export(*, program: CredentialProgram) -> dict:
    """The program as JSON-ready data: courses and domains referenced by slug, so another site with the
    same slugs can import it."""
    versions = []
    for version in program.versions.order_by("effective_date", "pk"):
        versions.append(
            {
                "label": version.label,
                "effective_date": version.effective_date.isoformat(),
                "validity_months": version.validity_months,
                "grace_period_days": version.grace_period_days,
                "renewal_ce_hours": str(version.renewal_ce_hours),
                "renewal_cycle_months": version.renewal_cycle_months,
                "notes": version.notes,
                "requirements": [
                    {
                        "kind": r.kind,
                        "course": r.course.slug if r.course_id else None,
                        "domain": r.domain.slug if r.domain_id else None,
                        "hours": str(r.hours) if r.hours is not None else None,
                        "months": r.months,
                        "min_spread_months": r.min_spread_months,
                        "allow_external": r.allow_external,
                        "label": r.label,
                    }
                    for r in version.requirements.select_related("course", "domain").order_by(
                        "sort_order", "pk"
                    )
                ],
                "renewal_topic_minimums": [
                    {
                        "domain": m.domain.slug if m.domain_id else None,
                        "topic": m.topic,
                        "hours": str(m.hours),
                    }
                    for m in version.renewal_topic_minimums.select_related("domain").order_by(
                        "sort_order", "pk"
                    )
                ],
            }
        )
    return {
        "format": EXPORT_FORMAT,
        "slug": program.slug,
        "name": program.name,
        "issuing_body": program.issuing_body,
        "description": program.description,
        "is_active": program.is_active,
        "pledges": [
            {"version_label": p.version_label, "effective_date": p.effective_date.isoformat(), "text": p.text}
            for p in program.pledges.order_by("effective_date", "pk")
        ],
        "versions": versions,
    }


def _course_by_slug(slug):
    if not slug:
        return None
    matches = list(CoursePage.objects.filter(slug=slug)[:2])
    if not matches:
        raise Invalid(_(ERR_UNKNOWN_COURSE).format(slug=slug), field="course")
    if len(matches) > 1:
        raise Invalid(_(ERR_AMBIGUOUS_COURSE).format(slug=slug), field="course")
    return matches[0]


def _domain_by_slug(slug):
    if not slug:
        return None
    domain = CompetencyDomain.objects.filter(slug=slug).first()
    if domain is None:
        raise Invalid(_(ERR_UNKNOWN_DOMAIN).format(slug=slug), field="domain")
    return domain


def _date(value, name):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise Invalid(_("%(field)s: enter a date as YYYY-MM-DD.") % {"field": name}, field=name)


def _decimal(value, name, *, allow_none=False):
    if value is None and allow_none:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        raise Invalid(_("%(field)s: enter a number.") % {"field": name}, field=name)


@transaction.atomic
def program_import(*, data: dict, actor=None) -> CredentialProgram:
    """Create or update a program from `program_export` data. Versions are matched by label and their
    requirement rows replaced; pledges are matched by version label. All or nothing."""
    if actor is not None:
        _require_program_admin(actor)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not data.get("slug"):
        raise Invalid(_(ERR_IMPORT_FORMAT), code="bad_format")
    program = CredentialProgram.objects.filter(slug=data["slug"]).first() or CredentialProgram(
        slug=data["slug"]
    )
    created = program.pk is None
    for name in ("name", "issuing_body", "description"):
        if name in data:
            setattr(program, name, data[name] or "")
    if "is_active" in data:
        program.is_active = bool(data["is_active"])
    _clean(program)
    program.save()
    for item in data.get("pledges", []):
        _pledge_upsert(program=program, item=item)
    for item in data.get("versions", []):
        _version_upsert(program=program, item=item)
    audit_record(
        actor=actor,
        action="program.imported" if created else "program.updated",
        target=program,
        details={"versions": [v.get("label") for v in data.get("versions", [])]},
    )
    return program


def _pledge_upsert(*, program, item):
    label = str(item.get("version_label", ""))
    pledge = EthicsPledge.objects.filter(program=program, version_label=label).first()
    text = item.get("text", "")
    if pledge is not None and pledge.text != text and pledge.signatures.exists():
        raise Conflict(_(ERR_PLEDGE_TEXT_LOCKED).format(label=label), code="pledge_signed")
    pledge = pledge or EthicsPledge(program=program, version_label=label)
    pledge.text = text
    pledge.effective_date = _date(item.get("effective_date"), "effective_date")
    _clean(pledge)
    pledge.save()


def _version_upsert(*, program, item):
    label = str(item.get("label", ""))
    version = ProgramVersion.objects.filter(program=program, label=label).first() or ProgramVersion(
        program=program, label=label
    )
    version.effective_date = _date(item.get("effective_date"), "effective_date")
    for name in ("validity_months", "grace_period_days", "renewal_cycle_months"):
        if item.get(name) is not None:
            setattr(version, name, item[name])
    if item.get("renewal_ce_hours") is not None:
        version.renewal_ce_hours = _decimal(item["renewal_ce_hours"], "renewal_ce_hours")
    version.notes = item.get("notes", "") or ""
    _clean(version)
    version.save()
    version.requirements.all().delete()
    for order, row in enumerate(item.get("requirements", [])):
        req = Requirement(
            version=version,
            sort_order=order,
            kind=row.get("kind", ""),
            course=_course_by_slug(row.get("course")),
            domain=_domain_by_slug(row.get("domain")),
            hours=_decimal(row.get("hours"), "hours", allow_none=True),
            months=row.get("months"),
            min_spread_months=row.get("min_spread_months"),
            allow_external=bool(row.get("allow_external", False)),
            label=row.get("label", "") or "",
        )
        _clean(req)
        req.save()
    version.renewal_topic_minimums.all().delete()
    for order, row in enumerate(item.get("renewal_topic_minimums", [])):
        minimum = RenewalTopicMinimum(
            version=version,
            sort_order=order,
            domain=_domain_by_slug(row.get("domain")),
            topic=row.get("topic", "") or "",
            hours=_decimal(row.get("hours"), "hours"),
        )
        _clean(minimum)
        minimum.save()
    return version


@transaction.atomic
def program_update(*, actor, program: CredentialProgram, **fields) -> CredentialProgram:
    _require_program_admin(actor)
    allowed = {"name", "issuing_body", "description", "is_active"}
    for name, value in fields.items():
        if name in allowed and value is not None:
            setattr(program, name, value)
    _clean(program)
    program.save()
    audit_record(actor=actor, action="program.updated", target=program, details={"fields": sorted(fields)})
    return program


# --- Pledge ---------------------------------------------------------------------------------------


def _names_match(typed: str, full_name: str) -> bool:
    def norm(s):
        return " ".join(s.casefold().split())

    return bool(norm(typed)) and (not full_name or norm(typed) == norm(full_name))


@transaction.atomic
def pledge_sign(*, user, pledge: EthicsPledge, typed_name: str) -> PledgeSignature:
    current = pledge.program.current_pledge()
    if current is None or current.pk != pledge.pk:
        raise Conflict(_(ERR_PLEDGE_NOT_IN_EFFECT), code="pledge_not_current")
    if not _names_match(typed_name or "", user.full_name):
        raise Invalid(_(ERR_TYPED_NAME).format(name=user.full_name), field="typed_name")
    if PledgeSignature.objects.filter(user=user, pledge=pledge).exists():
        raise Conflict(_(ERR_PLEDGE_SIGNED), code="already_signed")
    signature = PledgeSignature(user=user, pledge=pledge, typed_name=typed_name.strip())
    _clean(signature)
    signature.save()
    audit_record(
        actor=user,
        action="pledge.signed",
        target=pledge,
        subject=user,
        details={"version": pledge.version_label},
    )
    return signature


# --- Recovery attestation -------------------------------------------------------------------------


@transaction.atomic
def recovery_attest(
    *, user, recovery_start_date: date, typed_name: str, confirmed: bool = True
) -> RecoveryAttestation:
    """Record the trainee's recovery start date. An earlier attestation is kept as history and marked
    superseded. The audit event says that it happened, never the date."""
    today = timezone.localdate()
    if not confirmed:
        raise Invalid(_(ERR_STATEMENT_REQUIRED), field="confirmed")
    if recovery_start_date > today:
        raise Invalid(_(ERR_RECOVERY_DATE_FUTURE), field="recovery_start_date")
    if recovery_start_date.year < 1900:
        raise Invalid(_(ERR_RECOVERY_DATE_OLD), field="recovery_start_date")
    if not _names_match(typed_name or "", user.full_name):
        raise Invalid(_(ERR_TYPED_NAME).format(name=user.full_name), field="typed_name")
    now = timezone.now()
    previous = list(RecoveryAttestation.objects.select_for_update().filter(user=user, is_current=True))
    RecoveryAttestation.objects.filter(pk__in=[p.pk for p in previous]).update(
        is_current=False, superseded_at=now
    )
    attestation = RecoveryAttestation(
        user=user,
        recovery_start_date=recovery_start_date,
        statement=RECOVERY_STATEMENT,
        typed_name=typed_name.strip(),
        attested_at=now,
        is_current=True,
    )
    _clean(attestation)
    attestation.save()
    audit_record(
        actor=user,
        action="recovery.attested",
        target=attestation,
        subject=user,
        details={"supersedes": [p.pk for p in previous]},
    )
    return attestation


def recovery_attestation_read_for_staff(*, actor, user) -> list[RecoveryAttestation]:
    """A program administrator's read of `user`'s recovery attestations (current first, then history).
    Audited every time; nobody else on staff may read them."""
    _require_program_admin(actor)
    rows = list(RecoveryAttestation.objects.filter(user=user).order_by("-is_current", "-attested_at", "-pk"))
    audit_record(
        actor=actor, action="recovery.read_by_staff", target=user, subject=user, details={"rows": len(rows)}
    )
    return rows


def recovery_status_reads_record(*, actor, users, context: str) -> None:
    """Audit that staff saw derived recovery status (met / not met) for many trainees at once, in one
    query (cohort page and CSV). Never the date."""
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                created_at=now,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                action="recovery.status_read_by_staff",
                subject=user,
                details={"context": context},
            )
            for user in users
        ]
    )


# --- Supervisors ----------------------------------------------------------------------------------


@transaction.atomic
def supervisor_assign(*, actor, supervisor, trainee) -> SupervisorAssignment:
    _require_program_admin(actor)
    if supervisor.pk == trainee.pk:
        raise Invalid(_(ERR_SELF_SUPERVISION))
    if not roles.is_supervisor(supervisor):
        raise Invalid(_(ERR_NOT_A_SUPERVISOR), field="supervisor")
    if not roles.is_trainee(trainee):
        raise Invalid(_(ERR_NOT_A_TRAINEE), field="trainee")
    assignment, created = SupervisorAssignment.objects.get_or_create(
        supervisor=supervisor, trainee=trainee, defaults={"assigned_by": actor}
    )
    if not created and not assignment.is_active:
        assignment.is_active = True
        assignment.assigned_by = actor
        assignment.assigned_at = timezone.now()
        assignment.save(update_fields=["is_active", "assigned_by", "assigned_at"])
    audit_record(actor=actor, action="supervisor.assigned", target=assignment, subject=trainee)
    return assignment


@transaction.atomic
def supervisor_unassign(*, actor, assignment: SupervisorAssignment) -> SupervisorAssignment:
    _require_program_admin(actor)
    assignment.is_active = False
    assignment.save(update_fields=["is_active"])
    audit_record(actor=actor, action="supervisor.unassigned", target=assignment, subject=assignment.trainee)
    return assignment


def _supervises(supervisor, trainee) -> bool:
    return SupervisorAssignment.objects.filter(
        supervisor=supervisor, trainee=trainee, is_active=True
    ).exists()


# --- Practice and supervision hours ---------------------------------------------------------------


def _validate_entry(
    *, trainee, entry_date: date, hours: Decimal, supervisor, exclude_pk=None, extra_day_hours=None
):
    """The rules every entry obeys, from the form, the API and the CSV import alike."""
    if entry_date > timezone.localdate():
        raise Invalid(_(ERR_FUTURE_DATE), field="date")
    if hours is None or hours <= 0:
        raise Invalid(_(ERR_HOURS_POSITIVE), field="hours")
    logged = PracticeLog.objects.counting_toward_day_total().filter(trainee=trainee, date=entry_date).exclude(
        pk=exclude_pk
    ).aggregate(total=Sum("hours"))["total"] or Decimal("0")
    logged += extra_day_hours or Decimal("0")
    if logged + hours > 24:
        raise Invalid(
            _(ERR_DAY_LIMIT).format(date=entry_date.isoformat(), logged=logged.normalize()), field="hours"
        )
    if supervisor is None or not _supervises(supervisor, trainee):
        raise Invalid(_(ERR_NOT_YOUR_SUPERVISOR), field="supervisor")


def _is_duplicate(*, trainee, entry_date, hours, kind, exclude_pk=None) -> bool:
    return (
        PracticeLog.objects.counting_toward_day_total()
        .filter(trainee=trainee, date=entry_date, hours=hours, kind=kind)
        .exclude(pk=exclude_pk)
        .exists()
    )


@transaction.atomic
def practice_log_create(
    *,
    trainee,
    date: date,
    hours: Decimal,
    kind: str,
    supervisor,
    domain=None,
    setting: str = "",
    description: str = "",
) -> PracticeLog:
    """Log hours for the supervisor's approval. An entry with the same date, hours and kind as another
    is accepted but flagged as a possible duplicate for the supervisor to check."""
    # Lock the trainee's row so two simultaneous entries can't both squeeze under 24 hours.
    User.objects.select_for_update().filter(pk=trainee.pk).first()
    hours = Decimal(hours)
    _validate_entry(trainee=trainee, entry_date=date, hours=hours, supervisor=supervisor)
    entry = PracticeLog(
        trainee=trainee,
        date=date,
        hours=hours,
        kind=kind,
        domain=domain,
        setting=setting or "",
        description=description or "",
        supervisor=supervisor,
        possible_duplicate=_is_duplicate(trainee=trainee, entry_date=date, hours=hours, kind=kind),
    )
    _clean(entry)
    entry.save()
    audit_record(
        actor=trainee,
        action="practice_log.created",
        target=entry,
        subject=trainee,
        details={"hours": str(entry.hours), "kind": entry.kind, "duplicate": entry.possible_duplicate},
    )
    return entry


EDITABLE_FIELDS = ("date", "hours", "kind", "domain", "setting", "description", "supervisor")


@transaction.atomic
def practice_log_update(*, actor, entry: PracticeLog, **changes) -> PracticeLog:
    """The trainee changes an entry. Any change to an approved or rejected entry sends it back to the
    supervisor (pending again)."""
    entry = PracticeLog.objects.select_for_update().get(pk=entry.pk)
    if entry.trainee_id != actor.pk:
        raise Forbidden(_(ERR_NOT_YOUR_ENTRY))
    if entry.status == PracticeLog.Status.WITHDRAWN:
        raise Conflict(_(ERR_CANT_EDIT_WITHDRAWN), code="withdrawn")
    changed = []
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS or value is None and name not in ("domain",):
            continue
        if name == "hours":
            value = Decimal(value)
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed.append(name)
    if not changed:
        return entry
    _validate_entry(
        trainee=entry.trainee,
        entry_date=entry.date,
        hours=entry.hours,
        supervisor=entry.supervisor,
        exclude_pk=entry.pk,
    )
    previous_status = entry.status
    entry.status = PracticeLog.Status.PENDING
    entry.decided_by = None
    entry.decided_at = None
    entry.decision_reason = ""
    entry.updated_at = timezone.now()
    entry.possible_duplicate = _is_duplicate(
        trainee=entry.trainee, entry_date=entry.date, hours=entry.hours, kind=entry.kind, exclude_pk=entry.pk
    )
    _clean(entry)
    entry.save()
    audit_record(
        actor=actor,
        action="practice_log.updated",
        target=entry,
        subject=entry.trainee,
        details={"fields": sorted(changed), "previous_status": previous_status},
    )
    return entry


@transaction.atomic
def practice_log_withdraw(*, actor, entry: PracticeLog) -> PracticeLog:
    entry = PracticeLog.objects.select_for_update().get(pk=entry.pk)
    if entry.trainee_id != actor.pk:
        raise Forbidden(_(ERR_NOT_YOUR_ENTRY))
    if entry.status != PracticeLog.Status.PENDING:
        raise Conflict(_(ERR_ONLY_PENDING_WITHDRAW), code="not_pending")
    entry.status = PracticeLog.Status.WITHDRAWN
    entry.updated_at = timezone.now()
    entry.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="practice_log.withdrawn", target=entry, subject=entry.trainee)
    return entry


def _decide(*, actor, entry: PracticeLog, approve: bool, reason: str, now) -> PracticeLog:
    if entry.supervisor_id != actor.pk or not _supervises(actor, entry.trainee):
        raise Forbidden(_(ERR_NOT_SUPERVISOR_OF))
    if entry.status != PracticeLog.Status.PENDING:
        raise Conflict(_(ERR_ONLY_PENDING_DECIDE), code="not_pending")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise Invalid(_(ERR_REASON_REQUIRED), field="reason")
    entry.status = PracticeLog.Status.APPROVED if approve else PracticeLog.Status.REJECTED
    entry.decided_by = actor
    entry.decided_at = now
    entry.decision_reason = reason
    entry.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit_record(
        actor=actor,
        action="practice_log.approved" if approve else "practice_log.rejected",
        target=entry,
        subject=entry.trainee,
        details={"hours": str(entry.hours), "kind": entry.kind},
    )
    return entry


@transaction.atomic
def practice_log_decide(*, actor, entry: PracticeLog, approve: bool, reason: str = "") -> PracticeLog:
    """The trainee's supervisor approves or rejects a pending entry (a reason is required to reject)."""
    entry = PracticeLog.objects.select_for_update().select_related("trainee").get(pk=entry.pk)
    return _decide(actor=actor, entry=entry, approve=approve, reason=reason, now=timezone.now())


@transaction.atomic
def practice_logs_decide_bulk(*, actor, entry_ids, approve: bool, reason: str = "") -> list[PracticeLog]:
    """Decide several entries at once; all or nothing (one entry the actor may not decide stops all)."""
    ids = sorted({int(i) for i in entry_ids})
    if not ids:
        raise Invalid(_(ERR_NOTHING_SELECTED), field="entries")
    entries = list(PracticeLog.objects.select_for_update().select_related("trainee").filter(pk__in=ids))
    if len(entries) != len(ids):
        raise NotFound(_("Some entries were not found."))
    now = timezone.now()
    return [_decide(actor=actor, entry=e, approve=approve, reason=reason, now=now) for e in entries]


# --- CSV imports ----------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """Outcome of a CSV import: `errors` is a list of (line number, message); when it is non-empty
    nothing was saved."""

    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Rollback(Exception):
    pass


def _read_csv(data: bytes | str, columns: list[str]) -> list[tuple[int, dict]]:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Invalid(_(ERR_CSV_ENCODING), code="encoding")
    reader = csv.DictReader(io.StringIO(data))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise Invalid(_(ERR_CSV_HEADER).format(columns=", ".join(columns)), code="csv_header")
    reader.fieldnames = header
    rows = [(i, {k: (v or "").strip() for k, v in row.items() if k}) for i, row in enumerate(reader, start=2)]
    if not rows:
        raise Invalid(_(ERR_CSV_EMPTY), code="csv_empty")
    return rows


HOURS_CSV_COLUMNS = ["trainee_email", "date", "hours", "kind", "supervisor_email"]
HOURS_CSV_OPTIONAL = ["domain", "setting", "description", "status"]


def practice_logs_import_csv(*, actor, data: bytes | str) -> ImportReport:
    """Import historical hours (migrations from another system). Columns: trainee_email, date
    (YYYY-MM-DD), hours, kind (practice/supervision), supervisor_email, and optionally domain (slug),
    setting, description, status (approved/pending; default approved, already signed off elsewhere).
    Every row is checked with the same rules as a new entry; any error means nothing is saved and the
    report lists every bad row."""
    _require_program_admin(actor)
    rows = _read_csv(data, HOURS_CSV_COLUMNS)
    report = ImportReport()
    users = {
        u.email.lower(): u
        for u in User.objects.filter(email__in=_emails(rows, ("trainee_email", "supervisor_email")))
    }
    domains = {d.slug: d for d in CompetencyDomain.objects.all()}
    try:
        with transaction.atomic():
            now = timezone.now()
            for line, row in rows:
                try:
                    _import_hours_row(actor=actor, row=row, users=users, domains=domains, now=now)
                    report.created += 1
                except Invalid as exc:
                    report.errors.append((line, exc.message))
            if report.errors:
                raise _Rollback
            audit_record(actor=actor, action="practice_log.imported", details={"rows": report.created})
    except _Rollback:
        report.created = 0
    return report


def _emails(rows, keys):
    return {row.get(k, "").lower() for _line, row in rows for k in keys if row.get(k)}


def _import_hours_row(*, actor, row, users, domains, now):
    trainee = users.get(row.get("trainee_email", "").lower())
    if trainee is None:
        raise Invalid(_("Unknown trainee email."))
    supervisor = users.get(row.get("supervisor_email", "").lower())
    if supervisor is None:
        raise Invalid(_("Unknown supervisor email."))
    entry_date = _date(row.get("date"), "date")
    hours = _decimal(row.get("hours"), "hours")
    kind = row.get("kind", "").lower()
    if kind not in PracticeLog.Kind.values:
        raise Invalid(_("kind: use practice or supervision."))
    domain = None
    if row.get("domain"):
        domain = domains.get(row["domain"])
        if domain is None:
            raise Invalid(_(ERR_UNKNOWN_DOMAIN).format(slug=row["domain"]))
    status = (row.get("status") or PracticeLog.Status.APPROVED).lower()
    if status not in (PracticeLog.Status.APPROVED, PracticeLog.Status.PENDING):
        raise Invalid(_("status: use approved or pending."))
    # Rows already saved in this import count toward the day total, so the 24-hour rule holds.
    _validate_entry(trainee=trainee, entry_date=entry_date, hours=hours, supervisor=supervisor)
    entry = PracticeLog(
        trainee=trainee,
        date=entry_date,
        hours=hours,
        kind=kind,
        domain=domain,
        setting=row.get("setting", ""),
        description=row.get("description", ""),
        supervisor=supervisor,
        status=status,
        source=PracticeLog.Source.IMPORTED,
        possible_duplicate=_is_duplicate(trainee=trainee, entry_date=entry_date, hours=hours, kind=kind),
    )
    if status == PracticeLog.Status.APPROVED:
        entry.decided_by = actor
        entry.decided_at = now
        entry.decision_reason = _("Imported")
    _clean(entry)
    entry.save()


# --- Training taken elsewhere ---------------------------------------------------------------------


@transaction.atomic
def external_training_record(
    *,
    actor,
    user,
    provider: str,
    title: str,
    completed_on: date,
    hours: dict,
    evidence=None,
    notes: str = "",
) -> ExternalTraining:
    """Record training completed outside the LMS with hours per domain ({domain: hours}). Counted only
    where a requirement allows training taken elsewhere. Evidence goes to the private storage."""
    _require_program_admin(actor)
    if completed_on > timezone.localdate():
        raise Invalid(_(ERR_FUTURE_DATE), field="completed_on")
    hours = {d: Decimal(h) for d, h in hours.items() if h not in (None, "")}
    if not hours or any(h <= 0 for h in hours.values()):
        raise Invalid(_(ERR_EXTERNAL_HOURS), field="hours")
    training = ExternalTraining(
        user=user,
        provider=provider,
        title=title,
        completed_on=completed_on,
        notes=notes or "",
        recorded_by=actor,
    )
    _clean(training)
    if evidence is not None:
        training.evidence.save(evidence.name, evidence, save=False)
    training.save()
    for domain, value in hours.items():
        row = ExternalTrainingHours(training=training, domain=domain, hours=value)
        _clean(row)
        row.save()
    audit_record(
        actor=actor,
        action="external_training.recorded",
        target=training,
        subject=user,
        details={"hours": {d.slug: str(h) for d, h in hours.items()}},
    )
    return training


EXTERNAL_CSV_COLUMNS = ["email", "provider", "title", "completed_on", "domain", "hours"]


def external_training_import_csv(*, actor, data: bytes | str) -> ImportReport:
    """Import training taken elsewhere: one row per domain (email, provider, title, completed_on,
    domain, hours); rows with the same person, provider, title and date make one record. All or
    nothing, with every bad row reported."""
    _require_program_admin(actor)
    rows = _read_csv(data, EXTERNAL_CSV_COLUMNS)
    report = ImportReport()
    users = {u.email.lower(): u for u in User.objects.filter(email__in=_emails(rows, ("email",)))}
    domains = {d.slug: d for d in CompetencyDomain.objects.all()}
    groups: dict[tuple, dict] = {}
    for line, row in rows:
        try:
            user = users.get(row["email"].lower())
            if user is None:
                raise Invalid(_("Unknown email."))
            if not row["provider"] or not row["title"]:
                raise Invalid(_("provider and title are required."))
            completed_on = _date(row["completed_on"], "completed_on")
            if completed_on > timezone.localdate():
                raise Invalid(_(ERR_FUTURE_DATE))
            domain = domains.get(row["domain"])
            if domain is None:
                raise Invalid(_(ERR_UNKNOWN_DOMAIN).format(slug=row["domain"]))
            hours = _decimal(row["hours"], "hours")
            if hours <= 0:
                raise Invalid(_(ERR_HOURS_POSITIVE))
            key = (user.pk, row["provider"], row["title"], completed_on)
            group = groups.setdefault(key, {"user": user, "hours": {}})
            if domain in group["hours"]:
                raise Invalid(_("This domain appears twice for the same training."))
            group["hours"][domain] = hours
        except Invalid as exc:
            report.errors.append((line, exc.message))
    if report.errors:
        return report
    with transaction.atomic():
        for (_uid, provider, title, completed_on), group in groups.items():
            external_training_record(
                actor=actor,
                user=group["user"],
                provider=provider,
                title=title,
                completed_on=completed_on,
                hours=group["hours"],
            )
            report.created += 1
    return report


def eligibility_read_for_staff(*, actor, user, version: ProgramVersion, on: date | None = None):
    """A program administrator's full view of one trainee's eligibility (recovery dates included when
    the program has a recovery requirement); the read is audited, without the date."""
    from .eligibility import eligibility_for

    _require_program_admin(actor)
    elig = eligibility_for(user=user, version=version, on=on)
    if any(r.is_sensitive for r in elig.results):
        audit_record(
            actor=actor,
            action="recovery.status_read_by_staff",
            target=version,
            subject=user,
            details={"context": "trainee eligibility"},
        )
    return elig
