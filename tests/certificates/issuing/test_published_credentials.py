"""Holder-controlled access: the holder shares their Open Badges credential at an unguessable address
(page and API), anyone fetches it without logging in (VC-JWT or JSON, CORS, rate-limited), the holder
or an administrator stops it (then 404, like an address that never existed); a revoked certificate
still answers, with its status."""

import math

import jwt
import pytest
from django.test import Client

from certificates.issuing import badges, services, statuslist
from certificates.issuing.codes import format_code
from certificates.models import Certificate, PublishedCredential
from lms.audit import audit_events_for
from tests.factories import TraineeFactory
from tests.permissions.api_matrix import MISSING

from .helpers import *  # noqa: F403
from .helpers import fresh_ip, issue, make_eligible

pytestmark = pytest.mark.django_db

SITE = "https://certs.example.org"


def _links_url(certificate) -> str:
    return f"/api/v1/certificates/{format_code(certificate.code)}/credential/links"


def _publish_api(certificate, user=None):
    client = Client()
    client.force_login(user or certificate.holder)
    return client.post(_links_url(certificate))


def _path(url: str) -> str:
    assert url.startswith(SITE)
    return url.removeprefix(SITE)


def _claims(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    key = next(k for k in badges.jwks()["keys"] if header["kid"].endswith(k["kid"]))
    return jwt.decode(token, jwt.PyJWK(key).key, algorithms=[header["alg"]])


def _revocation_bit_set(claims) -> bool:
    entries = claims["credentialStatus"]
    entries = entries if isinstance(entries, list) else [entries]
    entry = next(e for e in entries if e["statusPurpose"] == "revocation")
    response = Client().get(_path(entry["statusListCredential"]))
    subject = _claims(response.content.decode())["credentialSubject"]
    return statuslist.bit_is_set(
        statuslist.decode_bitstring(subject["encodedList"]), int(entry["statusListIndex"])
    )


# --- Publishing ---------------------------------------------------------------------------------------


def test_holder_publishes_through_the_api_and_anyone_fetches_it(issued):
    response = _publish_api(issued)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["active"] and body["certificate_code"] == format_code(issued.code)
    assert body["json_url"] == body["url"] + "?format=json"

    anonymous = Client()
    jwt_response = anonymous.get(_path(body["url"]))
    assert jwt_response.status_code == 200
    assert jwt_response["Content-Type"] == "application/vc+jwt"
    assert jwt_response["Access-Control-Allow-Origin"] == "*"
    assert "no-cache" in jwt_response["Cache-Control"]
    assert jwt_response["X-Certificate-Status"] == "current"
    claims = _claims(jwt_response.content.decode())
    assert claims["id"] == f"urn:uuid:{issued.uuid}"

    json_response = anonymous.get(_path(body["json_url"]))
    assert json_response.status_code == 200 and json_response["Content-Type"] == "application/json"
    assert json_response["Access-Control-Allow-Origin"] == "*"
    data = json_response.json()
    assert data["credential"]["id"] == f"urn:uuid:{issued.uuid}"
    assert _claims(data["jwt"])["id"] == claims["id"]
    text = json_response.content.decode()
    assert issued.holder.email not in text and "recovery_" not in text and "attest" not in text

    ldp = anonymous.get(_path(body["url"]) + "?format=ldp")
    assert ldp.status_code == 200 and ldp["Access-Control-Allow-Origin"] == "*"
    assert ldp.json()["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"

    # Publishing again gives the same active link back (one per certificate), 200 not 201.
    again = _publish_api(issued)
    assert again.status_code == 200 and again.json()["url"] == body["url"]
    assert PublishedCredential.objects.filter(certificate=issued).count() == 1
    actions = [e.action for e in audit_events_for(issued)]
    assert actions.count("credential.published") == 1
    assert not any(body["url"].rsplit("/", 1)[1] in str(e.details) for e in audit_events_for(issued))


def test_holder_shares_and_stops_through_the_page(client, issued):
    client.force_login(issued.holder)
    page = client.get("/certificates/")
    assert "Share your digital credential" in page.content.decode()
    assert "Create a sharing address" in page.content.decode()

    response = client.post(f"/certificates/{issued.uuid}/share/")
    assert response.status_code == 302 and response["Location"].endswith(f"#share-{issued.pk}")
    link = PublishedCredential.objects.active().get(certificate=issued)
    page = client.get("/certificates/").content.decode()
    url = f"{SITE}/api/v1/credentials/{link.token}"
    assert f'value="{url}"' in page and "readonly" in page
    assert "Yes, stop sharing this address" in page and "<script>" not in page
    assert Client().get(_path(url)).status_code == 200

    response = client.post(f"/certificates/{issued.uuid}/share/stop/")
    assert response.status_code == 302
    assert Client().get(_path(url)).status_code == 404
    assert "Create a sharing address" in client.get("/certificates/").content.decode()


def test_tokens_are_long_random_and_new_after_stopping(issued, version, admin):
    first = _publish_api(issued).json()
    Client().logout()
    client = Client()
    client.force_login(issued.holder)
    assert client.delete(f"/api/v1/credential-links/{first['id']}").status_code == 200
    second = _publish_api(issued).json()
    other = issue(
        user=make_eligible(TraineeFactory(full_name="Sam Rivera"), version), version=version, actor=admin
    )
    third = _publish_api(other).json()
    tokens = [u["url"].rsplit("/", 1)[1] for u in (first, second, third)]
    assert len(set(tokens)) == 3
    for token in tokens:
        # token_urlsafe: 6 bits a character; at least 128 random bits.
        assert len(token) * 6 >= 128 and len(token) >= 43
        assert all(c.isalnum() or c in "-_" for c in token)
    assert math.log2(64) * len(tokens[0]) >= 256


def test_pending_certificate_cannot_be_published(issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    assert certificate.status == Certificate.Status.PENDING
    response = _publish_api(certificate)
    assert response.status_code == 409 and response.json()["code"] == "not_issued"
    assert not PublishedCredential.objects.exists()


# --- Who may do what --------------------------------------------------------------------------------


def test_another_trainee_cannot_publish_or_stop_someone_elses(issued):
    link = _publish_api(issued).json()
    stranger = TraineeFactory()
    client = Client()
    client.force_login(stranger)
    refused = client.post(_links_url(issued))
    missing = client.post(f"/api/v1/certificates/{MISSING['code']}/credential/links")
    assert refused.status_code == 404
    assert client.delete(f"/api/v1/credential-links/{link['id']}").status_code == 404
    assert (
        client.delete(f"/api/v1/credential-links/{link['id']}").content
        == client.delete("/api/v1/credential-links/2000000000").content
    )
    assert missing.status_code == 404 and missing.content == refused.content
    # The page refuses too, and the link still works.
    assert client.post(f"/certificates/{issued.uuid}/share/stop/").status_code == 404
    assert client.post(f"/certificates/{issued.uuid}/share/").status_code == 404
    assert Client().get(_path(link["url"])).status_code == 200
    assert PublishedCredential.objects.count() == 1


def test_admin_cannot_publish_for_the_holder_but_can_stop_a_link(issued, admin):
    response = _publish_api(issued, user=admin)
    assert response.status_code == 403 and response.json()["code"] == "holder_only"
    assert not PublishedCredential.objects.exists()

    link = _publish_api(issued).json()
    client = Client()
    client.force_login(admin)
    response = client.delete(f"/api/v1/credential-links/{link['id']}")
    assert response.status_code == 200
    assert response.json()["active"] is False and response.json()["url"] is None
    assert client.delete(f"/api/v1/credential-links/{link['id']}").status_code == 200  # idempotent
    assert Client().get(_path(link["url"])).status_code == 404
    stopped = PublishedCredential.objects.get(pk=link["id"])
    assert stopped.revoked_by == admin
    assert [e.action for e in audit_events_for(issued)].count("credential.unpublished") == 1


def test_anonymous_cannot_publish_or_stop(issued):
    link = _publish_api(issued).json()
    assert Client().post(_links_url(issued)).status_code == 401
    assert Client().delete(f"/api/v1/credential-links/{link['id']}").status_code == 401


# --- The public address -----------------------------------------------------------------------------


def test_stopped_and_unknown_addresses_answer_the_same_404(issued):
    link = _publish_api(issued).json()
    client = Client()
    client.force_login(issued.holder)
    client.delete(f"/api/v1/credential-links/{link['id']}")
    stopped = Client().get(_path(link["url"]))
    unknown = Client().get("/api/v1/credentials/" + "A" * 43)
    assert stopped.status_code == unknown.status_code == 404
    assert stopped.content == unknown.content
    assert stopped.json()["code"] == "not_found"
    assert stopped["Access-Control-Allow-Origin"] == "*"
    assert Client().get(_path(link["json_url"])).status_code == 404


def test_revoked_certificate_still_answers_with_its_status(issued, admin):
    link = _publish_api(issued).json()
    claims = _claims(Client().get(_path(link["url"])).content.decode())
    assert not _revocation_bit_set(claims)

    services.certificate_revoke(actor=admin, certificate=issued, reason="Falsified hours.")
    response = Client().get(_path(link["url"]))
    assert response.status_code == 200
    assert response["X-Certificate-Status"] == "revoked"
    assert _revocation_bit_set(_claims(response.content.decode()))
    assert Client().get(_path(link["json_url"])).json()["credential"]["id"] == f"urn:uuid:{issued.uuid}"


def test_public_address_is_rate_limited_per_client(issued, settings):
    link = _publish_api(issued).json()
    settings.VERIFY_RATE_LIMITS = {"verify": 3, "verify-pdf": 2}
    ip, other_ip = fresh_ip(), fresh_ip()
    client = Client()
    path = _path(link["url"])
    assert [client.get(path, REMOTE_ADDR=ip).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(path, REMOTE_ADDR=ip)
    assert response.status_code == 429 and response.json()["code"] == "rate_limited"
    assert response["Access-Control-Allow-Origin"] == "*"
    # The same budget as verification by code.
    assert client.get(f"/api/v1/verify/{format_code(issued.code)}", REMOTE_ADDR=ip).status_code == 429
    assert client.get(path, REMOTE_ADDR=other_ip).status_code == 200
