"""axe-core in the browser journeys: `check_page` runs axe on the page as it stands (WCAG 2.x A and AA
rules), keeps the serious and critical violations and the page's weight (the document and every
same-origin file it loaded), and records both per role in a `Ledger` for the run's summary.

axe-core comes from the npm registry (`make test-browser` installs it into .venv/npm); AXE_JS points
at another axe.min.js. When the browser journeys run and axe is missing, the check fails: a run that
silently skipped it would pass with nothing checked. axe is evaluated through the DevTools protocol, not
added as a <script>, so the page keeps its own Content-Security-Policy (lms/csp.py) while it is checked:
what axe sees is what a visitor gets."""

from __future__ import annotations

import functools
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS_DEFAULT = ROOT / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
AXE_INSTALL = "npm install --no-audit --no-fund --prefix .venv/npm axe-core@^4.10"

# The WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA (axe's rule tags).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
WEIGHT_LIMIT = 150 * 1024  # bytes, for every page outside the two admins
# Wagtail's and Django's own admin: not ours to fix, so not held to zero violations or the weight limit.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")

_RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                summary: (n.failureSummary || '').slice(0, 300)})),
  }));
}"""

# The document plus every same-origin file the page loaded (style sheets, scripts, images, fonts,
# fetches): encodedBodySize is the bytes sent over the wire and is reported even when the file came from
# the browser's cache (transferSize would then be 0), so a page's weight does not depend on visit order.
_WEIGHT = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource')
    .filter((r) => new URL(r.name).origin === location.origin);
  const size = (e) => e.encodedBodySize || 0;
  return {document: nav ? size(nav) : document.documentElement.outerHTML.length,
          files: files.map((r) => [new URL(r.name).pathname, size(r)])};
}"""


def axe_path() -> Path:
    """The axe.min.js to inject: AXE_JS, else the copy `make test-browser` installs. Missing is a
    failure, never a skip."""
    configured = os.environ.get("AXE_JS")
    path = Path(configured) if configured else AXE_JS_DEFAULT
    if not path.is_file():
        pytest.fail(
            f"axe-core not found at {path}. Run `make test-browser` (it installs axe-core) or "
            f"`{AXE_INSTALL}`, or set AXE_JS to an axe.min.js.",
            pytrace=False,
        )
    return path


@functools.cache
def _read(path: Path) -> str:
    # Evaluated as a script through the DevTools protocol, which the page's Content-Security-Policy does
    # not govern (a <script> tag added to the page would be refused under script-src 'self').
    return path.read_text(encoding="utf-8") + "\n;true"


def axe_source() -> str:
    return _read(axe_path())


def is_admin(url: str) -> bool:
    return urlsplit(url).path.startswith(ADMIN_PREFIXES)


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    nodes: list[dict]

    def describe(self) -> str:
        targets = "; ".join(n["target"] for n in self.nodes[:4])
        more = f" (+{len(self.nodes) - 4} more)" if len(self.nodes) > 4 else ""
        return f"{self.rule} [{self.impact}] {self.help}: {targets}{more}"


@dataclass
class PageCheck:
    role: str
    label: str
    path: str
    width: int
    weight: int  # bytes: the document and its same-origin files
    files: list[tuple[str, int]]
    violations: list[Violation]  # serious and critical only
    lesser: list[str] = field(default_factory=list)  # moderate and minor: "rule (impact)", not asserted
    seconds: float = 0.0  # axe's run

    @property
    def admin(self) -> bool:
        return is_admin(self.path)

    def where(self) -> str:
        return f"{self.role} · {self.label} ({self.path}) at {self.width}px"


