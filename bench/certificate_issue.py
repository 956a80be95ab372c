"""Benchmark: render + sign a certificate PDF, check an uploaded one, and run the whole issuing
pipeline; prints per-certificate times (median and p95) and sizes.

    .venv/bin/python bench/certificate_issue.py [--count 20]

Part 1 needs no database: WeasyPrint rendering and pyHanko PAdES signing of N certificate faces,
then the signature check used by the upload verification. Part 2 builds a throw-away test database
(SQLite in memory by default; DATABASE_URL for PostgreSQL) and times the pipeline end to end
(eligibility re-check, render, sign, store, SHA-256, mark issued, email to locmem) for N trainees."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402


def _stats(label, seconds):
    seconds = sorted(seconds)
    p95 = seconds[min(len(seconds) - 1, int(round(0.95 * (len(seconds) - 1))))]
    print(f"  {label:<34} median {statistics.median(seconds) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms")


def bench_render_sign(count):
    from certificates.issuing import codes, signing
    from certificates.issuing.pdf import render_certificate_pdf

    signing.ensure_dev_material()
    signing.load_signing_material()
    warm = time.perf_counter()
    render_certificate_pdf(_face(codes.generate_code()))  # fonts and template load once per process
    print(f"First render in a fresh process (fonts, template): {(time.perf_counter() - warm) * 1000:.0f} ms")
    render, sign, check, sizes = [], [], [], []
    for _ in range(count):
        code = codes.generate_code()
        t0 = time.perf_counter()
        pdf = render_certificate_pdf(_face(code))
        t1 = time.perf_counter()
        signed = signing.sign_pdf(pdf, reason=f"Certificate {codes.format_code(code)}")
        t2 = time.perf_counter()
        assert signing.check_pdf_signature(signed).authentic
        t3 = time.perf_counter()
        render.append(t1 - t0)
        sign.append(t2 - t1)
        check.append(t3 - t2)
        sizes.append(len(signed))
    print(f"Render + sign, {count} certificates (no database):")
    _stats("render (WeasyPrint)", render)
    _stats("sign (pyHanko PAdES-B-B)", sign)
    _stats("render + sign", [a + b for a, b in zip(render, sign, strict=True)])
    _stats("check an upload (pyHanko verify)", check)
    print(f"  signed PDF size                    median {statistics.median(sizes) / 1024:.1f} KiB")


def _face(code):
    from certificates.issuing.codes import format_code
    from certificates.issuing.pdf import CertificateFace

    return CertificateFace(
        code=code,
        holder_name="Jordan Lee",
        program_name="Peer Recovery (PR)",
        version_label="2024",
        issuing_body="IC&RC",
        issued_on=date(2026, 1, 5),
        expires_on=date(2028, 1, 5),
        verify_url=f"{settings.SITE_URL}/verify/{format_code(code)}/",
        training_hours_total="46",
    )


def bench_pipeline(count):
    from decimal import Decimal

    from certificates.issuing import services
    from certificates.models import (
        CredentialProgram,
        PracticeLog,
        ProgramEnrollment,
        ProgramVersion,
        Requirement,
    )
    from lms.models import User

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with (
            tempfile.TemporaryDirectory() as tmp,
            override_settings(
                STORAGES={
                    **settings.STORAGES,
                    "private": {
                        "BACKEND": "django.core.files.storage.FileSystemStorage",
                        "OPTIONS": {"location": tmp},
                    },
                },
                EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            ),
        ):
            program = CredentialProgram.objects.create(
                slug="bench", name="Peer Recovery (PR)", issuing_body="IC&RC"
            )
            version = ProgramVersion.objects.create(
                program=program, label="2024", effective_date=date(2020, 1, 1)
            )
            Requirement.objects.create(
                version=version, kind=Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10")
            )
            admin = User.objects.create_superuser("admin@bench.example", "x", full_name="Admin")
            supervisor = User.objects.create_user("sup@bench.example", "x", full_name="Sup")
            ids = []
            for i in range(count):
                user = User.objects.create_user(f"t{i}@bench.example", "x", full_name=f"Trainee {i}")
                ProgramEnrollment.objects.create(user=user, program=program, version=version)
                PracticeLog.objects.create(
                    trainee=user,
                    supervisor=supervisor,
                    date=date(2025, 1, 1),
                    hours=Decimal("10"),
                    status=PracticeLog.Status.APPROVED,
                )
                ids.append(
                    services.certificate_issue_for(actor=admin, user=user, version=version, enqueue=False).pk
                )
            durations = []
            for pk in ids:
                t0 = time.perf_counter()
                services.certificate_issue_run(certificate_id=pk)
                durations.append(time.perf_counter() - t0)
            print(f"Issuing pipeline, {count} certificates ({connection.vendor}):")
            _stats("eligibility+render+sign+store+email", durations)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()
    bench_render_sign(args.count)
    bench_pipeline(args.count)


if __name__ == "__main__":
    main()
