"""Build the demo site: page tree, starter curriculum, assessments, credential programs and demo users
at different stages. Idempotent: safe to run twice."""

from django.core.management.base import BaseCommand
from django.db import transaction

from lms.seed import DEMO_USERS, seed_users


class Command(BaseCommand):
    help = "Seed the demo catalogue, programs and one user per role (idempotent)."

    def handle(self, *args, **options):
        from assessments.seed import seed_assessments
        from certificates.seed import seed_programs
        from cms.seed import seed_site
        from courses.seed import seed_courses

        with transaction.atomic():
            users = seed_users()
            home = seed_site()
            courses = seed_courses(home=home, users=users)
            seed_assessments(courses=courses, users=users)
            seed_programs(courses=courses, users=users)

        self.stdout.write(
            self.style.SUCCESS("Demo data ready. Log in at http://127.0.0.1:8000/accounts/login/")
        )
        width = max(len(e) for _, e, *_ in DEMO_USERS)
        for _key, email, name, role, password in DEMO_USERS:
            self.stdout.write(f"  {role:<22} {email:<{width}}  password: {password}   ({name})")
