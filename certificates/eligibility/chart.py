"""Training hours per competency domain as a chart that needs no script: one bar per domain row of a
program version, all on one scale, each with a mark where the requirement is met. Built from an
eligibility result the page already has (the rows' domains are prefetched by the engine's load), so it
costs no query. The template (templates/certificates/_hours_chart.html) draws each bar as a small inline
SVG and writes the same figures as text beside it: the text is the chart for screen readers and print.

Coordinates are strings with a dot ("62.5"), computed here: numbers in a template would be localised
("62,5" in Spanish) and break the SVG."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from certificates.programs.models import Requirement

from .labels import domains_text, fmt_hours
from .results import Eligibility

ZERO = Decimal("0")
# The target mark's width, in the bar's 0-100 units; kept inside the bar at 100.
MARK = Decimal("1.2")


@dataclass(frozen=True)
class Bar:
    domain: str  # "Advocacy", or "any of Advocacy or Ethics" when hours in any of several count
    current: Decimal
    required: Decimal
    met: bool
    text: str  # "6 of 10 hours", "12 of 10 hours: met"
    done_width: str  # the hours done, 0-100 of the chart's width
    target_x: str  # where the required hours end, 0-100


def _coord(value: Decimal) -> str:
    return f"{max(ZERO, min(Decimal(100), value)):.1f}"


def domain_hours_chart(eligibility: Eligibility) -> list[Bar]:
    """One bar per training-hours-in-a-domain row (none when the version has no such row)."""
    rows = [
        r
        for r in eligibility.results
        if r.kind == Requirement.Kind.DOMAIN_TRAINING_HOURS and r.required and r.current is not None
    ]
    if not rows:
        return []
    scale = max(max(Decimal(r.required), Decimal(r.current)) for r in rows)
    bars = []
    for r in rows:
        current, required = Decimal(r.current), Decimal(r.required)
        domains = r.requirement.domains.all()  # prefetched with the rows: no query
        figures = _("%(current)s of %(required)s hours") % {
            "current": fmt_hours(current),
            "required": fmt_hours(required),
        }
        bars.append(
            Bar(
                domain=domains_text(domains) or _("Any domain"),
                current=current,
                required=required,
                met=r.met,
                text=_("%(figures)s: met") % {"figures": figures} if r.met else figures,
                done_width=_coord(current * 100 / scale),
                target_x=_coord(required * 100 / scale - MARK),
            )
        )
    return bars
