from django.urls import include, path

from . import views

app_name = "certificates"
urlpatterns = [
    # Trainee
    path("certification/", views.dashboard, name="dashboard"),
    path("certification/programs/<slug:slug>/", views.program_detail, name="program"),
    path("certification/programs/<slug:slug>/enroll/", views.program_enroll, name="enroll"),
    path("certification/programs/<slug:slug>/pledge/", views.pledge, name="pledge"),
    path("certification/hours/", views.hours, name="hours"),
    path("certification/hours/<int:pk>/edit/", views.hours_edit, name="hours-edit"),
    path("certification/hours/<int:pk>/withdraw/", views.hours_withdraw, name="hours-withdraw"),
    path("certification/recovery/", views.recovery, name="recovery"),
    path("certification/external/<int:pk>/evidence/", views.evidence, name="evidence"),
    # Supervisor
    path("certification/supervision/", views.queue, name="queue"),
    path("certification/supervision/<int:pk>/decide/", views.decide, name="decide"),
    path("certification/supervision/decide/", views.decide_bulk, name="decide-bulk"),
    # Program administrator
    path("certification/manage/", views.manage, name="manage"),
    path("certification/manage/programs/<slug:slug>/cohort/", views.cohort, name="cohort"),
    path("certification/manage/programs/<slug:slug>/cohort.csv", views.cohort_csv, name="cohort-csv"),
    path("certification/manage/trainees/", views.trainees, name="trainees"),
    path("certification/manage/trainees/<int:user_id>/", views.trainee_detail, name="trainee"),
    path("certification/manage/trainees/<int:user_id>/supervisors/", views.supervisor_assign, name="assign"),
    path(
        "certification/manage/trainees/<int:user_id>/supervisors/<int:assignment_id>/end/",
        views.supervisor_unassign,
        name="unassign",
    ),
    path("certification/manage/trainees/<int:user_id>/external/", views.external_add, name="external-add"),
    path("certification/manage/import/hours/", views.import_hours, name="import-hours"),
    path("certification/manage/import/external/", views.import_external, name="import-external"),
    # Issuing, verification, renewal and revocation (certificates/issuing/urls.py).
    path("", include("certificates.issuing.urls")),
]
