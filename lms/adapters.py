from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group

from . import roles


class AccountAdapter(DefaultAccountAdapter):
    """People who sign up themselves are trainees; staff roles are granted by an administrator."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=roles.TRAINEE)
            user.groups.add(group)
        return user
