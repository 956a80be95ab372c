"""The Spanish versions of the home page and the general content pages, from files translators edit:
cms/content/<slug>.es.md (home.es.md for the home page), in the curriculum's Markdown
(docs/authoring.md). Front matter: `title` and `summary` (content pages) or `title` and `seo_title`
(the home page); the text: the page's body, and for the home page the paragraphs before its first
`## ` heading are its introduction.

Like cms.seed, it creates what is missing and leaves editors' work alone: a translation is written
when it does not exist yet, or while it is still an untranslated copy of the English page (the same
title: the curriculum loader publishes such a copy of the home page when it translates the
catalogue). Every file is checked first; a problem is reported as file:line and nothing is written."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from wagtail.models import Site

from courses.curriculum import markup
from courses.curriculum.data import CurriculumError, Problem
from courses.curriculum.parse import _Reader
from courses.curriculum.report import LoadReport
from courses.curriculum.translate import locale_for, translation_in

from .models import ContentPage, HomePage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
HOME_FILE = "home"
FIELDS = {"home": ("title", "seo_title"), "page": ("title", "summary")}


def _split_intro(body):
    """(intro lines, body lines): the home page's text before its first `## ` heading is its intro."""
    for index, (_number, text) in enumerate(body):
        if text.startswith("## "):
            return body[:index], body[index:]
    return body, []


def read_pages(folder: Path = CONTENT_DIR) -> list[dict]:
    """Every translation file, checked: [{slug, language, fields, intro, body, source}]."""
    reader = _Reader(folder)
    result = []
    for path in sorted(folder.glob("*.*.md")) if folder.is_dir() else []:
        slug, language = path.name[: -len(".md")].rsplit(".", 1)
        if language != "es":
            reader.add(path, 1, "a page translation is named <slug>.es.md")
            continue
        kind = "home" if slug == HOME_FILE else "page"
        fields, body = reader.markdown_file(path, FIELDS[kind], "page translation")
        if fields is None:
            continue
        values = {key: fields.text(key, required=key == "title", max_length=255) for key in FIELDS[kind]}
        intro_lines, body_lines = _split_intro(body) if kind == "home" else ([], body)
        result.append(
            {
                "slug": slug,
                "kind": kind,
                "language": language,
                "fields": values,
                "intro": reader.markup(path, markup.rich_text, intro_lines, ""),
                "body": reader.markup(path, markup.module_body, body_lines, []),
                "source": reader.rel(path),
            }
        )
    if reader.problems:
        raise CurriculumError(reader.problems)
    return result


@transaction.atomic
def load_page_translations(home: HomePage, folder: Path = CONTENT_DIR) -> LoadReport:
    report = LoadReport()
    problems = []
    for data in read_pages(folder):
        if data["kind"] == "home":
            page = home
        else:
            page = ContentPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            problems.append(
                Problem(data["source"], 1, f"there is no English page /{data['slug']}/ to translate")
            )
            continue
        locale = locale_for(data["language"])
        existing = page.get_translation_or_none(locale)
        if existing is not None and existing.title != page.title:
            report.unchanged += 1  # translated already (by this file or an editor): left alone
            continue
        target = translation_in(page, locale, report=report)[0]
        for key, value in data["fields"].items():
            setattr(target, key, value)
        if data["kind"] == "home":
            target.intro = data["intro"]
        target.body = data["body"]
        target.save_revision().publish()
        report.created.append(f"{locale.language_code} translation of /{data['slug']}/ ({data['source']})")
    if problems:
        raise CurriculumError(problems)
    Site.clear_site_root_paths_cache()
    return report
