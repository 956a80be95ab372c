"""The certificate journey through nginx, as people do it in a browser: the eligible trainee applies,
the program administrator approves, the real Celery worker issues, the holder downloads, an employer
verifies by code and by PDF (pages and API), the administrator revokes, verification says revoked,
and the holder's email arrived exactly once."""

import email
import re
import time
from pathlib import Path

from client import Client, expect, snippet

HOLDER = "jordan@example.org"
ADMIN = "admin@example.org"
# The IC&RC program as seed_demo names it; Jordan meets every requirement of it.
PROGRAM = "Peer Recovery (PR)"
ISSUE_TIMEOUT_SECONDS = 120
MAIL_TIMEOUT_SECONDS = 60
MAIL_SETTLE_SECONDS = 5
REVOKE_REASON = "Revoked by the production-like CI pass."

_CARD = re.compile(r'<div class="card">(.*?)</div>', re.S)
_VERSION = re.compile(r'name="version" value="(\d+)"')


def _apply(holder: Client) -> int:
    page = holder.get("/certificates/")
    expect(page.status_code == 200, f"GET /certificates/: {page.status_code}")
    versions = [
        m.group(1)
        for card in _CARD.findall(page.text)
        if PROGRAM in card
        for m in [_VERSION.search(card)]
        if m
    ]
    expect(versions, f"no IC&RC apply form for {HOLDER}: {snippet(page.text, 600)}")
    answer = holder.form_post("/certificates/", "/certificates/apply/", {"version": versions[0]})
    expect(answer.status_code == 302, f"apply: {answer.status_code} {snippet(answer.text)}")
    mine = holder.get("/api/v1/certificates/applications")
    expect(mine.status_code == 200, f"GET applications: {mine.status_code}")
    open_ones = [a for a in mine.json() if a["status"] == "submitted"]
    expect(open_ones, f"no submitted application after applying: {mine.json()}")
    return open_ones[0]["id"]


def _approve(admin: Client, application_id: int) -> None:
    action = f"/certificates/manage/applications/{application_id}/approve/"
    answer = admin.form_post("/certificates/manage/", action, {})
    expect(answer.status_code == 302, f"approve: {answer.status_code} {snippet(answer.text)}")


def _wait_issued(holder: Client) -> tuple[dict, float]:
    started = time.monotonic()
    last = None
    while time.monotonic() - started < ISSUE_TIMEOUT_SECONDS:
        answer = holder.get("/api/v1/certificates")
        expect(answer.status_code == 200, f"GET /api/v1/certificates: {answer.status_code}")
        last = answer.json()
        for certificate in last:
            if certificate["program"] == PROGRAM and certificate["status"] == "current":
                return certificate, time.monotonic() - started
        time.sleep(0.5)
    raise AssertionError(f"not issued within {ISSUE_TIMEOUT_SECONDS} s: {last}")


def _verify_code(employer: Client, code: str, status: str, label: str) -> None:
    api = employer.get(f"/api/v1/verify/{code}")
    expect(api.status_code == 200, f"API verify {code}: {api.status_code} {snippet(api.text)}")
    expect(api.json()["status"] == status, f"API verify {code}: {api.json()['status']} != {status}")
    page = employer.get(f"/verify/{code}/")
    expect(page.status_code == 200, f"verify page {code}: {page.status_code}")
    expect(label in page.text, f"verify page {code} does not say {label!r}")


def _verify_pdf(employer: Client, pdf: bytes, status: str) -> None:
    files = {"file": ("certificate.pdf", pdf, "application/pdf")}
    page = employer.form_post("/verify/", "/verify/pdf/", {}, files=files)
    expect(page.status_code == 200, f"verify PDF page: {page.status_code} {snippet(page.text)}")
    expect("Authentic" in page.text, "verify PDF page does not say Authentic")
    api = employer.post("/api/v1/verify/pdf", files=files)
    expect(api.status_code == 200, f"API verify PDF: {api.status_code} {snippet(api.text)}")
    body = api.json()
    expect(body["result"] == "authentic", f"API verify PDF: {body['result']}")
    expect(body["certificate"]["status"] == status, f"API verify PDF: status {body['certificate']['status']}")


def _revoke(admin: Client, uuid: str) -> None:
    # Revoking asks for confirmation: the confirmation page holds the form (a reason, the box ticked).
    confirm_page = f"/certificates/manage/{uuid}/revoke/"
    answer = admin.form_post(confirm_page, confirm_page, {"reason": REVOKE_REASON, "confirm": "on"})
    expect(answer.status_code == 302, f"revoke: {answer.status_code} {snippet(answer.text)}")


def _mails_to(mail_dir: Path, address: str, subject_start: str) -> int:
    """Messages in the file backend's output (one file per connection, messages separated by a
    line of 79 dashes) sent to `address` whose subject starts with `subject_start`."""
    count = 0
    for path in sorted(mail_dir.glob("*")):
        for chunk in path.read_text(errors="replace").split("\n" + "-" * 79 + "\n"):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk.lstrip("\n"))
            if address in (message.get("To") or "") and (message.get("Subject") or "").startswith(
                subject_start
            ):
                count += 1
    return count


def _holder_mail_once(mail_dir: Path) -> float:
    started = time.monotonic()
    while time.monotonic() - started < MAIL_TIMEOUT_SECONDS:
        if _mails_to(mail_dir, HOLDER, "Your certificate:"):
            break
        time.sleep(0.5)
    arrived = time.monotonic() - started
    time.sleep(MAIL_SETTLE_SECONDS)  # a second copy would come from a retry or the sweep
    count = _mails_to(mail_dir, HOLDER, "Your certificate:")
    expect(count == 1, f"the holder got {count} certificate emails (expected exactly 1)")
    return arrived


def run(base_url: str, mail_dir: Path) -> dict:
    """The whole journey; returns figures and the certificate code for later checks."""
    started = time.monotonic()
    holder = Client(base_url, "127.0.0.10").login(HOLDER)
    admin = Client(base_url, "127.0.0.11").login(ADMIN)
    employer = Client(base_url, "127.0.0.12")

    application_id = _apply(holder)
    _approve(admin, application_id)
    certificate, issue_seconds = _wait_issued(holder)
    code = certificate["code"]
    pdf = holder.get(certificate["download_url"])
    expect(pdf.status_code == 200, f"download: {pdf.status_code}")
    expect(
        pdf.headers.get("Content-Type") == "application/pdf", f"download: {pdf.headers.get('Content-Type')}"
    )
    expect(pdf.content.startswith(b"%PDF"), "download is not a PDF")

    _verify_code(employer, code, "current", "Valid")
    _verify_pdf(employer, pdf.content, "current")
    mail_seconds = _holder_mail_once(mail_dir)
    _revoke(admin, str(certificate["uuid"]))
    _verify_code(employer, code, "revoked", "Revoked")
    _verify_pdf(employer, pdf.content, "revoked")
    return {
        "code": code,
        "journey_seconds": round(time.monotonic() - started, 2),
        "issue_seconds": round(issue_seconds, 2),
        "mail_seconds": round(mail_seconds, 2),
        "pdf_bytes": len(pdf.content),
    }
