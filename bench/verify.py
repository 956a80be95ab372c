"""Benchmark section: the public verify API against a bare ninja endpoint, served by the same gunicorn
(2 sync workers, production-like settings, PostgreSQL + Redis) in the same run.

gunicorn serves bench.urls (the site plus /api/bench/bare/, a ninja endpoint answering {"ok": true}); a
load generator of CLIENTS processes, each with its own http.client connection, asks one address as fast
as it is answered for SECONDS, and the two addresses take turns (bare, verify, bare, verify) so a
neighbour's load on the machine falls on both alike. The figure is verify req/s / bare req/s. Only 200
answers count; the rate limit is raised out of the way (the check itself still runs, one Redis round
trip per request) and anything else is reported.

Standalone: .venv/bin/python bench/verify.py --code <code> [--seconds 10]
(DJANGO_SETTINGS_MODULE and DATABASE_URL as for `make bench`)."""

from __future__ import annotations

import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.harness import Context, Row, count_queries, print_rows, stop_process_group  # noqa: E402

WORKERS = 2
CLIENTS = 4
SECONDS = {"smoke": 2.0, "medium": 6.0, "full": 10.0}
ROUNDS = 2
GOAL = 0.8
BARE_PATH = "/api/bench/bare/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


@contextmanager
def gunicorn(ctx: Context, *, workers: int = WORKERS, **env):
    """A gunicorn serving bench.urls on a free port; yields the port. Killed (its whole process group)
    on the way out, whatever happened."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)
    log.close()
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "lms.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--error-logfile",
        log.name,
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=ctx.env(DJANGO_DEBUG="false", **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with {proc.returncode}: {Path(log.name).read_text()[-2000:]}"
                )
            try:
                if _get(port, BARE_PATH)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer: {Path(log.name).read_text()[-2000:]}")
            time.sleep(0.3)
        yield port
    finally:
        stop_process_group(proc, grace=15)
        os.unlink(log.name)


def _client(port: int, path: str, seconds: float, start_at: float, out) -> None:
    """One client: the same address again and again on one connection (reopened whenever the server
    closes it, as gunicorn's sync workers do after each answer)."""
    while time.time() < start_at:
        time.sleep(0.001)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    ok = other = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                ok += 1
            else:
                other += 1
            if response.will_close:
                conn.close()
        except (OSError, http.client.HTTPException):
            other += 1
            conn.close()
    conn.close()
    out.put((ok, other))


def load(port: int, path: str, seconds: float, clients: int = CLIENTS) -> tuple[float, int]:
    """(200 answers per second, number of other answers) with `clients` concurrent clients."""
    mp = multiprocessing.get_context("fork")
    out = mp.Queue()
    start_at = time.time() + 0.3
    procs = [mp.Process(target=_client, args=(port, path, seconds, start_at, out)) for _ in range(clients)]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 60) for _ in procs]
    for p in procs:
        p.join()
    return sum(r[0] for r in results) / seconds, sum(r[1] for r in results)


def queries_per_request(path: str) -> int:
    """SQL queries one anonymous verify request makes (in this process, through the test client)."""
    from django.test import Client
    from django.test.utils import override_settings

    with override_settings(VERIFY_RATE_LIMITS={"verify": 10**9, "verify-pdf": 10**9}):
        client = Client()
        client.get(path)  # warm-up
        n, response = count_queries(lambda: client.get(path))
    assert response.status_code == 200, response.status_code
    return n


def rows(ctx: Context) -> list[Row]:
    from certificates.issuing.codes import format_code, normalize_code

    code = format_code(normalize_code(ctx.data["certificate_codes"][0]))
    verify_path = f"/api/v1/verify/{code}"
    seconds = SECONDS.get(ctx.size, 10.0) / ROUNDS
    bare = verify = 0.0
    errors = 0
    with gunicorn(ctx, VERIFY_RATE_LIMIT_PER_MINUTE=10**9) as port:
        status, body, _ = _get(port, verify_path)
        if status != 200:
            raise RuntimeError(f"{verify_path} answered {status}: {body[:300]!r}")
        load(port, BARE_PATH, 1.0)  # warm-up: imports, connections, caches
        load(port, verify_path, 1.0)
        for _ in range(ROUNDS):
            rate, other = load(port, BARE_PATH, seconds)
            bare += rate / ROUNDS
            errors += other
            rate, other = load(port, verify_path, seconds)
            verify += rate / ROUNDS
            errors += other
    queries = queries_per_request(verify_path)
    value = verify / bare if bare else 0.0
    return [
        Row(
            "verify API throughput / bare ninja endpoint",
            f"{value:.2f} ({verify:.0f} vs {bare:.0f} req/s)",
            f">= {GOAL}",
            value >= GOAL and errors == 0,
            f"gunicorn {WORKERS} sync workers, {CLIENTS} clients, {seconds * ROUNDS:.0f} s each; "
            f"{queries} SQL quer{'y' if queries == 1 else 'ies'} per verify request; "
            f"{errors} answers other than 200",
        )
    ]


def main():
    import argparse

    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("--code", required=True)
    parser.add_argument("--size", default="full")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")
    django.setup()
    ctx = Context(
        size=args.size,
        data={"certificate_codes": [args.code]},
        settings_module=os.environ["DJANGO_SETTINGS_MODULE"],
        database_url=os.environ.get("DATABASE_URL", ""),
    )
    print_rows(rows(ctx))


if __name__ == "__main__":
    main()
