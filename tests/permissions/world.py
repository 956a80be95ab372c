"""One world for the permission matrices, built once per test module (inside a transaction rolled back
at the end of the module; each test and each role's request roll back their own changes).

Objects belong to `trainee`; `other_trainee` is another trainee acting on them. `instructor` teaches the
courses; `supervisor` supervises `trainee`; `program_admin` administers programs. Nobody is a superuser."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assessments import services as assessment_services
from certificates.hours import qualifications
from certificates.issuing import badges, signing
from certificates.issuing import services as issuing_services
from certificates.models import PracticeLog, ProgramExam, Requirement
from courses import services as course_services
from courses.models import CatalogPage
from tests import factories as base
from tests.assessments.factories import ESSAY, QUIZ, answers_for, make_assessment
from tests.certificates.factories import VersionFactory, add_pledge, add_requirement, assign, enroll, log

ROLES = ("anonymous", "trainee", "other_trainee", "instructor", "supervisor", "program_admin")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)  # placeholder -> value used in paths and bodies
    bodies: dict = field(default_factory=dict)


def _pages():
    home = base.make_home(slug="home-perm")
    catalogue = CatalogPage(title="Courses", slug="perm-courses")
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    return home, CatalogPage.objects.get(pk=catalogue.pk)


def _sit(user, assessment):
    attempt = assessment_services.attempt_start(user=user, assessment=assessment)
    return assessment_services.attempt_submit(attempt=attempt, user=user, answers=answers_for(attempt))


def _admin_world(w: World) -> None:
    """What the admin matrix needs besides: the demo groups' permissions (as seed_demo grants them),
    a course the instructor does not teach (with a module, a quiz and an essay rubric), a content page."""
    from assessments import seed as assessments_seed
    from cms.models import ContentPage
    from courses import seed as courses_seed
    from courses.models import CompetencyDomain

    courses_seed._grant_permissions(w.catalogue)
    assessments_seed._grant_permissions()
    other = base.make_course(w.catalogue, title="Not taught here", instructors=[base.InstructorFactory()])
    w.other_course = other
    w.other_module = base.make_module(other, title="Their module")
    w.other_exam = make_assessment(other, questions=[ESSAY])
    w.other_rubric = w.other_exam.questions.get(kind="essay").rubric
    content = ContentPage(title="About", slug="perm-about")
    w.home.add_child(instance=content)
    content.save_revision().publish()
    w.content_page = content
    w.domain = CompetencyDomain.objects.first() or CompetencyDomain.objects.create(slug="d", name="D")


def build_world() -> World:
    w = World()
    trainee = base.TraineeFactory(full_name="Tess Trainee")
    w.users = {
        "anonymous": None,
        "trainee": trainee,
        "other_trainee": base.TraineeFactory(full_name="Otto Other"),
        "instructor": base.InstructorFactory(full_name="Ivy Instructor"),
        "supervisor": base.SupervisorFactory(full_name="Sid Supervisor"),
        "program_admin": base.ProgramAdminFactory(full_name="Ada Admin"),
    }
    instructor, supervisor, admin = w.users["instructor"], w.users["supervisor"], w.users["program_admin"]
    w.home, w.catalogue = _pages()

    # Courses: `course` (module A to read, module B with a quiz, a final exam with an essay the trainee
    # has submitted), `course2` (a quiz the trainee is taking), `course3` (a module to mark complete).
    course = base.make_course(w.catalogue, title="Perm course", instructors=[instructor])
    module_a = base.make_module(course, title="Read me")
    module_b = base.make_module(course, title="Quiz me")
    quiz_b = make_assessment(course, module=module_b, questions=QUIZ)
    exam = make_assessment(course, questions=QUIZ + [ESSAY], release_policy="after_grading")
    course2 = base.make_course(w.catalogue, title="Perm course two", instructors=[instructor])
    module_c = base.make_module(course2, title="Quiz first")
    quiz_c = make_assessment(course2, module=module_c, questions=QUIZ)
    course3 = base.make_course(w.catalogue, title="Perm course three", instructors=[instructor])
    module_d = base.make_module(course3, title="Just read")
    for c in (course, course2, course3):
        course_services.enrollment_create(user=trainee, course=c)
    course_services.module_complete(user=trainee, module=module_a)
    _sit(trainee, quiz_b)
    exam_attempt = _sit(trainee, exam)
    open_attempt = assessment_services.attempt_start(user=trainee, assessment=quiz_c)
    w.exam_attempt = exam_attempt
    w.course, w.module_a, w.exam, w.rubric = course, module_a, exam, exam.questions.get(kind="essay").rubric

    # Certification: two programs; the trainee holds a certificate of the first and has applied for the
    # second; an hours entry waits for the supervisor; the supervisor has a recorded credential.
    signing.ensure_dev_material()
    v1 = VersionFactory(program__slug="perm-one", program__name="Perm One")
    add_requirement(v1, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("1"))
    add_pledge(v1.program)
    ProgramExam.objects.create(program=v1.program, slug="board", name="Board exam", sort_order=0)
    v2 = VersionFactory(program__slug="perm-two", program__name="Perm Two")
    add_requirement(v2, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("1"))
    assign(supervisor, trainee)
    enroll(trainee, v1)
    enroll(trainee, v2)
    log(trainee, supervisor, hours="2")
    entry = log(trainee, supervisor, hours="1", status=PracticeLog.Status.PENDING, on=date(2024, 5, 2))
    application = issuing_services.application_submit(actor=admin, user=trainee, version=v1)
    certificate = issuing_services.application_approve(actor=admin, application=application, enqueue=False)
    issuing_services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    credential_link, _ = issuing_services.credential_publish(actor=trainee, certificate=certificate)
    pending_application = issuing_services.application_submit(actor=trainee, user=trainee, version=v2)
    qualification = qualifications.qualification_record(
        actor=admin, supervisor=supervisor, credential="CCS", number="1", valid_from=date(2020, 1, 1)
    )
    from certificates.issuing.codes import format_code
    from certificates.programs import library

    _admin_world(w)

    w.ids = {
        "course_id": course.pk,
        "enrol_course_id": course3.pk,
        "module_id": module_d.pk,
        "assessment_id": quiz_c.pk,
        "attempt_id": open_attempt.pk,
        "grading_attempt_id": exam_attempt.pk,
        "gradebook_course_id": course.pk,
        "slug": v1.program.slug,
        "library_slug": library.library_programs()[0].slug,
        "user_id": trainee.pk,
        "supervisor_id": supervisor.pk,
        "entry_id": entry.pk,
        "qualification_id": qualification.pk,
        "code": format_code(certificate.code),
        "token": credential_link.token,
        "link_id": credential_link.pk,
        "purpose": "revocation",
        "kid": badges.jwks()["keys"][0]["kid"],
        "application_id": pending_application.pk,
        "version_id": v2.pk,
        "rubric_id": w.rubric.pk,
        "criterion_id": w.rubric.criteria.order_by("pk").first().pk,
    }
    return w
