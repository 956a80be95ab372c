"""A course whose first module carries a reflection, a role-play and a face-to-face attendance, with
the people the permission tests need: the trainee, a classmate, a trainee of no course, the course's
instructor, an instructor of another course and a program administrator."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from courses import services as course_services
from courses.activities.models import ModuleActivity
from courses.models import CompetencyDomain, CoursePage, ModulePage
from tests.factories import InstructorFactory, ProgramAdminFactory, TraineeFactory, make_course, make_module

WORDS = " ".join(["word"] * 30)


@dataclass
class World:
    course: CoursePage
    other_course: CoursePage
    module: ModulePage
    second: ModulePage
    reflection: ModuleActivity
    role_play: ModuleActivity
    attendance: ModuleActivity
    domain: CompetencyDomain
    trainee: object
    classmate: object
    stranger: object
    instructor: object
    other_instructor: object
    admin: object


def _activity(module, key, kind, hours, order, **fields):
    activity = ModuleActivity(
        module=module,
        key=key,
        kind=kind,
        title=f"Activity {key}",
        instructions=f"Do {key}.",
        hours=Decimal(hours),
        sort_order=order,
        **fields,
    )
    activity.full_clean()
    activity.save()
    return activity


@pytest.fixture
def world(catalogue):
    domain = CompetencyDomain.objects.get(slug="advocacy")
    instructor, other_instructor = InstructorFactory(full_name="Ina Structor"), InstructorFactory()
    course = make_course(catalogue, title="Practice course", instructors=[instructor], domains=[domain])
    other_course = make_course(
        catalogue, title="Other course", instructors=[other_instructor], domains=[domain]
    )
    module = make_module(course, title="Practice module", hours=Decimal("0.5"), domain=domain)
    second = make_module(course, title="Second module", hours=Decimal("0.5"), domain=domain)
    trainee, classmate = TraineeFactory(full_name="Tara Trainee"), TraineeFactory(full_name="Cal Mate")
    for person in (trainee, classmate):
        course_services.enrollment_create(user=person, course=course)
    return World(
        course=course,
        other_course=other_course,
        module=module,
        second=second,
        reflection=_activity(module, "reflect", "reflection", "0.5", 0, min_words=20),
        role_play=_activity(module, "practise", "role_play", "1", 1),
        attendance=_activity(module, "workshop", "attendance", "4", 2, delivery_mode="face_to_face"),
        domain=domain,
        trainee=trainee,
        classmate=classmate,
        stranger=TraineeFactory(),
        instructor=instructor,
        other_instructor=other_instructor,
        admin=ProgramAdminFactory(),
    )
