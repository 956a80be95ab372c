import pytest

from courses.services import enrollment_create
from tests import factories as base

from .factories import ESSAY, QUIZ, make_assessment


class World:
    """A course taught by `instructor` with two modules (each with a quiz) and a final exam with an
    essay; `trainee` is enrolled. `other_course` is taught by `other_instructor`."""


@pytest.fixture
def world(catalogue, trainee, instructor):
    w = World()
    w.instructor = instructor
    w.co_instructor = base.InstructorFactory()
    w.other_instructor = base.InstructorFactory()
    w.trainee = trainee
    w.course = base.make_course(catalogue, title="Listening", instructors=[instructor, w.co_instructor])
    w.module1 = base.make_module(w.course, title="One")
    w.module2 = base.make_module(w.course, title="Two")
    w.quiz1 = make_assessment(w.course, module=w.module1, questions=QUIZ)
    w.quiz2 = make_assessment(w.course, module=w.module2, questions=QUIZ)
    w.exam = make_assessment(
        w.course, questions=QUIZ + [ESSAY], release_policy="after_grading", pass_mark=70, max_attempts=2
    )
    w.other_course = base.make_course(catalogue, title="Other", instructors=[w.other_instructor])
    w.other_module = base.make_module(w.other_course, title="Other one")
    w.other_quiz = make_assessment(w.other_course, module=w.other_module, questions=QUIZ)
    w.other_trainee = base.TraineeFactory()
    enrollment_create(user=trainee, course=w.course)
    enrollment_create(user=w.other_trainee, course=w.other_course)
    return w
