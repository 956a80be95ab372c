"""A course whose first module has two "Pause and reflect" prompts, with the people the permission
tests need: the author, a classmate, a trainee of another course, the course's instructor, an
instructor of another course, a supervisor and a program administrator."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from courses import services as course_services
from courses.models import CompetencyDomain, CoursePage, ModulePage
from tests.factories import (
    InstructorFactory,
    ProgramAdminFactory,
    SupervisorFactory,
    TraineeFactory,
    make_course,
    make_module,
)

BODY = [
    ("paragraph", "<p>Reading.</p>"),
    ("reflection", {"prompt": "What does asking directly feel like?"}),
    ("paragraph", "<p>More reading.</p>"),
    ("reflection", {"prompt": "Who would you call first?"}),
]


@dataclass
class World:
    course: CoursePage
    other_course: CoursePage
    module: ModulePage
    second: ModulePage
    other_module: ModulePage
    prompts: list  # [(block id, prompt)] of `module`
    trainee: object
    classmate: object
    stranger: object  # a trainee of the other course
    instructor: object
    other_instructor: object
    supervisor: object
    admin: object


@pytest.fixture
def world(catalogue):
    domain = CompetencyDomain.objects.get(slug="advocacy")
    instructor = InstructorFactory(full_name="Ina Structor")
    other_instructor = InstructorFactory(full_name="Otto Ther")
    course = make_course(catalogue, title="Crisis course", instructors=[instructor], domains=[domain])
    other_course = make_course(
        catalogue, title="Other course", instructors=[other_instructor], domains=[domain]
    )
    module = make_module(course, title="Asking directly", hours=Decimal("0.5"), domain=domain, body=BODY)
    second = make_module(course, title="Second module", hours=Decimal("0.5"), domain=domain)
    other_module = make_module(other_course, title="Elsewhere", domain=domain, body=BODY[:2])
    trainee, classmate = TraineeFactory(full_name="Tara Trainee"), TraineeFactory(full_name="Cal Mate")
    stranger = TraineeFactory(full_name="Stran Ger")
    for person in (trainee, classmate):
        course_services.enrollment_create(user=person, course=course)
    course_services.enrollment_create(user=stranger, course=other_course)
    return World(
        course=course,
        other_course=other_course,
        module=module,
        second=second,
        other_module=other_module,
        prompts=module.reflection_prompts(),
        trainee=trainee,
        classmate=classmate,
        stranger=stranger,
        instructor=instructor,
        other_instructor=other_instructor,
        supervisor=SupervisorFactory(),
        admin=ProgramAdminFactory(),
    )


def field(block_id: str) -> str:
    return f"journal-{block_id}-text"
