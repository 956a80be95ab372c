"""Benchmark section: issuing certificates.

Row 1, (render + sign + store) / render for one certificate, in this process after a warm-up (the
state a Celery worker is in once lms/celery.py has warmed it): WeasyPrint render, pyHanko PAdES
signature, storage save + SHA-256 of the file and of its head; medians over N certificates. The detail
line also times a fresh process's first render after certificates.tasks.warm_worker() (what a worker
does when it starts) against its later ones.

Row 2, 2 Celery workers / 1: real `celery -A lms worker` processes (prefork, --concurrency 1, then 2,
prefetch multiplier 1, late acks) on the Redis broker, issuing certificates queued through the real
service (certificate_issue_for, then the issue_certificate task); timed from queueing the first of
COUNT certificates to the last one issued, after a warm-up batch. The machine's own 2-process /
1-process ratio for a CPU-bound pure-Python task is measured in the same run, before and after; the
row meets its goal at >= 1.7x or within 10% of the machine's ratio.

Certificates are issued to trainees made for the purpose under a program of their own
("bench-issuing"), which is removed again at the end with everything issued under it."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.harness import Context, Row, print_rows, stop_process_group  # noqa: E402

SAMPLES = {"smoke": 5, "medium": 15, "full": 30}
COUNT = {"smoke": 12, "medium": 60, "full": 60}
RATIO_GOAL = 1.15
WORKERS_GOAL = 1.7
PROGRAM_SLUG = "bench-issuing"
TASK = "certificates.tasks.issue_certificate"
ADMIN_EMAIL = "bench-issuing-admin@bench.example"
SUPERVISOR_EMAIL = "bench-issuing-supervisor@bench.example"


# --- Row 1: one certificate ------------------------------------------------------------------------


def _face(i: int):
    from certificates.issuing import codes
    from certificates.issuing.pdf import CertificateFace

    code = codes.generate_code()
    return CertificateFace(
        code=code,
        holder_name=f"Jordan Lee {i}",
        program_name="Peer Recovery (PR)",
        version_label="2024",
        issuing_body="IC&RC",
        issued_on=_today(),
        expires_on=_today() + timedelta(days=730),
        verify_url=f"https://certs.example.org/verify/{codes.format_code(code)}/",
        training_hours_total="46",
    )


def _today():
    from django.utils import timezone

    return timezone.localdate()


def one_certificate_row(ctx: Context) -> Row:
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    from certificates.issuing import signing
    from certificates.issuing.models import HEAD_BYTES
    from certificates.issuing.pdf import render_certificate_pdf
    from certificates.tasks import warm_worker

    warm_worker()
    storage = storages["private"]
    render, sign, store, names = [], [], [], []
    try:
        for i in range(SAMPLES.get(ctx.size, 15)):
            face = _face(i)
            t0 = time.perf_counter()
            pdf = render_certificate_pdf(face)
            t1 = time.perf_counter()
            signed = signing.sign_pdf(pdf, reason=f"Certificate {face.display_code}")
            t2 = time.perf_counter()
            names.append(storage.save(f"bench-issuing/{face.code}.pdf", ContentFile(signed)))
            hashlib.sha256(signed).hexdigest()
            hashlib.sha256(signed[:HEAD_BYTES]).hexdigest()
            t3 = time.perf_counter()
            render.append(t1 - t0)
            sign.append(t2 - t1)
            store.append(t3 - t2)
    finally:
        for name in names:
            storage.delete(name)
    r, s, w = (statistics.median(x) for x in (render, sign, store))
    value = (r + s + w) / r
    first, later = _fresh_process_renders(ctx)
    return Row(
        "(render + sign + store) / render, one certificate",
        f"{value:.2f} ({(r + s + w) * 1000:.0f} vs {r * 1000:.0f} ms)",
        f"<= {RATIO_GOAL}",
        value <= RATIO_GOAL,
        f"medians of {len(render)}: render {r * 1000:.0f} ms, sign {s * 1000:.1f} ms, store + SHA-256 "
        f"{w * 1000:.1f} ms; a fresh worker process after warm_worker(): first render {first * 1000:.0f} ms "
        f"vs {later * 1000:.0f} ms later",
    )


_FRESH = """
import os, sys, time, statistics, json
sys.path.insert(0, {root!r})
import django
django.setup()
from certificates.tasks import warm_worker
from bench.issuing import _face
from certificates.issuing.pdf import render_certificate_pdf
warm_worker()
times = []
for i in range(4):
    t0 = time.perf_counter()
    render_certificate_pdf(_face(i))
    times.append(time.perf_counter() - t0)
