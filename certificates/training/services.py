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
from courses.models import CompetencyDomain, DeliveryMode
from lms.audit import audit_record
from lms.errors import Invalid
from lms.models import User
from lms.timezones import local_date, local_today

from .models import ExternalTraining, ExternalTrainingHours

ERR_FUTURE_DATE = gettext_noop("The date can't be in the future.")
ERR_HOURS_POSITIVE = gettext_noop("Enter more than zero hours.")
ERR_EXTERNAL_HOURS = gettext_noop("Give hours for at least one domain.")
ERR_DELIVERY_MODE = gettext_noop("delivery_mode: use self_paced, live_online or face_to_face.")


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
    delivery_mode: str = DeliveryMode.SELF_PACED,
) -> ExternalTraining:
    """Record training completed outside the LMS with hours per domain ({domain: hours}) and how it
    was delivered. Counted only where a requirement allows training taken elsewhere, and from the day
    it is recorded. Evidence goes to the private storage."""
    require_program_admin(actor)
    if completed_on > local_today(user):
        raise Invalid(_(ERR_FUTURE_DATE), field="completed_on")
    if delivery_mode not in DeliveryMode.values:
        raise Invalid(_(ERR_DELIVERY_MODE), field="delivery_mode")
    hours = {d: Decimal(h) for d, h in hours.items() if h not in (None, "")}
    now = timezone.now()
    if not hours or any(h <= 0 for h in hours.values()):
        raise Invalid(_(ERR_EXTERNAL_HOURS), field="hours")
    training = ExternalTraining(
        user=user,
        provider=provider,
        title=title,
        completed_on=completed_on,
        delivery_mode=delivery_mode,
        notes=notes or "",
        recorded_by=actor,
        recorded_at=now,
        recorded_on=local_date(user, now),
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
        details={"hours": {d.slug: str(h) for d, h in hours.items()}, "delivery": delivery_mode},
    )
    return training


EXTERNAL_CSV_COLUMNS = ["email", "provider", "title", "completed_on", "domain", "hours"]
EXTERNAL_CSV_OPTIONAL = ["delivery_mode"]


def external_training_import_csv(*, actor, data: bytes | str) -> ImportReport:
    """Import training taken elsewhere: one row per domain (email, provider, title, completed_on,
    domain, hours, and optionally delivery_mode: self_paced, live_online or face_to_face, default
    self_paced); rows with the same person, provider, title and date make one record. All or nothing,
    with every bad row reported."""
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
            if completed_on > local_today(user):
                raise Invalid(_(ERR_FUTURE_DATE))
            mode = (row.get("delivery_mode") or DeliveryMode.SELF_PACED).lower()
            if mode not in DeliveryMode.values:
                raise Invalid(_(ERR_DELIVERY_MODE))
            domain = domains.get(row["domain"])
            if domain is None:
                raise Invalid(_(ERR_UNKNOWN_DOMAIN).format(slug=row["domain"]))
            hours = parse_decimal(row["hours"], "hours")
            if hours <= 0:
                raise Invalid(_(ERR_HOURS_POSITIVE))
            key = (user.pk, row["provider"], row["title"], completed_on)
            group = groups.setdefault(key, {"user": user, "hours": {}, "mode": mode})
            if group["mode"] != mode:
                raise Invalid(_("The same training appears with two delivery modes."))
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
                delivery_mode=group["mode"],
            )
            report.created += 1
    return report
