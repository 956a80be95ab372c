"""Section: eligibility at cohort scale (issue 10, item 3).

- the cohort CSV's peak memory for the 100k cohort against the 1k cohort (100x the trainees): each
  export downloaded by the program administrator in a fresh child process, read chunk by chunk;
- the cohort page (a filtered one: it evaluates everyone) and the CSV at the 10k cohort: seconds and
  queries;
- eligibility for one trainee (``trainee_typical``): queries.

    .venv/bin/python -m bench.cohort --child SLUG EMAIL PASSWORD   (what the memory row runs)"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Context, Row, count_queries, peak_rss_mb

MEMORY_GOAL = 1.2
QUERY_GOAL = 20
SECONDS_GOAL = 5.0  # "a few seconds"
ONE_TRAINEE_GOAL = 8
ROOT = Path(__file__).resolve().parent.parent


def _csv_in_child(ctx: Context, slug: str) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.cohort",
            "--child",
            slug,
            ctx.data["program_admin"],
            ctx.data["password"],
        ],
        cwd=ROOT,
        env=ctx.env(),
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"child failed: {result.stderr.strip().splitlines()[-3:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _client(ctx: Context):
    from django.test import Client

    client = Client()
    if not client.login(username=ctx.data["program_admin"], password=ctx.data["password"]):
        raise RuntimeError("the program administrator could not sign in")
    return client


def _timed(client, url: str) -> tuple[float, int, int]:
    """(seconds, queries, bytes) of one GET, the streamed body read to the end."""
    started = time.perf_counter()

    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return b"".join(response.streaming_content) if response.streaming else response.content

    queries, body = count_queries(get)
    return time.perf_counter() - started, queries, len(body)


def rows(ctx: Context) -> list[Row]:
    out = []
    programs, sizes = ctx.data["programs"], ctx.data["cohort_sizes"]

    # (a) memory, 100x the trainees
    small = _csv_in_child(ctx, programs["1k"])
    large = _csv_in_child(ctx, programs["100k"])
    ratio = large["peak_mb"] / small["peak_mb"]
    out.append(
        Row(
            f"cohort CSV peak memory, {sizes['100k']:,} vs {sizes['1k']:,} trainees",
            f"{ratio:.2f}x ({large['peak_mb']:.0f} vs {small['peak_mb']:.0f} MB)",
            f"<= {MEMORY_GOAL}x",
            ratio <= MEMORY_GOAL and large["streaming"] and large["rows"] >= sizes["100k"],
            f"{large['rows']:,} rows in {large['seconds']:.1f} s, first row after {large['first_row_s']:.2f} s; "
            f"{small['rows']:,} rows in {small['seconds']:.2f} s; growth while streaming "
            f"{large['peak_mb'] - large['base_mb']:.1f} vs {small['peak_mb'] - small['base_mb']:.1f} MB",
        )
    )

    # (b) page and CSV at the 10k cohort
    client = _client(ctx)
    slug = programs["10k"]
    base = f"/certification/manage/programs/{slug}"
    client.get(f"{base}/cohort/")  # warm: URLconf, templates, the connection
    page = _timed(client, f"{base}/cohort/")
    filtered = _timed(client, f"{base}/cohort/?status=not_eligible&page=3")
    csv = _timed(client, f"{base}/cohort.csv")
    worst_queries = max(page[1], filtered[1], csv[1])
    worst_seconds = max(filtered[0], csv[0])
    out.append(
        Row(
            f"cohort report at {sizes['10k']:,} trainees (filtered page, CSV)",
            f"{filtered[0]:.1f} s page, {csv[0]:.1f} s CSV, {filtered[1]}/{csv[1]} queries",
            f"<= {QUERY_GOAL} queries, <= {SECONDS_GOAL:.0f} s",
            worst_queries <= QUERY_GOAL and worst_seconds <= SECONDS_GOAL,
            f"unfiltered page (50 evaluated): {page[0]:.2f} s, {page[1]} queries; "
            f"CSV {csv[2] / 1024 / 1024:.1f} MB",
        )
    )

    # (c) one trainee
    from certificates.eligibility import eligibility_for
    from certificates.programs.models import ProgramEnrollment
    from lms.models import User

    trainee = User.objects.get(email=ctx.data["trainee_typical"])
    enrollment = ProgramEnrollment.objects.select_related("version__program").filter(user=trainee).first()
    eligibility_for(user=trainee, version=enrollment.version)  # warm per-process caches
    queries, _ = count_queries(lambda: eligibility_for(user=trainee, version=enrollment.version))
    out.append(
        Row(
            "eligibility, one trainee",
            f"{queries} queries",
            f"<= {ONE_TRAINEE_GOAL}",
            queries <= ONE_TRAINEE_GOAL,
            f"{enrollment.version.program.slug}, {enrollment.version.requirements.count()} requirement rows",
        )
    )
    return out


def child(slug: str, email: str, password: str) -> dict:
    import django

    django.setup()
    from django.test import Client

    client = Client()
    if not client.login(username=email, password=password):
        raise SystemExit("the program administrator could not sign in")
    client.get("/certification/manage/")  # warm the process the same way for both sizes
    base = peak_rss_mb()
    started = time.perf_counter()
    response = client.get(f"/certification/manage/programs/{slug}/cohort.csv")
    if response.status_code != 200:
        raise SystemExit(f"cohort CSV answered {response.status_code}")
    size = lines = 0
    first_row = None
    chunks = response.streaming_content if response.streaming else [response.content]
    for chunk in chunks:
        size += len(chunk)
        lines += chunk.count(b"\n")
        if first_row is None and lines >= 2:
            first_row = time.perf_counter() - started
    return {
        "rows": lines - 1,
        "bytes": size,
        "seconds": time.perf_counter() - started,
        "first_row_s": first_row or 0.0,
        "base_mb": base,
        "peak_mb": peak_rss_mb(),
        "streaming": response.streaming,
    }


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        import os

        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")
        print(json.dumps(child(sys.argv[2], sys.argv[3], sys.argv[4])))
    else:
        raise SystemExit(__doc__)
