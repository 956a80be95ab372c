"""Each role's home (lms.homes): where people land after logging in and from the header's home link.
Anonymous -> log in; each role sees its own section and only its own data; a person with several roles
gets one page with a section per role; a trainee lands on their learning dashboard, is offered the live
credential programs when they work toward none and joins one with one (CSRF-protected) button."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from certificates.issuing.models import CertificateApplication
from certificates.models import PracticeLog, ProgramEnrollment, Requirement
from courses.services import enrollment_create
from lms import roles
from tests import factories as base
from tests.assessments.factories import QUIZ, make_assessment
from tests.certificates.factories import VersionFactory, add_requirement, assign, enroll, log

from ..courses.factories import assert_accessible_basics

pytestmark = pytest.mark.django_db
HOME = reverse("site:home")
DASHBOARD = reverse("courses:dashboard")
PASSWORD = base.PASSWORD


def _waiting(assessment, user, *, status=Attempt.Status.AWAITING_GRADING, minutes_ago=60):
    return Attempt.objects.create(
        assessment=assessment,
        user=user,
        number=1,
        status=status,
        pass_mark=70,
        submitted_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def _section(html, name):
    part = html.split(f'id="{name}"', 1)
    assert len(part) == 2, f"no section {name}"
    return part[1].split("</section>")[0]


@pytest.fixture
def world(catalogue):
    """Two of each staff role, each with their own people, so every home can be checked for what it
    must not show."""
    w = type("World", (), {})()
    w.instructor, w.other_instructor = base.InstructorFactory(), base.InstructorFactory()
    w.supervisor, w.other_supervisor = base.SupervisorFactory(), base.SupervisorFactory()
    w.admin = base.ProgramAdminFactory()
    w.trainee = base.TraineeFactory(full_name="Tess Trainee")
    w.mine = base.TraineeFactory(full_name="Mina Supervisee")
    w.theirs = base.TraineeFactory(full_name="Theo Elsewhere")
    w.course = base.make_course(catalogue, title="Listening Skills", instructors=[w.instructor])
    w.other_course = base.make_course(catalogue, title="Ethics Other", instructors=[w.other_instructor])
    exam = make_assessment(w.course, questions=QUIZ)
    other_exam = make_assessment(w.other_course, questions=QUIZ)
    _waiting(exam, w.mine, minutes_ago=90)
    _waiting(exam, w.trainee, status=Attempt.Status.GRADED)
    _waiting(other_exam, w.theirs)
    assign(w.supervisor, w.mine)
    assign(w.other_supervisor, w.theirs)
    for _ in range(2):
        log(w.mine, w.supervisor, status=PracticeLog.Status.PENDING)
    log(w.theirs, w.other_supervisor, status=PracticeLog.Status.PENDING)
    w.version = VersionFactory(program__name="Peer Recovery (PR)", program__issuing_body="IC&RC")
    enroll(w.theirs, w.version)
    CertificateApplication.objects.create(
        user=w.theirs, version=w.version, program=w.version.program, submitted_by=w.theirs
    )
    return w


# --- who gets in, and where they land -------------------------------------------------------------


@pytest.mark.parametrize("url", [HOME, DASHBOARD])
def test_anonymous_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "who,lands_on",
    [("trainee", DASHBOARD), ("instructor", HOME), ("supervisor", HOME), ("admin", HOME)],
)
def test_logging_in_lands_each_role_on_its_home(client, world, who, lands_on):
    person = getattr(world, who)
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == HOME
    response = client.get(HOME)
    if lands_on == HOME:
        assert response.status_code == 200
        assert_accessible_basics(response.content.decode())
    else:
        assert response.status_code == 302 and response["Location"] == DASHBOARD
        assert "<h1>My learning</h1>" in client.get(DASHBOARD).content.decode()


@pytest.mark.parametrize(
    "who,label,href",
    [
        ("trainee", "My learning", DASHBOARD),
        ("instructor", "Home", HOME),
        ("supervisor", "Home", HOME),
        ("admin", "Home", HOME),
    ],
)
def test_header_link_fits_the_role(client, world, who, label, href):
    client.force_login(getattr(world, who))
    html = client.get(reverse("site:profile")).content.decode()
    nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    assert f'<a href="{href}">{label}</a>' in nav
    other = ("Home", HOME) if label == "My learning" else ("My learning", DASHBOARD)
    assert f'<a href="{other[1]}">{other[0]}</a>' not in nav


# --- each role's section, and nobody else's data ----------------------------------------------------


def test_instructor_sees_their_grading_queue_and_courses_only(client, world):
    client.force_login(world.instructor)
    html = client.get(HOME).content.decode()
    teaching = _section(html, "teaching")
    assert "1 to grade" in teaching and "1 to release" in teaching and "0 second marking" in teaching
    assert "Mina Supervisee" in teaching  # the attempt waiting, with its Grade button
    attempt = Attempt.objects.get(user=world.mine)
    assert reverse("assessments:grade_attempt", args=[attempt.pk]) in teaching
    assert "Listening Skills" in teaching
    assert reverse("assessments:gradebook", args=[world.course.pk]) in teaching
    assert reverse("wagtailadmin_pages:edit", args=[world.course.pk]) in teaching
    assert "Ethics Other" not in html and "Theo Elsewhere" not in html  # another instructor's course
    for other in ('id="administration"', 'id="supervision"', 'id="learning"'):
        assert other not in html
    assert "Peer Recovery (PR)" not in html


def test_instructors_own_attempt_is_not_in_their_queue(client, world):
    world.instructor.groups.add(*world.trainee.groups.all())  # an instructor who also takes the course
    quiz = make_assessment(world.course, module=base.make_module(world.course, title="M1"), questions=QUIZ)
    _waiting(quiz, world.instructor)
    client.force_login(world.instructor)
    teaching = _section(client.get(HOME).content.decode(), "teaching")
    assert "1 to grade" in teaching


def test_supervisor_sees_hours_waiting_from_their_supervisees_only(client, world):
    client.force_login(world.supervisor)
    html = client.get(HOME).content.decode()
    supervision = _section(html, "supervision")
    assert "2 entries of hours are waiting for your decision." in supervision
    assert f"{reverse('certificates:queue')}?trainee={world.mine.pk}" in supervision
    assert "Mina Supervisee" in supervision
    assert "Theo Elsewhere" not in html
    for other in ('id="administration"', 'id="teaching"', 'id="learning"'):
        assert other not in html


def test_supervisor_with_nothing_waiting_is_told_so(client, world):
    PracticeLog.objects.filter(supervisor=world.supervisor).update(status=PracticeLog.Status.APPROVED)
    client.force_login(world.supervisor)
    assert "No hours are waiting for your decision." in client.get(HOME).content.decode()


def test_an_ended_supervision_no_longer_shows_its_trainee(client, world):
    world.supervisor.supervisees.update(is_active=False)
    client.force_login(world.supervisor)
    html = client.get(HOME).content.decode()
    assert "Mina Supervisee" not in html and "No hours are waiting" in html


def test_administrator_sees_applications_cohorts_and_edits_to_review(client, world):
    client.force_login(world.admin)
    html = client.get(HOME).content.decode()
    admin = _section(html, "administration")
    assert "Theo Elsewhere" in admin and "Peer Recovery (PR)" in admin  # the application waiting
    assert '<span class="tag">1</span>' in admin.split('id="applications"')[1].split("</h3>")[0]
    assert reverse("certificates:issuing:manage") in admin
    program = world.version.program
    assert reverse("certificates:cohort", args=[program.slug]) in admin
    assert "1 trainee working toward it" in admin
    assert "No course edit is waiting for review." in admin
    for other in ('id="teaching"', 'id="supervision"', 'id="learning"'):
        assert other not in html
    assert "Mina Supervisee" not in html  # grading and hours are the instructor's and supervisor's


def test_administrator_counts_more_applications_than_it_lists(client, world):
    for _ in range(6):
        person = base.TraineeFactory()
        enroll(person, world.version)
        CertificateApplication.objects.create(
            user=person, version=world.version, program=world.version.program
        )
    client.force_login(world.admin)
    admin = _section(client.get(HOME).content.decode(), "administration")
    assert '<span class="tag">7</span>' in admin
    assert admin.split('id="cohorts"')[0].count("<li>") == 5


def test_a_person_with_several_roles_gets_one_home_with_each_section(client, world):
    person = base.UserFactory(
        roles=[roles.INSTRUCTOR, roles.SUPERVISOR, roles.TRAINEE], full_name="Multi Role"
    )
    world.course.instructors.add(person)
    assign(person, world.theirs)
    log(world.theirs, person, status=PracticeLog.Status.PENDING)
    enrollment_create(user=person, course=world.other_course)
    client.force_login(person)
    html = client.get(HOME).content.decode()
    for name in ("teaching", "supervision", "learning"):
        assert f'href="#{name}"' in html  # the page's own table of contents
        _section(html, name)
    assert 'id="administration"' not in html
    assert "1 entry of hours is waiting for your decision." in _section(html, "supervision")
    learning = _section(html, "learning")
    assert "1 course in progress" in learning and f'href="{DASHBOARD}"' in learning
    assert "Work toward this credential" in learning  # no program yet: offered, one click away
    assert html.count("<h1") == 1


# --- a trainee with no program, no course ------------------------------------------------------------


def test_trainee_without_a_program_is_offered_live_programs_only(client, world):
    closed = VersionFactory(program__name="Closed Program", program__is_active=False).program
    future = VersionFactory(program__name="Future Program", effective_date=date(2999, 1, 1)).program
    client.force_login(world.trainee)
    html = client.get(DASHBOARD).content.decode()
    offer = _section(html, "certification")
    program = world.version.program
    assert "Peer Recovery (PR)" in offer and "IC&amp;RC" in offer
    assert f'action="{reverse("certificates:enroll", args=[program.slug])}"' in offer
    assert 'name="csrfmiddlewaretoken"' in offer
    assert closed.name not in html and future.name not in html
    assert "Start by choosing the credential you are working toward" in _section(html, "next-step")
    assert_accessible_basics(html)


def test_trainee_joins_a_program_in_one_click(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.trainee)
    html = browser.get(DASHBOARD).content.decode()
    program = world.version.program
    action = reverse("certificates:enroll", args=[program.slug])
    assert browser.post(action).status_code == 403  # no CSRF token: refused, nothing joined
    assert not ProgramEnrollment.objects.filter(user=world.trainee).exists()

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = browser.post(action, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == reverse("certificates:dashboard")
    joined = ProgramEnrollment.objects.get(user=world.trainee)
    assert joined.program == program and joined.version == world.version

    html = browser.get(DASHBOARD).content.decode()
    assert "Work toward this credential" not in html
    assert "See my certification checklist" in html and "Peer Recovery (PR)" in html


def test_trainee_in_a_program_with_no_course_is_shown_the_courses_it_asks_for(client, world, catalogue):
    enroll(world.trainee, world.version)
    add_requirement(world.version, Requirement.Kind.COURSE_PASSED, course=world.course)
    started = base.make_course(catalogue, title="Started Course")
    add_requirement(world.version, Requirement.Kind.COURSE_PASSED, course=started)
    client.force_login(world.trainee)
    next_step = _section(client.get(DASHBOARD).content.decode(), "next-step")
    assert "Your program asks for these courses" in next_step
    assert f'href="{world.course.url}"' in next_step and f'href="{started.url}"' in next_step

    enrollment_create(user=world.trainee, course=started)
    next_step = _section(client.get(DASHBOARD).content.decode(), "next-step")
    assert "Your program asks for these courses" not in next_step  # a course in progress: continue it


def test_trainee_sees_no_staff_section_nor_anyone_elses_data(client, world):
    client.force_login(world.trainee)
    html = client.get(DASHBOARD).content.decode()
    for other in ('id="administration"', 'id="teaching"', 'id="supervision"'):
        assert other not in html
    for name in ("Mina Supervisee", "Theo Elsewhere", "Ethics Other"):
        assert name not in html
