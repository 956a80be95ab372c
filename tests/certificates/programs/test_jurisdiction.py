"""A program's state (jurisdiction): a US state or DC by its two-letter code, or blank for a national
credential; edited in the Wagtail admin and the API, carried by the import/export format (an unknown
code is refused clearly, nothing imported), set on the library's state programs (Kentucky's is KY)."""

import importlib

import pytest
from django.apps import apps

from certificates.models import CredentialProgram
from certificates.programs import jurisdictions, transfer
from certificates.programs.library import library_definition, library_import
from lms.errors import Invalid

from .test_transfer import every_qualifier

pytestmark = pytest.mark.django_db


def test_the_states_are_the_50_and_dc():
    assert len(jurisdictions.CODES) == 51 and "DC" in jurisdictions.CODES and "KY" in jurisdictions.CODES
    assert all(len(code) == 2 and code.isupper() for code in jurisdictions.CODES)


@pytest.mark.parametrize("code", ["KY", "DC", ""])
def test_import_and_export_carry_the_state(code):
    data = every_qualifier()
    data["jurisdiction"] = code
    program = transfer.program_import(data=data)
    assert program.jurisdiction == code
    assert transfer.program_export(program=program)["jurisdiction"] == code


@pytest.mark.parametrize("code", ["ZZ", "ky", "K", "PR", "XX"])
def test_an_unknown_state_is_refused_and_nothing_is_imported(code):
    data = every_qualifier()
    data["jurisdiction"] = code
    with pytest.raises(Invalid) as exc:
        transfer.program_import(data=data)
    assert "jurisdiction: unknown state" in exc.value.message
    assert "two-letter US state code" in exc.value.message
    assert not CredentialProgram.objects.exists()


def test_a_state_longer_or_not_a_string_is_refused_by_the_schema():
    for value in ("KYY", " KY", 12, None):
        data = every_qualifier()
        data["jurisdiction"] = value
        with pytest.raises(Invalid) as exc:
            transfer.program_import(data=data)
        assert "jurisdiction" in exc.value.message
    assert not CredentialProgram.objects.exists()


def test_files_written_before_the_state_existed_mean_national():
    data = every_qualifier()
    data.pop("jurisdiction")
    assert transfer.program_import(data=data).jurisdiction == ""


def test_the_api_refuses_an_unknown_state_naming_it(client, program_admin):
    client.force_login(program_admin)
    data = every_qualifier()
    data["jurisdiction"] = "ZZ"
    response = client.post("/api/v1/programs", data, content_type="application/json")
    assert response.status_code == 422
    assert "jurisdiction: unknown state 'ZZ'" in response.json()["detail"]
    data["jurisdiction"] = "KY"
    response = client.post("/api/v1/programs", data, content_type="application/json")
    assert response.status_code == 201 and response.json()["jurisdiction"] == "KY"
    bad = client.patch("/api/v1/programs/everything", {"jurisdiction": "ZZ"}, content_type="application/json")
    assert bad.status_code == 422
    good = client.patch(
        "/api/v1/programs/everything", {"jurisdiction": "OH"}, content_type="application/json"
    )
    assert good.status_code == 200 and good.json()["jurisdiction"] == "OH"


def test_the_wagtail_form_edits_the_state(client, program_admin):
    client.force_login(program_admin)
    response = client.post(
        "/admin/credentials/programs/new/",
        {
            "name": "Ohio PRS",
            "slug": "oh-prs",
            "issuing_body": "Ohio MHAS",
            "jurisdiction": "OH",
            "description": "",
            "is_active": "on",
            "certificate_languages": "en",
            "pledges-TOTAL_FORMS": "0",
            "pledges-INITIAL_FORMS": "0",
            "pledges-MIN_NUM_FORMS": "0",
            "pledges-MAX_NUM_FORMS": "1000",
            "exams-TOTAL_FORMS": "0",
            "exams-INITIAL_FORMS": "0",
            "exams-MIN_NUM_FORMS": "0",
            "exams-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    program = CredentialProgram.objects.get(slug="oh-prs")
    assert program.jurisdiction == "OH"
    edit = client.get(f"/admin/credentials/programs/edit/{program.pk}/").content.decode()
    assert 'name="jurisdiction"' in edit and '<option value="OH" selected>' in edit


def test_kentuckys_programs_are_ky_and_the_national_ones_blank():
    assert library_definition("ky-kbadc-peer-support")["jurisdiction"] == "KY"
    assert library_definition("ky-dbhdid-adult-pss")["jurisdiction"] == "KY"
    assert library_definition("icrc-peer-recovery")["jurisdiction"] == ""
    assert library_definition("naadac-ncprss")["jurisdiction"] == ""
    assert library_import(slug="ky-kbadc-peer-support").jurisdiction == "KY"


def test_the_migration_sets_the_state_of_library_programs_already_on_a_site():
    CredentialProgram.objects.create(slug="ky-kbadc-peer-support", name="KY", issuing_body="KBADC")
    CredentialProgram.objects.create(slug="tx-tcb-prss", name="TX", issuing_body="TCB", jurisdiction="OK")
    CredentialProgram.objects.create(slug="local", name="Local", issuing_body="Us")
    migration = importlib.import_module("certificates.migrations.0010_registry")
    migration.library_states(apps, None)
    states = dict(CredentialProgram.objects.values_list("slug", "jurisdiction"))
    # An administrator's own choice is kept; programs not from the library are left alone.
    assert states == {"ky-kbadc-peer-support": "KY", "tx-tcb-prss": "OK", "local": ""}
