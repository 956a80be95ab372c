"""Factories for credential programs, requirements, hours and attestations."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from certificates.models import (
    CredentialProgram,
    EthicsPledge,
    HoursApproval,
    PracticeLog,
    ProgramEnrollment,
    ProgramVersion,
    Requirement,
    SupervisorAssignment,
)
from tests.factories import SupervisorFactory, TraineeFactory

Kind = Requirement.Kind


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CredentialProgram

    slug = factory.Sequence(lambda n: f"program-{n}")
    name = factory.Sequence(lambda n: f"Peer Recovery {n}")
    issuing_body = "Test Board"


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramVersion

    program = factory.SubFactory(ProgramFactory)
    label = factory.Sequence(lambda n: f"v{n}")
    effective_date = date(2020, 1, 1)
    validity_months = 24
    grace_period_days = 30
    renewal_ce_hours = Decimal("20")
    renewal_cycle_months = 24


def add_requirement(version, kind, *, domain=None, domains=(), **params) -> Requirement:
    """A requirement row, validated like the admin form does (`domain=` is shorthand for one domain)."""
    order = version.requirements.count()
    req = Requirement(version=version, kind=kind, sort_order=order, **params)
    req.domains = [domain] if domain is not None else list(domains)
    req.full_clean()
    req.save()
    return req


def add_pledge(
    program, *, label="2024", effective=date(2020, 1, 1), text="I will act ethically."
) -> EthicsPledge:
    return EthicsPledge.objects.create(
        program=program, version_label=label, effective_date=effective, text=text
    )


def assign(supervisor, trainee) -> SupervisorAssignment:
    return SupervisorAssignment.objects.create(supervisor=supervisor, trainee=trainee)


def log(
    trainee,
    supervisor,
    *,
    hours="1",
    kind=PracticeLog.Kind.PRACTICE,
    status=PracticeLog.Status.APPROVED,
    on=None,
    domain=None,
    direct=False,
    approved_on=None,
) -> PracticeLog:
    """An entry as if logged and decided long ago: an approved one stands from `approved_on` (default:
    the day of the work), like an approval given that day."""
    day = on or (timezone.localdate() - timedelta(days=1))
    entry = PracticeLog.objects.create(
        trainee=trainee,
        supervisor=supervisor,
        date=day,
        hours=Decimal(hours),
        kind=kind,
        status=status,
        domain=domain,
        directly_supervised=direct,
        direct_supervision_confirmed=direct if status == PracticeLog.Status.APPROVED and direct else None,
    )
    if status == PracticeLog.Status.APPROVED:
        HoursApproval.objects.create(
            entry=entry,
            trainee=trainee,
            supervisor=supervisor,
            date=day,
            hours=entry.hours,
            kind=kind,
            domain=domain,
            directly_supervised=direct,
            approved_by=supervisor,
            approved_on=approved_on or day,
        )
    return entry


def enroll(user, version) -> ProgramEnrollment:
    return ProgramEnrollment.objects.create(user=user, program=version.program, version=version)


__all__ = ["SupervisorFactory", "TraineeFactory"]
