"""manage.py load_curriculum [--path DIR] [--dry-run]: bring the site's courses, modules, quizzes and
final exams in line with the curriculum files (docs/authoring.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import DEFAULT_DIR, read_curriculum


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

    def _summary(self, curriculum) -> None:
        """What the files hold: an author checking a change sees the hours it makes."""
        modules = [m for c in curriculum.courses for m in c.modules]
        activities = sum(len(m.activities) for m in modules)
        self.stdout.write(
            f"Files checked: {len(curriculum.courses)} courses, {len(modules)} modules, {activities} activities."
        )
        face = curriculum.hours_by_domain(delivery_mode="face_to_face")
        for slug, hours in sorted(curriculum.hours_by_domain().items()):
            extra = f" ({face[slug]} face to face)" if face.get(slug) else ""
            self.stdout.write(f"  {slug}: {hours} hours with every activity recorded{extra}")

    def handle(self, *args, path, dry_run, **options):
        try:
            curriculum = read_curriculum(path)
            self._summary(curriculum)
            if dry_run and "wagtailcore_site" not in connection.introspection.table_names():
                self.stdout.write(
                    self.style.WARNING(
                        "Dry run: the files are valid; this database has no tables, so what a load would change is not shown."
                    )
                )
                return
            result = load_curriculum(curriculum, dry_run=dry_run)
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
