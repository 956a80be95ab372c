"""Demo credential programs (IC&RC Peer Recovery and a Kentucky KBADC-style registration, from
shared/domain.md) as program-definition data, loaded through the same importer as
`manage.py import_program`; demo trainees left at different stages. Idempotent: safe to run twice."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from courses.models import CompetencyDomain

from .hours import services as hours_services
from .models import (
    CredentialProgram,
    ExternalTraining,
    PledgeSignature,
    PracticeLog,
    ProgramEnrollment,
    RecoveryAttestation,
    SupervisorAssignment,
)
from .programs import services as program_services
from .programs import transfer
from .recovery import services as recovery_services
from .training import services as training_services

ICRC_SLUG = "icrc-peer-recovery"
KY_SLUG = "ky-kbadc-peer-support"

# Topic domains the Kentucky-style rules name beyond the four IC&RC domains.
EXTRA_DOMAINS = [
    ("domestic-violence", "Domestic violence", "Recognising and responding to domestic violence."),
    ("hiv-aids", "HIV/AIDS", "HIV/AIDS education for substance use settings."),
    ("suicide-prevention", "Suicide prevention", "Suicide-prevention training."),
]

ICRC_PLEDGE = (
    "As a Peer Recovery professional I will: put the wellbeing of the people I serve first; share my own "
    "recovery story only when it helps them; keep what they tell me confidential within the law; keep clear "
    "and caring boundaries, with no dual relationships; never discriminate; work only within my training and "
    "refer on when a need is beyond it; and look after my own recovery and wellness so I can serve well."
)
KY_PLEDGE = (
    "I will uphold the code of ethics for registered alcohol and drug peer support specialists: honesty, "
    "confidentiality, respect for every person's own path to recovery, clear boundaries, no exploitation of "
    "the peer relationship, and practice within the scope of my registration and under supervision."
)


def _hours(value):
    return str(Decimal(value))


def program_definitions(*, course_slugs) -> list[dict]:
    """The demo programs in the import/export format. Course requirements are kept only for courses
    that exist (`course_slugs`)."""

    def course_rows(kind, slugs):
        return [{"kind": kind, "course": s} for s in slugs if s in course_slugs]

    icrc_courses = ["active-listening", "ethics-boundaries", "crisis-response"]
    icrc = {
        "format": transfer.EXPORT_FORMAT,
        "slug": ICRC_SLUG,
        "name": "Peer Recovery (PR)",
        "issuing_body": "IC&RC (International Certification & Reciprocity Consortium)",
        "description": (
            "The international Peer Recovery credential: 46 hours of training across four domains, 500 "
            "hours of work experience, 25 hours of supervision, the exam and the code of ethics. "
            "Recertify every two years with 20 continuing-education hours, 6 of them in ethics."
        ),
        "is_active": True,
        "pledges": [{"version_label": "2024", "effective_date": "2024-01-01", "text": ICRC_PLEDGE}],
        "versions": [
            {
                "label": "2024",
                "effective_date": "2024-01-01",
                "validity_months": 24,
                "grace_period_days": 90,
                "renewal_ce_hours": _hours("20"),
                "renewal_cycle_months": 24,
                "requirements": [
                    *course_rows("course_passed", icrc_courses),
                    {
                        "kind": "domain_training_hours",
                        "domain": "advocacy",
                        "hours": "10",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "mentoring-education",
                        "hours": "10",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "recovery-wellness-support",
                        "hours": "10",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "ethical-responsibility",
                        "hours": "16",
                        "allow_external": True,
                    },
                    {"kind": "total_training_hours", "hours": "46", "allow_external": True},
                    {"kind": "practice_hours", "hours": "500"},
                    {"kind": "supervision_hours", "hours": "25"},
                    {"kind": "recovery_months", "months": 0},
                    {"kind": "ethics_pledge"},
                    *course_rows("final_exam_passed", ["ethics-boundaries"]),
                ],
                "renewal_topic_minimums": [
                    {"domain": "ethical-responsibility", "topic": "Ethics", "hours": "6"}
                ],
            }
        ],
    }
    ky = {
        "format": transfer.EXPORT_FORMAT,
        "slug": KY_SLUG,
        "name": "Registered Alcohol and Drug Peer Support Specialist (Kentucky-style)",
        "issuing_body": "Kentucky Board of Alcohol and Drug Counselors (KBADC), modelled",
        "description": (
            "Modelled on KRS 309.0831 and 201 KAR 35: twelve consecutive months of recovery, 40 classroom "
            "hours (16 ethics, 3 domestic violence, 2 HIV, 10 advocacy, 10 mentoring/education, 10 recovery "
            "support) and suicide-prevention training, 500 hours of experience with 25 under direct "
            "supervision, a written exam and the code of ethics. 10 CE hours a year."
        ),
        "is_active": True,
        "pledges": [{"version_label": "2023", "effective_date": "2023-07-01", "text": KY_PLEDGE}],
        "versions": [
            {
                "label": "2023",
                "effective_date": "2023-07-01",
                "validity_months": 12,
                "grace_period_days": 60,
                "renewal_ce_hours": _hours("10"),
                "renewal_cycle_months": 12,
                "requirements": [
                    {"kind": "recovery_months", "months": 12},
                    {"kind": "total_training_hours", "hours": "40", "allow_external": True},
                    {
                        "kind": "domain_training_hours",
                        "domain": "ethical-responsibility",
                        "hours": "16",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "domestic-violence",
                        "hours": "3",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "hiv-aids",
                        "hours": "2",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "advocacy",
                        "hours": "10",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "mentoring-education",
                        "hours": "10",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "recovery-wellness-support",
                        "hours": "10",
                        "allow_external": True,
                    },
                    {
                        "kind": "domain_training_hours",
                        "domain": "suicide-prevention",
                        "hours": "1",
                        "allow_external": True,
                        "label": "Suicide-prevention training",
                    },
                    {"kind": "practice_hours", "hours": "500"},
                    {"kind": "supervision_hours", "hours": "25"},
                    *course_rows("final_exam_passed", ["active-listening"]),
                    {"kind": "ethics_pledge"},
                ],
                "renewal_topic_minimums": [],
            }
        ],
    }
    return [icrc, ky]


def _ensure_domains():
    for slug, name, description in EXTRA_DOMAINS:
        CompetencyDomain.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": 100}
        )


def _enroll(user, program):
    existing = ProgramEnrollment.objects.filter(user=user, program=program).first()
    return existing or program_services.program_enroll(user=user, program=program)


def _log_hours(*, trainee, supervisor, entries, approve_all=True):
    """entries: (days ago, hours, kind). Goes through the services so the audit trail is real."""
    if PracticeLog.objects.filter(trainee=trainee).exists():
        return
    today = timezone.localdate()
    domains = list(
        CompetencyDomain.objects.filter(
            slug__in=[
                "advocacy",
                "mentoring-education",
                "recovery-wellness-support",
                "ethical-responsibility",
            ]
        )
    )
    for i, (days_ago, hours, kind, approve) in enumerate(entries):
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
        )
        if approve and approve_all:
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


@transaction.atomic
def seed_programs(*, courses, users) -> dict[str, CredentialProgram]:
    """Load the demo programs, link the demo supervisor to the demo trainees and leave them at
    different stages: `trainee_eligible` eligible for IC&RC (their courses and exams come from the
    assessments seed), `trainee` short of practice hours with entries waiting in the supervisor's
    queue, `trainee_recovery` short of the Kentucky-style program's 12 months of recovery."""
    _ensure_domains()
    admin = users.get("admin")
    programs = {}
    for data in program_definitions(course_slugs=set(courses)):
        program = transfer.program_import(data=data)
        programs[program.slug] = program
    icrc, ky = programs[ICRC_SLUG], programs[KY_SLUG]

    supervisor = users.get("supervisor")
    trainee_keys = ["trainee", "trainee_eligible", "trainee_recovery"]
    if supervisor is not None and admin is not None:
        for key in trainee_keys:
            trainee = users.get(key)
            if (
                trainee
                and not SupervisorAssignment.objects.filter(supervisor=supervisor, trainee=trainee).exists()
            ):
                hours_services.supervisor_assign(actor=admin, supervisor=supervisor, trainee=trainee)

    practice, supervision = PracticeLog.Kind.PRACTICE, PracticeLog.Kind.SUPERVISION

    eligible = users.get("trainee_eligible")
    if eligible is not None and supervisor is not None:
        _enroll(eligible, icrc)
        # 63 shifts of 8 hours over about nine months (504 h) and 26 weekly supervision hours.
        entries = [(20 + i * 4, "8", practice, True) for i in range(63)]
        entries += [(21 + i * 7, "1", supervision, True) for i in range(26)]
        _log_hours(trainee=eligible, supervisor=supervisor, entries=entries)
        if admin is not None and not ExternalTraining.objects.filter(user=eligible).exists():
            advocacy = CompetencyDomain.objects.get(slug="advocacy")
            training_services.external_training_record(
                actor=admin,
                user=eligible,
                provider="Kentucky Peer Support Network",
                title="Advocacy in the community (workshop)",
                completed_on=timezone.localdate() - timedelta(days=200),
                hours={advocacy: Decimal("3.5")},
                notes="Certificate of attendance seen by the administrator.",
            )
        _sign_pledge(eligible, icrc)
        _attest(eligible, days_ago=3 * 365 + 40)

    trainee = users.get("trainee")
    if trainee is not None and supervisor is not None:
        _enroll(trainee, icrc)
        entries = [(10 + i * 5, "7.5", practice, True) for i in range(14)]  # 105 h approved
        entries += [(30 + i * 7, "1", supervision, True) for i in range(6)]
        entries += [(1, "6", practice, False), (2, "4.5", practice, False), (3, "1", supervision, False)]
        _log_hours(trainee=trainee, supervisor=supervisor, entries=entries)
        _attest(trainee, days_ago=2 * 365)

    recovering = users.get("trainee_recovery")
    if recovering is not None and supervisor is not None:
        _enroll(recovering, ky)
        # Experience and classroom hours complete; what keeps them waiting is recovery time (and the
        # final exam the instructor still has to grade, from the assessments seed).
        entries = [(3 + i * 2, "6", practice, True) for i in range(84)]  # 504 h
        entries += [(4 + i * 7, "1", supervision, True) for i in range(26)]
        _log_hours(trainee=recovering, supervisor=supervisor, entries=entries)
        if admin is not None and not ExternalTraining.objects.filter(user=recovering).exists():
            slugs = {
                "ethical-responsibility": "16",
                "domestic-violence": "3",
                "hiv-aids": "2",
                "advocacy": "7",
                "recovery-wellness-support": "10",
                "suicide-prevention": "1",
            }
            domains = {d.slug: d for d in CompetencyDomain.objects.filter(slug__in=slugs)}
            training_services.external_training_record(
                actor=admin,
                user=recovering,
                provider="Kentucky peer support classroom training",
                title="Registered peer support specialist classroom hours",
                completed_on=timezone.localdate() - timedelta(days=90),
                hours={domains[slug]: Decimal(h) for slug, h in slugs.items()},
            )
        _sign_pledge(recovering, ky)
        _attest(recovering, days_ago=7 * 30 + 5)
    return programs
