from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("settings/", views.preferences, name="settings"),
    path("read-all/", views.mark_all_read, name="read-all"),
    path("<id:pk>/", views.notification_open, name="open"),
]
