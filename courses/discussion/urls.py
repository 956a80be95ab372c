"""Course discussion URLs, mounted by courses/urls.py: `course_patterns` under
/learn/courses/<course id>/discussion/, the display-name page at /learn/discussion/name/ and the moderators' list of
discussions at /learn/discussion/moderation/."""

from django.urls import path

from . import moderation, views

course_patterns = [
    path("", views.thread_list, name="discussion"),
    path("new/", views.thread_new, name="discussion-new"),
    path("moderation/", moderation.moderation_queue, name="discussion-moderation"),
    path("moderation/<id:report_id>/", moderation.report_decide, name="discussion-report-decide"),
    path("<id:thread_id>/", views.thread_detail, name="discussion-thread"),
    path("<id:thread_id>/moderate/", moderation.moderate_thread, name="discussion-thread-moderate"),
    path("posts/<id:post_id>/edit/", views.post_edit, name="discussion-post-edit"),
    path("posts/<id:post_id>/history/", moderation.post_history, name="discussion-post-history"),
    path("posts/<id:post_id>/report/", views.post_report, name="discussion-post-report"),
    path("posts/<id:post_id>/moderate/", moderation.moderate_post, name="discussion-post-moderate"),
]

urlpatterns = [
    path("discussion/name/", views.display_name, name="discussion-name"),
    path("discussion/moderation/", moderation.moderated, name="discussion-moderated"),
]
