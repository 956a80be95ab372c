"""schemathesis over every operation in /api/v1/openapi.json, through nginx, anonymously and signed in
as each demo role (session cookie, plus the CSRF header Django wants on unsafe methods). The one check
is `not_a_server_error`: any 5xx is a finding. Prints operations and cases per role and each failing
operation; exit status 1 when a server error was found or a run broke.

    .venv/bin/python .ci/prodstack/fuzz.py --url http://127.0.0.1:PORT --report-dir DIR
"""

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from client import Client

# One client address per role so a role's 429s don't come from another role's requests.
ROLES = [
    ("anonymous", None, "127.0.0.40"),
    ("trainee", "trainee@example.org", "127.0.0.41"),
    ("eligible trainee", "jordan@example.org", "127.0.0.42"),
    ("instructor", "instructor@example.org", "127.0.0.43"),
    ("supervisor", "supervisor@example.org", "127.0.0.44"),
    ("program administrator", "admin@example.org", "127.0.0.45"),
]
MAX_EXAMPLES = 10
REQUEST_TIMEOUT = 30
# Per role; a run past this is stopped and counted as broken (it would otherwise stall CI).
ROLE_TIMEOUT_SECONDS = 420
PHASES = "examples,coverage,fuzzing"
ST = str(Path(sys.executable).with_name("st"))


def _headers(client: Client | None) -> list[str]:
    if client is None:
        return []
    cookie = "; ".join(f"{c.name}={c.value}" for c in client.http.cookies)
    return ["-H", f"Cookie: {cookie}", "-H", f"X-CSRFToken: {client.csrf_cookie()}"]


def _summarise(ndjson: Path) -> dict:
    """Operations and cases run, statuses seen, server errors by operation (with example requests)
    and schemathesis' own errors, from its event stream."""
    operations, cases, errors, tool_errors = set(), 0, {}, []
    statuses = Counter()
    if not ndjson.exists():
        return {"operations": 0, "cases": 0, "failures": {}, "statuses": {}, "tool_errors": []}
    for line in ndjson.read_text().splitlines():
        event = json.loads(line)
        if "NonFatalError" in event:
            error = event["NonFatalError"]
            tool_errors.append(
                f"{error.get('label')} ({error.get('phase')}): {error['value'].get('message', '')[:160]}"
            )
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder", {})
        label = recorder.get("label")
        if label:
            operations.add(label)
        interactions = recorder.get("interactions", {})
        for interaction in interactions.values():
            cases += 1
            statuses[str((interaction.get("response") or {}).get("status_code"))] += 1
        for case_id, checks in recorder.get("checks", {}).items():
            for check in checks:
                if check.get("name") != "not_a_server_error" or check.get("status", "").lower() == "success":
                    continue
                request = (interactions.get(case_id) or {}).get("request") or {}
                response = (interactions.get(case_id) or {}).get("response") or {}
                example = f"{request.get('method')} {request.get('uri')} -> {response.get('status_code')}"
                errors.setdefault(label, set()).add(example[:300])
    return {
        "operations": len(operations),
        "cases": cases,
        "failures": {op: sorted(examples)[:3] for op, examples in errors.items()},
        "statuses": dict(sorted(statuses.items())),
        "tool_errors": tool_errors,
    }


def fuzz_role(url: str, name: str, email: str | None, source: str, report_dir: Path) -> dict:
    client = Client(url, source).login(email) if email else None
    slug = name.replace(" ", "-")
    ndjson = report_dir / f"{slug}.ndjson"
    command = [
        ST, "run", f"{url}/api/v1/openapi.json",
        "--checks", "not_a_server_error",
        "--max-examples", str(MAX_EXAMPLES),
        "--phases", PHASES,
        "--workers", "2",
        "--seed", "9",
        "--no-shrink",
        "--request-timeout", str(REQUEST_TIMEOUT),
        "--max-redirects", "0",
        "--report", "ndjson", "--report-ndjson-path", str(ndjson),
        "--warnings", "off",
        *_headers(client),
    ]  # fmt: skip
    started = time.monotonic()
    log = report_dir / f"{slug}.log"
    try:
        with log.open("w") as out:
            completed = subprocess.run(
                command, stdout=out, stderr=subprocess.STDOUT, timeout=ROLE_TIMEOUT_SECONDS
            )
        code = completed.returncode
    except subprocess.TimeoutExpired:
        code = "timeout"
    summary = _summarise(ndjson)
    summary.update({"seconds": round(time.monotonic() - started, 1), "exit": code, "log": str(log)})
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--report-dir", required=True, type=Path)
    parser.add_argument("--roles", help="comma-separated subset of role names")
    args = parser.parse_args()
    args.report_dir.mkdir(parents=True, exist_ok=True)
    wanted = set(args.roles.split(",")) if args.roles else None

    results = {}
    for name, email, source in ROLES:
        if wanted and name not in wanted:
            continue
        print(f"\n-- schemathesis as {name}", flush=True)
        summary = fuzz_role(args.url, name, email, source, args.report_dir)
        results[name] = summary
        print(
            f"  {summary['operations']} operations, {summary['cases']} cases, "
            f"{len(summary['failures'])} operations with server errors, in {summary['seconds']} s "
            f"(st exit {summary['exit']}); statuses {summary['statuses']}"
        )
        for operation, examples in sorted(summary["failures"].items()):
            for example in examples:
                print(f"  SERVER ERROR  {operation}: {example}")
        for error in summary["tool_errors"]:
            # schemathesis' own failures (e.g. generating a case), not the server's: shown, not counted.
            print(f"  schemathesis error (not a server error): {error}")
        if summary["exit"] not in (0, 1) or not summary["operations"]:
            print(f"  schemathesis did not run properly; its output: {summary['log']}")
            print(Path(summary["log"]).read_text()[-3000:])

    print("\n== fuzz.py summary")
    broken = 0
    for name, s in results.items():
        errors = len(s["failures"])
        bad = errors or s["exit"] not in (0, 1) or not s["operations"]
        broken += bool(bad)
        print(f"  {'FAIL' if bad else 'PASS'}  {name}: {s['operations']} operations, {s['cases']} cases, "
              f"{errors} operations with server errors")  # fmt: skip
    print(f"schemathesis: {len(results) - broken} passed, {broken} failed")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
