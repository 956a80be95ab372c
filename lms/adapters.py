from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.encoding import force_str

from . import roles
from .clientip import client_ip
from .models import User


class AccountAdapter(DefaultAccountAdapter):
    """People who sign up themselves are trainees; staff roles are granted by an administrator.

    Emails carry the academy's name rather than the request's host name (we do not use
    django.contrib.sites)."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=roles.TRAINEE)
            user.groups.add(group)
        return user

    def format_email_subject(self, subject: str) -> str:
        prefix = allauth_settings.EMAIL_SUBJECT_PREFIX
        if prefix is None:
            prefix = f"[{settings.WAGTAIL_SITE_NAME}] "
        return prefix + force_str(subject)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """In the language the account saved, else the request's (a person signing up or resetting a
        password is reading the site in it)."""
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": settings.SITE_URL, **context}
        user = context.get("user") or User.objects.filter(email__iexact=email).only("language").first()
        language = getattr(user, "language", "") or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def get_client_ip(self, request) -> str:
        """The address allauth's rate limits count: the real client behind TRUSTED_PROXIES, the same one
        axes and the verification limit use (allauth's own TRUSTED_PROXY_COUNT is not used)."""
        return client_ip(request)


def axes_username(request, credentials=None) -> str | None:
    """The account a login attempt is for, as django-axes should count it.

    allauth calls authenticate(request, email=..., password=...), so axes's default (credentials["login"])
    finds nothing and would count every failure from one IP address together. Lower-cased so that
    "Alex@Example.org" and "alex@example.org" share one count, as they share one account."""
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("login") or credentials.get("username")
    if not value and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        value = data.get("login") or data.get("email")
    return str(value).strip().lower() if value else None
