from django.urls import include, path

import lms.converters  # noqa: F401  (registers the <id:...> converter: 1 to 2**63 - 1)

from . import views
from .activities import views as activity_views
from .discussion import urls as discussion_urls

app_name = "courses"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("modules/<id:module_id>/complete/", views.module_complete, name="module-complete"),
    path("activities/<id:activity_id>/reflection/", activity_views.reflection, name="activity-reflection"),
    path("activities/<id:activity_id>/role-play/", activity_views.role_play, name="activity-role-play"),
    path("activities/confirmations/", activity_views.confirmations, name="activity-confirmations"),
    path("activities/confirmations/<id:record_id>/", activity_views.confirm, name="activity-confirm"),
    path("activities/attendance/", activity_views.attendance_index, name="activity-attendance"),
    path("courses/<id:course_id>/attendance/", activity_views.attendance, name="activity-attendance-course"),
    path("", include("courses.journal.urls")),
    path("courses/<id:course_id>/discussion/", include(discussion_urls.course_patterns)),
    *discussion_urls.urlpatterns,
]
