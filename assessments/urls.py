from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("<int:pk>/", views.assessment_detail, name="detail"),
    path("<int:pk>/start/", views.attempt_start, name="start"),
    path("attempts/<int:pk>/", views.attempt_take, name="attempt_take"),
    path("attempts/<int:pk>/save/", views.attempt_save, name="attempt_save"),
    path("attempts/<int:pk>/submit/", views.attempt_submit, name="attempt_submit"),
    path("attempts/<int:pk>/hand-in/", views.attempt_hand_in, name="attempt_hand_in"),
    path("attempts/<int:pk>/result/", views.attempt_result, name="attempt_result"),
    path("grading/", views.grading_queue, name="grading_queue"),
    path("grading/<int:pk>/", views.grade_attempt, name="grade_attempt"),
    path("grading/<int:pk>/release/", views.release_attempt, name="release_attempt"),
    path("grading/<int:pk>/regrade/", views.regrade_attempt, name="regrade_attempt"),
    path("grading/assessment/<int:pk>/release/", views.release_assessment, name="release_assessment"),
    path("gradebook/", views.gradebook_index, name="gradebook_index"),
    path("gradebook/<int:course_id>/", views.gradebook, name="gradebook"),
    path("gradebook/<int:course_id>/csv/", views.gradebook_csv, name="gradebook_csv"),
]
