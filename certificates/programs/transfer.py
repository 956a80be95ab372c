"""Program definitions as JSON (format peer-lms.program/2, documented by the JSON Schema in
docs/program-format.schema.json): `program_export` writes a program (domains it names, board exams,
code of ethics, versions with every requirement row and renewal rule); `program_import` creates or
updates one from that data, all or nothing. Used by `manage.py export_program` / `import_program`,
the API and the administrators' import page.

Every refusal names the place in the file ("versions[0] (2024), requirements[3] (practice_hours):
unknown key 'domian'"), and nothing is saved."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from jsonschema import Draft202012Validator

from certificates.permissions import require_program_admin
from certificates.validation import clean, parse_date, parse_decimal
from courses.models import CompetencyDomain, CoursePage
from lms.audit import audit_record
from lms.errors import Conflict, DomainError, Invalid

from . import jurisdictions
from .models import (
    CertificateLanguages,
    CredentialProgram,
    EthicsPledge,
    ProgramExam,
    ProgramVersion,
    RenewalTopicMinimum,
    Requirement,
)

EXPORT_FORMAT = "peer-lms.program/2"
LEGACY_FORMAT = "peer-lms.program/1"
SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "program-format.schema.json"
MAX_ERRORS = 20

ERR_IMPORT_FORMAT = gettext_noop("This is not a program definition file (format {expected}).")
ERR_UNKNOWN_COURSE = gettext_noop("Unknown course: {slug}.")
ERR_UNKNOWN_DOMAIN = gettext_noop("Unknown domain: {slug}.")
ERR_UNKNOWN_EXAM = gettext_noop("Unknown exam: {slug} (list it under the program's exams).")
ERR_AMBIGUOUS_COURSE = gettext_noop("Several courses have the slug {slug}.")
ERR_PLEDGE_TEXT_LOCKED = gettext_noop(
    "Pledge {label} has signatures; publish a new version instead of changing its text."
)
ERR_DUPLICATE = gettext_noop("{what} {label} appears twice.")
ERR_UNKNOWN_JURISDICTION = gettext_noop(
    "jurisdiction: unknown state {code}. Write a two-letter US state code (for example KY), or an empty "
    "string for a national or international credential."
)

REQUIREMENT_KEYS = (
    "kind",
    "label",
    "course",
    "domains",
    "hours",
    "months",
    "years",
    "min_spread_months",
    "within_months",
    "delivery_mode",
    "delivery_hours",
    "allow_external",
    "qualified_supervisor",
    "exam",
    "education_level",
)


@lru_cache(maxsize=1)
def program_schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        return json.load(fh)


# --- Export ---------------------------------------------------------------------------------------


def _number(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _requirement_out(r: Requirement) -> dict:
    return {
        "kind": r.kind,
        "label": r.label,
        "course": r.course.slug if r.course_id else None,
        "domains": [d.slug for d in r.domains.all()],
        "hours": _number(r.hours),
        "months": r.months,
        "years": r.years,
        "min_spread_months": r.min_spread_months,
        "within_months": r.within_months,
        "delivery_mode": r.delivery_mode or None,
        "delivery_hours": _number(r.delivery_hours),
        "allow_external": r.allow_external,
        "qualified_supervisor": r.qualified_supervisor,
        "exam": r.exam.slug if r.exam_id else None,
        "education_level": r.education_level or None,
    }


def program_export(*, program: CredentialProgram) -> dict:
    """The program as JSON-ready data: courses, domains and exams referenced by slug (the domains
    it names are included, so another site can import it)."""
    versions, domain_slugs = [], set()
    for version in program.versions.order_by("effective_date", "pk"):
        rows = list(
            version.requirements.select_related("course", "exam")
            .prefetch_related("domains")
            .order_by("sort_order", "pk")
        )
        minimums = list(version.renewal_topic_minimums.select_related("domain").order_by("sort_order", "pk"))
        domain_slugs |= {d.slug for r in rows for d in r.domains.all()}
        domain_slugs |= {m.domain.slug for m in minimums if m.domain_id}
        versions.append(
            {
                "label": version.label,
                "effective_date": version.effective_date.isoformat(),
                "validity_months": version.validity_months,
                "grace_period_days": version.grace_period_days,
                "renewal_ce_hours": _number(version.renewal_ce_hours),
                "renewal_cycle_months": version.renewal_cycle_months,
                "notes": version.notes,
                "requirements": [_requirement_out(r) for r in rows],
                "renewal_topic_minimums": [
                    {
                        "domain": m.domain.slug if m.domain_id else None,
                        "topic": m.topic,
                        "hours": _number(m.hours),
                    }
                    for m in minimums
                ],
            }
        )
    return {
        "format": EXPORT_FORMAT,
        "slug": program.slug,
        "name": program.name,
        "issuing_body": program.issuing_body,
        "jurisdiction": program.jurisdiction,
        "certificate_languages": str(program.certificate_languages),
        "description": program.description,
        "is_active": program.is_active,
        "domains": [
            {"slug": d.slug, "name": d.name, "description": d.description}
            for d in CompetencyDomain.objects.filter(slug__in=domain_slugs).order_by("sort_order", "name")
        ],
        "exams": [
            {
                "slug": e.slug,
                "name": e.name,
                "passing_score": _number(e.passing_score),
                "score_scale": e.score_scale,
                "description": e.description,
            }
            for e in program.exams.order_by("sort_order", "pk")
        ],
        "pledges": [
            {"version_label": p.version_label, "effective_date": p.effective_date.isoformat(), "text": p.text}
            for p in program.pledges.order_by("effective_date", "pk")
        ],
        "versions": versions,
    }


# --- Reading ----------------------------------------------------------------------------------------


def _no_constants(name):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_program_json(raw: bytes | str) -> object:
    """A program definition file's text as data, or Invalid saying what is wrong with it (not UTF-8,
    not JSON and where, nested too deeply, NaN or Infinity)."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Invalid(_("The file is not text (UTF-8 JSON)."), code="bad_json", field="file")
    try:
        return json.loads(raw, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise Invalid(
            _("The file is not valid JSON: %(error)s (line %(line)s, column %(column)s).")
            % {"error": exc.msg, "line": exc.lineno, "column": exc.colno},
            code="bad_json",
            field="file",
        )
    except RecursionError:
        raise Invalid(
            _("The file is nested too deeply to be a program definition."), code="bad_json", field="file"
        )
    except ValueError as exc:
        raise Invalid(
            _("The file is not valid JSON: %(error)s.") % {"error": exc}, code="bad_json", field="file"
        )


# --- Validation -----------------------------------------------------------------------------------


def _upgrade_legacy(data: dict) -> dict:
    """Format 1 named one `domain` per row and had none of the later keys: those mean "not used"."""
    data = copy.deepcopy(data)
    data["format"] = EXPORT_FORMAT
    data.setdefault("domains", [])
    data.setdefault("exams", [])
    data.setdefault("pledges", [])
    data.setdefault("versions", [])
    data.setdefault("description", "")
    data.setdefault("jurisdiction", "")
    data.setdefault("is_active", True)
    for version in data["versions"] if isinstance(data["versions"], list) else []:
        if not isinstance(version, dict):
            continue
        version.setdefault("notes", "")
        version.setdefault("renewal_topic_minimums", [])
        # Format 1 left these out when they had the model's defaults.
        for key, value in (
            ("validity_months", 24),
            ("grace_period_days", 0),
            ("renewal_ce_hours", "0"),
            ("renewal_cycle_months", 24),
        ):
            version.setdefault(key, value)
        for row in version.get("requirements", []) if isinstance(version.get("requirements"), list) else []:
            if not isinstance(row, dict):
                continue
            if "domain" in row:
                domain = row.pop("domain")
                row["domains"] = [domain] if domain else []
            defaults = {"label": "", "allow_external": False, "qualified_supervisor": False, "domains": []}
            for key in REQUIREMENT_KEYS:
                row.setdefault(key, defaults.get(key))
    return data


def _place(path, data) -> str:
    """versions[0] (2024), requirements[3] (practice_hours), hours"""
    parts, node = [], data
    for step in path:
        if isinstance(step, int):
            label = ""
            item = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(item, dict):
                label = (
                    item.get("kind")
                    or item.get("label")
                    or item.get("slug")
                    or item.get("version_label")
                    or ""
                )
            parts[-1] = f"{parts[-1]}[{step}]" + (f" ({label})" if isinstance(label, str) and label else "")
            node = item
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ", ".join(parts) or _("the file")


def _describe(error, data) -> str:
    where = _place(list(error.absolute_path), data)
    if error.validator == "required":
        missing = [
            k for k in error.validator_value if isinstance(error.instance, dict) and k not in error.instance
        ]
        return _("%(where)s: missing key %(keys)s") % {
            "where": where,
            "keys": ", ".join(f"'{k}'" for k in missing),
        }
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        return _("%(where)s: unknown key %(keys)s") % {
            "where": where,
            "keys": ", ".join(f"'{k}'" for k in extra),
        }
    return f"{where}: {error.message}"


def validate_program_data(data) -> dict:
    """The data as format 2 (format 1 upgraded), or Invalid listing every problem with its place."""
    if not isinstance(data, dict) or data.get("format") not in (EXPORT_FORMAT, LEGACY_FORMAT):
        raise Invalid(_(ERR_IMPORT_FORMAT).format(expected=EXPORT_FORMAT), code="bad_format")
    if data["format"] == LEGACY_FORMAT:
        data = _upgrade_legacy(data)
    errors = sorted(
        Draft202012Validator(program_schema()).iter_errors(data),
        key=lambda e: [str(p) for p in e.absolute_path],
    )
    if errors:
        messages = [_describe(e, data) for e in errors[:MAX_ERRORS]]
        if len(errors) > MAX_ERRORS:
            messages.append(_("and %(count)s more") % {"count": len(errors) - MAX_ERRORS})
        raise Invalid("; ".join(dict.fromkeys(messages)), code="invalid_program")
    jurisdiction = data.get("jurisdiction") or ""
    if jurisdiction and not jurisdictions.is_known(jurisdiction):
        raise Invalid(
            _(ERR_UNKNOWN_JURISDICTION).format(code=repr(jurisdiction)),
            code="invalid_program",
            field="jurisdiction",
        )
    for what, items, key in (
        (_("Domain"), data["domains"], "slug"),
        (_("Exam"), data["exams"], "slug"),
        (_("Pledge"), data["pledges"], "version_label"),
        (_("Version"), data["versions"], "label"),
    ):
        seen = set()
        for item in items:
            if item[key] in seen:
                raise Invalid(_(ERR_DUPLICATE).format(what=what, label=item[key]), code="invalid_program")
            seen.add(item[key])
    return data


# --- Import ---------------------------------------------------------------------------------------


def _course_by_slug(slug):
    if not slug:
        return None
    matches = list(CoursePage.objects.filter(slug=slug)[:2])
    if not matches:
        raise Invalid(_(ERR_UNKNOWN_COURSE).format(slug=slug), field="course")
    if len(matches) > 1:
        raise Invalid(_(ERR_AMBIGUOUS_COURSE).format(slug=slug), field="course")
    return matches[0]


def _domain_by_slug(slug):
    if not slug:
        return None
    domain = CompetencyDomain.objects.filter(slug=slug).first()
    if domain is None:
        raise Invalid(_(ERR_UNKNOWN_DOMAIN).format(slug=slug), field="domain")
    return domain


def _at(where: str, exc: DomainError) -> DomainError:
    return type(exc)(f"{where}: {exc.message}", code=exc.code, field=exc.field)


@transaction.atomic
def program_import(*, data: dict, actor=None) -> CredentialProgram:
    """Create or update a program from `program_export` data (see the module docstring). Versions are
    matched by label and their requirement rows replaced; pledges and exams are matched by their
    labels; missing domains are created. All or nothing."""
    require_program_admin(actor, system_allowed=True)
    data = validate_program_data(data)
    program = CredentialProgram.objects.filter(slug=data["slug"]).first() or CredentialProgram(
        slug=data["slug"]
    )
    created = program.pk is None
    program.name, program.issuing_body = data["name"], data["issuing_body"]
    program.description, program.is_active = data["description"], data["is_active"]
    program.jurisdiction = data.get("jurisdiction") or ""
    program.certificate_languages = data.get("certificate_languages") or CertificateLanguages.ENGLISH
    clean(program)
    program.save()
    for item in data["domains"]:
        CompetencyDomain.objects.get_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item["description"], "sort_order": 100},
        )
    exams = {}
    for index, item in enumerate(data["exams"]):
        try:
            exams[item["slug"]] = _exam_upsert(program=program, item=item)
        except DomainError as exc:
            raise _at(f"exams[{index}] ({item['slug']})", exc)
    exams.update({e.slug: e for e in program.exams.exclude(slug__in=list(exams))})
    for index, item in enumerate(data["pledges"]):
        try:
            _pledge_upsert(program=program, item=item)
        except DomainError as exc:
            raise _at(f"pledges[{index}] ({item['version_label']})", exc)
    for index, item in enumerate(data["versions"]):
        _version_upsert(program=program, item=item, exams=exams, where=f"versions[{index}] ({item['label']})")
    audit_record(
        actor=actor,
        action="program.imported" if created else "program.updated",
        target=program,
        details={"versions": [v["label"] for v in data["versions"]], "format": EXPORT_FORMAT},
    )
    return program


