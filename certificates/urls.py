from django.urls import include, path

import lms.converters  # noqa: F401  (registers the <id:...> converter: 1 to 2**63 - 1)

from .applicant import views as applicant_views
from .eligibility import views as eligibility_views
from .hours import staff_views as hours_staff_views
from .hours import views as hours_views
from .programs import views as program_views
from .recovery import views as recovery_views
from .training import views as training_views

app_name = "certificates"
urlpatterns = [
    # Trainee
    path("certification/", eligibility_views.dashboard, name="dashboard"),
    path("certification/programs/<slug:slug>/", program_views.program_detail, name="program"),
    path("certification/programs/<slug:slug>/enroll/", program_views.program_enroll, name="enroll"),
    path("certification/programs/<slug:slug>/pledge/", program_views.pledge, name="pledge"),
    path("certification/hours/", hours_views.hours, name="hours"),
    path("certification/hours/<id:pk>/edit/", hours_views.hours_edit, name="hours-edit"),
    path("certification/hours/<id:pk>/withdraw/", hours_views.hours_withdraw, name="hours-withdraw"),
    path("certification/recovery/", recovery_views.recovery, name="recovery"),
    path("certification/details/", applicant_views.details, name="details"),
    path("certification/external/<id:pk>/evidence/", training_views.evidence, name="evidence"),
    path("certification/exam-results/<id:pk>/evidence/", training_views.exam_evidence, name="exam-evidence"),
    # Supervisor
    path("certification/supervision/", hours_views.queue, name="queue"),
    path("certification/supervision/<id:pk>/decide/", hours_views.decide, name="decide"),
    path("certification/supervision/decide/", hours_views.decide_bulk, name="decide-bulk"),
    # Program administrator
    path("certification/manage/", program_views.manage, name="manage"),
    path("certification/manage/library/", program_views.program_library, name="library"),
    path(
        "certification/manage/library/<slug:slug>/import/",
        program_views.library_import,
        name="library-import",
    ),
    path(
        "certification/manage/programs/<slug:slug>/import/exam-results/",
        training_views.import_exam_results,
        name="import-exam-results",
    ),
    path("certification/manage/programs/<slug:slug>/cohort/", eligibility_views.cohort, name="cohort"),
    path(
        "certification/manage/programs/<slug:slug>/cohort.csv",
        eligibility_views.cohort_csv,
        name="cohort-csv",
    ),
    path("certification/manage/trainees/", eligibility_views.trainees, name="trainees"),
    path("certification/manage/trainees/<id:user_id>/", eligibility_views.trainee_detail, name="trainee"),
    path(
        "certification/manage/trainees/<id:user_id>/records/",
        eligibility_views.trainee_records,
        name="trainee-records",
    ),
    path(
        "certification/manage/trainees/<id:user_id>/supervisors/",
        hours_staff_views.supervisor_assign,
        name="assign",
    ),
    path(
        "certification/manage/trainees/<id:user_id>/supervisors/<id:assignment_id>/end/",
        hours_staff_views.supervisor_unassign,
        name="unassign",
    ),
    path(
        "certification/manage/trainees/<id:user_id>/external/",
        training_views.external_add,
        name="external-add",
    ),
    path(
        "certification/manage/trainees/<id:user_id>/exam-results/",
        training_views.exam_result_add,
        name="exam-result-add",
    ),
    path("certification/manage/supervisors/", hours_staff_views.supervisors, name="supervisors"),
    path(
        "certification/manage/supervisors/<id:user_id>/credentials/",
        hours_staff_views.qualification_add,
        name="qualification-add",
    ),
    path(
        "certification/manage/supervisors/credentials/<id:pk>/",
        hours_staff_views.qualification_edit,
        name="qualification-edit",
    ),
    path("certification/manage/import/hours/", hours_staff_views.import_hours, name="import-hours"),
    path("certification/manage/import/external/", training_views.import_external, name="import-external"),
    # Issuing, verification, renewal and revocation (certificates/issuing/urls.py).
    path("", include("certificates.issuing.urls")),
    # The public registry and the holder's choice to be in it (certificates/registry/urls.py).
    path("", include("certificates.registry.urls")),
]
