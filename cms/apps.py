from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import sites

        sites.connect_signals()
