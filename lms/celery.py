import os

from celery import Celery
from celery.signals import worker_init, worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def verify_field_encryption_keys(**kwargs):
    """A worker whose keys cannot read the stored sensitive data stops before taking a task. Celery
    logs and swallows exceptions from signal handlers, so leave with SystemExit (the message names the
    field and the keys tried, never a key)."""
    from django.core.exceptions import ImproperlyConfigured

    from lms.crypto.checks import verify_encrypted_data

    try:
        verify_encrypted_data()
    except ImproperlyConfigured as exc:
        raise SystemExit(f"ImproperlyConfigured: {exc}") from exc


@worker_init.connect
def warm_issuing(**kwargs):
    """Fonts, template and signing context loaded before the first certificate (issue 10): here in
    the worker's main process, so prefork children share them from the fork ..."""
    from certificates.tasks import warm_worker

    warm_worker()


@worker_process_init.connect
def warm_issuing_process(**kwargs):
    """... and in each pool process (nothing to do when it was forked warm; a process started
    otherwise loads them before taking a task)."""
    from certificates.tasks import warm_worker

    warm_worker()
