"""The benchmark at its smallest size, as CI runs it (`make bench-smoke`): bench/run.py builds the smoke
data set into its own database, runs every section and prints the table. Timings depend on the
machine and are not asserted; that every section ran, and the query counts (deterministic), are.

Runs only when asked (RUN_BENCH_SMOKE=1) and PostgreSQL and Redis are there: it takes a few minutes
and starts its own processes, so it stays out of the parallel suite."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("verify", "issuing", "cohort", "pages", "gradebook_csv")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("RUN_BENCH_SMOKE"), reason="set RUN_BENCH_SMOKE=1 (make bench-smoke)"
    ),
]


def _bench_env() -> dict:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.bench"
    # Its own database on the same server: never the suite's test database, nor a developer's `bench`.
    url = os.environ.get("BENCH_SMOKE_DATABASE_URL") or re.sub(
        r"/[^/]*$", "/bench_smoke", os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
    )
    env["DATABASE_URL"] = url
    env.setdefault("BENCH_CACHE_URL", "redis://127.0.0.1:6379/7")
    env["CACHE_URL"] = env["BENCH_CACHE_URL"]
    return env


@pytest.fixture(scope="module")
def run():
    if not os.environ.get("DATABASE_URL", "postgres").startswith("postgres"):
        pytest.skip("needs PostgreSQL")
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--size", "smoke"],
        cwd=ROOT,
        env=_bench_env(),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    print(result.stdout[-6000:])
    print(result.stderr[-3000:], file=sys.stderr)
    return result


def test_the_run_completes_and_prints_the_table(run):
    # 0: every goal met; 1: some goal missed. Anything else is a crash.
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert re.search(r"^what\s+measured\s+goal\s+ok$", run.stdout, re.M)
    assert re.search(r"^\d+ of \d+ rows at their goal\.$", run.stdout, re.M)
    assert "machine:" in run.stdout and "data set: smoke" in run.stdout


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_ran(run, section):
    assert re.search(rf"^  {section}: \d+ rows in", run.stdout, re.M), f"{section} did not report"
    assert not re.search(rf"\[{section}\] {section}: section:", run.stdout), f"{section} failed"


def test_no_row_failed_outright(run):
    table = run.stdout.split("details:")[0]
    assert "FAILED" not in table, table


def test_query_counts_meet_their_budgets(run):
    """Counts are deterministic: a page over its query budget fails here as in the table."""
    rows = re.findall(r"^(queries: .+?)\s{2,}(\S+)\s+(<= \d+|0)\s+(ok|MISS)$", run.stdout, re.M)
    assert rows, "no query rows in the table"
    missed = [f"{what}: {measured} ({goal})" for what, measured, goal, ok in rows if ok != "ok"]
    assert not missed, missed
