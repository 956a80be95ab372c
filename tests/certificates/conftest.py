from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.storage import FileSystemStorage
from django.utils import timezone

from certificates.models import ExternalTraining, PracticeLog, Requirement
from certificates.recovery import services as recovery_services
from certificates.training import services as training_services
from courses.models import CompetencyDomain

from .factories import VersionFactory, add_pledge, add_requirement, assign, enroll, log

Kind = Requirement.Kind


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):
    """Evidence files go to a temporary private storage, never the developer's var/private."""
    storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    monkeypatch.setattr(ExternalTraining._meta.get_field("evidence"), "storage", storage)
    return storage


@dataclass
class World:
    program: object
    version: object
    trainee: object
    other_trainee: object
    supervisor: object
    other_supervisor: object
    instructor: object
    admin: object
    entry: object
    pending: object
    training: object
    assignment: object
    recovery_start: date
    recovery_met_on: date


@pytest.fixture
def world(trainee, other_trainee, supervisor, instructor, program_admin):
    """A program with a 12-month recovery requirement; `trainee` enrolled, attested (start 200 days ago,
    so the requirement is met in the future), with approved and pending hours, external training with
    evidence and a linked supervisor."""
    from certificates.eligibility import add_months
    from tests.factories import SupervisorFactory

    version = VersionFactory(program__slug="peer-recovery", program__name="Peer Recovery")
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    add_requirement(version, Kind.RECOVERY_MONTHS, months=12)
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("10"))
    add_requirement(
        version, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=Decimal("3"), allow_external=True
    )
    add_requirement(version, Kind.ETHICS_PLEDGE)
    add_pledge(version.program)
    assignment = assign(supervisor, trainee)
    other_supervisor = SupervisorFactory()
    assign(other_supervisor, other_trainee)
    enroll(trainee, version)
    enroll(other_trainee, version)
    start = timezone.localdate() - timedelta(days=200)
    recovery_services.recovery_attest(user=trainee, recovery_start_date=start, typed_name=trainee.full_name)
    entry = log(trainee, supervisor, hours="4")
    pending = log(trainee, supervisor, hours="2", status=PracticeLog.Status.PENDING)
    from django.core.files.base import ContentFile

    training = training_services.external_training_record(
        actor=program_admin,
        user=trainee,
        provider="Elsewhere",
        title="Advocacy workshop",
        completed_on=date(2024, 6, 1),
        hours={advocacy: Decimal("3")},
        evidence=ContentFile(b"%PDF-1.4 evidence", name="evidence.pdf"),
    )
    return World(
        program=version.program,
        version=version,
        trainee=trainee,
        other_trainee=other_trainee,
        supervisor=supervisor,
        other_supervisor=other_supervisor,
        instructor=instructor,
        admin=program_admin,
        entry=entry,
        pending=pending,
        training=training,
        assignment=assignment,
        recovery_start=start,
        recovery_met_on=add_months(start, 12),
    )


def date_formats(d: date) -> list[str]:
    """A date as people and software commonly write it."""
    return [
        d.isoformat(),
        d.strftime("%m/%d/%Y"),
        d.strftime("%d/%m/%Y"),
        f"{d:%B} {d.day}, {d.year}",
        f"{d:%b}. {d.day}, {d.year}",
        f"{d:%b} {d.day}, {d.year}",
        f"{d.day} {d:%B} {d.year}",
        d.strftime("%Y%m%d"),
        f"{d.month}/{d.day}/{d.year}",
    ]
