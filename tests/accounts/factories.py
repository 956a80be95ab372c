"""Users who can log in through allauth: mandatory email verification means a confirmed address."""

from allauth.account.models import EmailAddress

from tests.factories import PASSWORD, TraineeFactory

__all__ = ["PASSWORD", "verified_trainee"]


def verified_trainee(**fields):
    """A trainee whose address is confirmed (tests.factories already does this; asserted here because
    every login test depends on it)."""
    user = TraineeFactory(**fields)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user
