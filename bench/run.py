"""Run the benchmarks (`make bench`): build or reuse the data set, measure every section, print the table.

    .venv/bin/python bench/run.py [--size smoke|medium|full] [--only SECTION ...] [--write-docs]

Needs PostgreSQL and Redis (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bench; CACHE_URL,
default redis://127.0.0.1:6379/7; lms/settings/bench.py). Creates the `bench` database when missing,
migrates it, and builds the data set of the size asked for (bench/dataset.py), or reuses it when the
database already holds that size; another size is dropped and rebuilt. Each section is a module
bench/<name>.py with ``rows(ctx) -> list[Row]``; one that is missing or raises gives a FAILED row and
the run goes on. Exit status 1 when any row misses its goal or failed. --write-docs rewrites the
generated part of docs/performance.md (between the bench markers), keeping the rest."""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import platform
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")

# The order of the table. A section module may be absent while it is being written (a FAILED row).
SECTIONS = ("verify", "issuing", "cohort", "pages", "gradebook_csv")
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("smoke", "medium", "full"), default="medium")
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only this section (repeatable)"
    )
    parser.add_argument(
        "--write-docs", action="store_true", help="write the figures into docs/performance.md"
    )
    parser.add_argument("--rebuild", action="store_true", help="drop the bench database and build afresh")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings

    from bench import dataset
    from bench.harness import Context, Row

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        print("bench needs PostgreSQL (DATABASE_URL)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    _prepare_database(db, args.size, rebuild=args.rebuild)
    data = dataset.build(args.size)
    build_done = time.perf_counter()

    ctx = Context(size=args.size, data=data, settings_module=os.environ["DJANGO_SETTINGS_MODULE"])
    ctx.database_url = os.environ.get("DATABASE_URL", _url(db))
    rows: list[tuple[str, Row]] = []
    for name in args.only or SECTIONS:
        t0 = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}":
                raise
            rows.append(
                (name, Row(f"{name}: section", "FAILED", "runs", False, f"bench/{name}.py is missing"))
            )
            continue
        try:
            got = list(module.rows(ctx))
        except Exception as exc:  # noqa: BLE001  (a broken section must not stop the others)
            traceback.print_exc()
            got = [Row(f"{name}: section", "FAILED", "runs", False, f"{type(exc).__name__}: {exc}")]
        rows += [(name, r) for r in got]
        print(f"  {name}: {len(got)} rows in {time.perf_counter() - t0:.0f} s", flush=True)
    run_seconds = time.perf_counter() - build_done

    machine = machine_info(settings)
    table = render_table([r for _, r in rows])
    print()
    print(table)
    print()
    print(render_details(rows))
    print()
    print(render_machine(machine, args.size, data, build_done - started, run_seconds))
    if args.write_docs:
        write_docs(rows, machine, args.size, data, run_seconds)
        print(f"wrote {DOC.relative_to(ROOT)}")
    failed = [r for _, r in rows if not r.ok]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} rows at their goal.")
    return 1 if failed else 0


# --- the database -------------------------------------------------------------------------------------


def _url(db) -> str:
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _server(db):
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        user=db["USER"] or None,
        password=db.get("PASSWORD") or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        autocommit=True,
    )


def _prepare_database(db, size: str, *, rebuild: bool) -> None:
    """Create the database when missing; drop and recreate it when it holds another data set (or
    --rebuild); migrate; signing material as `manage.py setup_signing` makes it."""
    from django.core.management import call_command
    from django.db import connection
    from psycopg import sql

    from bench import dataset
    from certificates.issuing import signing

    name = db["NAME"]
    if name in ("test", "prodstack") or name.startswith("test_"):
        raise SystemExit(f"refusing to use the database {name!r} for benchmarks")
    with _server(db) as server:
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if exists and not rebuild:
        held = dataset.stored()
        rebuild = held is not None and not dataset.matches(held, size) or _half_built(held)
    if exists and rebuild:
        connection.close()
        print(f"database {name}: dropping it to build the {size} data set")
        with _server(db) as server:
            server.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        exists = False
    if not exists:
        with _server(db) as server:
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"database {name}: created")
    call_command("migrate", verbosity=0, interactive=False)
    signing.ensure_dev_material()


def _half_built(held) -> bool:
    """Rows but no marker: a build was interrupted."""
    if held is not None:
        return False
    from lms.models import User

    return User.objects.exists()


# --- the machine ------------------------------------------------------------------------------------------


def machine_info(settings) -> dict:
    from django.db import connection

    cpu = "unknown"
    try:
        text = Path("/proc/cpuinfo").read_text()
        match = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
        cpu = match.group(1).strip() if match else platform.processor() or "unknown"
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, AttributeError):
        pass
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
    redis_version = "unknown"
    try:
        import redis

        location = settings.CACHES["default"]["LOCATION"]
        redis_version = redis.Redis.from_url(location).info("server")["redis_version"]
    except Exception:  # noqa: BLE001  (a locmem cache in a custom set-up: say unknown)
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "python": platform.python_version(),
        "postgresql": pg,
        "redis": redis_version,
        "os": platform.platform(terse=True),
        "commit": commit,
        "date": datetime.date.today().isoformat(),
    }


# --- output -------------------------------------------------------------------------------------------------


def render_table(rows) -> str:
    head = ("what", "measured", "goal", "ok")
    cells = [head] + [(r.what, r.measured, r.goal, "ok" if r.ok else "MISS") for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(4)).rstrip() for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_details(rows) -> str:
    out = ["details:"]
    for section, r in rows:
        if r.detail:
            out.append(f"  [{section}] {r.what}: {r.detail}")
    return "\n".join(out)


def render_machine(m: dict, size: str, data: dict, build_seconds: float, run_seconds: float) -> str:
    counts = ", ".join(f"{k.split('.')[-1]} {v:,}" for k, v in data.get("counts", {}).items())
    return (
        f"machine: {m['cpu']}, {m['cores']} cores, {m['ram']} RAM; Python {m['python']}, "
        f"PostgreSQL {m['postgresql']}, Redis {m['redis']}; {m['os']}; commit {m['commit']}, {m['date']}\n"
        f"data set: {size} ({counts}); built in {data.get('build_seconds', 0):.0f} s "
        f"(this run: {build_seconds:.0f} s preparing, {run_seconds:.0f} s measuring)"
    )


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def write_docs(rows, machine: dict, size: str, data: dict, run_seconds: float) -> None:
    lines = [
        BEGIN,
        "",
        f"Measured {machine['date']} at commit {machine['commit']}, size **{size}** "
        f"(`python bench/run.py --size {size} --write-docs`).",
        "",
        "| what | measured | goal | ok |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {_md(r.what)} | {_md(r.measured)} | {_md(r.goal)} | {'ok' if r.ok else '**miss**'} |"
        for _, r in rows
    ]
    lines += ["", "Supporting figures:", ""]
    lines += [f"- {_md(r.what)}: {_md(r.detail)}" for _, r in rows if r.detail]
    counts = ", ".join(f"{k.split('.')[-1]} {v:,}" for k, v in data.get("counts", {}).items())
    lines += [
        "",
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['ram']} RAM; Python "
        f"{machine['python']}, PostgreSQL {machine['postgresql']}, Redis {machine['redis']}; {machine['os']}.",
        "",
        f"Data set ({size}): {counts}. Built in {data.get('build_seconds', 0):.0f} s; "
        f"the measurements took {run_seconds:.0f} s.",
        "",
        END,
    ]
    generated = "\n".join(lines)
    text = DOC.read_text() if DOC.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + generated + tail
    else:
        text = text.rstrip() + "\n\n" + generated + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
