"""How requirement rows and figures read to people: "46 training hours in total", "112.5"."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from django.utils.translation import gettext as _

from certificates.programs.models import Requirement
from courses.models import CompetencyDomain

ZERO = Decimal("0")
Kind = Requirement.Kind


def fmt_hours(value: Decimal | None) -> str:
    """112.50 -> "112.5", 500.00 -> "500"."""
    if value is None:
        return ""
    value = Decimal(value).quantize(Decimal("0.01"))
    text = format(value.normalize(), "f")
    return text


def percent(current: Decimal | int, required: Decimal | int) -> int:
    if not required:
        return 100
    ratio = (Decimal(current) * 100 / Decimal(required)).to_integral_value(rounding=ROUND_FLOOR)
    return int(min(Decimal(100), max(ZERO, ratio)))


def requirement_label(req: Requirement, domains: dict[int, CompetencyDomain]) -> str:
    if req.label:
        return req.label
    domain = domains.get(req.domain_id) if req.domain_id else None
    course_title = req.course.title if req.course_id and req.course else ""
    match req.kind:
        case Kind.COURSE_PASSED:
            return _("Pass the course “%(course)s”") % {"course": course_title}
        case Kind.FINAL_EXAM_PASSED:
            return _("Pass the final exam of “%(course)s”") % {"course": course_title}
        case Kind.DOMAIN_TRAINING_HOURS:
            return _("%(hours)s training hours in %(domain)s") % {
                "hours": fmt_hours(req.hours),
                "domain": domain,
            }
        case Kind.TOTAL_TRAINING_HOURS:
            return _("%(hours)s training hours in total") % {"hours": fmt_hours(req.hours)}
        case Kind.PRACTICE_HOURS:
            if domain:
                return _("%(hours)s supervised practice hours in %(domain)s") % {
                    "hours": fmt_hours(req.hours),
                    "domain": domain,
                }
            return _("%(hours)s supervised practice hours") % {"hours": fmt_hours(req.hours)}
        case Kind.SUPERVISION_HOURS:
            if domain:
                return _("%(hours)s hours of supervision in %(domain)s") % {
                    "hours": fmt_hours(req.hours),
                    "domain": domain,
                }
            return _("%(hours)s hours of supervision") % {"hours": fmt_hours(req.hours)}
        case Kind.RECOVERY_MONTHS:
            if not req.months:
                return _("Lived experience of recovery attested")
            return _("%(months)s months of continuous recovery") % {"months": req.months}
        case Kind.ETHICS_PLEDGE:
            return _("Sign the code of ethics")
    return str(req)
