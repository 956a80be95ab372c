"""Drawing an attempt's paper: pinned questions always, the rest at random from the unpinned ones.

The random source is injectable (`rng`), so a test can seed it and get the same papers every run; an
attempt uses the system's random source."""

import random

from ..models import Assessment, Question


def questions_draw(*, assessment: Assessment, rng: random.Random) -> list[Question]:
    """The questions of one attempt. With `questions_per_attempt` N of a pool of M: every pinned question
    plus N - pinned drawn from the unpinned ones (the whole pool when N is empty). In the pool's order
    unless the assessment shuffles questions. An assessment with more pinned questions than N is not
    ready (assessments.rules), so it never gets here through attempt_start."""
    pool = list(assessment.questions.order_by("sort_order", "pk"))
    wanted = assessment.questions_per_attempt or len(pool)
    pinned = [q for q in pool if q.always_include]
    rest = [q for q in pool if not q.always_include]
    drawn = pinned + rng.sample(rest, max(0, min(len(rest), wanted - len(pinned))))
    if assessment.shuffle_questions:
        rng.shuffle(drawn)
    else:
        drawn.sort(key=lambda q: (q.sort_order or 0, q.pk))
    return drawn
