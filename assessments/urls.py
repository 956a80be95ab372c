from django.urls import path

import lms.converters  # noqa: F401  (registers the <id:...> converter: 1 to 2**63 - 1)

from . import views

app_name = "assessments"

urlpatterns = [
    path("<id:pk>/", views.assessment_detail, name="detail"),
    path("<id:pk>/start/", views.attempt_start, name="start"),
    path("attempts/<id:pk>/", views.attempt_take, name="attempt_take"),
    path("attempts/<id:pk>/save/", views.attempt_save, name="attempt_save"),
    path("attempts/<id:pk>/submit/", views.attempt_submit, name="attempt_submit"),
    path("attempts/<id:pk>/hand-in/", views.attempt_hand_in, name="attempt_hand_in"),
    path("attempts/<id:pk>/result/", views.attempt_result, name="attempt_result"),
    path("grading/", views.grading_queue, name="grading_queue"),
    path("grading/<id:pk>/", views.grade_attempt, name="grade_attempt"),
    path("grading/<id:pk>/release/", views.release_attempt, name="release_attempt"),
    path("grading/<id:pk>/regrade/", views.regrade_attempt, name="regrade_attempt"),
    path("grading/assessment/<id:pk>/release/", views.release_assessment, name="release_assessment"),
    path("gradebook/", views.gradebook_index, name="gradebook_index"),
    path("gradebook/<id:course_id>/", views.gradebook, name="gradebook"),
    path("gradebook/<id:course_id>/csv/", views.gradebook_csv, name="gradebook_csv"),
]