def check_page(page, *, role: str, label: str, ledger: Ledger | None = None) -> PageCheck:
    """Weigh the page as loaded, then run axe on it (injected once per document); serious and critical
    violations are kept. Works in any browser context: the page's policy does not apply to the check.
    Recorded in `ledger`, by default the run's LEDGER (summarised after the run: conftest.py)."""
    page.wait_for_load_state("load")
    weight = page.evaluate(_WEIGHT)
    started = time.perf_counter()
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    found = page.evaluate(_RUN_AXE, WCAG_TAGS)
    seconds = time.perf_counter() - started
    violations = [Violation(**v) for v in found if v["impact"] in BLOCKING_IMPACTS]
    files = [(path, size) for path, size in weight["files"]]
    check = PageCheck(
        role=role,
        label=label,
        path=urlsplit(page.url).path,
        width=page.viewport_size["width"],
        weight=weight["document"] + sum(size for _, size in files),
        files=files,
        violations=violations,
        lesser=[f"{v['rule']} ({v['impact']})" for v in found if v["impact"] not in BLOCKING_IMPACTS],
        seconds=seconds,
    )
    (LEDGER if ledger is None else ledger).add(check)
    return check


@dataclass
class RoleFigures:
    pages: int = 0
    checks: int = 0
    violations: int = 0  # serious + critical violations (rule x page x width), admin pages excluded
    admin_violations: int = 0
    seconds: float = 0.0
    heaviest: PageCheck | None = None
    rules: dict[str, int] = field(default_factory=dict)


class Ledger:
    """Every check of the run, summed per role for the terminal summary and a JSON file."""

    def __init__(self):
        self.checks: list[PageCheck] = []

    def add(self, check: PageCheck) -> None:
        self.checks.append(check)

    def by_role(self) -> dict[str, RoleFigures]:
        figures: dict[str, RoleFigures] = {}
        seen: dict[str, set] = {}
        for check in self.checks:
            f = figures.setdefault(check.role, RoleFigures())
            seen.setdefault(check.role, set()).add(check.label)
            f.pages = len(seen[check.role])
            f.checks += 1
            f.seconds += check.seconds
            if check.admin:
                f.admin_violations += len(check.violations)
                continue
            f.violations += len(check.violations)
            for v in check.violations:
                f.rules[v.rule] = f.rules.get(v.rule, 0) + 1
            if f.heaviest is None or check.weight > f.heaviest.weight:
                f.heaviest = check
        return figures

    def summary_lines(self) -> list[str]:
        lines = ["Accessibility (axe-core, WCAG 2.x A/AA; serious + critical) and page weight, per role:"]
        for role, f in self.by_role().items():
            heaviest = (
                f"heaviest {f.heaviest.label} {f.heaviest.path} {f.heaviest.weight / 1024:.1f} KB"
                if f.heaviest
                else "no non-admin page"
            )
            rules = ", ".join(f"{rule} x{n}" for rule, n in sorted(f.rules.items())) or "none"
            admin = f"; admin pages (not counted): {f.admin_violations}" if f.admin_violations else ""
            lines.append(
                f"  {role:<22} pages {f.pages:>3}, checks {f.checks:>3} (375 + 1280 px), "
                f"violations {f.violations} [{rules}]{admin}; {heaviest}; axe {f.seconds:.0f} s"
            )
        heavy = [c for c in self.checks if not c.admin]
        if heavy:
            top = max(heavy, key=lambda c: c.weight)
            lines.append(f"  heaviest non-admin page: {top.where()} {top.weight / 1024:.1f} KB")
        return lines

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [
            {
                "role": c.role,
                "label": c.label,
                "path": c.path,
                "width": c.width,
                "weight": c.weight,
                "axe_seconds": round(c.seconds, 2),
                "admin": c.admin,
                "violations": [v.__dict__ for v in c.violations],
                "moderate_or_minor": c.lesser,
            }
            for c in self.checks
        ]
        path.write_text(json.dumps(rows, indent=1))


# Every check of the run, whichever journey made it.
LEDGER = Ledger()
REPORT = ROOT / "test-results" / "a11y.json"


def terminal_summary(terminalreporter) -> None:
    """The run's figures per role (and the heaviest page) after the tests, and every check in
    test-results/a11y.json."""
    if not LEDGER.checks:
        return
    terminalreporter.section("accessibility (axe-core) and page weight")
    for line in LEDGER.summary_lines():
        terminalreporter.write_line(line)
    LEDGER.write_json(REPORT)
    terminalreporter.write_line(f"  every check: {REPORT.relative_to(ROOT)}")
