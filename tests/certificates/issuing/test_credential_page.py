"""The shared credential's public page (/credentials/<token>/): anyone with the address sees the public
record, a QR code to the verification page, the Open Badges file to download and "Add to LinkedIn";
never an email address or a recovery date. When the holder stops sharing, the page is gone for
everyone. My certificates shows the page's address with copy and open links."""

from datetime import date

import pytest
from django.test import Client
from django.utils.formats import date_format

from certificates.issuing import services
from certificates.issuing.codes import format_code
from certificates.models import Certificate, PublishedCredential
from certificates.recovery import services as recovery_services
from tests.factories import ProgramAdminFactory, TraineeFactory

from .helpers import *  # noqa: F403
from .helpers import fresh_ip

pytestmark = pytest.mark.django_db

SITE = "https://certs.example.org"
RECOVERY_START = date(2019, 3, 14)


def _share(certificate) -> PublishedCredential:
    link, _created = services.credential_publish(actor=certificate.holder, certificate=certificate)
    return link


def _page(token: str) -> str:
    return f"/credentials/{token}/"


@pytest.fixture
def shared(issued):
    return _share(issued)


def test_anyone_sees_the_shared_credential(shared):
    certificate = shared.certificate
    response = Client().get(_page(shared.token))
    assert response.status_code == 200
    html = response.content.decode()
    code = format_code(certificate.code)
    assert certificate.version.program.name in html
    assert "Jordan Lee" in html and code in html
    assert certificate.version.program.issuing_body in html  # the body that set the requirements
    assert "Valid" in html
    assert date_format(certificate.issued_on, "DATE_FORMAT") in html
    assert date_format(certificate.expires_on, "DATE_FORMAT") in html
    assert f'href="{SITE}/verify/{code}/"' in html
    assert 'src="data:image/svg+xml' in html  # the QR code, inline (the CSP allows data: images)
    assert f"/api/v1/credentials/{shared.token}?format=ldp&amp;download=1" in html
    assert "Download Open Badges credential" in html
    assert "https://www.linkedin.com/profile/add?" in html and 'rel="noopener"' in html
    assert 'name="robots" content="noindex"' in html
    # Withdrawable by the holder: no cache reuses it without asking (unlike a verification answer,
    # which a proxy may keep for VERIFY_CACHE_SECONDS).
    assert "no-cache" in response["Cache-Control"] and "s-maxage" not in response["Cache-Control"]


def test_the_page_never_shows_email_or_recovery_data(shared):
    holder = shared.certificate.holder
    recovery_services.recovery_attest(
        user=holder, recovery_start_date=RECOVERY_START, typed_name=holder.full_name
    )
    html = Client().get(_page(shared.token)).content.decode()
    assert holder.email not in html
    for shown in (date_format(RECOVERY_START, "DATE_FORMAT"), RECOVERY_START.isoformat(), "2019"):
        assert shown not in html


def test_the_download_link_gives_the_open_badges_file(shared):
    response = Client().get(f"/api/v1/credentials/{shared.token}", {"format": "ldp", "download": "1"})
    assert response.status_code == 200
    code = format_code(shared.certificate.code)
    assert response["Content-Disposition"] == f'attachment; filename="open-badge-{code}.json"'
    assert response.json()["id"] == f"urn:uuid:{shared.certificate.uuid}"
    # Without ?download the endpoint answers as before (no attachment).
    plain = Client().get(f"/api/v1/credentials/{shared.token}")
    assert plain.status_code == 200 and "Content-Disposition" not in plain


def test_stopped_sharing_is_gone_for_everyone(client, shared):
    certificate = shared.certificate
    services.credential_stop_sharing(actor=certificate.holder, certificate=certificate)
    for viewer in (None, certificate.holder, ProgramAdminFactory()):
        browser = Client()
        if viewer is not None:
            browser.force_login(viewer)
        response = browser.get(_page(shared.token))
        assert response.status_code == 404
        html = response.content.decode()
        assert "Nothing is shared here" in html and "Jordan Lee" not in html
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("token", ["nope", "x" * 43, "x" * 500])
def test_an_unknown_address_is_a_kind_404(token):
    response = Client().get(_page(token))
    assert response.status_code == 404
    assert "Ask the certificate&#x27;s holder for a new link" in response.content.decode()


@pytest.mark.parametrize("status", [Certificate.Status.SUSPENDED, Certificate.Status.REVOKED])
def test_a_withdrawn_certificate_says_so_honestly_and_offers_no_linkedin(shared, status):
    certificate = shared.certificate
    Certificate.objects.filter(pk=certificate.pk).update(status=status)
    html = Client().get(_page(shared.token)).content.decode()
    assert ("Suspended" if status == Certificate.Status.SUSPENDED else "Revoked") in html
    assert "linkedin.com" not in html


def test_the_page_is_rate_limited_like_verification(settings, shared):
    settings.VERIFY_RATE_LIMITS = {"verify": 2, "verify-pdf": 10}
    ip = fresh_ip()
    responses = [Client(REMOTE_ADDR=ip).get(_page(shared.token)) for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 429]
    assert "Please wait" in responses[2].content.decode() and "no-store" in responses[2]["Cache-Control"]


# --- My certificates: the address, copy and open links, the switch ---------------------------------


def test_my_certificates_shows_the_page_address_with_copy_and_open(client, issued):
    client.force_login(issued.holder)
    client.post(f"/certificates/{issued.uuid}/share/")
    link = PublishedCredential.objects.active().get(certificate=issued)
    html = client.get("/certificates/").content.decode()
    page_url = f"{SITE}/credentials/{link.token}/"
    assert f'value="{page_url}"' in html
    assert f'href="{page_url}" target="_blank" rel="noopener"' in html
    assert 'data-copy="share-page-' in html and "certificates/copy.js" in html
    # The wallet address is still there, and the API names the page too.
    assert f'value="{SITE}/api/v1/credentials/{link.token}"' in html
    api = client.post(f"/api/v1/certificates/{format_code(issued.code)}/credential/links")
    assert api.json()["page_url"] == page_url
    # Stopping shows the switch again.
    client.post(f"/certificates/{issued.uuid}/share/stop/")
    html = client.get("/certificates/").content.decode()
    assert page_url not in html and "Create a sharing address" in html


def test_my_certificates_offers_linkedin_for_a_valid_certificate_only(client, issued):
    client.force_login(issued.holder)
    assert "https://www.linkedin.com/profile/add?" in client.get("/certificates/").content.decode()
    Certificate.objects.filter(pk=issued.pk).update(status=Certificate.Status.SUSPENDED)
    assert "linkedin.com" not in client.get("/certificates/").content.decode()


@pytest.mark.parametrize("who", ["anonymous", "other_trainee", "program_admin"])
def test_only_the_holder_switches_sharing(client, issued, who):
    """Anonymous: to the login page; anyone else: 404 for a start (403 for an administrator: sharing is
    the holder's choice) and cannot stop the holder's link either."""
    link = _share(issued)
    if who != "anonymous":
        client.force_login(TraineeFactory() if who == "other_trainee" else ProgramAdminFactory())
    start = client.post(f"/certificates/{issued.uuid}/share/")
    stop = client.post(f"/certificates/{issued.uuid}/share/stop/")
    if who == "anonymous":
        assert start.status_code == stop.status_code == 302
        assert "/accounts/login/" in start["Location"]
    elif who == "other_trainee":
        assert start.status_code == stop.status_code == 404
    else:
        assert start.status_code == 403 and stop.status_code == 404
    link.refresh_from_db()
    assert link.is_active
    assert Client().get(_page(link.token)).status_code == 200
