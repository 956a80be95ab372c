"""Demo users, one per role (and several trainees at different stages). Idempotent."""

from django.contrib.auth.models import Group

from . import roles
from .models import User

DEMO_USERS = [
    # key, email, full name, role, password
    ("trainee", "trainee@example.org", "Alex Rivera", roles.TRAINEE, "demo-trainee-pass"),
    ("trainee_eligible", "jordan@example.org", "Jordan Lee", roles.TRAINEE, "demo-trainee-pass"),
    ("trainee_recovery", "sam@example.org", "Sam Patel", roles.TRAINEE, "demo-trainee-pass"),
    ("instructor", "instructor@example.org", "Morgan Ellis", roles.INSTRUCTOR, "demo-instructor-pass"),
    ("supervisor", "supervisor@example.org", "Casey Brooks", roles.SUPERVISOR, "demo-supervisor-pass"),
    ("admin", "admin@example.org", "Riley Okafor", roles.PROGRAM_ADMIN, "demo-admin-pass"),
]


def seed_users() -> dict[str, User]:
    """Create (or reset) the demo users; returns them by key. Their email addresses count as confirmed."""
    from allauth.account.models import EmailAddress

    users = {}
    for key, email, name, role, password in DEMO_USERS:
        user, _ = User.objects.get_or_create(email=email, defaults={"full_name": name})
        user.full_name = name
        user.is_staff = role in (roles.INSTRUCTOR, roles.PROGRAM_ADMIN)
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[key] = user
    return users
