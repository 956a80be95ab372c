"""`manage.py outbox`: how many emails are in each state, the ones that need a person, and a
deliberate resend.

  manage.py outbox                  counts, then every email that needs a check or failed
  manage.py outbox --status queued  list the emails in one state
  manage.py outbox --resend 12 15   resend those (only `unknown` or `failed` ones; audited)
  manage.py outbox --sweep          run the periodic sweep now
  manage.py outbox --check          exit 1 when any email needs a check or failed (for monitoring)
"""

from django.core.management.base import BaseCommand, CommandError

from lms.errors import DomainError
from lms.outbox.models import OutboxMessage
from lms.outbox.services import outbox_counts, outbox_resend, outbox_sweep

Status = OutboxMessage.Status
ATTENTION = [Status.UNKNOWN, Status.FAILED]
LIST_LIMIT = 200


class Command(BaseCommand):
    help = "List the email outbox by state and resend emails that need a check."

    def add_arguments(self, parser):
        parser.add_argument("--status", choices=Status.values, help="List the emails in this state.")
        parser.add_argument("--resend", nargs="+", type=int, metavar="ID", help="Resend these emails.")
        parser.add_argument("--sweep", action="store_true", help="Run the periodic sweep now.")
        parser.add_argument("--check", action="store_true", help="Exit 1 if any email needs attention.")

    def handle(self, *args, **options):
        if options["resend"]:
            self._resend(options["resend"])
            return
        if options["sweep"]:
            result = outbox_sweep()
            self.stdout.write(
                f"sweep: delivered {result.delivered}, not sent {result.failed}, "
                f"newly needing a check {result.needs_check}"
            )
        counts = outbox_counts()
        for status in Status.values:
            self.stdout.write(f"{status}: {counts[status]}")
        statuses = [options["status"]] if options["status"] else ATTENTION
        for row in OutboxMessage.objects.filter(status__in=statuses).order_by("pk")[:LIST_LIMIT]:
            claimed = row.claimed_at.isoformat(timespec="seconds") if row.claimed_at else "-"
            self.stdout.write(
                f"{row.pk}\t{row.status}\t{row.key}\t{row.to}\tattempts={row.attempts}\t"
                f"claimed={claimed}\t{row.last_error}"
            )
        if options["check"] and any(counts[s] for s in ATTENTION):
            raise CommandError(f"{sum(counts[s] for s in ATTENTION)} outbox email(s) need attention.")

    def _resend(self, ids):
        problems = 0
        for pk in ids:
            try:
                sent = outbox_resend(actor=None, message_id=pk)
            except DomainError as exc:
                self.stderr.write(exc.message)
                problems += 1
                continue
            row = OutboxMessage.objects.get(pk=pk)
            self.stdout.write(f"{pk}\t{row.status}\t{row.key}" + ("" if sent else f"\t{row.last_error}"))
            problems += 0 if sent else 1
        if problems:
            raise CommandError(f"{problems} of {len(ids)} not resent.")
