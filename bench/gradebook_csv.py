"""Section: the gradebook CSV's peak memory at 100x the rows. The instructor downloads
/assessments/gradebook/<id>/csv/ for the large course (every trainee of the largest cohort) and for the
small one (1/100 of them), each in a fresh child process, reading the streamed body chunk by chunk; the
row compares the two processes' peak resident memory. A streamed export keeps it flat.

    .venv/bin/python -m bench.gradebook_csv --child COURSE_ID EMAIL   (what the section runs)"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Context, Row, peak_rss_mb

GOAL = 1.2
ROOT = Path(__file__).resolve().parent.parent


def _measure_in_child(ctx: Context, course_id: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.gradebook_csv", "--child", str(course_id), ctx.data["instructor"]],
        cwd=ROOT,
        env=ctx.env(),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        raise RuntimeError(f"child failed: {result.stderr.strip().splitlines()[-1:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def rows(ctx: Context) -> list[Row]:
    small = _measure_in_child(ctx, ctx.data["gradebook_small_course_id"])
    large = _measure_in_child(ctx, ctx.data["gradebook_course_id"])
    ratio = large["peak_mb"] / small["peak_mb"]
    factor = large["rows"] / max(1, small["rows"])
    return [
        Row(
            f"gradebook CSV peak memory, {factor:.0f}x rows",
            f"{ratio:.2f}x ({large['peak_mb']:.0f} vs {small['peak_mb']:.0f} MB)",
            f"<= {GOAL}x",
            ratio <= GOAL and large["streaming"],
            f"{large['rows']:,} rows ({large['bytes'] / 1024 / 1024:.1f} MB) in {large['seconds']:.1f} s vs "
            f"{small['rows']:,} in {small['seconds']:.2f} s; growth while streaming "
            f"{large['peak_mb'] - large['base_mb']:.1f} vs {small['peak_mb'] - small['base_mb']:.1f} MB; "
            f"streamed: {large['streaming']}",
        )
    ]


def child(course_id: int, email: str) -> dict:
    import django

    django.setup()
    from django.test import Client

    from lms.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    # Warm the process the same way for both sizes (URLconf, templates, the connection) with a page whose
    # cost does not depend on the data (the gradebook index peaked at ~1 GB at full size by itself).
    client.get("/verify/")
    base = peak_rss_mb()
    started = time.perf_counter()
    response = client.get(f"/assessments/gradebook/{course_id}/csv/")
    if response.status_code != 200:
        raise SystemExit(f"gradebook CSV answered {response.status_code}")
    size = lines = 0
    chunks = response.streaming_content if response.streaming else [response.content]
    for chunk in chunks:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return {
        "rows": lines - 1,
        "bytes": size,
        "seconds": time.perf_counter() - started,
        "base_mb": base,
        "peak_mb": peak_rss_mb(),
        "streaming": response.streaming,
    }


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        import os

        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")
        print(json.dumps(child(int(sys.argv[2]), sys.argv[3])))
    else:
        raise SystemExit(__doc__)
