from django.urls import path

from . import views
from .homes import views as home_views

app_name = "site"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("profile/", views.profile, name="profile"),
    path("home/", home_views.home, name="home"),
]
