"""The curriculum as files (courses/content/, docs/authoring.md). `parse.read_curriculum` reads and
checks them without touching the database; `load.load_curriculum` brings the site's pages and
assessments in line with them (`manage.py load_curriculum`)."""
