"""Bring a module's practice activities in line with its file (courses.curriculum.pages calls this).

Activities are found by their id in the file (`key`) and updated in place, so trainees' records keep
pointing at them; one that is no longer in the file is deleted, unless someone has recorded it: then
the load is refused, with the file and what to do (as for an answered question). Their translations
(`activities:` in the module's `.es.md`) are brought in line too: created, updated, or deleted when the
file no longer has them; a load that changes nothing writes nothing."""

from __future__ import annotations

from courses.curriculum.data import Activity, Module, Problem

from .models import ActivityRecord, ModuleActivity, ModuleActivityTranslation


def _fields(item: Activity, order: int) -> dict:
    return {
        "kind": item.kind,
        "title": item.title,
        "instructions": item.instructions,
        "hours": item.hours,
        "min_words": item.min_words,
        "delivery_mode": item.delivery_mode,
        "sort_order": order,
    }


def sync_activities(module, data: Module, *, where: str, report) -> list[Problem]:
    """Create, update or delete `module`'s activities to match `data.activities`. Returns the problems
    that refuse the load (the caller raises them once every module is through)."""
    existing = {a.key: a for a in ModuleActivity.objects.filter(module=module)}
    recorded = set(
        ActivityRecord.objects.filter(activity__module=module)
        .values_list("activity_id", flat=True)
        .distinct()
    )
    problems: list[Problem] = []
    current: dict[str, ModuleActivity] = {}
    for order, item in enumerate(data.activities):
        wanted = _fields(item, order)
        activity = existing.pop(item.key, None)
        name = f"activity {where}/{item.key} ({data.source})"
        if activity is None:
            activity = ModuleActivity(module=module, key=item.key, **wanted)
            activity.full_clean()
            activity.save()
            report.created.append(name)
            current[item.key] = activity
            continue
        current[item.key] = activity
        if all(getattr(activity, k) == v for k, v in wanted.items()):
            report.unchanged += 1
            continue
        if activity.kind != item.kind and activity.pk in recorded:
            problems.append(
                Problem(
                    data.source,
                    item.line,
                    f"activity '{item.key}' is a {activity.kind} that trainees have recorded: its kind cannot "
                    "change. Give the new activity a new id",
                )
            )
            continue
        for key, value in wanted.items():
            setattr(activity, key, value)
        activity.full_clean()
        activity.save()
        report.updated.append(name)
    for key, activity in existing.items():
        if activity.pk in recorded:
            problems.append(
                Problem(
                    data.source,
                    1,
                    f"activity '{key}' is no longer in the file, but trainees have recorded it, so it is not "
                    "deleted: put it back (with the same id)",
                )
            )
        else:
            activity.delete()
            report.updated.append(f"activity {where}/{key} removed ({data.source})")
    sync_translations(current, data, where=where, report=report)
    return problems


def sync_translations(activities: dict[str, ModuleActivity], data: Module, *, where: str, report) -> None:
    """Bring the translations of `activities` (the module's, by key) in line with its translation
    files' `activities:` lists. One query when nothing changed."""
    wanted = {}  # (key, language) -> (title, instructions, source)
    for translation in data.translations or ():
        for item in translation.activities:
            wanted[(item.key, translation.language)] = (item.title, item.instructions, translation.source)
    by_pk = {a.pk: key for key, a in activities.items()}
    existing = {
        (by_pk[t.activity_id], t.language): t
        for t in ModuleActivityTranslation.objects.filter(activity__in=list(activities.values()))
    }
    for (key, language), (title, instructions, source) in wanted.items():
        name = f"{language} translation of activity {where}/{key} ({source})"
        found = existing.pop((key, language), None)
        if found is not None and (found.title, found.instructions) == (title, instructions):
            report.unchanged += 1
            continue
        if found is None:
            found = ModuleActivityTranslation(activity=activities[key], language=language)
        found.title, found.instructions = title, instructions
        found.full_clean()
        new = found.pk is None
        found.save()
        (report.created if new else report.updated).append(name)
    for (key, language), gone in existing.items():
        gone.delete()
        report.updated.append(f"{language} translation of activity {where}/{key} removed ({data.source})")
