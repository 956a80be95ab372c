from django.urls import path

from . import views
from .homes import views as home_views

app_name = "site"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.json", views.my_data, name="my-data"),
    path("home/", home_views.home, name="home"),
]
