"""Users who can log in through allauth: mandatory email verification means a confirmed address."""

from allauth.account.models import EmailAddress

from tests.factories import PASSWORD, TraineeFactory

__all__ = ["PASSWORD", "verified_trainee"]


def verified_trainee(**fields):
    user = TraineeFactory(**fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
