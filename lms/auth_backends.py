"""Authentication backends that load a signed-in user and their roles in one query.

Every signed-in request loads the user from the session, and nearly every page then asks for a role
(lms.roles), which cost a second query. Here the session's user is read with one EXISTS per role
folded into the same SELECT; `lms.roles.has_role` answers from it. The user is read afresh on every
request, so a role taken away counts from the next request on, as before.

Both backends a session can name (Django's, allauth's; axes' backend only refuses locked-out
sign-ins and never holds a session) get the same `get_user`; their authenticate() is unchanged."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from . import roles


def _role_flags():
    membership = get_user_model().groups.through.objects
    return {
        f"_has_role_{i}": Exists(membership.filter(user_id=OuterRef("pk"), group__name=role))
        for i, role in enumerate(roles.ALL_ROLES)
    }


class RolesInOneQuery:
    def get_user(self, user_id):
        user = get_user_model()._default_manager.annotate(**_role_flags()).filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        user._role_cache = {role for i, role in enumerate(roles.ALL_ROLES) if getattr(user, f"_has_role_{i}")}
        return user


class UserBackend(RolesInOneQuery, ModelBackend):
    """Email and password; loads session users with their roles."""


class AccountBackend(RolesInOneQuery, AllauthBackend):
    """allauth's sign-in; loads session users with their roles."""
