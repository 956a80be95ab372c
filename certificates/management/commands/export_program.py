"""manage.py export_program SLUG [--output FILE]: a program's versions, requirements and code of
ethics as JSON (courses and domains referenced by slug), for another site's import_program."""

import json

from django.core.management.base import BaseCommand, CommandError

from certificates.models import CredentialProgram
from certificates.programs.transfer import program_export


class Command(BaseCommand):
    help = "Export a credential program as JSON."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, slug, output=None, **options):
        program = CredentialProgram.objects.filter(slug=slug).first()
        if program is None:
            raise CommandError(f"No program with slug {slug!r}.")
        text = json.dumps(program_export(program=program), indent=2, ensure_ascii=False) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
            self.stderr.write(f"Wrote {output}")
        else:
            self.stdout.write(text, ending="")
