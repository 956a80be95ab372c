"""A suspended or revoked certificate, as its holder sees it (issue 11, item 5): the holder's page says
so with the date and the reason, never "valid until" as if it were valid, and offers nothing that
would let the certificate pass for a valid one (no PDF, no Open Badge, no new sharing address). The
download answers with a page that says why (410 revoked, 403 suspended); program administrators still
get the stored file, byte for byte as issued, and that file still checks as authentic (and revoked)."""

import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from certificates.issuing import selectors, services
from certificates.issuing.codes import format_code
from certificates.models import Certificate, PublishedCredential
from lms.errors import Conflict
from tests.factories import TraineeFactory

from .helpers import *  # noqa: F403
from .helpers import stored_pdf

pytestmark = pytest.mark.django_db

REASON = "Board decision 12: supervised hours could not be confirmed."


def _urls(certificate):
    code = format_code(certificate.code)
    return {
        "download": reverse("certificates:issuing:download", args=[certificate.uuid]),
        "badge": reverse("api-1:certificate_credential", args=[code]),
        "share": reverse("certificates:issuing:share", args=[certificate.uuid]),
        "verify": reverse("certificates:issuing:verify-code", args=[code]),
    }


def _mine(client, certificate) -> str:
    client.force_login(certificate.holder)
    response = client.get(reverse("certificates:issuing:mine"))
    assert response.status_code == 200
    return response.content.decode()


def _today():
    return date_format(timezone.localdate(), "DATE_FORMAT")


def test_a_current_certificate_offers_the_pdf_the_badge_and_sharing(client, issued):
    page = _mine(client, issued)
    urls = _urls(issued)
    for what in ("download", "badge", "share", "verify"):
        assert urls[what] in page, what
    expires = date_format(issued.expires_on, "DATE_FORMAT")
    assert f"valid until {expires}" in page


@pytest.mark.parametrize(
    ("change", "label", "said"),
    [
        ("certificate_revoke", "Revoked", "Revoked on {date}: this certificate is no longer valid."),
        (
            "certificate_suspend",
            "Suspended",
            "Suspended since {date}: this certificate is not valid while it is suspended.",
        ),
    ],
)
def test_the_holder_page_says_revoked_or_suspended_and_offers_nothing_to_use(
    client, issued, admin, change, label, said
):
    getattr(services, change)(actor=admin, certificate=issued, reason=REASON)
    page = _mine(client, issued)
    urls = _urls(issued)
    assert f'<span class="status status--bad">{label}</span>' in page
    assert said.format(date=_today()) in page
    assert REASON in page
    assert urls["download"] not in page  # neither the preview, nor the download, nor "open the PDF"
    assert urls["badge"] not in page
    assert urls["share"] not in page
    assert urls["verify"] in page  # what employers see, honestly
    # "valid until" only as a condition of a reinstatement, never as a statement.
    assert "; valid until" not in page
    if label == "Revoked":
        assert "valid until" not in page.lower()
    else:
        expires = date_format(issued.expires_on, "DATE_FORMAT")
        assert f"If it is reinstated, it is valid until {expires}." in page


def test_reinstated_certificate_offers_everything_again(client, issued, admin):
    services.certificate_suspend(actor=admin, certificate=issued, reason=REASON)
    services.certificate_reinstate(actor=admin, certificate=issued, reason="Hours confirmed.")
    page = _mine(client, issued)
    assert _urls(issued)["download"] in page and _urls(issued)["badge"] in page
    assert REASON not in page
    client.force_login(issued.holder)
    assert client.get(_urls(issued)["download"]).status_code == 200


def test_the_revoked_pdf_is_withdrawn_from_the_holder_and_kept_as_issued(client, issued, admin):
    before = stored_pdf(issued)
    assert hashlib.sha256(before).hexdigest() == issued.sha256
    services.certificate_revoke(actor=admin, certificate=issued, reason=REASON)
    url = _urls(issued)["download"]

    client.force_login(issued.holder)
    for address in (url, f"{url}?inline=1"):
        response = client.get(address)
        assert response.status_code == 410
        assert response["Content-Type"].startswith("text/html")
        page = response.content.decode()
        assert "This certificate was revoked" in page and REASON in page and _today() in page
        assert "no longer available to download" in page

    # Never re-rendered nor stamped: the stored file is the one that was signed.
    assert stored_pdf(issued) == before
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == before
    # ...and the file a holder already handed out still checks as authentic, and revoked.
    result = selectors.verification_for_pdf(before)
    assert result.result == selectors.AUTHENTIC
    assert result.certificate.status == selectors.REVOKED


def test_the_suspended_pdf_is_withdrawn_from_the_holder_until_reinstated(client, issued, admin):
    services.certificate_suspend(actor=admin, certificate=issued, reason=REASON)
    client.force_login(issued.holder)
    response = client.get(_urls(issued)["download"])
    assert response.status_code == 403
    page = response.content.decode()
    assert "This certificate is suspended" in page and REASON in page
    client.force_login(admin)
    assert client.get(_urls(issued)["download"]).status_code == 200


def test_someone_else_still_gets_404_for_a_withdrawn_certificate(client, issued, admin):
    services.certificate_revoke(actor=admin, certificate=issued, reason=REASON)
    client.force_login(TraineeFactory())
    assert client.get(_urls(issued)["download"]).status_code == 404
    client.logout()
    assert client.get(_urls(issued)["download"]).status_code == 302


@pytest.mark.parametrize("change", ["certificate_revoke", "certificate_suspend"])
def test_no_new_sharing_address_while_not_valid(client, issued, admin, change):
    getattr(services, change)(actor=admin, certificate=issued, reason=REASON)
    with pytest.raises(Conflict):
        services.credential_publish(actor=issued.holder, certificate=issued)
    client.force_login(issued.holder)
    response = client.post(_urls(issued)["share"])
    assert response.status_code == 409
    assert (
        "cannot be shared" in response.content.decode()
        or "can no longer be shared" in response.content.decode()
    )
    assert not PublishedCredential.objects.filter(certificate=issued).exists()
    api = client.post(f"/api/v1/certificates/{format_code(issued.code)}/credential/links")
    assert api.status_code == 409


def test_an_address_shared_before_the_revocation_can_still_be_stopped(client, issued, admin):
    link, _created = services.credential_publish(actor=issued.holder, certificate=issued)
    services.certificate_revoke(actor=admin, certificate=issued, reason=REASON)
    page = _mine(client, issued)
    assert "says that this credential was revoked" in page
    stop = reverse("certificates:issuing:share-stop", args=[issued.uuid])
    assert stop in page
    assert client.post(stop).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
