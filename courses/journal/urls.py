"""The journal's pages, included by courses.urls (under /learn/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("journal/", views.my_journal, name="journal"),
    path("journal/<id:entry_id>/share/", views.share, name="journal-share"),
    path("modules/<id:module_id>/journal/<slug:block_id>/", views.write, name="journal-write"),
    path("journal/shared/", views.shared_index, name="journal-shared-index"),
    path("courses/<id:course_id>/journal/", views.shared, name="journal-shared"),
    path("courses/<id:course_id>/journal/<id:entry_id>/reply/", views.reply, name="journal-reply"),
]
