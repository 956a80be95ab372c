"""The demo data: two programs as data, trainees at three stages, idempotent."""

import pytest
from django.core.management import call_command

from certificates.eligibility import eligibility_for
from certificates.hours.selectors import supervisor_queue
from certificates.models import (
    CredentialProgram,
    PracticeLog,
    ProgramEnrollment,
    RecoveryAttestation,
    Requirement,
)
from certificates.seed import ICRC_SLUG, KY_SLUG
from lms.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _state(email):
    user = User.objects.get(email=email)
    enrollment = ProgramEnrollment.objects.get(user=user)
    return enrollment, eligibility_for(user=user, version=enrollment.version)


def test_seed_demo_leaves_trainees_at_three_stages(home):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert set(CredentialProgram.objects.values_list("slug", flat=True)) >= {ICRC_SLUG, KY_SLUG}

    icrc, ky = (CredentialProgram.objects.get(slug=slug) for slug in (ICRC_SLUG, KY_SLUG))
    assert (icrc.certificate_languages, ky.certificate_languages) == ("en+es", "holder")

    enrollment, elig = _state("jordan@example.org")
    assert enrollment.program.slug == ICRC_SLUG
    assert elig.eligible, [(r.label, r.missing) for r in elig.unmet]

    enrollment, elig = _state("trainee@example.org")
    assert enrollment.program.slug == ICRC_SLUG and not elig.eligible
    practice = next(r for r in elig.results if r.kind == Requirement.Kind.PRACTICE_HOURS)
    assert not practice.met and practice.pending > 0
    supervisor = User.objects.get(email="supervisor@example.org")
    assert {e.trainee.email for e in supervisor_queue(supervisor=supervisor)} == {"trainee@example.org"}

    enrollment, elig = _state("sam@example.org")
    assert enrollment.program.slug == KY_SLUG and not elig.eligible
    recovery = next(r for r in elig.results if r.kind == Requirement.Kind.RECOVERY_MONTHS)
    assert recovery.required == 12 and not recovery.met and recovery.met_on > elig.evaluated_on
    # Apart from recovery time, everything the Kentucky board asks is met (age, education, face-to-face
    # ethics hours, directly supervised hours by a qualified supervisor, the board's exam).
    assert {r.kind for r in elig.unmet} == {Requirement.Kind.RECOVERY_MONTHS}

    counts = (PracticeLog.objects.count(), RecoveryAttestation.objects.count(), Requirement.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (
        PracticeLog.objects.count(),
        RecoveryAttestation.objects.count(),
        Requirement.objects.count(),
    ) == counts
    assert _state("jordan@example.org")[1].eligible
