from django.urls import path

import lms.converters  # noqa: F401  (registers the <id:...> converter: 1 to 2**63 - 1)

from . import bulk_views, staff_views, views

app_name = "issuing"
urlpatterns = [
    # Public verification
    path("verify/", views.verify, name="verify"),
    path("verify/pdf/", views.verify_pdf, name="verify-pdf"),
    path("verify/bulk/", bulk_views.verify_bulk, name="verify-bulk"),
    path("verify/<str:code>/", views.verify_code, name="verify-code"),
    # A credential its holder shared (public while they share it)
    path("credentials/<str:token>/", views.credential_page, name="credential-page"),
    # The holder
    path("certificates/", views.mine, name="mine"),
    path("certificates/apply/", views.apply, name="apply"),
    path("certificates/<uuid:uuid>/download/", views.download, name="download"),
    path("certificates/<uuid:uuid>/renew/", views.renew, name="renew"),
    path("certificates/<uuid:uuid>/share/", views.share, name="share"),
    path("certificates/<uuid:uuid>/share/stop/", views.share_stop, name="share-stop"),
    # Program administrators (a status change: GET asks to confirm, POST with a reason and the box ticked)
    path("certificates/manage/", staff_views.manage, name="manage"),
    path(
        "certificates/manage/applications/<id:pk>/<str:decision>/",
        staff_views.application_decide,
        name="application-decide",
    ),
    path("certificates/manage/programs/<slug:slug>/", staff_views.register, name="register"),
    path("certificates/manage/programs/<slug:slug>/issue/", staff_views.bulk_issue, name="bulk-issue"),
    path(
        "certificates/manage/programs/<slug:slug>/certificates.zip",
        staff_views.register_zip,
        name="register-zip",
    ),
    path("certificates/manage/<uuid:uuid>/", staff_views.certificate_admin, name="certificate-admin"),
    path(
        "certificates/manage/<uuid:uuid>/<str:action>/",
        staff_views.certificate_action,
        name="certificate-action",
    ),
]
