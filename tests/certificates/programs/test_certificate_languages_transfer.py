"""The certificate's language travels with a program: export writes it, import reads it (an unknown value
is refused by the schema, nothing imported), and a file written before it existed means English."""

import pytest

from certificates.models import CredentialProgram
from certificates.programs import transfer
from lms.errors import Invalid

from .test_transfer import every_qualifier

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("languages", ["en", "es", "en+es", "holder"])
def test_import_and_export_carry_the_certificate_language(languages):
    data = every_qualifier()
    data["certificate_languages"] = languages
    program = transfer.program_import(data=data)
    assert program.certificate_languages == languages
    assert transfer.program_export(program=program)["certificate_languages"] == languages


@pytest.mark.parametrize("value", ["fr", "EN", "", None, 3, "es+en"])
def test_an_unknown_certificate_language_is_refused_and_nothing_is_imported(value):
    data = every_qualifier()
    data["certificate_languages"] = value
    with pytest.raises(Invalid) as exc:
        transfer.program_import(data=data)
    assert "certificate_languages" in exc.value.message
    assert not CredentialProgram.objects.exists()


def test_files_written_before_it_existed_mean_english():
    data = every_qualifier()
    data.pop("certificate_languages", None)
    assert transfer.program_import(data=data).certificate_languages == "en"
