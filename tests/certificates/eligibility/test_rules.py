"""The rules a board can state as data, evaluated as of a date: directly supervised hours, windows,
"any of" domains, delivery modes, board exams, minimum age, education, qualified supervisors, and
"as of" meaning the world as it was that day (completions, results, approvals, signatures and
attestations count from the day they happened, in the trainee's own time zone)."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Assessment, Attempt
from certificates.applicant import services as applicant_services
from certificates.applicant.models import BirthDateAttestation, EducationAttestation
from certificates.eligibility import add_months, eligibility_for, eligibility_for_users
from certificates.hours import qualifications
from certificates.hours import services as hours_services
from certificates.models import (
    HoursApproval,
    OutsideExamResult,
    PledgeSignature,
    PracticeLog,
    ProgramExam,
    RecoveryAttestation,
    Requirement,
    SupervisorQualification,
)
from certificates.programs import services as program_services
from certificates.recovery import services as recovery_services
from certificates.training import exams as exam_services
from certificates.training import services as training_services
from courses.models import CompetencyDomain, DeliveryMode, Enrollment, ModuleProgress
from lms.errors import Conflict, Invalid
from tests.factories import (
    DomainFactory,
    ProgramAdminFactory,
    SupervisorFactory,
    TraineeFactory,
    make_course,
    make_module,
)

from ..factories import VersionFactory, add_pledge, add_requirement, assign, enroll, log

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind
D = Decimal


@pytest.fixture
def version():
    return VersionFactory()


@pytest.fixture
def advocacy():
    return CompetencyDomain.objects.get(slug="advocacy")


@pytest.fixture
def ethics():
    return CompetencyDomain.objects.get(slug="ethical-responsibility")


def result(user, version, on=None, index=0):
    return eligibility_for(user=user, version=version, on=on).results[index]


def complete(user, course, module, *, on: date, hours="5", mode=DeliveryMode.SELF_PACED, domain=None):
    enrollment, _ = Enrollment.objects.get_or_create(user=user, course=course)
    return ModuleProgress.objects.create(
        enrollment=enrollment,
        module=module,
        hours_credited=D(hours),
        domain=domain if domain is not None else module.domain,
        delivery_mode=mode,
        completed_on=on,
    )


# --- Directly supervised practice ---------------------------------------------------------------------


def test_directly_supervised_hours_count_only_when_the_supervisor_confirms(version, trainee, supervisor):
    add_requirement(version, Kind.DIRECT_PRACTICE_HOURS, hours=D("5"))
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("10"))
    assign(supervisor, trainee)
    day = timezone.localdate() - timedelta(days=3)
    confirmed = hours_services.practice_log_create(
        trainee=trainee,
        date=day,
        hours=D("4"),
        kind="practice",
        supervisor=supervisor,
        directly_supervised=True,
    )
    declined = hours_services.practice_log_create(
        trainee=trainee,
        date=day,
        hours=D("3"),
        kind="practice",
        supervisor=supervisor,
        directly_supervised=True,
    )
    plain = hours_services.practice_log_create(
        trainee=trainee, date=day, hours=D("3"), kind="practice", supervisor=supervisor
    )
    pending = eligibility_for(user=trainee, version=version).results[0]
    assert pending.current == 0 and pending.pending == D("7")  # logged as direct, waiting
    hours_services.practice_log_decide(actor=supervisor, entry=confirmed, approve=True)
    hours_services.practice_log_decide(
        actor=supervisor, entry=declined, approve=True, directly_supervised=False
    )
    with pytest.raises(Invalid):  # a supervisor can't add "direct" the trainee didn't claim
        hours_services.practice_log_decide(
            actor=supervisor, entry=plain, approve=True, directly_supervised=True
        )
    hours_services.practice_log_decide(actor=supervisor, entry=plain, approve=True)
    direct, practice = eligibility_for(user=trainee, version=version).results
    assert direct.current == D("4") and not direct.met
    assert practice.current == D("10") and practice.met  # all of it is practice
    declined.refresh_from_db()
    assert declined.status == PracticeLog.Status.APPROVED and declined.direct_supervision_confirmed is False


def test_supervision_hours_cannot_be_directly_supervised(trainee, supervisor):
    assign(supervisor, trainee)
    with pytest.raises(Invalid) as exc:
        hours_services.practice_log_create(
            trainee=trainee,
            date=timezone.localdate(),
            hours=D("1"),
            kind="supervision",
            supervisor=supervisor,
            directly_supervised=True,
        )
    assert exc.value.field == "directly_supervised"
    assert not PracticeLog.objects.exists()


def test_editing_an_approved_entry_keeps_the_past_and_resets_the_confirmation(version, trainee, supervisor):
    add_requirement(version, Kind.DIRECT_PRACTICE_HOURS, hours=D("4"))
    assign(supervisor, trainee)
    entry = hours_services.practice_log_create(
        trainee=trainee,
        date=timezone.localdate() - timedelta(days=10),
        hours=D("4"),
        kind="practice",
        supervisor=supervisor,
        directly_supervised=True,
    )
    hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)
    HoursApproval.objects.update(approved_on=timezone.localdate() - timedelta(days=5))
    assert result(trainee, version).met
    hours_services.practice_log_update(actor=trainee, entry=entry, hours=D("5"))
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.PENDING and entry.direct_supervision_confirmed is None
    # Yesterday it stood approved; from today it waits for the supervisor again.
    assert result(trainee, version, on=timezone.localdate() - timedelta(days=1)).met
    assert not result(trainee, version, on=timezone.localdate()).met


# --- Windows ----------------------------------------------------------------------------------------------


def test_training_window_is_inclusive_on_its_first_day(catalogue, version, trainee, advocacy):
    add_requirement(version, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=D("5"), within_months=60)
    course = make_course(catalogue, title="Advocacy")
    module = make_module(course, hours=D("5"), domain=advocacy)
    complete(trainee, course, module, on=date(2019, 3, 31))
    # 60 months before 2024-03-31 is 2019-03-31: counted that day, not the day after.
    assert result(trainee, version, on=date(2024, 3, 31)).met
    assert not result(trainee, version, on=date(2024, 4, 1)).met
    # Month ends: 60 months before 2024-02-29 is 2019-02-28 (the shorter month's last day).
    ModuleProgress.objects.update(completed_on=date(2019, 2, 28))
    assert result(trainee, version, on=date(2024, 2, 29)).met
    ModuleProgress.objects.update(completed_on=date(2019, 2, 27))
    assert not result(trainee, version, on=date(2024, 2, 29)).met


def test_practice_window_and_several_windows_in_one_version(version, trainee, supervisor):
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("2"), within_months=12)
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("3"), within_months=24)
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("3"))
    log(trainee, supervisor, hours="1", on=date(2022, 6, 1))
    log(trainee, supervisor, hours="1", on=date(2023, 6, 1))
    log(trainee, supervisor, hours="1", on=date(2024, 5, 31))
    twelve, twenty_four, ever = eligibility_for(user=trainee, version=version, on=date(2024, 6, 1)).results
    assert (twelve.current, twenty_four.current, ever.current) == (D("2"), D("3"), D("3"))
    assert twelve.met and twenty_four.met and ever.met
    twelve, twenty_four, ever = eligibility_for(user=trainee, version=version, on=date(2024, 6, 2)).results
    assert (twelve.current, twenty_four.current) == (D("1"), D("2"))


# --- Domains, delivery modes ---------------------------------------------------------------------------


def test_any_of_several_domains_and_none_means_every_domain(version, trainee, supervisor, advocacy, ethics):
    other = DomainFactory(slug="hiv-aids", name="HIV/AIDS")
    add_requirement(version, Kind.PRACTICE_HOURS, domains=[advocacy, ethics], hours=D("3"))
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("4"))
    for domain in (advocacy, ethics, other, None):
        log(trainee, supervisor, hours="1", domain=domain)
    any_of, every = eligibility_for(user=trainee, version=version).results
    assert any_of.current == D("2") and every.current == D("4") and every.met
    assert any_of.label == "3 supervised practice hours in any of Advocacy or Ethical Responsibility"


def test_face_to_face_minimum_counts_only_hours_delivered_so(
    catalogue, version, trainee, ethics, program_admin
):
    add_requirement(
        version,
        Kind.DOMAIN_TRAINING_HOURS,
        domain=ethics,
        hours=D("16"),
        delivery_mode=Requirement.Delivery.FACE_TO_FACE,
        delivery_hours=D("8"),
        allow_external=True,
    )
    course = make_course(catalogue, title="Ethics")
    module = make_module(course, hours=D("10"), domain=ethics)
    complete(trainee, course, module, on=date(2024, 1, 10), hours="10", mode=DeliveryMode.LIVE_ONLINE)
    training_services.external_training_record(
        actor=program_admin,
        user=trainee,
        provider="Board-approved classroom",
        title="Ethics day",
        completed_on=date(2024, 2, 1),
        hours={ethics: D("6")},
        delivery_mode=DeliveryMode.FACE_TO_FACE,
    )
    row = result(trainee, version)
    assert row.current == D("16") and not row.met
    assert "6 of 8 hours face to face" in row.missing and row.progress_percent == 99
    assert row.label == "16 training hours in Ethical Responsibility, 8 of them face to face"
    ModuleProgress.objects.update(delivery_mode=DeliveryMode.FACE_TO_FACE)
    assert result(trainee, version).met


def test_live_delivery_counts_live_online_and_face_to_face_and_all_hours_when_no_number(
    catalogue, version, trainee, advocacy
):
    add_requirement(version, Kind.TOTAL_TRAINING_HOURS, hours=D("6"), delivery_mode=Requirement.Delivery.LIVE)
    course = make_course(catalogue, title="Mixed")
    modes = [DeliveryMode.SELF_PACED, DeliveryMode.LIVE_ONLINE, DeliveryMode.FACE_TO_FACE]
    for mode in modes:
        complete(
            trainee, course, make_module(course, hours=D("3")), on=date(2024, 1, 1), hours="3", mode=mode
        )
    row = result(trainee, version)
    assert row.current == D("6") and row.met  # the self-paced 3 hours don't count at all


# --- Board exams --------------------------------------------------------------------------------------------


@pytest.fixture
def exam(version):
    return ProgramExam.objects.create(
        program=version.program, slug="board", name="Board exam", passing_score=D("70")
    )


def test_board_exam_counts_from_the_day_recorded_and_within_its_window(version, trainee, exam, program_admin):
    add_requirement(version, Kind.OUTSIDE_EXAM_PASSED, exam=exam, within_months=24)
    enroll(trainee, version)
    taken = timezone.localdate() - timedelta(days=40)
    exam_services.outside_exam_result_record(
        actor=program_admin, user=trainee, exam=exam, taken_on=taken, passed=True, score=D("81")
    )
    OutsideExamResult.objects.update(recorded_on=taken + timedelta(days=10))
    assert not result(trainee, version, on=taken + timedelta(days=9)).met  # not known yet
    row = result(trainee, version, on=taken + timedelta(days=10))
    assert row.met and row.met_on == taken
    last_day = add_months(taken, 24)
    assert result(trainee, version, on=last_day).met
    assert not result(trainee, version, on=last_day + timedelta(days=1)).met
    assert "longer ago" in result(trainee, version, on=last_day + timedelta(days=1)).missing


def test_a_failed_result_never_counts_and_bad_results_are_refused(
    version, trainee, other_trainee, exam, program_admin
):
    add_requirement(version, Kind.OUTSIDE_EXAM_PASSED, exam=exam)
    enroll(trainee, version)
    day = timezone.localdate() - timedelta(days=3)
    exam_services.outside_exam_result_record(
        actor=program_admin, user=trainee, exam=exam, taken_on=day, passed=False
    )
    assert not result(trainee, version).met
    refusals = [
        (Invalid, {"user": other_trainee, "taken_on": day, "passed": True}),  # not in the program
        (Invalid, {"user": trainee, "taken_on": timezone.localdate() + timedelta(days=1), "passed": True}),
        (Invalid, {"user": trainee, "taken_on": day - timedelta(days=1), "passed": True, "score": D("60")}),
        (Invalid, {"user": trainee, "taken_on": day - timedelta(days=1), "passed": False, "score": D("75")}),
        (Invalid, {"user": trainee, "taken_on": day - timedelta(days=1), "passed": True, "score": D("-1")}),
        (Conflict, {"user": trainee, "taken_on": day, "passed": True}),  # already recorded that day
    ]
    for error, values in refusals:
        with pytest.raises(error):
            exam_services.outside_exam_result_record(actor=program_admin, exam=exam, **values)
    assert OutsideExamResult.objects.count() == 1


def test_exam_results_csv_is_all_or_nothing(version, trainee, exam, program_admin):
    enroll(trainee, version)
    good = f"email,exam,taken_on,result,score\n{trainee.email},board,2024-05-01,pass,88\n"
    bad = good + f"{trainee.email},nope,2024-05-02,pass,\nnobody@example.org,board,2024-05-03,fail,\n"
    report = exam_services.outside_exam_results_import_csv(
        actor=program_admin, program=version.program, data=bad
    )
    assert not report.ok and [line for line, _ in report.errors] == [3, 4]
    assert "Unknown exam for this program: nope" in report.errors[0][1]
    assert not OutsideExamResult.objects.exists()
    report = exam_services.outside_exam_results_import_csv(
        actor=program_admin, program=version.program, data=good
    )
    assert report.ok and report.created == 1
    assert OutsideExamResult.objects.get().score == D("88")


# --- Minimum age and education ---------------------------------------------------------------------------------


def test_minimum_age_on_the_birthday_and_a_29_february_birthday(version, trainee):
    add_requirement(version, Kind.MINIMUM_AGE, years=18)
    assert result(trainee, version).missing == "Date of birth not given yet"
    applicant_services.birth_date_attest(
        user=trainee, date_of_birth=date(2004, 2, 29), typed_name=trainee.full_name
    )
    BirthDateAttestation.objects.update(attested_on=date(2020, 1, 1))
    assert not result(trainee, version, on=date(2022, 2, 27)).met
    row = result(trainee, version, on=date(2022, 2, 28))  # the month rule: Feb 29 + 18 years
    assert row.met and row.met_on == date(2022, 2, 28) and row.current == 18
    staff = eligibility_for(user=trainee, version=version, on=date(2022, 2, 27)).redacted().results[0]
    assert staff.met_on is None and staff.current is None and "2022" not in staff.missing


def test_education_attestation_in_force_on_the_date(version, trainee):
    add_requirement(version, Kind.EDUCATION_ATTESTED, education_level="high_school")
    applicant_services.education_attest(user=trainee, level="none", typed_name=trainee.full_name)
    applicant_services.education_attest(user=trainee, level="associate", typed_name=trainee.full_name)
    first, second = EducationAttestation.objects.order_by("pk")
    EducationAttestation.objects.filter(pk=first.pk).update(
        attested_on=date(2023, 1, 1), superseded_on=date(2024, 1, 1)
    )
    EducationAttestation.objects.filter(pk=second.pk).update(attested_on=date(2024, 1, 1))
    assert not result(trainee, version, on=date(2023, 12, 31)).met
    assert result(trainee, version, on=date(2024, 1, 1)).met
    assert result(trainee, version, on=date(2022, 1, 1)).missing == "Education not attested yet"
    with pytest.raises(Invalid):
        applicant_services.education_attest(user=trainee, level="phd", typed_name=trainee.full_name)
    with pytest.raises(Invalid):
        applicant_services.birth_date_attest(
            user=trainee, date_of_birth=timezone.localdate() + timedelta(days=1), typed_name=trainee.full_name
        )
    assert EducationAttestation.objects.count() == 2 and not BirthDateAttestation.objects.exists()


# --- Qualified supervisors ------------------------------------------------------------------------------------------


def test_only_hours_signed_off_by_a_supervisor_qualified_on_the_entry_date_count(
    version, trainee, program_admin
):
    add_requirement(version, Kind.SUPERVISION_HOURS, hours=D("3"), qualified_supervisor=True)
    add_requirement(version, Kind.SUPERVISION_HOURS, hours=D("3"))
    qualified, unqualified = SupervisorFactory(), SupervisorFactory()
    qualifications.qualification_record(
        actor=program_admin,
        supervisor=qualified,
        credential="CCS",
        number="1",
        valid_from=date(2024, 1, 1),
        expires_on=date(2024, 6, 30),
    )
    SupervisorQualification.objects.update(recorded_on=date(2023, 12, 1))
    for day, who in [
        (date(2023, 12, 31), qualified),
        (date(2024, 1, 1), qualified),
        (date(2024, 6, 30), qualified),
        (date(2024, 7, 1), qualified),
        (date(2024, 3, 1), unqualified),
    ]:
        log(trainee, who, hours="1", kind=PracticeLog.Kind.SUPERVISION, on=day)
    strict, lenient = eligibility_for(user=trainee, version=version, on=date(2024, 8, 1)).results
    assert strict.current == D("2") and lenient.current == D("5")  # Jan 1 and Jun 30 only: inclusive
    assert strict.label == "3 hours of supervision, signed off by a qualified supervisor"
    # A credential recorded after the evaluation date was not known then.
    SupervisorQualification.objects.update(recorded_on=date(2024, 9, 1))
    assert result(trainee, version, on=date(2024, 8, 1)).current == 0


def test_qualification_rules(program_admin, trainee, supervisor):
    with pytest.raises(Invalid):
        qualifications.qualification_record(
            actor=program_admin, supervisor=trainee, credential="X", number="1", valid_from=date(2024, 1, 1)
        )
    with pytest.raises(Invalid):
        qualifications.qualification_record(
            actor=program_admin,
            supervisor=supervisor,
            credential="X",
            number="1",
            valid_from=date(2024, 1, 1),
            expires_on=date(2023, 1, 1),
        )
    with pytest.raises(Invalid):
        qualifications.qualification_record(
            actor=program_admin,
            supervisor=supervisor,
            credential=" ",
            number="1",
            valid_from=date(2024, 1, 1),
        )
    from lms.errors import Forbidden

    with pytest.raises(Forbidden):
        qualifications.qualification_record(
            actor=supervisor, supervisor=supervisor, credential="X", number="1", valid_from=date(2024, 1, 1)
        )
    assert not SupervisorQualification.objects.exists()


# --- As of a date: nothing counts before it happened -----------------------------------------------------------


def test_each_kind_of_fact_counts_from_the_day_it_happened(
    catalogue, version, trainee, supervisor, exam, advocacy, program_admin
):
    course = make_course(catalogue, title="Core")
    module = make_module(course, hours=D("2"), domain=advocacy)
    add_requirement(version, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=D("2"))
    add_requirement(version, Kind.COURSE_PASSED, course=course)
    add_requirement(version, Kind.FINAL_EXAM_PASSED, course=course)
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("1"))
    add_requirement(version, Kind.ETHICS_PLEDGE)
    add_requirement(version, Kind.OUTSIDE_EXAM_PASSED, exam=exam)
    enroll(trainee, version)
    pledge = add_pledge(version.program, effective=date(2020, 1, 1))
    complete(trainee, course, module, on=date(2024, 3, 10), hours="2")
    Enrollment.objects.filter(user=trainee).update(
        status=Enrollment.Status.COMPLETED, completed_on=date(2024, 3, 11)
    )
    final = Assessment.objects.create(
        course=course, kind=Assessment.Kind.FINAL_EXAM, title="Final", pass_mark=70
    )
    released = datetime(2024, 3, 12, 15, 0, tzinfo=ZoneInfo("America/New_York"))
    Attempt.objects.create(
        assessment=final,
        user=trainee,
        number=1,
        status=Attempt.Status.RELEASED,
        passed=True,
        pass_mark=70,
        released_at=released,
    )
    log(trainee, supervisor, hours="1", on=date(2024, 3, 1), approved_on=date(2024, 3, 13))
    PledgeSignature.objects.create(
        user=trainee, pledge=pledge, typed_name=trainee.full_name, signed_on=date(2024, 3, 14)
    )
    OutsideExamResult.objects.create(
        user=trainee, exam=exam, taken_on=date(2024, 3, 2), passed=True, recorded_on=date(2024, 3, 15)
    )
    days = [
        date(2024, 3, 10),
        date(2024, 3, 11),
        date(2024, 3, 12),
        date(2024, 3, 13),
        date(2024, 3, 14),
        date(2024, 3, 15),
    ]
    for index, day in enumerate(days):
        before = eligibility_for(user=trainee, version=version, on=day - timedelta(days=1)).results
        on_day = eligibility_for(user=trainee, version=version, on=day).results
        assert not before[index].met and on_day[index].met, (index, day)
    assert eligibility_for(user=trainee, version=version, on=date(2024, 3, 15)).eligible


def test_a_later_recovery_attestation_never_rewrites_an_earlier_evaluation(version, trainee):
    add_requirement(version, Kind.RECOVERY_MONTHS, months=12)
    first = recovery_services.recovery_attest(
        user=trainee, recovery_start_date=date(2022, 1, 1), typed_name=trainee.full_name
    )
    second = recovery_services.recovery_attest(
        user=trainee, recovery_start_date=date(2023, 6, 1), typed_name=trainee.full_name
    )
    RecoveryAttestation.objects.filter(pk=first.pk).update(
        attested_on=date(2022, 1, 5), superseded_on=date(2024, 2, 1)
    )
    RecoveryAttestation.objects.filter(pk=second.pk).update(attested_on=date(2024, 2, 1))
    assert result(trainee, version, on=date(2024, 1, 31)).met  # the 2022 start stood then
    assert not result(trainee, version, on=date(2024, 2, 1)).met  # the corrected start from that day
    assert result(trainee, version, on=date(2024, 6, 1)).met
    assert result(trainee, version, on=date(2022, 1, 4)).missing == "No recovery attestation yet"


def test_a_trainees_today_and_recorded_dates_are_in_their_own_time_zone(
    version, trainee, supervisor, monkeypatch
):
    """At 09:30 UTC on 2024-03-01 it is still 29 February in Honolulu and already 1 March in Kiritimati."""
    add_requirement(version, Kind.PRACTICE_HOURS, hours=D("1"))
    moment = datetime(2024, 3, 1, 9, 30, tzinfo=ZoneInfo("UTC"))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    trainee.time_zone = "Pacific/Honolulu"
    trainee.save()
    assign(supervisor, trainee)
    entry = hours_services.practice_log_create(
        trainee=trainee, date=date(2024, 2, 29), hours=D("1"), kind="practice", supervisor=supervisor
    )
    with pytest.raises(Invalid):  # 1 March is tomorrow in Honolulu
        hours_services.practice_log_create(
            trainee=trainee, date=date(2024, 3, 1), hours=D("1"), kind="practice", supervisor=supervisor
        )
    hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)
    assert HoursApproval.objects.get().approved_on == date(2024, 2, 29)
    elig = eligibility_for(user=trainee, version=version)
    assert elig.evaluated_on == date(2024, 2, 29) and elig.eligible
    far_east = TraineeFactory(time_zone="Pacific/Kiritimati")
    assert eligibility_for(user=far_east, version=version).evaluated_on == date(2024, 3, 1)


def test_pledge_signature_records_the_trainees_date(version, trainee, monkeypatch):
    pledge = add_pledge(version.program, effective=date(2020, 1, 1))
    monkeypatch.setattr(timezone, "now", lambda: datetime(2024, 3, 1, 3, 0, tzinfo=ZoneInfo("UTC")))
    trainee.time_zone = "America/Los_Angeles"
    trainee.save()
    signature = program_services.pledge_sign(user=trainee, pledge=pledge, typed_name=trainee.full_name)
    assert signature.signed_on == date(2024, 2, 29)


# --- Query counts --------------------------------------------------------------------------------------------------


def _history(users, supervisor, course, module, advocacy, exam, entries):
    for user in users:
        enroll(user, exam.program.versions.get())
        for i in range(entries):
            log(
                user,
                supervisor,
                hours="1",
                on=date(2024, 1, 1) + timedelta(days=i),
                domain=advocacy,
                direct=i % 2 == 0,
            )
        complete(user, course, module, on=date(2024, 1, 5), hours="2")
        OutsideExamResult.objects.create(
            user=user, exam=exam, taken_on=date(2024, 1, 2), passed=True, recorded_on=date(2024, 1, 3)
        )
        recovery_services.recovery_attest(
            user=user, recovery_start_date=date(2020, 1, 1), typed_name=user.full_name
        )
        applicant_services.birth_date_attest(
            user=user, date_of_birth=date(1990, 1, 1), typed_name=user.full_name
        )
        applicant_services.education_attest(user=user, level="bachelor", typed_name=user.full_name)


def test_query_count_is_constant_in_history_and_cohort_size(catalogue, advocacy, ethics):
    course = make_course(catalogue, title="Core")
    module = make_module(course, hours=D("2"), domain=advocacy)
    version = VersionFactory()
    exam = ProgramExam.objects.create(program=version.program, slug="b", name="Board")
    add_pledge(version.program)
    supervisor = SupervisorFactory()
    qualifications.qualification_record(
        actor=ProgramAdminFactory(),
        supervisor=supervisor,
        credential="CCS",
        number="9",
        valid_from=date(2020, 1, 1),
    )
    SupervisorQualification.objects.update(recorded_on=date(2020, 1, 1))
    for kind, params in [
        (Kind.COURSE_PASSED, {"course": course}),
        (Kind.FINAL_EXAM_PASSED, {"course": course}),
        (
            Kind.DOMAIN_TRAINING_HOURS,
            {"domains": [advocacy, ethics], "hours": D("2"), "allow_external": True, "within_months": 60},
        ),
        (
            Kind.TOTAL_TRAINING_HOURS,
            {"hours": D("2"), "delivery_mode": "face_to_face", "delivery_hours": D("1")},
        ),
        (Kind.PRACTICE_HOURS, {"hours": D("4"), "min_spread_months": 1, "within_months": 36}),
        (Kind.DIRECT_PRACTICE_HOURS, {"hours": D("2"), "qualified_supervisor": True}),
        (Kind.SUPERVISION_HOURS, {"hours": D("1")}),
        (Kind.RECOVERY_MONTHS, {"months": 12}),
        (Kind.ETHICS_PLEDGE, {}),
        (Kind.OUTSIDE_EXAM_PASSED, {"exam": exam, "within_months": 24}),
        (Kind.MINIMUM_AGE, {"years": 18}),
        (Kind.EDUCATION_ATTESTED, {"education_level": "high_school"}),
    ]:
        add_requirement(version, kind, **params)
    short = [TraineeFactory() for _ in range(3)]
    _history(short, supervisor, course, module, advocacy, exam, entries=4)
    long_ = [TraineeFactory() for _ in range(3)]
    _history(long_, supervisor, course, module, advocacy, exam, entries=40)
    more = [TraineeFactory() for _ in range(27)]
    _history(more, supervisor, course, module, advocacy, exam, entries=4)
    on = date(2024, 6, 1)
    counts = {}
    for name, users in {
        "one short": short[:1],
        "one long": long_[:1],
        "3": short,
        "30": short + more,
    }.items():
        with CaptureQueriesContext(connection) as ctx:
            results = eligibility_for_users(users=users, version=version, on=on)
        counts[name] = len(ctx.captured_queries)
        assert all(r.results[5].met for r in results), [(r.results[5].missing) for r in results][:3]
    assert counts["one short"] == counts["one long"] == counts["3"] == counts["30"], counts
    assert counts["one short"] <= 16, counts
