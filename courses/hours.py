"""Training hours the LMS credits: module completions and confirmed practice activities, per domain.
Bulk reads (`*_for_users`) take many users in one query, for eligibility and cohort reports."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import BooleanField, F, Sum, Value

from .models import CompetencyDomain, ModuleProgress


def _credited(user_ids):
    """(user id, domain id, from an activity, hours) rows: module completions UNION ALL confirmed
    practice activities, summed. One query."""
    from .activities.models import ActivityRecord

    columns = {"uid": F("enrollment__user_id"), "dom": F("domain_id")}
    modules = (
        ModuleProgress.objects.filter(enrollment__user_id__in=list(user_ids), domain__isnull=False)
        .values(**columns)
        .annotate(activity=Value(False, output_field=BooleanField()), hours=Sum("hours_credited"))
        .order_by()
    )
    activities = (
        ActivityRecord.objects.confirmed()
        .filter(enrollment__user_id__in=list(user_ids), domain__isnull=False)
        .values(**columns)
        .annotate(activity=Value(True, output_field=BooleanField()), hours=Sum("hours"))
        .order_by()
    )
    return modules.union(activities, all=True).values_list("uid", "dom", "activity", "hours")


def training_hours_by_domain_for_users(*, user_ids) -> dict[int, dict[int, Decimal]]:
    """{user_id: {domain_id: hours}} of training hours credited in the LMS (module completions and
    confirmed practice activities)."""
    result: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for uid, dom, _activity, hours in _credited(user_ids):
        result[uid][dom] = result[uid].get(dom, Decimal("0")) + (hours or Decimal("0"))
    return result


def training_hours_by_domain(*, user) -> list[tuple[CompetencyDomain, Decimal]]:
    """Every domain with the user's credited hours (zero included), in domain order."""
    return hours_by_domain_with_activities(user=user)[0]


def hours_by_domain_with_activities(*, user) -> tuple[list[tuple[CompetencyDomain, Decimal]], Decimal]:
    """Every domain with the user's credited hours, and how many of them practice activities gave."""
    hours: dict[int, Decimal] = defaultdict(Decimal)
    from_activities = Decimal("0")
    for _uid, dom, activity, value in _credited([user.pk]):
        hours[dom] += value or Decimal("0")
        if activity:
            from_activities += value or Decimal("0")
    return [(d, hours.get(d.pk, Decimal("0"))) for d in CompetencyDomain.objects.all()], from_activities
