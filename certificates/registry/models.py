"""The public registry's one piece of data: a holder's consent to be listed. A row means "list my
certificates"; opting out deletes it (the audit trail keeps when each choice was made), so nothing
public is left behind and the next search no longer finds them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistryListing(models.Model):
    """A certificate holder who chose to be found by name in the public registry (off by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registry_listing",
        verbose_name=_("holder"),
    )
    created_at = models.DateTimeField(_("listed since"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("public registry listing")
        verbose_name_plural = _("public registry listings")

    def __str__(self):
        return f"Registry listing of user {self.user_id}"
