"""Writes for training taken outside the LMS: recorded singly by a program administrator (with
evidence in the private storage) or imported from CSV, all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.csvimport import ImportReport, emails_in, read_csv
from certificates.permissions import require_program_admin
from certificates.programs.transfer import ERR_UNKNOWN_DOMAIN
from certificates.validation import clean, parse_date, parse_decimal
from courses.models import CompetencyDomain
from lms.audit import audit_record
from lms.errors import Invalid
from lms.models import User

from .models import ExternalTraining, ExternalTrainingHours

ERR_FUTURE_DATE = gettext_noop("The date can't be in the future.")
ERR_HOURS_POSITIVE = gettext_noop("Enter more than zero hours.")
ERR_EXTERNAL_HOURS = gettext_noop("Give hours for at least one domain.")


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
    require_program_admin(actor)
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
    clean(training)
    if evidence is not None:
        training.evidence.save(evidence.name, evidence, save=False)
    training.save()
    for domain, value in hours.items():
        row = ExternalTrainingHours(training=training, domain=domain, hours=value)
        clean(row)
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
    require_program_admin(actor)
    rows = read_csv(data, EXTERNAL_CSV_COLUMNS)
    report = ImportReport()
    users = {u.email.lower(): u for u in User.objects.filter(email__in=emails_in(rows, ("email",)))}
    domains = {d.slug: d for d in CompetencyDomain.objects.all()}
    groups: dict[tuple, dict] = {}
    for line, row in rows:
        try:
            user = users.get(row["email"].lower())
            if user is None:
                raise Invalid(_("Unknown email."))
            if not row["provider"] or not row["title"]:
                raise Invalid(_("provider and title are required."))
            completed_on = parse_date(row["completed_on"], "completed_on")
            if completed_on > timezone.localdate():
                raise Invalid(_(ERR_FUTURE_DATE))
            domain = domains.get(row["domain"])
            if domain is None:
                raise Invalid(_(ERR_UNKNOWN_DOMAIN).format(slug=row["domain"]))
            hours = parse_decimal(row["hours"], "hours")
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
