"""The benchmarks' memory rows compare child processes' own peaks: a child started by a parent that
holds a lot of memory (the data set's builder) must not report the parent's."""

import subprocess
import sys
from pathlib import Path

from bench.harness import peak_rss_mb

ROOT = Path(__file__).resolve().parents[2]


def test_a_child_reports_its_own_peak_not_its_parents():
    ballast = bytearray(300 * 1024 * 1024)  # touched: resident in this process
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    assert peak_rss_mb() > 300
    child = subprocess.run(
        [sys.executable, "-c", "from bench.harness import peak_rss_mb; print(peak_rss_mb())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(child.stdout) < 100, child.stdout
    del ballast
