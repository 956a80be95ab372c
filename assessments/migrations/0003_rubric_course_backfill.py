"""Give each existing rubric the course whose essays use it, so its instructors keep editing it. A rubric
used by several courses (or by none) stays shared: only program administrators edit it, and they can
copy it per course (docs/assessments.md)."""

from django.db import migrations


def assign_courses(apps, schema_editor):
    Rubric = apps.get_model("assessments", "Rubric")
    Question = apps.get_model("assessments", "Question")
    courses_by_rubric: dict[int, set[int]] = {}
    pairs = Question.objects.filter(rubric__isnull=False).values_list("rubric_id", "assessment__course_id")
    for rubric_id, course_id in pairs.distinct():
        courses_by_rubric.setdefault(rubric_id, set()).add(course_id)
    for rubric_id, course_ids in courses_by_rubric.items():
        if len(course_ids) == 1:
            Rubric.objects.filter(pk=rubric_id, course__isnull=True).update(course_id=next(iter(course_ids)))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_rubric_course")]

    operations = [migrations.RunPython(assign_courses, migrations.RunPython.noop)]
