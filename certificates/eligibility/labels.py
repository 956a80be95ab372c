"""How requirement rows and figures read to people: "46 training hours in total", "112.5",
"10 training hours in any of Advocacy or Mentoring, completed in the last 60 months"."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from django.utils.translation import gettext as _

from certificates.applicant.models import EducationLevel
from certificates.programs.models import Requirement

ZERO = Decimal("0")
Kind = Requirement.Kind


def fmt_hours(value: Decimal | None) -> str:
    """112.50 -> "112.5", 500.00 -> "500"."""
    if value is None:
        return ""
    value = Decimal(value).quantize(Decimal("0.01"))
    return format(value.normalize(), "f")


def percent(current: Decimal | int, required: Decimal | int) -> int:
    if not required:
        return 100
    ratio = (Decimal(current) * 100 / Decimal(required)).to_integral_value(rounding=ROUND_FLOOR)
    return int(min(Decimal(100), max(ZERO, ratio)))


def domains_text(domains) -> str:
    """ "Advocacy", "any of Advocacy or Ethics", "any of Advocacy, Ethics or Mentoring"."""
    names = [str(d) for d in domains]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return _("any of %(list)s or %(last)s") % {"list": ", ".join(names[:-1]), "last": names[-1]}


def delivery_text(req: Requirement) -> str:
    if not req.delivery_mode:
        return ""
    live = req.delivery_mode == Requirement.Delivery.LIVE
    if req.delivery_hours is None:
        return _("all delivered live (online or face to face)") if live else _("all delivered face to face")
    if live:
        return _("%(hours)s of them delivered live (online or face to face)") % {
            "hours": fmt_hours(req.delivery_hours)
        }
    return _("%(hours)s of them face to face") % {"hours": fmt_hours(req.delivery_hours)}


def _qualifiers(req: Requirement) -> list[str]:
    parts = []
    if req.kind in (Kind.DOMAIN_TRAINING_HOURS, Kind.TOTAL_TRAINING_HOURS) and delivery_text(req):
        parts.append(delivery_text(req))
    if req.within_months:
        if req.kind == Kind.OUTSIDE_EXAM_PASSED:
            parts.append(_("taken in the last %(months)s months") % {"months": req.within_months})
        else:
            parts.append(_("completed in the last %(months)s months") % {"months": req.within_months})
    if req.qualified_supervisor:
        parts.append(_("signed off by a qualified supervisor"))
    return parts


def _base_label(req: Requirement, domains) -> str:
    course_title = req.course.title if req.course_id and req.course else ""
    hours = fmt_hours(req.hours)
    where = domains_text(domains)
    match req.kind:
        case Kind.COURSE_PASSED:
            return _("Pass the course “%(course)s”") % {"course": course_title}
        case Kind.FINAL_EXAM_PASSED:
            return _("Pass the final exam of “%(course)s”") % {"course": course_title}
        case Kind.DOMAIN_TRAINING_HOURS:
            return _("%(hours)s training hours in %(domain)s") % {"hours": hours, "domain": where}
        case Kind.TOTAL_TRAINING_HOURS:
            return _("%(hours)s training hours in total") % {"hours": hours}
        case Kind.PRACTICE_HOURS:
            if where:
                return _("%(hours)s supervised practice hours in %(domain)s") % {
                    "hours": hours,
                    "domain": where,
                }
            return _("%(hours)s supervised practice hours") % {"hours": hours}
        case Kind.DIRECT_PRACTICE_HOURS:
            if where:
                return _("%(hours)s directly supervised practice hours in %(domain)s") % {
                    "hours": hours,
                    "domain": where,
                }
            return _("%(hours)s directly supervised practice hours") % {"hours": hours}
        case Kind.SUPERVISION_HOURS:
            if where:
                return _("%(hours)s hours of supervision in %(domain)s") % {"hours": hours, "domain": where}
            return _("%(hours)s hours of supervision") % {"hours": hours}
        case Kind.RECOVERY_MONTHS:
            if not req.months:
                return _("Lived experience of recovery attested")
            return _("%(months)s months of continuous recovery") % {"months": req.months}
        case Kind.ETHICS_PLEDGE:
            return _("Sign the code of ethics")
        case Kind.OUTSIDE_EXAM_PASSED:
            return _("Pass the %(exam)s") % {"exam": req.exam.name if req.exam_id and req.exam else ""}
        case Kind.MINIMUM_AGE:
            return _("Be at least %(years)s years old") % {"years": req.years}
        case Kind.EDUCATION_ATTESTED:
            level = EducationLevel(req.education_level).label if req.education_level else ""
            return _("Education: %(level)s or higher") % {"level": level}
    return str(req)


def requirement_label(req: Requirement, domains=None) -> str:
    """The row in words, qualifiers included, unless the administrator wrote a custom label.
    `domains` are the row's domains (default: `req.domains.all()`, prefetch it for many rows)."""
    if req.label:
        return req.label
    if domains is None:
        domains = list(req.domains.all())
    text = _base_label(req, domains)
    qualifiers = _qualifiers(req)
    return f"{text}, {', '.join(qualifiers)}" if qualifiers else text
