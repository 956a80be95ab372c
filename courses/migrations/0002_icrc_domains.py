from django.db import migrations

DOMAINS = [
    ("advocacy", "Advocacy", 1),
    ("mentoring-education", "Mentoring and Education", 2),
    ("recovery-wellness-support", "Recovery and Wellness Support", 3),
    ("ethical-responsibility", "Ethical Responsibility", 4),
]


def seed(apps, schema_editor):
    Domain = apps.get_model("courses", "CompetencyDomain")
    for slug, name, order in DOMAINS:
        Domain.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