print(json.dumps([times[0], statistics.median(times[1:])]))
"""


def _fresh_process_renders(ctx: Context) -> tuple[float, float]:
    import json

    out = subprocess.run(
        [sys.executable, "-c", _FRESH.format(root=str(ROOT))],
        cwd=ROOT,
        env=ctx.env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    first, later = json.loads(out.stdout.strip().splitlines()[-1])
    return first, later


# --- Row 2: Celery workers -------------------------------------------------------------------------


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


def machine_ratio(units: int = 8, n: int = 1_500_000) -> float:
    """The machine's own speed-up from 1 to 2 processes on a CPU-bound pure-Python task."""
    mp = multiprocessing.get_context("fork")
    times = {}
    for procs in (1, 2):
        with mp.Pool(procs) as pool:
            pool.map(_spin, [1000] * procs)  # processes started before the clock
            t0 = time.perf_counter()
            pool.map(_spin, [n] * units, chunksize=1)
            times[procs] = time.perf_counter() - t0
    return times[1] / times[2]


class Cohort:
    """Trainees eligible for the bench program (1 approved practice hour), and their certificates."""

    def __init__(self):
        from certificates.models import CredentialProgram, ProgramVersion, Requirement
        from lms.models import User
        from tests.factories import ProgramAdminFactory, SupervisorFactory

        self.cleanup()
        self.program = CredentialProgram.objects.create(
            slug=PROGRAM_SLUG, name="Peer Recovery (bench issuing)", issuing_body="IC&RC"
        )
        self.version = ProgramVersion.objects.create(
            program=self.program, label="2024", effective_date=_today() - timedelta(days=3650)
        )
        Requirement.objects.create(
            version=self.version, kind=Requirement.Kind.PRACTICE_HOURS, hours=Decimal("1")
        )
        self.admin = ProgramAdminFactory(email=ADMIN_EMAIL)
        self.supervisor = SupervisorFactory(email=SUPERVISOR_EMAIL)
        self.users: list[User] = []

    def pending(self, n: int) -> list[int]:
        """n new pending certificates (queued nowhere yet), through the real service."""
        from certificates.issuing import services
        from tests.certificates.factories import enroll, log
        from tests.factories import TraineeFactory

        ids = []
        for _ in range(n):
            user = TraineeFactory(email=f"bench-issuing-{len(self.users)}@bench.example")
            self.users.append(user)
            enroll(user, self.version)
            log(user, self.supervisor, hours="1", on=_today() - timedelta(days=30))
            certificate = services.certificate_issue_for(
                actor=self.admin, user=user, version=self.version, enqueue=False
            )
            ids.append(certificate.pk)
        return ids

    @staticmethod
    def cleanup():
        """Remove the bench program with everything issued under it (best effort: logged, not fatal)."""
        from django.core.files.storage import storages
        from django.db import transaction

        from certificates.models import Certificate, CertificateApplication, CredentialProgram
        from lms.models import User
        from lms.outbox.models import OutboxMessage

        try:
            with transaction.atomic():
                certificates = Certificate.objects.filter(program__slug=PROGRAM_SLUG)
                storage = storages["private"]
                for name in certificates.exclude(pdf_name="").values_list("pdf_name", flat=True):
                    storage.delete(name)
                OutboxMessage.objects.filter(
                    key__in=[f"certificate-issued:{pk}" for pk in certificates.values_list("pk", flat=True)]
                ).delete()
                certificates.delete()
                CertificateApplication.objects.filter(program__slug=PROGRAM_SLUG).delete()
                # Trainees first (their hour entries name the supervisor), then the staff.
                people = User.objects.filter(email__startswith="bench-issuing-")
                people.exclude(email__in=[ADMIN_EMAIL, SUPERVISOR_EMAIL]).delete()
                people.delete()
                CredentialProgram.objects.filter(slug=PROGRAM_SLUG).delete()
        except Exception as exc:  # noqa: BLE001
            print(f"  issuing: could not remove the bench program ({type(exc).__name__}: {exc})")


