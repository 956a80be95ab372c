"""STORAGES from the environment (lms/settings/base.py): local disk by default; a private bucket with
short-lived signed URLs and encryption when PRIVATE_STORAGE_BUCKET is set; Wagtail's files in
MEDIA_STORAGE_BUCKET; settings that would mix the two or name an unknown encryption refuse to load.
base.py is evaluated afresh under each environment (no Django set-up, no network)."""

import os
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "lms" / "settings" / "base.py"


def _settings_module(monkeypatch, **env) -> dict:
    """lms/settings/base.py evaluated afresh under `env` (cheap: no Django set-up)."""
    for name in list(os.environ):
        if name.startswith(("PRIVATE_", "MEDIA_", "AWS_")):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


def test_settings_from_the_environment(monkeypatch):
    module = _settings_module(
        monkeypatch,
        PRIVATE_STORAGE_BUCKET="academy-private",
        MEDIA_STORAGE_BUCKET="academy-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_REGION_NAME="eu-west-1",
        PRIVATE_STORAGE_ENCRYPTION="aws:kms",
        PRIVATE_STORAGE_KMS_KEY_ID="alias/academy",
        PRIVATE_URL_EXPIRY_SECONDS="30",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    private = module["STORAGES"]["private"]
    options = private["OPTIONS"]
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "academy-private" and options["default_acl"] is None
    assert options["querystring_auth"] is True and options["querystring_expire"] == 30
    assert options["object_parameters"] == {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/academy"}
    assert "access_key" not in options and "secret_key" not in options  # boto3 reads them itself
    from storages.backends.s3 import S3Storage

    signed = S3Storage(**options).url("certificates/x.pdf")  # signing is local: no request is made
    assert signed.startswith("https://s3.example.net/academy-private/") and "X-Amz-Expires=30&" in signed
    media = module["STORAGES"]["default"]
    assert media["OPTIONS"]["bucket_name"] == "academy-media" and not media["OPTIONS"]["querystring_auth"]
    assert module["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_local_disk_by_default(monkeypatch):
    storages_setting = _settings_module(monkeypatch)["STORAGES"]
    assert storages_setting["private"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages_setting["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.parametrize(
    ("env", "error"),
    [
        ({"PRIVATE_STORAGE_BUCKET": "one", "MEDIA_STORAGE_BUCKET": "one"}, "must not be the PRIVATE"),
        ({"PRIVATE_STORAGE_BUCKET": "one", "PRIVATE_STORAGE_ENCRYPTION": "rot13"}, "must be empty, AES256"),
    ],
    ids=["one-bucket-for-both", "unknown-encryption"],
)
def test_bad_bucket_settings_refuse_to_start(monkeypatch, env, error):
    with pytest.raises(ImproperlyConfigured, match=error):
        _settings_module(monkeypatch, **env)
