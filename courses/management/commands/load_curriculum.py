"""manage.py load_curriculum [--path DIR] [--dry-run]: bring the site's courses, modules, quizzes and
final exams in line with the curriculum files (docs/authoring.md)."""

from django.core.management.base import BaseCommand, CommandError

from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import DEFAULT_DIR


class Command(BaseCommand):
    help = (
        "Load the curriculum files (courses/content/ by default) into the site: new pages are created, "
        "changed ones get one new published revision, unchanged ones are left alone. Every file is "
        "checked first; on any problem nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(DEFAULT_DIR), help="The curriculum folder.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the files and report what would change; save nothing.",
        )

    def handle(self, *args, path, dry_run, **options):
        try:
            result = load_curriculum(path, dry_run=dry_run)
        except CurriculumError as error:
            count = len(error.problems)
            raise CommandError(
                f"The curriculum in {path} was not loaded ({count} problem{'s' if count != 1 else ''}; "
                "nothing was changed):\n" + "\n".join(str(p) for p in error.problems)
            )
        for line in result.report.lines():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
        elif result.report.changed:
            self.stdout.write(self.style.SUCCESS("Curriculum loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("Curriculum loaded: the site already matched the files."))
