"""Issue certificates for every eligible trainee of a program (or one, by email), printing each code.

Runs the issuing pipeline in this process (render, sign, store, email), so a printed code is an
issued certificate; --queue hands the work to Celery instead."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from certificates.issuing import services
from certificates.issuing.codes import format_code
from certificates.models import CredentialProgram
from lms.errors import DomainError
from lms.models import User


class Command(BaseCommand):
    help = "Issue certificates for every eligible trainee enrolled in a program."

    def add_arguments(self, parser):
        parser.add_argument("--program", required=True, help="The program's slug.")
        parser.add_argument("--trainee", help="Only this trainee (email address).")
        parser.add_argument("--actor", help="Record this program administrator (email) as the approver.")
        parser.add_argument("--queue", action="store_true", help="Leave rendering and signing to Celery.")

    def handle(self, *args, **options):
        program = CredentialProgram.objects.filter(slug=options["program"]).first()
        if program is None:
            raise CommandError(f"No program with the slug {options['program']!r}.")
        actor = None
        if options.get("actor"):
            actor = User.objects.filter(email__iexact=options["actor"]).first()
            if actor is None:
                raise CommandError(f"No user {options['actor']!r}.")
        try:
            candidates = services.bulk_candidates(program=program, email=options.get("trainee"))
        except DomainError as exc:
            raise CommandError(exc.message)
        eligible = [(u, v) for u, v, ok in candidates if ok]
        not_eligible = [u for u, _v, ok in candidates if not ok]
        self.stdout.write(f"{program.name}: {len(eligible)} eligible, {len(not_eligible)} not eligible yet.")
        issued, skipped = 0, 0
        out = getattr(self.stdout, "_out", self.stdout)  # codes go to stdout, the bar to stderr
        with tqdm(total=len(eligible), unit="certificate", disable=not eligible, file=self.stderr) as bar:
            for user, version in eligible:
                try:
                    row = services.bulk_issue_one(
                        actor=actor, user=user, version=version, eligible=True, enqueue=options["queue"]
                    )
                    if row.certificate is not None and not options["queue"]:
                        outcome = services.certificate_issue_run(certificate_id=row.certificate.pk)
                        if outcome.cancelled:
                            row.skipped, row.certificate = "no longer eligible", None
                except DomainError as exc:
                    bar.write(file=out, s=f"  {user.get_full_name()}: {exc.message}")
                    skipped += 1
                    bar.update(1)
                    continue
                if row.certificate is None:
                    bar.write(file=out, s=f"  skipped {user.get_full_name()} <{user.email}>: {row.skipped}")
                    skipped += 1
                else:
                    bar.write(
                        file=out,
                        s=f"  {format_code(row.certificate.code)}  {user.get_full_name()} <{user.email}>",
                    )
                    issued += 1
                bar.update(1)
        if options.get("trainee") and not eligible:
            for user in not_eligible:
                self.stdout.write(f"  {user.email} does not meet every requirement yet.")
        verb = "queued" if options["queue"] else "issued"
        self.stdout.write(self.style.SUCCESS(f"{issued} certificate(s) {verb}, {skipped} skipped."))
