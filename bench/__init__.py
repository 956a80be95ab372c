"""Benchmarks: `make bench` (bench/run.py). Not tests: they print figures (docs/performance.md)."""
