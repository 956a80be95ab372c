"""Whose "today"? A person's dates (a completion, an approval, a signature, "today" for their
checklist) are in their own time zone: the profile setting `User.time_zone`, or the site's
TIME_ZONE when they have not chosen one. Dates are recorded when the thing happens, so changing
the setting later never moves a date already recorded."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=1)
def available_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value and value not in available_time_zones():
        raise ValidationError(_("Choose a time zone from the list."), code="invalid_time_zone")


@lru_cache(maxsize=256)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def user_time_zone(user=None) -> zoneinfo.ZoneInfo:
    name = getattr(user, "time_zone", "") or settings.TIME_ZONE
    try:
        return _zone(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return _zone(settings.TIME_ZONE)


def local_date(user, moment: datetime) -> date:
    """The calendar date of `moment` where `user` lives."""
    return timezone.localtime(moment, user_time_zone(user)).date()


def local_today(user=None) -> date:
    """Today where `user` lives (the site's today for nobody in particular)."""
    return local_date(user, timezone.now())


def time_zone_choices() -> list[tuple[str, str]]:
    """("", "Site default (America/New_York)") then every IANA zone, America/ first (our users)."""
    zones = sorted(available_time_zones(), key=lambda z: (not z.startswith("America/"), z))
    default = _("Same as the site (%(zone)s)") % {"zone": settings.TIME_ZONE}
    named = [(z, z.replace("_", " ")) for z in zones if "/" in z and not z.startswith("Etc/")]
    return [("", default), ("UTC", "UTC")] + named


def zone_label(moment: datetime) -> str:
    """The zone's short name as people read it on a clock ("EST", "PDT", "UTC"); zones without one
    (tzdata writes "+03") become "UTC+3" / "UTC-9:30"."""
    name = moment.tzname() or ""
    if name and name[0] not in "+-":
        return name
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_local(moment: datetime | None, *, user=None, fmt: str = "DATETIME_FORMAT") -> str:
    """`moment` as `user` reads it: in their time zone, with the zone named, so a time never ends a
    sentence on a bare "a.m." nor leaves the reader guessing whose clock it is:
    "Jan. 5, 2026, 3:15 a.m. CST". `fmt` is a Django format name ("TIME_FORMAT" for the time alone)."""
    if moment is None:
        return ""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, user_time_zone(None))
    local = timezone.localtime(moment, user_time_zone(user))
    return f"{formats.date_format(local, fmt)} {zone_label(local)}".strip()
