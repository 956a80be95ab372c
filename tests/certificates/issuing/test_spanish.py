"""Verification in Spanish (/es/verify/, its status words and dates), and the holder's emails in the
holder's language whoever's request changes the certificate (lms.i18n)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from certificates.issuing import services
from certificates.issuing.codes import format_code

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db

REASON = "Board decision 12: supervised hours could not be confirmed."


def _verify(client, certificate, prefix="/es"):
    response = client.get(f"{prefix}/verify/{format_code(certificate.code)}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_verification_form_in_spanish(client, home):
    response = client.get("/es/verify/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Verifica que un certificado se emitió aquí y que sigue siendo válido." in page
    assert "Código del certificado" in page and "Verificar el código" in page
    assert 'action="/es/verify/"' in page or 'action=""' in page or "/es/verify/" in page


def test_a_refused_code_is_explained_in_spanish(client, home):
    response = client.get("/es/verify/", {"code": "not a code"})
    assert response.status_code in (200, 400, 422)
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Un código de certificado" in page


def test_a_valid_certificate_in_spanish_with_spanish_dates(client, issued):
    page = _verify(client, issued)
    assert '<html lang="es">' in page
    assert "Verificación de certificado" in page
    assert ">Válido</strong>" in page
    assert "Este certificado es auténtico y está vigente." in page
    assert "Lo que dice el registro" in page and "Fecha de vencimiento" in page
    with translation.override("es"):
        expires = date_format(issued.expires_on, "DATE_FORMAT")
    assert " de " in expires  # "2 de diciembre de 2027"
    assert expires in page
    # The same certificate in English at its English address.
    english = _verify(client, issued, prefix="")
    assert '<html lang="en">' in english and ">Valid</strong>" in english
    assert date_format(issued.expires_on, "DATE_FORMAT") in english


@pytest.mark.parametrize(
    ("change", "word", "explanation"),
    [
        ("certificate_suspend", "Suspendido", "Este certificado es auténtico pero está suspendido"),
        ("certificate_revoke", "Revocado", "Este certificado es auténtico pero fue revocado"),
    ],
)
def test_status_words_in_spanish(client, issued, admin, change, word, explanation):
    getattr(services, change)(actor=admin, certificate=issued, reason=REASON)
    page = _verify(client, issued)
    assert f">{word}</strong>" in page
    assert explanation in page
    assert REASON in page  # the administrator's own words are shown as written


def test_an_expired_certificate_in_spanish(client, issued):
    issued.issued_on -= timedelta(days=400)
    issued.expires_on = issued.issued_on + timedelta(days=30)
    issued.save(update_fields=["issued_on", "expires_on"])
    page = _verify(client, issued)
    assert ">Vencido</strong>" in page and "Este certificado es auténtico pero está vencido." in page


def test_a_mistyped_code_in_spanish(client, home):
    response = client.get("/es/verify/PRX-7K3M-9QD2-F/")
    assert response.status_code == 422
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Este código no es válido: probablemente hay un carácter mal escrito." in page
    assert 'value="PRX-7K3M-9QD2-F"' in page  # what was typed comes back


def test_the_holders_email_is_in_their_language_not_the_administrators(
    client, issued, admin, django_capture_on_commit_callbacks
):
    """A Spanish-speaking holder, an administrator reading the site in English: the suspension email is
    in Spanish."""
    holder = issued.holder
    holder.language = "es"
    holder.save(update_fields=["language"])
    client.force_login(admin)
    mail.outbox.clear()
    url = reverse("certificates:issuing:certificate-action", args=[issued.uuid, "suspend"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": REASON, "confirm": "on"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert '<html lang="en">' in client.get(response["Location"]).content.decode()
    [message] = [m for m in mail.outbox if m.to == [holder.email]]
    assert message.subject.startswith("Tu certificado de ")
    assert "está suspendido" in message.subject
    assert "Hola, " in message.body and "se suspendió el" in message.body
    assert "Motivo: " + REASON in message.body
    assert " de " in message.body.split("se suspendió el", 1)[1].split(".", 1)[0]  # a Spanish date
    assert "/es/certificates/" in message.body  # the link opens the Spanish page


def test_an_english_holders_email_is_in_english_when_the_administrator_reads_spanish(
    client, issued, admin, django_capture_on_commit_callbacks
):
    admin.language = "es"
    admin.save(update_fields=["language"])
    client.force_login(admin)
    mail.outbox.clear()
    url = reverse("certificates:issuing:certificate-action", args=[issued.uuid, "revoke"])
    # The form was on a page at its English address: sent again, unchanged, to the Spanish one.
    response = client.post(url, {"reason": REASON, "confirm": "on"})
    assert response.status_code == 307 and response["Location"] == "/es" + url
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(response["Location"], {"reason": REASON, "confirm": "on"})
    assert response.status_code == 302
    assert '<html lang="es">' in client.get(response["Location"], follow=True).content.decode()
    [message] = [m for m in mail.outbox if m.to == [issued.holder.email]]
    assert message.subject.startswith("Your certificate for ") and message.subject.endswith("is revoked")
    assert "Hello " in message.body and "was revoked on" in message.body
    assert "Tu certificado" not in message.body
