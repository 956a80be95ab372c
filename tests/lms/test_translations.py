"""The Spanish catalogue keeps up with the code: every string marked for translation in the templates and
the Python code has a Spanish translation (not empty, not fuzzy) in locale/es/LC_MESSAGES/django.po, with
the same placeholders, and the committed django.mo is that file compiled.

The strings are extracted as `make messages` does (Django's makemessages: templatize + xgettext), into a
temporary copy of the catalogue, so the committed files are never touched."""

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgfmt") is None,
    reason="GNU gettext (xgettext, msgfmt) is not installed: apt-get install gettext",
)

BASE = Path(settings.BASE_DIR)
PO = BASE / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# What `make messages` leaves out (Makefile, MESSAGES_IGNORE), and what is never source.
SKIPPED = {".venv", "node_modules", "tests", "bench", "static_collected", "media", "var", "locale", ".git"}
HOW_TO_FIX = (
    "Run `make messages` (makemessages + compilemessages for Spanish), translate each entry listed "
    "(empty msgstr or marked fuzzy) in locale/es/LC_MESSAGES/django.po, run `make messages` again to "
    "compile django.mo, and commit both files."
)
# %(name)s, %%, {name}, and HTML tags must come through a translation unchanged.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%%|\{[A-Za-z_][A-Za-z0-9_]*\}|</?[a-zA-Z][^>]*>")


def _translated(entry) -> bool:
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue as makemessages would leave it now: a copy of the committed one, merged with the
    strings found in the code (new ones empty, changed ones fuzzy)."""
    tmp = tmp_path_factory.mktemp("messages")
    for item in BASE.iterdir():
        if item.name not in SKIPPED and not item.name.startswith("."):
            (tmp / item.name).symlink_to(item)
    shutil.copytree(BASE / "locale", tmp / "locale")
    env = {**os.environ, "PYTHONPATH": str(BASE), "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
    command = [
        sys.executable,
        str(BASE / "manage.py"),
        "makemessages",
        "-l",
        "es",
        "--symlinks",
        "--no-obsolete",
    ]
    done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return polib.pofile(str(tmp / "locale" / "es" / "LC_MESSAGES" / "django.po"))


def test_every_string_in_the_code_has_a_spanish_translation(extracted):
    committed = {(e.msgctxt, e.msgid, e.msgid_plural): e for e in polib.pofile(str(PO))}
    missing = []
    for entry in extracted:
        if entry.obsolete:
            continue
        mine = committed.get((entry.msgctxt, entry.msgid, entry.msgid_plural))
        if mine is None or not _translated(mine) or not _translated(entry):
            where = entry.occurrences[0][0] if entry.occurrences else "?"
            missing.append(f"  {where}: {entry.msgid!r}")
    assert not missing, (
        f"{len(missing)} strings lack a Spanish translation:\n" + "\n".join(missing) + "\n" + HOW_TO_FIX
    )


def test_the_catalogue_has_no_fuzzy_or_empty_entries():
    bad = [e.msgid for e in polib.pofile(str(PO)) if not e.obsolete and not _translated(e)]
    assert not bad, f"Untranslated or fuzzy: {bad}\n{HOW_TO_FIX}"


def test_translations_keep_the_placeholders_and_tags():
    wrong = []
    for entry in polib.pofile(str(PO)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            pairs = [
                (entry.msgid_plural if i else entry.msgid, s) for i, s in sorted(entry.msgstr_plural.items())
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            # A plural's forms may leave out the count (Spanish says "te queda" for one), never add one.
            expected, got = set(PLACEHOLDER.findall(source)), set(PLACEHOLDER.findall(text))
            if got != expected and not (
                entry.msgid_plural and got < expected | set(PLACEHOLDER.findall(entry.msgid_plural))
            ):
                wrong.append(f"  {source!r} -> {text!r}")
    assert not wrong, "Placeholders or tags differ between msgid and msgstr:\n" + "\n".join(wrong)


def test_the_committed_mo_is_the_po_compiled(tmp_path):
    assert MO.exists(), f"{MO} is missing. {HOW_TO_FIX}"
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(PO)], check=True, timeout=120)
    with MO.open("rb") as committed_file, fresh.open("rb") as fresh_file:
        committed = gettext.GNUTranslations(committed_file)._catalog
        compiled = gettext.GNUTranslations(fresh_file)._catalog
    differ = sorted(
        str(k)
        for k in set(committed) ^ set(compiled) | {k for k in committed if compiled.get(k) != committed[k]}
    )
    assert not differ, (
        f"django.mo is older than django.po or differs from it ({len(differ)} entries). {HOW_TO_FIX}"
    )
