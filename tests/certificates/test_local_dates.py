"""The day a trainee signed or attested is shown as it was where they live (lms/timezones.py): late at
night in New York is already the next day in Tokyo."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from certificates.models import PledgeSignature, RecoveryAttestation

pytestmark = pytest.mark.django_db

# 04:30 UTC on January 6: 11:30 p.m. on January 5 in New York (the site's zone), 1:30 p.m. in Tokyo.
MOMENT = datetime(2026, 1, 6, 4, 30, tzinfo=UTC)


@pytest.fixture
def in_tokyo(world):
    world.trainee.time_zone = "Asia/Tokyo"
    world.trainee.save()
    signature = PledgeSignature.objects.create(
        user=world.trainee, pledge=world.program.pledges.get(), typed_name=world.trainee.full_name
    )
    PledgeSignature.objects.filter(pk=signature.pk).update(signed_at=MOMENT)
    RecoveryAttestation.objects.filter(user=world.trainee).update(attested_at=MOMENT)
    return world


def test_the_trainee_sees_their_own_day(client, in_tokyo):
    client.force_login(in_tokyo.trainee)
    pledge = client.get(reverse("certificates:pledge", args=[in_tokyo.program.slug])).content.decode()
    assert "You signed this version on January 6, 2026." in pledge
    recovery = client.get(reverse("certificates:recovery")).content.decode()
    assert "Signed on January 6, 2026." in recovery and "January 5, 2026" not in recovery


def test_the_administrator_sees_the_trainees_day(client, in_tokyo):
    client.force_login(in_tokyo.admin)
    url = f"/certification/manage/trainees/{in_tokyo.trainee.pk}/?recovery=1"  # shown on request, audited
    page = client.get(url).content.decode()
    assert "signed on January 6, 2026" in page and "signed on January 5, 2026" not in page


def test_application_dates_are_the_readers_day(client, in_tokyo):
    """An application sent at 11:30 p.m. in New York: January 6 for the trainee in Tokyo, January 5 for
    the administrator reading it in New York (the site's zone)."""
    from certificates.issuing.models import CertificateApplication

    application = CertificateApplication.objects.create(
        user=in_tokyo.trainee, version=in_tokyo.version, program=in_tokyo.program
    )
    CertificateApplication.objects.filter(pk=application.pk).update(submitted_at=MOMENT)
    client.force_login(in_tokyo.trainee)
    mine = client.get(reverse("certificates:issuing:mine")).content.decode()
    assert "Jan. 6, 2026" in mine and "Jan. 5, 2026" not in mine
    client.force_login(in_tokyo.admin)
    manage = client.get(reverse("certificates:issuing:manage")).content.decode()
    assert "sent Jan. 5, 2026" in manage
