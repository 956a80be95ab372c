"""The admin permission matrix: every Wagtail snippet model, Wagtail page model, Django admin model and
admin viewset the project adds, what each role may do with it (list, add, edit).

ALLOW: 200. DENY: 403, or a redirect to the login page or to the admin dashboard (Wagtail's answer to
PermissionDenied). SCOPED: allowed for the instructor's own course (its assessment, rubric, course page,
module, or adding a module to it) and denied for a course they do not teach.

Decisions this table records (docs/assessments.md): instructors author assessments, rubrics, course
and module pages of the courses they teach, and nothing else (not competency domains, programs, the
catalogue, the home or content pages, nor new courses: program administrators create a course and
name its instructors). The Django admin is for superusers only. Supervisors and trainees get no admin."""

ALLOW, DENY, SCOPED = "allow", "deny", "scoped"
ADMIN_ROLES = ("anonymous", "trainee", "supervisor", "instructor", "program_admin")


def roles(instructor, program_admin):
    return {
        "anonymous": DENY,
        "trainee": DENY,
        "supervisor": DENY,
        "instructor": instructor,
        "program_admin": program_admin,
    }


STAFF = roles(ALLOW, ALLOW)
STAFF_SCOPED = roles(SCOPED, ALLOW)
ADMINS = roles(DENY, ALLOW)
NOBODY = roles(DENY, DENY)
DJANGO_ADMIN = {"list": NOBODY, "add": NOBODY}

ADMIN_MATRIX = {
    # Wagtail snippets
    "snippet:assessments.Assessment": {"list": STAFF, "add": STAFF, "edit": STAFF_SCOPED},
    "snippet:assessments.Rubric": {"list": STAFF, "add": STAFF, "edit": STAFF_SCOPED},
    "snippet:courses.CompetencyDomain": {"list": ADMINS, "add": ADMINS, "edit": ADMINS},
    # Wagtail pages ("add" is adding one under a parent it may have)
    "page:wagtailcore.Page": {"edit": NOBODY},
    "page:cms.HomePage": {"edit": NOBODY, "add": NOBODY},
    "page:cms.ContentPage": {"edit": NOBODY, "add": NOBODY},
    "page:courses.CatalogPage": {"edit": ADMINS, "add": NOBODY},
    "page:courses.CoursePage": {"edit": STAFF_SCOPED, "add": ADMINS},
    "page:courses.ModulePage": {"edit": STAFF_SCOPED, "add": STAFF_SCOPED},
    # Admin viewsets the project adds
    "viewset:audit-trail": {"list": ADMINS},
    "viewset:credential_programs": {"list": ADMINS, "add": ADMINS, "edit": ADMINS},
    "viewset:program_versions": {"list": ADMINS, "add": ADMINS, "edit": ADMINS},
    # The Django admin (/django-admin/): superusers only
    "django:auth.Group": DJANGO_ADMIN,
    "django:lms.User": DJANGO_ADMIN,
    "django:lms.AuditEvent": DJANGO_ADMIN,
    "django:lms.OutboxMessage": DJANGO_ADMIN,
    "django:courses.Enrollment": DJANGO_ADMIN,
    "django:courses.ModuleProgress": DJANGO_ADMIN,
    "django:wagtaildocs.Document": DJANGO_ADMIN,
    "django:wagtailimages.Image": DJANGO_ADMIN,
    "django:taggit.Tag": DJANGO_ADMIN,
    "django:account.EmailAddress": DJANGO_ADMIN,
    "django:axes.AccessAttempt": DJANGO_ADMIN,
    "django:axes.AccessLog": DJANGO_ADMIN,
    "django:axes.AccessFailureLog": DJANGO_ADMIN,
}
