"""Write the files' translations (translations.py) into the Wagtail tree as page translations.

Each translated page is Wagtail's own translation of the English page (same translation_key, in the
language's Locale, under the translation of its parent), made with `copy_for_translation` the first
time and published; wagtail-localize and the admin see it as any other translation. Fields a
translation does not hold (slug, hours, domain, delivery) follow the English page. Like pages.py, a
page whose live content already matches its file is left alone: re-running a load changes nothing."""

from __future__ import annotations

from wagtail.models import Locale, Site

from courses.models import CatalogPage, CompetencyDomain, CoursePage, ModulePage

from .data import Curriculum
from .pages import _course_fields, _file_body, _live_body, _module_fields, _publish
from .report import LoadReport


def locale_for(language: str) -> Locale:
    return Locale.objects.get_or_create(language_code=language)[0]


def translation_in(page, locale: Locale, *, report: LoadReport):
    """The page's translation in `locale` (its parent translated first), made when missing: a new
    one starts as a draft copy of the English page; the caller sets its text and publishes it."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    parent = page.get_parent().specific
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        # The home page (or any ancestor without a file of its own): published as a copy of the
        # English page until its own translation is loaded (cms.translations for the home page).
        copy = translation_in(parent, locale, report=report)[0]
        _publish(copy)
        report.created.append(f"{locale.language_code} copy of /{parent.slug}/ (translate it in the admin)")
        Site.clear_site_root_paths_cache()  # a new home translation: /es/ addresses start there
    return page.copy_for_translation(locale).specific, True


def _sync(page, translation, wanted: dict, *, locale, report, where, body=None):
    """Bring `page`'s translation in line with `wanted` fields (and `body`: (value, stored) of a
    StreamField body); one published revision when anything differs."""
    target, new = translation_in(page, locale, report=report)
    where = f"{locale.language_code} translation of {where} ({translation.source})"
    same = (
        not new
        and target.live
        and all(getattr(target, k) == v for k, v in wanted.items())
        and (body is None or _live_body(target) == body[1])
    )
    if same:
        report.unchanged += 1
        return target
    for key, value in wanted.items():
        setattr(target, key, value)
    if body is not None:
        target.body = body[0]
    _publish(target)
    (report.created if new else report.updated).append(where)
    return target


def load_translations(curriculum: Curriculum, *, courses: dict[str, CoursePage], home, report: LoadReport):
    """Every translation file's page: the catalogue, then each course and its modules."""
    catalogue = curriculum.catalogue
    catalog = CatalogPage.objects.child_of(home).get(slug=catalogue.slug)
    for tr in catalogue.translations or ():
        wanted = {"title": tr.fields["title"], "intro": tr.content}
        _sync(
            catalog,
            tr,
            wanted,
            locale=locale_for(tr.language),
            report=report,
            where=f"catalogue /{catalog.slug}/",
        )
    domains = {}
    for data in curriculum.courses:
        course = courses[data.slug]
        for tr in data.translations or ():
            wanted = {
                **_course_fields(data),
                "title": tr.fields["title"],
                "summary": tr.fields["summary"],
                "audience": tr.fields["audience"],
                "intro": tr.content,
            }
            _sync(
                course, tr, wanted, locale=locale_for(tr.language), report=report, where=f"course {data.slug}"
            )
        for module in data.modules:
            if not module.translations:
                continue
            page = ModulePage.objects.child_of(course).get(slug=module.slug)
            if not domains:
                domains = {d.slug: d for d in CompetencyDomain.objects.all()}
            for tr in module.translations:
                wanted = {**_module_fields(module, domains), "title": tr.fields["title"]}
                _sync(
                    page,
                    tr,
                    wanted,
                    locale=locale_for(tr.language),
                    report=report,
                    where=f"module {data.slug}/{module.slug}",
                    body=_file_body(tr.content),
                )
    Site.clear_site_root_paths_cache()  # addresses under /es/ start at the home page's translation
