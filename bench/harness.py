"""What every benchmark section shares: a row of the results table, the run's context, and small
measuring helpers. `bench/run.py` (``make bench``) builds (or reuses) the data set, calls each
section's ``rows(ctx)`` and prints one table; docs/performance.md is written from the same rows.

A section is a module in bench/ with ``def rows(ctx: Context) -> list[Row]``. Every figure in a row
is a ratio or a count taken in this run, side by side, so the table means the same on any machine."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Row:
    what: str  # "verify API throughput / bare ninja endpoint"
    measured: str  # "0.86 (441 vs 512 req/s)"
    goal: str  # ">= 0.8"
    ok: bool
    detail: str = ""  # one line of supporting figures, printed under the table


@dataclass
class Context:
    """The run: which size, the data set's handles (bench/dataset.py documents the keys) and the
    settings module the measuring processes must use."""

    size: str  # "smoke" (CI), "medium" or "full" (the sizes)
    data: dict = field(default_factory=dict)
    settings_module: str = "lms.settings.bench"
    database_url: str = ""

    def env(self, **extra) -> dict[str, str]:
        """Environment for a child process (gunicorn, Celery, a measuring subprocess)."""
        out = dict(os.environ)
        out["DJANGO_SETTINGS_MODULE"] = self.settings_module
        if self.database_url:
            out["DATABASE_URL"] = self.database_url
        out.update({k: str(v) for k, v in extra.items()})
        return out


def count_queries(fn: Callable[[], object]) -> tuple[int, object]:
    """Run fn once and return (number of SQL queries it made, its result)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = fn()
    return len(captured.captured_queries), result


@contextmanager
def stopwatch():
    """with stopwatch() as elapsed: ...; elapsed() -> seconds since entry (frozen at exit)."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def best_of(n: int, fn: Callable[[], object]) -> float:
    """The fastest of n timed runs of fn, in seconds (the least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def peak_rss_mb() -> float:
    """This program's peak resident memory so far, in MB: Linux's VmHWM, which a new program (exec)
    starts afresh. getrusage's ru_maxrss is kept across fork and exec, so a child started by a parent
    that had built the data set (1 GB) would report the parent's peak, whatever it did itself."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # without /proc


def ratio_row(what: str, num: float, den: float, *, goal: str, ok: Callable[[float], bool], unit: str) -> Row:
    value = num / den if den else float("inf")
    return Row(what, f"{value:.2f} ({num:.3g} vs {den:.3g} {unit})", goal, ok(value))


def stop_process_group(proc, *, grace: float = 15) -> None:
    """Stop a child started with start_new_session=True and everything it started (gunicorn's or
    Celery's workers): SIGTERM, then SIGKILL if it has not gone within `grace` seconds."""
    import signal
    import subprocess

    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def print_rows(rows: list[Row]) -> None:
    """A section's rows, one block each (a section run on its own: python bench/<section>.py)."""
    for row in rows:
        print(
            f"{row.what}: {row.measured} (goal {row.goal}, {'ok' if row.ok else 'NOT MET'})\n  {row.detail}"
        )