def _exam_upsert(*, program, item) -> ProgramExam:
    exam = ProgramExam.objects.filter(program=program, slug=item["slug"]).first() or ProgramExam(
        program=program, slug=item["slug"]
    )
    exam.name, exam.score_scale, exam.description = item["name"], item["score_scale"], item["description"]
    exam.passing_score = parse_decimal(item["passing_score"], "passing_score", allow_none=True)
    clean(exam)
    exam.save()
    return exam


def _pledge_upsert(*, program, item):
    label = item["version_label"]
    pledge = EthicsPledge.objects.filter(program=program, version_label=label).first()
    if pledge is not None and pledge.text != item["text"] and pledge.signatures.exists():
        raise Conflict(_(ERR_PLEDGE_TEXT_LOCKED).format(label=label), code="pledge_signed")
    pledge = pledge or EthicsPledge(program=program, version_label=label)
    pledge.text = item["text"]
    pledge.effective_date = parse_date(item["effective_date"], "effective_date")
    clean(pledge)
    pledge.save()


def _version_upsert(*, program, item, exams, where):
    try:
        version = ProgramVersion.objects.filter(
            program=program, label=item["label"]
        ).first() or ProgramVersion(program=program, label=item["label"])
        version.effective_date = parse_date(item["effective_date"], "effective_date")
        version.validity_months = item["validity_months"]
        version.grace_period_days = item["grace_period_days"]
        version.renewal_cycle_months = item["renewal_cycle_months"]
        version.renewal_ce_hours = parse_decimal(item["renewal_ce_hours"], "renewal_ce_hours")
        version.notes = item["notes"]
        clean(version)
        version.save()
    except DomainError as exc:
        raise _at(where, exc)
    version.requirements.all().delete()
    for order, row in enumerate(item["requirements"]):
        try:
            _requirement_create(version=version, order=order, row=row, exams=exams)
        except DomainError as exc:
            raise _at(f"{where}, requirements[{order}] ({row['kind']})", exc)
    version.renewal_topic_minimums.all().delete()
    for order, row in enumerate(item["renewal_topic_minimums"]):
        try:
            minimum = RenewalTopicMinimum(
                version=version,
                sort_order=order,
                domain=_domain_by_slug(row["domain"]),
                topic=row["topic"],
                hours=parse_decimal(row["hours"], "hours"),
            )
            clean(minimum)
            minimum.save()
        except DomainError as exc:
            raise _at(f"{where}, renewal_topic_minimums[{order}]", exc)
    return version


def _requirement_create(*, version, order, row, exams) -> Requirement:
    exam = None
    if row["exam"]:
        exam = exams.get(row["exam"])
        if exam is None:
            raise Invalid(_(ERR_UNKNOWN_EXAM).format(slug=row["exam"]), field="exam")
    req = Requirement(
        version=version,
        sort_order=order,
        kind=row["kind"],
        label=row["label"],
        course=_course_by_slug(row["course"]),
        hours=parse_decimal(row["hours"], "hours", allow_none=True),
        months=row["months"],
        years=row["years"],
        min_spread_months=row["min_spread_months"],
        within_months=row["within_months"],
        delivery_mode=row["delivery_mode"] or "",
        delivery_hours=parse_decimal(row["delivery_hours"], "delivery_hours", allow_none=True),
        allow_external=row["allow_external"],
        qualified_supervisor=row["qualified_supervisor"],
        exam=exam,
        education_level=row["education_level"] or "",
    )
    req.domains = [_domain_by_slug(slug) for slug in row["domains"]]
    clean(req)
    req.save()
    return req
