"""The academy's own courses can take a trainee to training eligibility: the hours the real curriculum
(courses/content/) can credit per domain, counting each module's training hours and its recorded
activities, by how they are delivered, meet every training row of the seeded programs
(certificates/programs/library/*.json), read from those files, the way the eligibility engine counts
them (certificates.eligibility.rows: a delivery mode counts hours delivered that way or better)."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from courses.curriculum.parse import read_curriculum
from courses.models import DELIVERY_LEVELS

LIBRARY = Path(__file__).resolve().parents[2] / "certificates" / "programs" / "library"
PROGRAMS = ("icrc-peer-recovery.json", "ky-kbadc-peer-support.json")
TRAINING_KINDS = ("domain_training_hours", "total_training_hours")


def _training_rows():
    for name in PROGRAMS:
        program = json.loads((LIBRARY / name).read_text())
        for version in program["versions"]:
            for row in version["requirements"]:
                if row["kind"] in TRAINING_KINDS:
                    what = "+".join(row["domains"]) or "total"
                    mode = f"-{row['delivery_mode']}" if row["delivery_mode"] else ""
                    yield pytest.param(row, id=f"{program['slug']}-{version['label']}-{what}{mode}")


ROWS = list(_training_rows())


@pytest.fixture(scope="module")
def hours():
    """{(domain, delivery mode): hours the curriculum can credit, every activity recorded}."""
    curriculum = read_curriculum()
    return {
        (domain, mode): value
        for mode in DELIVERY_LEVELS
        for domain, value in curriculum.hours_by_domain(delivery_mode=mode).items()
    }


def _credit(hours, *, domains, at_least=None) -> Decimal:
    level = DELIVERY_LEVELS[at_least] if at_least else 0
    return sum(
        (
            value
            for (domain, mode), value in hours.items()
            if (not domains or domain in domains) and DELIVERY_LEVELS[mode] >= level
        ),
        Decimal("0"),
    )


def test_both_programs_have_training_rows_to_check():
    assert {row.values[0]["kind"] for row in ROWS} == set(TRAINING_KINDS)
    assert len(ROWS) >= 11  # IC&RC: 4 domains + total; Kentucky: 7 topics + total


@pytest.mark.parametrize("row", ROWS)
def test_the_academys_own_courses_meet_the_training_row(hours, row):
    domains = set(row["domains"])
    required = Decimal(row["hours"])
    total = _credit(hours, domains=domains)
    if row["delivery_mode"] and row["delivery_hours"] is None:
        # Only hours delivered that way (or better) count at all.
        delivered = _credit(hours, domains=domains, at_least=row["delivery_mode"])
        assert delivered >= required, f"{delivered} h {row['delivery_mode']} of {required} needed"
        return
    assert total >= required, f"{total} h of {required} needed in {sorted(domains) or 'all domains'}"
    if row["delivery_mode"]:
        delivered = _credit(hours, domains=domains, at_least=row["delivery_mode"])
        needed = Decimal(row["delivery_hours"])
        assert delivered >= needed, f"{delivered} h {row['delivery_mode']} of {needed} needed"


def test_activities_and_face_to_face_hours_are_counted(hours):
    curriculum = read_curriculum()
    modules = [m for c in curriculum.courses for m in c.modules]
    reading = sum((m.training_hours for m in modules), Decimal("0"))
    activities = sum((a.hours for m in modules for a in m.activities), Decimal("0"))
    assert activities > 0
    assert _credit(hours, domains=set()) == reading + activities
