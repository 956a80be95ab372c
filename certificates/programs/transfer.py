"""Program definitions as JSON: `program_export` writes a program (versions, requirement rows, renewal
rules, code of ethics) with courses and domains referenced by slug; `program_import` creates or updates
one from that data, all or nothing. Used by `manage.py export_program` / `import_program` and the API."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.permissions import require_program_admin
from certificates.validation import clean, parse_date, parse_decimal
from courses.models import CompetencyDomain, CoursePage
from lms.audit import audit_record
from lms.errors import Conflict, Invalid

from .models import CredentialProgram, EthicsPledge, ProgramVersion, RenewalTopicMinimum, Requirement

EXPORT_FORMAT = "peer-lms.program/1"

ERR_IMPORT_FORMAT = gettext_noop("This is not a program definition file.")
ERR_UNKNOWN_COURSE = gettext_noop("Unknown course: {slug}.")
ERR_UNKNOWN_DOMAIN = gettext_noop("Unknown domain: {slug}.")
ERR_AMBIGUOUS_COURSE = gettext_noop("Several courses have the slug {slug}.")
ERR_PLEDGE_TEXT_LOCKED = gettext_noop(
    "Pledge {label} has signatures; publish a new version instead of changing its text."
)


def program_export(*, program: CredentialProgram) -> dict:
    """The program as JSON-ready data: courses and domains referenced by slug, so another site with the
    same slugs can import it."""
    versions = []
    for version in program.versions.order_by("effective_date", "pk"):
        versions.append(
            {
                "label": version.label,
                "effective_date": version.effective_date.isoformat(),
                "validity_months": version.validity_months,
                "grace_period_days": version.grace_period_days,
                "renewal_ce_hours": str(version.renewal_ce_hours),
                "renewal_cycle_months": version.renewal_cycle_months,
                "notes": version.notes,
                "requirements": [
                    {
                        "kind": r.kind,
                        "course": r.course.slug if r.course_id else None,
                        "domain": r.domain.slug if r.domain_id else None,
                        "hours": str(r.hours) if r.hours is not None else None,
                        "months": r.months,
                        "min_spread_months": r.min_spread_months,
                        "allow_external": r.allow_external,
                        "label": r.label,
                    }
                    for r in version.requirements.select_related("course", "domain").order_by(
                        "sort_order", "pk"
                    )
                ],
                "renewal_topic_minimums": [
                    {
                        "domain": m.domain.slug if m.domain_id else None,
                        "topic": m.topic,
                        "hours": str(m.hours),
                    }
                    for m in version.renewal_topic_minimums.select_related("domain").order_by(
                        "sort_order", "pk"
                    )
                ],
            }
        )
    return {
        "format": EXPORT_FORMAT,
        "slug": program.slug,
        "name": program.name,
        "issuing_body": program.issuing_body,
        "description": program.description,
        "is_active": program.is_active,
        "pledges": [
            {"version_label": p.version_label, "effective_date": p.effective_date.isoformat(), "text": p.text}
            for p in program.pledges.order_by("effective_date", "pk")
        ],
        "versions": versions,
    }


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


@transaction.atomic
def program_import(*, data: dict, actor=None) -> CredentialProgram:
    """Create or update a program from `program_export` data. Versions are matched by label and their
    requirement rows replaced; pledges are matched by version label. All or nothing."""
    require_program_admin(actor, system_allowed=True)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not data.get("slug"):
        raise Invalid(_(ERR_IMPORT_FORMAT), code="bad_format")
    program = CredentialProgram.objects.filter(slug=data["slug"]).first() or CredentialProgram(
        slug=data["slug"]
    )
    created = program.pk is None
    for name in ("name", "issuing_body", "description"):
        if name in data:
            setattr(program, name, data[name] or "")
    if "is_active" in data:
        program.is_active = bool(data["is_active"])
    clean(program)
    program.save()
    for item in data.get("pledges", []):
        _pledge_upsert(program=program, item=item)
    for item in data.get("versions", []):
        _version_upsert(program=program, item=item)
    audit_record(
        actor=actor,
        action="program.imported" if created else "program.updated",
        target=program,
        details={"versions": [v.get("label") for v in data.get("versions", [])]},
    )
    return program


def _pledge_upsert(*, program, item):
    label = str(item.get("version_label", ""))
    pledge = EthicsPledge.objects.filter(program=program, version_label=label).first()
    text = item.get("text", "")
    if pledge is not None and pledge.text != text and pledge.signatures.exists():
        raise Conflict(_(ERR_PLEDGE_TEXT_LOCKED).format(label=label), code="pledge_signed")
    pledge = pledge or EthicsPledge(program=program, version_label=label)
    pledge.text = text
    pledge.effective_date = parse_date(item.get("effective_date"), "effective_date")
    clean(pledge)
    pledge.save()


def _version_upsert(*, program, item):
    label = str(item.get("label", ""))
    version = ProgramVersion.objects.filter(program=program, label=label).first() or ProgramVersion(
        program=program, label=label
    )
    version.effective_date = parse_date(item.get("effective_date"), "effective_date")
    for name in ("validity_months", "grace_period_days", "renewal_cycle_months"):
        if item.get(name) is not None:
            setattr(version, name, item[name])
    if item.get("renewal_ce_hours") is not None:
        version.renewal_ce_hours = parse_decimal(item["renewal_ce_hours"], "renewal_ce_hours")
    version.notes = item.get("notes", "") or ""
    clean(version)
    version.save()
    version.requirements.all().delete()
    for order, row in enumerate(item.get("requirements", [])):
        req = Requirement(
            version=version,
            sort_order=order,
            kind=row.get("kind", ""),
            course=_course_by_slug(row.get("course")),
            domain=_domain_by_slug(row.get("domain")),
            hours=parse_decimal(row.get("hours"), "hours", allow_none=True),
            months=row.get("months"),
            min_spread_months=row.get("min_spread_months"),
            allow_external=bool(row.get("allow_external", False)),
            label=row.get("label", "") or "",
        )
        clean(req)
        req.save()
    version.renewal_topic_minimums.all().delete()
    for order, row in enumerate(item.get("renewal_topic_minimums", [])):
        minimum = RenewalTopicMinimum(
            version=version,
            sort_order=order,
            domain=_domain_by_slug(row.get("domain")),
            topic=row.get("topic", "") or "",
            hours=parse_decimal(row.get("hours"), "hours"),
        )
        clean(minimum)
        minimum.save()
    return version
