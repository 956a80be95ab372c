from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("registry/", views.registry, name="search"),
    path("certificates/registry/on/", views.listing_on, name="listing-on"),
    path("certificates/registry/off/", views.listing_off, name="listing-off"),
]
