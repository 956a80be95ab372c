"""Month arithmetic for requirement rows (recovery time, windows, spreads), one rule everywhere."""

import calendar
from datetime import date


def add_months(start: date, months: int) -> date:
    """`start` plus exactly `months` calendar months.

    Rule: keep the day of the month; when the target month is shorter, use its last day. So
    January 31 + 1 month is February 28 (February 29 in a leap year), and February 29, 2024 + 12
    months is February 28, 2025. The result is strictly increasing in `months`."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def months_between(start: date, on: date) -> int:
    """Whole months from `start` to `on` under the rule of `add_months`: the largest n with
    add_months(start, n) <= on (0 when `on` is before `start`). N months are complete ON the day
    add_months(start, N), not the day after."""
    if on < start:
        return 0
    n = (on.year - start.year) * 12 + (on.month - start.month)
    if add_months(start, n) > on:
        n -= 1
    return max(n, 0)


def month_span(first: date, last: date) -> int:
    """Calendar months touched from `first` to `last`, both included (June..August = 3)."""
    return (last.year - first.year) * 12 + (last.month - first.month) + 1
