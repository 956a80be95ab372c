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

from .models import PracticeLog
from .services import is_duplicate, validate_entry

HOURS_CSV_COLUMNS = ["trainee_email", "date", "hours", "kind", "supervisor_email"]
HOURS_CSV_OPTIONAL = ["domain", "setting", "description", "status"]


def practice_logs_import_csv(*, actor, data: bytes | str) -> ImportReport:
    """Import historical hours (migrations from another system). Columns: trainee_email, date
    (YYYY-MM-DD), hours, kind (practice/supervision), supervisor_email, and optionally domain (slug),
    setting, description, status (approved/pending; default approved, already signed off elsewhere).
    Every row is checked with the same rules as a new entry; any error means nothing is saved and the
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
        status=status,
        source=PracticeLog.Source.IMPORTED,
        possible_duplicate=is_duplicate(trainee=trainee, entry_date=entry_date, hours=hours, kind=kind),
    )
    if status == PracticeLog.Status.APPROVED:
        entry.decided_by = actor
        entry.decided_at = now
        entry.decision_reason = _("Imported")
    clean(entry)
    entry.save()
