"""Importing historical hours from another system as CSV: every row checked with the same rules as a
new entry; any error means nothing is saved and the report lists every bad row."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.csvimport import ImportReport, Rollback, emails_in, read_csv
from certificates.permissions import require_program_admin
from certificates.programs.transfer import ERR_UNKNOWN_DOMAIN
from certificates.validation import clean, parse_date, parse_decimal
from courses.models import CompetencyDomain
from lms.audit import audit_record
from lms.errors import Invalid
from lms.models import User
from lms.timezones import local_today

from .models import PracticeLog
from .services import approval_record, is_duplicate, validate_direct, validate_entry

HOURS_CSV_COLUMNS = ["trainee_email", "date", "hours", "kind", "supervisor_email"]
HOURS_CSV_OPTIONAL = ["domain", "setting", "description", "status", "directly_supervised", "approved_on"]
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


def practice_logs_import_csv(*, actor, data: bytes | str) -> ImportReport:
    """Import historical hours (migrations from another system). Columns: trainee_email, date
    (YYYY-MM-DD), hours, kind (practice/supervision), supervisor_email, and optionally domain (slug),
    setting, description, status (approved/pending; default approved, already signed off elsewhere),
    directly_supervised (yes/no; practice only; on an approved row it counts as confirmed) and
    approved_on (the date it was signed off in the other system; default today). Every row is checked with the same rules as a new entry; any error means nothing is saved and the
    report lists every bad row."""
    require_program_admin(actor)
    rows = read_csv(data, HOURS_CSV_COLUMNS)
    report = ImportReport()
    users = {
        u.email.lower(): u
        for u in User.objects.filter(email__in=emails_in(rows, ("trainee_email", "supervisor_email")))
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
                raise Rollback
            audit_record(actor=actor, action="practice_log.imported", details={"rows": report.created})
    except Rollback:
        report.created = 0
    return report


def _import_hours_row(*, actor, row, users, domains, now):
    trainee = users.get(row.get("trainee_email", "").lower())
    if trainee is None:
        raise Invalid(_("Unknown trainee email."))
    supervisor = users.get(row.get("supervisor_email", "").lower())
    if supervisor is None:
        raise Invalid(_("Unknown supervisor email."))
    entry_date = parse_date(row.get("date"), "date")
    hours = parse_decimal(row.get("hours"), "hours")
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
    direct_text = (row.get("directly_supervised") or "").lower()
    if direct_text not in YES | NO:
        raise Invalid(_("directly_supervised: use yes or no."))
    directly_supervised = direct_text in YES
    validate_direct(kind=kind, directly_supervised=directly_supervised)
    approved_on = None
    if row.get("approved_on"):
        if status != PracticeLog.Status.APPROVED:
            raise Invalid(_("approved_on: only for approved rows."))
        approved_on = parse_date(row["approved_on"], "approved_on")
        if approved_on < entry_date or approved_on > local_today(trainee):
            raise Invalid(_("approved_on: between the date of the work and today."))
    # Rows already saved in this import count toward the day total, so the 24-hour rule holds.
    validate_entry(trainee=trainee, entry_date=entry_date, hours=hours, supervisor=supervisor)
    entry = PracticeLog(
        trainee=trainee,
        date=entry_date,
        hours=hours,
        kind=kind,
        domain=domain,
        setting=row.get("setting", ""),
        description=row.get("description", ""),
        supervisor=supervisor,
        directly_supervised=directly_supervised,
        status=status,
        source=PracticeLog.Source.IMPORTED,
        possible_duplicate=is_duplicate(trainee=trainee, entry_date=entry_date, hours=hours, kind=kind),
    )
    if status == PracticeLog.Status.APPROVED:
        entry.decided_by = actor
        entry.decided_at = now
        entry.decision_reason = _("Imported")
        entry.direct_supervision_confirmed = True if directly_supervised else None
    clean(entry)
    entry.save()
    if status == PracticeLog.Status.APPROVED:
        approval = approval_record(entry=entry, actor=actor, now=now, directly_supervised=directly_supervised)
        if approved_on is not None:
            approval.approved_on = approved_on
            approval.save(update_fields=["approved_on"])
