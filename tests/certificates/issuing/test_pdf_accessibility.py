"""The certificate PDF for people who use screen readers (issue 11, item 6): a tagged PDF/UA-1 document
with its language and title, headings and a figure with alternative text, labels read before their
values, words that extract as words, and wording that names the academy as issuer and the program's
body as the one that set the requirements. Checked on the signed file: signing must keep all of it
(and pdfsig must still accept it)."""

import datetime as dt
import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from certificates.issuing import signing
from certificates.issuing.pdf import CertificateFace, render_certificate_pdf

from .helpers import *  # noqa: F403


def _tool(name):
    return shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)


PDFINFO, PDFTOTEXT, PDFSIG = _tool("pdfinfo"), _tool("pdftotext"), _tool("pdfsig")

FACE = CertificateFace(
    code="HPAQQJYZG9XT",
    holder_name="Jordan Lee",
    program_name="Peer Recovery",
    version_label="2024",
    issuing_body="IC&RC",
    issued_on=dt.date(2026, 1, 5),
    expires_on=dt.date(2028, 1, 5),
    verify_url="https://certs.example.org/verify/HPA-QQJY-ZG9X-T/",
    training_hours_total="46",
)


@pytest.fixture(scope="module")
def signed(signing_material):
    return signing.sign_pdf(render_certificate_pdf(FACE), reason="Certificate HPA-QQJY-ZG9X-T")


@pytest.fixture
def signed_path(signed, tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(signed)
    return path


def _resolve(obj):
    return obj.get_object() if isinstance(obj, generic.IndirectObject) else obj


def _elements(element):
    """Structure elements depth first, in reading order: (type, element)."""
    element = _resolve(element)
    if not isinstance(element, generic.DictionaryObject) or "/S" not in element:
        return
    yield str(element["/S"]), element
    kids = _resolve(element.get("/K"))
    for kid in kids if isinstance(kids, generic.ArrayObject) else [kids] if kids is not None else []:
        yield from _elements(kid)


def test_the_signed_pdf_is_tagged_pdf_ua_with_language_and_title(signed):
    root = PdfFileReader(BytesIO(signed)).root
    assert "/StructTreeRoot" in root, "untagged: screen readers get no structure"
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == generic.BooleanObject(True)
    assert str(root["/Lang"]) == settings.LANGUAGE_CODE
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]  # readers announce the title, not a file name
    metadata = _resolve(root["/Metadata"]).data.decode()
    assert 'pdfuaid:part="1"' in metadata
    assert "Certificate HPA-QQJY-ZG9X-T: Peer Recovery" in metadata  # the document's title

    tags = list(_elements(_resolve(root["/StructTreeRoot"])["/K"][0]))
    kinds = [kind for kind, _e in tags]
    assert kinds.count("/H1") == 1 and "/H2" in kinds
    assert kinds.index("/H1") < kinds.index("/H2")
    figures = [e for kind, e in tags if kind == "/Figure"]
    assert len(figures) == 1 and "verification page" in str(figures[0]["/Alt"])


@pytest.mark.skipif(PDFINFO is None, reason="poppler's pdfinfo is not installed (poppler-utils)")
def test_the_structure_reads_headings_and_labels_before_values(signed_path):
    tree = subprocess.run(
        [PDFINFO, "-struct-text", str(signed_path)], capture_output=True, text=True, check=True
    ).stdout
    texts = [m.group(1) for m in re.finditer(r'^\s*"(.+)"\s*$', tree, flags=re.M)]
    heading = re.search(r'^(\s*)H1.*\n(?:\1\s+.*\n)*?\s+"([^"]+)"', tree, flags=re.M)
    assert heading and heading.group(2) == "Certificate"
    program = re.search(r'^(\s*)H2.*\n(?:\1\s+.*\n)*?\s+"([^"]+)"', tree, flags=re.M)
    assert program and program.group(2) == "Peer Recovery"
    order = [
        "Peer Support Academy",
        "Certificate",
        "This certifies that",
        "Jordan Lee",
        "has met every requirement of",
        "Peer Recovery",
        "Issued:",
        "January 5, 2026",
        "Valid until:",
        "January 5, 2028",
        "Certificate code:",
        "HPA-QQJY-ZG9X-T",
        "Issued by Peer Support Academy.",
        "Requirements set by IC&RC.",
    ]
    positions = [texts.index(t) for t in order]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))
    # Each date comes straight after its label.
    assert texts[texts.index("Issued:") + 1] == "January 5, 2026"
    assert texts[texts.index("Valid until:") + 1] == "January 5, 2028"


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler's pdftotext is not installed (poppler-utils)")
@pytest.mark.parametrize("mode", [[], ["-layout"]])
def test_the_text_extracts_as_words_and_names_the_issuer_honestly(signed_path, mode):
    text = subprocess.run(
        [PDFTOTEXT, *mode, str(signed_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Peer Support Academy" in lines  # the issuer's name at the top, as one run of words
    assert "Certificate" in lines
    assert "I C & RC" not in text
    # No word spaced out into letters (three or more single characters in a row).
    spaced = [line for line in lines if re.search(r"(?:^|\s)(\S\s){2,}\S(?:\s|$)", line)]
    assert not spaced, spaced
    assert "Issued: January 5, 2026" in text
    assert "Valid until: January 5, 2028" in text
    assert "Certificate code: HPA-QQJY-ZG9X-T" in text
    assert "Issued by Peer Support Academy." in text and "Requirements set by IC&RC." in text
    assert "Digitally signed for" not in text


@pytest.mark.skipif(PDFSIG is None, reason="poppler's pdfsig is not installed (poppler-utils)")
def test_pdfsig_accepts_the_tagged_signed_pdf(signed_path):
    out = subprocess.run([PDFSIG, str(signed_path)], capture_output=True, text=True, timeout=60)
    report = out.stdout + out.stderr
    assert "Signature is Valid" in report, report
    assert "Total document signed" in report, report
