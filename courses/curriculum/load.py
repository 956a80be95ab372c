"""Load a curriculum directory into the site: read and check every file first, then write pages and
assessments in one transaction, so a load either happens entirely or not at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import transaction
from wagtail.models import Site

from .data import Curriculum, CurriculumError, Problem
from .pages import load_pages
from .parse import read_curriculum
from .report import LoadReport
from .translate import load_translations

ERR_NO_HOME = "there is no site with a home page to load the catalogue under: run `manage.py seed_demo` first"


@dataclass
class LoadResult:
    curriculum: Curriculum
    report: LoadReport
    courses: dict = field(default_factory=dict)  # slug -> CoursePage
    assessments: dict = field(default_factory=dict)  # course slug -> [Assessment]


def default_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CurriculumError([Problem("", 0, ERR_NO_HOME)])
    return site.root_page.specific


def load_assessments(curriculum: Curriculum, *, courses, report: LoadReport) -> dict:
    """The quizzes and final exams, when the assessments app is installed."""
    if not apps.is_installed("assessments"):
        return {}
    from assessments.curriculum import load_assessments as load

    return load(curriculum, courses=courses, report=report)


def load_curriculum(
    path: str | Path | Curriculum | None = None, *, home=None, instructors=(), dry_run: bool = False
) -> LoadResult:
    """Read the curriculum at `path` (default courses/content/; or an already read Curriculum) and
    bring the site in line with it. `dry_run`: do everything, report it, keep nothing. Raises
    CurriculumError (file:line problems) before writing anything when a file is wrong, and with the
    whole load rolled back when it would lose trainees' work."""
    curriculum = path if isinstance(path, Curriculum) else read_curriculum(path)
    report = LoadReport()
    with transaction.atomic():
        home = home if home is not None else default_home()
        courses = load_pages(curriculum, home=home, instructors=instructors, report=report)
        load_translations(curriculum, courses=courses, home=home, report=report)
        assessments = load_assessments(curriculum, courses=courses, report=report)
        if dry_run:
            transaction.set_rollback(True)
    return LoadResult(curriculum=curriculum, report=report, courses=courses, assessments=assessments)