def _issued(ids: list[int]) -> int:
    from certificates.models import Certificate

    return Certificate.objects.filter(pk__in=ids, status=Certificate.Status.ISSUED).count()


def _wait_issued(ids: list[int], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while _issued(ids) < len(ids):
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {_issued(ids)} of {len(ids)} certificates issued in {timeout:.0f} s")
        time.sleep(0.05)


def _queue(ids: list[int]) -> None:
    from lms.celery import app

    # send_task goes to the broker even where the settings make tasks eager (this process's own).
    with app.producer_or_acquire() as producer:
        for pk in ids:
            app.send_task(TASK, args=[pk], producer=producer)


@contextmanager
def celery_worker(ctx: Context, concurrency: int):
    from django.conf import settings

    log = tempfile.NamedTemporaryFile(prefix="bench-celery-", suffix=".log", delete=False)
    log.close()
    cmd = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "lms",
        "worker",
        "--pool",
        "prefork",
        "--concurrency",
        str(concurrency),
        "--prefetch-multiplier",
        "1",
        "-O",
        "fair",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel",
        "WARNING",
        "--logfile",
        log.name,
        "-n",
        f"bench-issuing-{concurrency}-{os.getpid()}@%h",
    ]
    env = ctx.env(CELERY_TASK_ALWAYS_EAGER="false", CELERY_BROKER_URL=settings.CELERY_BROKER_URL)
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        yield proc, log.name
    finally:
        stop_process_group(proc, grace=20)
        os.unlink(log.name)


def timed_batch(ctx: Context, cohort: Cohort, concurrency: int, count: int) -> float:
    """Seconds from queueing `count` certificates to the last one issued, on a warmed-up worker."""
    from lms.celery import app

    app.control.purge()
    warm = cohort.pending(2 * concurrency)
    batch = cohort.pending(count)
    with celery_worker(ctx, concurrency) as (proc, log):
        _queue(warm)
        try:
            _wait_issued(warm, timeout=240)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}; worker log: {Path(log).read_text()[-1500:]}") from None
        t0 = time.perf_counter()
        _queue(batch)
        _wait_issued(batch, timeout=60 + 10 * count)
        return time.perf_counter() - t0


def workers_row(ctx: Context) -> Row:
    count = COUNT.get(ctx.size, 60)
    machine_before = machine_ratio()
    cohort = Cohort()
    try:
        one = timed_batch(ctx, cohort, 1, count)
        two = timed_batch(ctx, cohort, 2, count)
    finally:
        Cohort.cleanup()
    machine = (machine_before + machine_ratio()) / 2
    value = one / two
    ok = value >= WORKERS_GOAL or value >= 0.9 * machine
    return Row(
        f"2 Celery workers / 1 on {count} certificates",
        f"{value:.2f}x ({count / two:.1f} vs {count / one:.1f} certificates/s)",
        f">= {WORKERS_GOAL}x or >= 90% of the machine's {machine:.2f}x",
        ok,
        f"queue to all issued: {one:.1f} s with 1 process, {two:.1f} s with 2 (prefork, prefetch 1, "
        f"late acks, after a warm-up batch); machine's own 2/1-process ratio (pure-Python CPU task) "
        f"{machine_before:.2f}x before, {machine * 2 - machine_before:.2f}x after",
    )


def rows(ctx: Context) -> list[Row]:
    return [one_certificate_row(ctx), workers_row(ctx)]


def main():
    import argparse

    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="medium")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")
    django.setup()
    ctx = Context(
        size=args.size,
        settings_module=os.environ["DJANGO_SETTINGS_MODULE"],
        database_url=os.environ.get("DATABASE_URL", ""),
    )
    print_rows(rows(ctx))


if __name__ == "__main__":
    main()
