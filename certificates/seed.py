"""Demo credential programs and trainees. The first two programs of the library (IC&RC Peer Recovery
and Kentucky's KBADC registered peer support specialist) are imported through the same importer as
`manage.py import_program`; demo trainees are left at different stages, every step through the
services a person would use. Idempotent: safe to run twice."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from courses.models import CompetencyDomain, DeliveryMode

from .applicant import services as applicant_services
from .applicant.models import BirthDateAttestation, EducationAttestation
from .hours import qualifications
from .hours import services as hours_services
from .models import (
    CredentialProgram,
    ExternalTraining,
    OutsideExamResult,
    PledgeSignature,
    PracticeLog,
    ProgramEnrollment,
    RecoveryAttestation,
    SupervisorAssignment,
    SupervisorQualification,
)
from .programs import services as program_services
from .programs.library import library_import
from .recovery import services as recovery_services
from .training import exams as exam_services
from .training import services as training_services

ICRC_SLUG = "icrc-peer-recovery"
KY_SLUG = "ky-kbadc-peer-support"
DEMO_PROGRAMS = (ICRC_SLUG, KY_SLUG)
ICRC_DOMAINS = ["advocacy", "mentoring-education", "recovery-wellness-support", "ethical-responsibility"]


def _enroll(user, program):
    existing = ProgramEnrollment.objects.filter(user=user, program=program).first()
    return existing or program_services.program_enroll(user=user, program=program)


def _log_hours(*, trainee, supervisor, entries):
    """entries: (days ago, hours, kind, approve, directly supervised). Through the services, so the
    audit trail and the approvals are real."""
    if PracticeLog.objects.filter(trainee=trainee).exists():
        return
    today = timezone.localdate()
    domains = list(CompetencyDomain.objects.filter(slug__in=ICRC_DOMAINS))
    for i, (days_ago, hours, kind, approve, direct) in enumerate(entries):
        entry = hours_services.practice_log_create(
            trainee=trainee,
            date=today - timedelta(days=days_ago),
            hours=Decimal(hours),
            kind=kind,
            supervisor=supervisor,
            domain=domains[i % len(domains)] if domains else None,
            setting="Hope Street Recovery Center",
            description="One-to-one peer support and group facilitation."
            if kind == PracticeLog.Kind.PRACTICE
            else "Weekly supervision session.",
            directly_supervised=direct,
        )
        if approve:
            hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)


def _sign_pledge(user, program):
    pledge = program.current_pledge()
    if pledge and not PledgeSignature.objects.filter(user=user, pledge=pledge).exists():
        program_services.pledge_sign(user=user, pledge=pledge, typed_name=user.full_name)


def _attest(user, *, days_ago):
    if not RecoveryAttestation.objects.filter(user=user).exists():
        recovery_services.recovery_attest(
            user=user,
            recovery_start_date=timezone.localdate() - timedelta(days=days_ago),
            typed_name=user.full_name,
        )


def _applicant(user, *, born: date, level: str):
    if not BirthDateAttestation.objects.filter(user=user).exists():
        applicant_services.birth_date_attest(user=user, date_of_birth=born, typed_name=user.full_name)
    if not EducationAttestation.objects.filter(user=user).exists():
        applicant_services.education_attest(user=user, level=level, typed_name=user.full_name)


def _exam_passed(admin, user, program, *, slug, days_ago, score=None):
    exam = program.exams.get(slug=slug)
    if not OutsideExamResult.objects.filter(user=user, exam=exam).exists():
        exam_services.outside_exam_result_record(
            actor=admin,
            user=user,
            exam=exam,
            taken_on=timezone.localdate() - timedelta(days=days_ago),
            passed=True,
            score=score,
            notes="Score report from the board, seen by the administrator.",
        )


def _external(admin, user, *, title, provider, days_ago, hours, mode, notes=""):
    if ExternalTraining.objects.filter(user=user, title=title).exists():
        return
    domains = {d.slug: d for d in CompetencyDomain.objects.filter(slug__in=hours)}
    training_services.external_training_record(
        actor=admin,
        user=user,
        provider=provider,
        title=title,
        completed_on=timezone.localdate() - timedelta(days=days_ago),
        hours={domains[slug]: Decimal(h) for slug, h in hours.items()},
        delivery_mode=mode,
        notes=notes,
    )


def _qualify(admin, supervisor):
    if not SupervisorQualification.objects.filter(supervisor=supervisor).exists():
        today = timezone.localdate()
        qualifications.qualification_record(
            actor=admin,
            supervisor=supervisor,
            credential="Certified Clinical Supervisor (CCS)",
            number="CCS-20417",
            issued_by="Kentucky Certification Board",
            valid_from=today - timedelta(days=6 * 365),
            expires_on=today + timedelta(days=700),
        )


@transaction.atomic
def seed_programs(*, courses, users) -> dict[str, CredentialProgram]:
    """Import the demo programs, link and qualify the demo supervisor, and leave the demo trainees at
        different stages: `trainee_eligible` eligible for IC&RC (their courses and exams come from the
        assessments seed, their recorded practice activities from courses.activities.seed), `trainee` short of practice hours with entries waiting in the supervisor's
        queue, `trainee_recovery` short only of the Kentucky program's 12 months of recovery. IC&RC's demo
    certificates are bilingual, Kentucky's in each holder's language."""
    admin = users.get("admin")
    programs = {slug: library_import(slug=slug) for slug in DEMO_PROGRAMS}
    icrc, ky = programs[ICRC_SLUG], programs[KY_SLUG]
    # The demo shows both languages on its certificates: IC&RC's print bilingual (English with the
    # Spanish beneath each label); Kentucky's follow each holder's language.
    icrc.certificate_languages, ky.certificate_languages = "en+es", "holder"
    for program in (icrc, ky):
        program.save(update_fields=["certificate_languages"])

    supervisor = users.get("supervisor")
    if supervisor is not None and admin is not None:
        _qualify(admin, supervisor)
        for key in ("trainee", "trainee_eligible", "trainee_recovery"):
            trainee = users.get(key)
            if (
                trainee
                and not SupervisorAssignment.objects.filter(supervisor=supervisor, trainee=trainee).exists()
            ):
                hours_services.supervisor_assign(actor=admin, supervisor=supervisor, trainee=trainee)

    practice, supervision = PracticeLog.Kind.PRACTICE, PracticeLog.Kind.SUPERVISION

    eligible = users.get("trainee_eligible")
    if eligible is not None and supervisor is not None and admin is not None:
        _enroll(eligible, icrc)
        # 63 shifts of 8 hours over about nine months (504 h) and 26 weekly supervision hours.
        entries = [(20 + i * 4, "8", practice, True, False) for i in range(63)]
        entries += [(21 + i * 7, "1", supervision, True, False) for i in range(26)]
        _log_hours(trainee=eligible, supervisor=supervisor, entries=entries)
        _external(
            admin,
            eligible,
            title="Advocacy in the community (workshop)",
            provider="Kentucky Peer Support Network",
            days_ago=200,
            hours={"advocacy": "3.5"},
            mode=DeliveryMode.FACE_TO_FACE,
            notes="Certificate of attendance seen by the administrator.",
        )
        _exam_passed(admin, eligible, icrc, slug="icrc-pr-exam", days_ago=15, score=Decimal("612"))
        _sign_pledge(eligible, icrc)
        _attest(eligible, days_ago=3 * 365 + 40)

    trainee = users.get("trainee")
    if trainee is not None and supervisor is not None:
        _enroll(trainee, icrc)
        entries = [(10 + i * 5, "7.5", practice, True, False) for i in range(14)]  # 105 h approved
        entries += [(30 + i * 7, "1", supervision, True, False) for i in range(6)]
        entries += [
            (1, "6", practice, False, False),
            (2, "4.5", practice, False, True),
            (3, "1", supervision, False, False),
        ]
        _log_hours(trainee=trainee, supervisor=supervisor, entries=entries)
        _attest(trainee, days_ago=2 * 365)

    recovering = users.get("trainee_recovery")
    if recovering is not None and supervisor is not None and admin is not None:
        _enroll(recovering, ky)
        # 504 h of experience, the first 30 directly supervised; 26 weekly supervision hours.
        entries = [(3 + i * 2, "6", practice, True, i < 5) for i in range(84)]
        entries += [(4 + i * 7, "1", supervision, True, False) for i in range(26)]
        _log_hours(trainee=recovering, supervisor=supervisor, entries=entries)
        _external(
            admin,
            recovering,
            title="Registered peer support specialist classroom hours",
            provider="Kentucky peer support classroom training (board-approved curriculum)",
            days_ago=90,
            hours={
                "ethical-responsibility": "16",
                "domestic-violence": "3",
                "hiv-aids": "2",
                "advocacy": "10",
                "mentoring-education": "10",
                "recovery-wellness-support": "10",
                "suicide-prevention": "3",
            },
            mode=DeliveryMode.FACE_TO_FACE,
        )
        _applicant(recovering, born=date(1991, 5, 12), level="high_school")
        _exam_passed(admin, recovering, ky, slug="kbadc-rpss-written", days_ago=20)
        _sign_pledge(recovering, ky)
        _attest(recovering, days_ago=7 * 30 + 5)
    return programs
