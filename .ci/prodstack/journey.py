"""The HTTP checks of the production-like pass, against a live stack behind nginx (started by
.ci/prodstack/run). Every check runs even when an earlier one fails; the summary lists each with its
figures or its failure, and the exit status is 1 when any failed.

    .venv/bin/python .ci/prodstack/journey.py --url http://127.0.0.1:PORT --mail-dir DIR \\
        --app-access-log gunicorn.access.log
"""

import argparse
import json
import re
import sys
import time
import traceback
from pathlib import Path

import abuse
import issuing_journey
from client import Client, expect


def static_check(base_url: str) -> dict:
    """A page's stylesheet comes back through nginx (served by whitenoise, hashed name, cached)."""
    page = Client(base_url, "127.0.0.30").get("/accounts/login/")
    expect(page.status_code == 200, f"login page: {page.status_code}")
    match = re.search(r'href="(/static/[^"]+\.css)"', page.text)
    expect(match, "no stylesheet on the login page")
    css = Client(base_url, "127.0.0.30").get(match.group(1))
    expect(css.status_code == 200, f"{match.group(1)}: {css.status_code}")
    expect("text/css" in css.headers.get("Content-Type", ""), f"{match.group(1)}: not CSS")
    return {"path": match.group(1), "cache_control": css.headers.get("Cache-Control", "")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--mail-dir", required=True, type=Path)
    parser.add_argument("--app-access-log", required=True, type=Path)
    args = parser.parse_args()

    outcomes = []
    context = {"code": None}

    def check(name, fn):
        print(f"\n-- {name}", flush=True)
        started = time.monotonic()
        try:
            figures = fn()
            outcomes.append((name, True, figures))
            print(f"  ok in {time.monotonic() - started:.1f} s: {json.dumps(figures, default=str)}")
        except Exception as exc:  # noqa: BLE001 (report every check, then fail)
            outcomes.append((name, False, f"{type(exc).__name__}: {exc}"))
            print(f"  FAILED: {type(exc).__name__}: {exc}")
            if not isinstance(exc, AssertionError):
                traceback.print_exc()

    def journey():
        figures = issuing_journey.run(args.url, args.mail_dir)
        context["code"] = figures["code"]
        return figures

    check("static files through nginx", lambda: static_check(args.url))
    check("journey: apply, approve, issue (Celery), download, verify, revoke, one email", journey)
    check("PDF bomb while others verify", lambda: abuse.pdf_bomb_check(args.url, context["code"]))
    check("two PDF bombs at once", lambda: abuse.two_bombs_check(args.url))
    check("50 MB upload refused by nginx", lambda: abuse.huge_upload_check(args.url, args.app_access_log))
    check("rate limits keyed on the real client", lambda: abuse.rate_limit_check(args.url, context["code"]))
    check("login throttling keyed on the real client", lambda: abuse.login_limit_check(args.url))

    print("\n== journey.py summary")
    for name, ok, detail in outcomes:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {json.dumps(detail, default=str)}")
    failed = sum(1 for _n, ok, _d in outcomes if not ok)
    print(f"{len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
