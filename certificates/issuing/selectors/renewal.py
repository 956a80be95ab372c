"""Renewal: whether a certificate can be renewed now, and the continuing education counted for it."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import CharField, F, Sum, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.eligibility import add_months, fmt_hours
from certificates.models import (
    Certificate,
    CertificateApplication,
    ExternalTraining,
    ProgramVersion,
)
from courses.models import Enrollment

from .verification import issued_renewal, today

ZERO = Decimal("0")


@dataclass
class TopicProgress:
    label: str
    required: Decimal
    done: Decimal

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def text(self) -> str:
        return f"{fmt_hours(self.done)} / {fmt_hours(self.required)}"


@dataclass
class RenewalStatus:
    """Whether a certificate can be renewed now, and the continuing education counted for it."""

    certificate: Certificate
    on: date
    cycle_start: date
    cycle_end: date
    opens_on: date
    renew_by: date
    required_hours: Decimal
    done_hours: Decimal
    topics: list[TopicProgress] = field(default_factory=list)
    courses: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)

    @property
    def ce_met(self) -> bool:
        return self.done_hours >= self.required_hours and all(t.met for t in self.topics)

    @property
    def eligible(self) -> bool:
        return not self.blockers and self.ce_met

    @property
    def window_open(self) -> bool:
        return self.opens_on <= self.on <= self.renew_by


RENEWAL_OPENS_DAYS_DEFAULT = 180


def _ce_figures(*, user, start: date, end: date):
    """CE hours from (a) CE-eligible LMS courses whose enrolment was completed in [start, end]
    (their credited module hours, by domain) and (b) training recorded as taken elsewhere in that
    period (hours by domain): [(title, {domain_id: hours}, {domain names})], summed in the database,
    one query however many courses and trainings (a course or training without hours is listed with
    none)."""
    tz = timezone.get_current_timezone()
    start_dt = timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time()), tz)
    end_dt = timezone.make_aware(timezone.datetime.combine(end, timezone.datetime.max.time()), tz)
    cols = ("f_src", "f_ref", "f_title", "f_dom", "f_name", "f_total")
    courses = (
        Enrollment.objects.filter(
            user=user,
            status=Enrollment.Status.COMPLETED,
            course__ce_eligible=True,
            completed_at__gte=start_dt,
            completed_at__lte=end_dt,
        )
        .values(
            f_src=Value(0),
            f_ref=F("pk"),
            f_title=F("course__title"),
            f_dom=F("progress__domain_id"),
            f_name=F("progress__domain__name"),
        )
        .annotate(f_total=Sum("progress__hours_credited"))
        .values_list(*cols)
        .order_by()
    )
    elsewhere = (
        ExternalTraining.objects.filter(user=user, completed_on__gte=start, completed_on__lte=end)
        .values(
            f_src=Value(1),
            f_ref=F("pk"),
            f_title=F("title"),
            f_dom=F("hours__domain_id"),
            # Training taken elsewhere counts toward a named topic by its title only.
            f_name=Value(None, output_field=CharField()),
        )
        .annotate(f_total=Sum("hours__hours"))
        .values_list(*cols)
        .order_by()
    )
    items: dict[tuple[int, int], tuple] = {}
    for src, ref, title, domain_id, name, total in sorted(
        courses.union(elsewhere, all=True), key=lambda row: (row[0], row[1])
    ):
        _title, hours, names = items.setdefault((src, ref), (title, defaultdict(lambda: ZERO), set()))
        if total is not None:
            hours[domain_id] += Decimal(total)
        if name:
            names.add(name)
    return [(title, dict(hours), names) for title, hours, names in items.values()]


def renewal_status(
    *, certificate: Certificate, on: date | None = None, open_applications=None
) -> RenewalStatus:
    """The renewal rules of the certificate's program version, applied to the certificate's cycle.

    Required CE = `renewal_ce_hours` per `renewal_cycle_months`, times the number of cycles in the
    certificate's validity (at least one); topic minimums likewise. A topic minimum tied to a domain
    counts hours credited in that domain; a named topic counts courses whose title (or a module's
    domain) contains the topic's name. Renewal opens RENEWAL_OPENS_DAYS before expiry and closes at
    the end of the grace period. `open_applications`: the holder's open applications, when the caller
    has loaded them already."""
    on = on or today()
    version: ProgramVersion = certificate.version
    issued_on = certificate.issued_on or on
    expires_on = certificate.expires_on or add_months(issued_on, version.validity_months)
    cycles = max(1, math.ceil(version.validity_months / version.renewal_cycle_months))
    items = _ce_figures(
        user=certificate.holder,
        start=issued_on,
        end=min(on, expires_on + timedelta(days=version.grace_period_days)),
    )
    done = sum((sum(hours.values(), ZERO) for _t, hours, _n in items), ZERO)
    topics = []
    for minimum in version.renewal_topic_minimums.select_related("domain").order_by("sort_order", "pk"):
        if minimum.domain_id:
            got = sum((hours.get(minimum.domain_id, ZERO) for _t, hours, _n in items), ZERO)
            label = minimum.domain.name
        else:
            needle = minimum.topic.casefold()
            got = sum(
                (
                    sum(hours.values(), ZERO)
                    for title, hours, names in items
                    if needle in title.casefold() or any(needle in n.casefold() for n in names)
                ),
                ZERO,
            )
            label = minimum.topic
        topics.append(TopicProgress(label=label, required=minimum.hours * cycles, done=got))
    opens_days = getattr(settings, "CERTIFICATE_RENEWAL_OPENS_DAYS", RENEWAL_OPENS_DAYS_DEFAULT)
    status = RenewalStatus(
        certificate=certificate,
        on=on,
        cycle_start=issued_on,
        cycle_end=expires_on,
        opens_on=expires_on - timedelta(days=opens_days),
        renew_by=expires_on + timedelta(days=version.grace_period_days),
        required_hours=version.renewal_ce_hours * cycles,
        done_hours=done,
        topics=topics,
        courses=[title for title, _h, _n in items],
    )
    if certificate.status != Certificate.Status.ISSUED:
        status.blockers.append(str(_("Only a valid certificate can be renewed.")))
    elif issued_renewal(certificate) is not None or _open_renewal_exists(certificate, open_applications):
        status.blockers.append(str(_("This certificate has already been renewed.")))
    if on < status.opens_on:
        status.blockers.append(str(_("Renewal opens on %(date)s.") % {"date": status.opens_on.isoformat()}))
    elif on > status.renew_by:
        status.blockers.append(str(_("The renewal period has ended: apply for a new certificate.")))
    return status


def _open_renewal_exists(certificate: Certificate, open_applications=None) -> bool:
    """`open_applications`: the holder's open applications when the caller has them (no query)."""
    if open_applications is not None:
        return any(a.renews_id == certificate.pk for a in open_applications)
    return CertificateApplication.objects.filter(
        renews=certificate, status__in=CertificateApplication.OPEN_STATUSES
    ).exists()
