from django.db import migrations

ROLES = ["Trainee", "Instructor", "Supervisor", "Program administrator"]
# Staff roles that author content or administer programs may enter the Wagtail admin.
ADMIN_ACCESS = ["Instructor", "Program administrator"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access:
        for name in ADMIN_ACCESS:
            Group.objects.get(name=name).permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
