from django.urls import path

import lms.converters  # noqa: F401  (registers the <id:...> converter: 1 to 2**63 - 1)

from . import views

app_name = "courses"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("modules/<id:module_id>/complete/", views.module_complete, name="module-complete"),
]
