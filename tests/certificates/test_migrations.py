"""Upgrading a database made by the previous release: the rules migrations fill what they add from
what was recorded (dates in each person's time zone, requirement domains, one standing approval per
approved entry, the program on applications and certificates)."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("certificates", "0003_certificate_head_sha256"),
    ("courses", "0002_icrc_domains"),
    ("lms", "0002_roles"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrade_fills_the_new_columns_from_the_old_records():
    old = _migrate(BEFORE)
    try:
        User = old.get_model("lms", "User")
        Domain = old.get_model("courses", "CompetencyDomain")
        Program = old.get_model("certificates", "CredentialProgram")
        Version = old.get_model("certificates", "ProgramVersion")
        Requirement = old.get_model("certificates", "Requirement")
        PracticeLog = old.get_model("certificates", "PracticeLog")
        Recovery = old.get_model("certificates", "RecoveryAttestation")
        trainee = User.objects.create(email="t@example.org", full_name="Tess Trainee")
        supervisor = User.objects.create(email="s@example.org", full_name="Sam Supervisor")
        # get_or_create: a transactional test run earlier may have flushed what migrations seeded.
        advocacy, _ = Domain.objects.get_or_create(slug="advocacy", defaults={"name": "Advocacy"})
        program = Program.objects.create(slug="p", name="P", issuing_body="B")
        version = Version.objects.create(program=program, label="v1", effective_date=date(2020, 1, 1))
        Requirement.objects.create(
            version=version, kind="domain_training_hours", domain=advocacy, hours=10, sort_order=0
        )
        Requirement.objects.create(version=version, kind="practice_hours", hours=500, sort_order=1)
        # Approved at 02:00 UTC on 1 March: still 29 February on the site's clock (New York).
        decided = datetime(2024, 3, 1, 2, 0, tzinfo=ZoneInfo("UTC"))
        PracticeLog.objects.create(
            trainee=trainee,
            supervisor=supervisor,
            date=date(2024, 2, 28),
            hours=Decimal("3"),
            kind="practice",
            status="approved",
            decided_by=supervisor,
            decided_at=decided,
            domain=advocacy,
        )
        PracticeLog.objects.create(
            trainee=trainee,
            supervisor=supervisor,
            date=date(2024, 2, 28),
            hours=Decimal("2"),
            kind="practice",
            status="pending",
        )
        Recovery.objects.create(
            user=trainee,
            recovery_start_date=date(2020, 5, 1),
            statement="I attest.",
            typed_name="Tess Trainee",
            attested_at=decided,
        )
    finally:
        new = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    Requirement = new.get_model("certificates", "Requirement")
    HoursApproval = new.get_model("certificates", "HoursApproval")
    Recovery = new.get_model("certificates", "RecoveryAttestation")
    rows = list(Requirement.objects.order_by("sort_order"))
    assert [d.slug for d in rows[0].domains.all()] == ["advocacy"] and not rows[1].domains.exists()
    [approval] = HoursApproval.objects.all()
    assert approval.hours == Decimal("3") and approval.approved_on == date(2024, 2, 29)
    assert approval.date == date(2024, 2, 28) and approval.ended_on is None
    assert Recovery.objects.get().attested_on == date(2024, 2, 29)
