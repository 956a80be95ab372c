"""Build the demo site: page tree, starter curriculum, assessments, credential programs and demo users
at different stages. Idempotent: safe to run twice.

It prints a short summary, never the side effects: demo trainees taking quizzes "send" result emails,
which the development console backend would print whole (hundreds of lines). While seeding, email goes
to an in-memory outbox and is only counted; the runserver's console email is untouched. Links in what
the seed makes (emails, the Wagtail site's address) follow SITE_URL, which `make demo PORT=...` sets."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from lms.seed import DEMO_USERS, seed_users

# Loggers that chat while seeding runs Celery tasks eagerly (kombu warns of the in-memory broker's
# missing hostname once per process).
QUIET_LOGGERS = ("kombu.connection",)


@contextmanager
def quiet_side_effects():
    """Email kept in memory and counted, chatty loggers silenced; yields a dict with the count."""
    counted = {"emails": 0}
    before = len(getattr(mail, "outbox", []))
    loggers = [(logging.getLogger(name), logging.getLogger(name).level) for name in QUIET_LOGGERS]
    for logger, _level in loggers:
        logger.setLevel(logging.ERROR)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            yield counted
            counted["emails"] = len(getattr(mail, "outbox", [])) - before
    finally:
        for logger, level in loggers:
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Seed the demo catalogue, programs and one user per role (idempotent); prints a summary."

    def handle(self, *args, **options):
        from assessments.models import Assessment
        from assessments.seed import seed_assessments
        from certificates.seed import seed_programs
        from cms.seed import seed_site
        from courses.activities.seed import seed_activities
        from courses.discussion.seed import seed_discussion
        from courses.models import ModulePage
        from courses.seed import seed_courses

        with quiet_side_effects() as side_effects:
            # Email is sent when the transaction commits: the quiet context stays open until then.
            with transaction.atomic():
                users = seed_users()
                home = seed_site()
                courses = seed_courses(home=home, users=users)
                seed_assessments(courses=courses, users=users)
                seed_activities(users=users)
                seed_discussion(users=users)
                programs = seed_programs(courses=courses, users=users)

        write = self.stdout.write
        write(self.style.SUCCESS("Demo data ready."))
        write(
            f"  Catalogue: {len(courses)} courses, {ModulePage.objects.count()} modules, "
            f"{Assessment.objects.count()} assessments."
        )
        write(f"  Credential programs: {', '.join(sorted(p.name for p in programs.values()))}.")
        if side_effects["emails"]:
            write(
                f"  {side_effects['emails']} demo emails were made while seeding (kept out of this window)."
            )
        write(f"Log in at {settings.SITE_URL}/accounts/login/ as any of these demo users:")
        width = max(len(e) for _, e, *_ in DEMO_USERS)
        for _key, email, name, role, password in DEMO_USERS:
            write(f"  {role:<22} {email:<{width}}  password: {password}   ({name})")
