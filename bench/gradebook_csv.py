"""Benchmark: stream a course's gradebook CSV for 10,000 trainees; print time and peak Python memory.

    .venv/bin/python bench/gradebook_csv.py [--trainees 10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/gradebook_csv.py

Builds a throw-away test database (SQLite in memory by default), enrols N trainees with attempts at
every assessment, then downloads /assessments/gradebook/<id>/csv/ through the Django test client as an
instructor, reading the streamed body chunk by chunk. Runs at N/10 and N so the memory figures can be
compared: streaming keeps the peak roughly flat while the row count grows tenfold."""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Page  # noqa: E402

from assessments.models import Assessment, Attempt  # noqa: E402
from courses.models import CoursePage, Enrollment, ModulePage  # noqa: E402
from lms.models import User  # noqa: E402


def build(n: int, tag: str):
    root = Page.get_first_root_node()
    instructor = User.objects.create_user(email=f"bench-instructor-{tag}@example.org", password="x")
    course = CoursePage(title=f"Bench course {tag}", slug=f"bench-{tag}", summary="Bench")
    root.add_child(instance=course)
    course.instructors.add(instructor)
    course.save()
    assessments = []
    for i in range(3):
        module = ModulePage(title=f"Module {i}", slug=f"m{i}", body=[])
        course.add_child(instance=module)
        assessments.append(
            Assessment.objects.create(course=course, module=module, kind="module_quiz", title=f"Quiz {i}")
        )
    assessments.append(Assessment.objects.create(course=course, kind="final_exam", title="Final"))
    users = User.objects.bulk_create(
        [User(email=f"t{tag}-{i}@example.org", full_name=f"Trainee {i:05d}", password="!") for i in range(n)],
        batch_size=2000,
    )
    Enrollment.objects.bulk_create([Enrollment(user=u, course=course) for u in users], batch_size=2000)
    attempts = []
    for i, user in enumerate(users):
        for a in assessments:
            for number in (1, 2) if i % 3 == 0 else (1,):
                pct = Decimal((i * 7 + number * 13) % 101)
                attempts.append(
                    Attempt(
                        assessment=a,
                        user=user,
                        number=number,
                        status="released",
                        pass_mark=80,
                        score=pct,
                        max_score=Decimal(100),
                        percent=pct,
                        passed=pct >= 80,
                    )
                )
    Attempt.objects.bulk_create(attempts, batch_size=5000)
    return instructor, course


def measure(n: int, tag: str, *, quiet: bool = False) -> None:
    instructor, course = build(n, tag)
    client = Client()
    client.force_login(instructor)
    tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    response = client.get(f"/assessments/gradebook/{course.pk}/csv/")
    assert response.streaming, "the gradebook CSV must be streamed"
    lines = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if quiet:
        return
    print(
        f"{n:>6} trainees: {lines - 1:>6} rows, {size / 1024:8.0f} KiB in {elapsed:6.2f} s, "
        f"peak Python memory while streaming {peak / 1024 / 1024:6.2f} MiB ({connection.vendor})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=10000)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        measure(10, "warmup", quiet=True)  # first request loads URLconfs and templates
        measure(max(1, args.trainees // 10), "small")
        measure(args.trainees, "large")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
