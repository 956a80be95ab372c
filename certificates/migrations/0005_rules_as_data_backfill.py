"""Fill what the rules issue added from what was already recorded: calendar dates in each person's
time zone, requirement domains (one domain becomes a list of one), one standing approval per approved
hours entry, and the program on applications and certificates (closing all but the newest line of
first certificates per holder and program, should there ever have been more than one)."""

import zoneinfo
from collections import defaultdict

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _local(moment, user):
    return timezone.localtime(moment, _zone(user.time_zone)).date()


def forwards(apps, schema_editor):
    get = lambda name: apps.get_model("certificates", name)  # noqa: E731
    for row in get("PledgeSignature").objects.select_related("user").iterator():
        row.signed_on = _local(row.signed_at, row.user)
        row.save(update_fields=["signed_on"])
    for row in get("RecoveryAttestation").objects.select_related("user").iterator():
        row.attested_on = _local(row.attested_at, row.user)
        row.superseded_on = _local(row.superseded_at, row.user) if row.superseded_at else None
        row.save(update_fields=["attested_on", "superseded_on"])
    for row in get("ExternalTraining").objects.select_related("user").iterator():
        row.recorded_on = _local(row.recorded_at, row.user)
        row.save(update_fields=["recorded_on"])
    Requirement = get("Requirement")
    Through = Requirement.domains.through  # written directly: the cluster manager would defer it
    Through.objects.bulk_create(
        [
            Through(requirement_id=pk, competencydomain_id=domain_id)
            for pk, domain_id in Requirement.objects.filter(domain__isnull=False).values_list("pk", "domain_id")
        ]
    )
    HoursApproval = get("HoursApproval")
    for entry in get("PracticeLog").objects.filter(status="approved").select_related("trainee").iterator():
        approved_at = entry.decided_at or entry.updated_at or entry.created_at
        HoursApproval.objects.create(
            entry=entry,
            trainee_id=entry.trainee_id,
            supervisor_id=entry.supervisor_id,
            date=entry.date,
            hours=entry.hours,
            kind=entry.kind,
            domain_id=entry.domain_id,
            directly_supervised=False,
            approved_by_id=entry.decided_by_id,
            approved_at=approved_at,
            approved_on=_local(approved_at, entry.trainee),
        )
    for model in (get("CertificateApplication"), get("Certificate")):
        for row in model.objects.select_related("version").iterator():
            row.program_id = row.version.program_id
            row.save(update_fields=["program"])
    lines = defaultdict(list)
    roots = get("Certificate").objects.filter(replaces__isnull=True).exclude(status="cancelled")
    for row in roots.order_by("created_at", "pk"):
        lines[(row.holder_id, row.program_id)].append(row)
    now = timezone.now()
    for rows in lines.values():
        for older in rows[:-1]:
            older.lineage_closed_at = now
            older.save(update_fields=["lineage_closed_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_rules_as_data"),
        ("lms", "0003_user_time_zone"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
