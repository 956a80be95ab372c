"""Hostile traffic through nginx: the PDF bomb while others use the site, a 50 MB upload, and rate
limits keyed on the real client behind the proxy (including a spoofed X-Forwarded-For)."""

import socket
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from bomb import pdf_bomb
from client import Client, expect

BOMB_ANSWER_LIMIT_SECONDS = 5.0
CONCURRENT_REQUESTS = 20
HUGE_UPLOAD_BYTES = 50 * 1024 * 1024
CHUNK = 64 * 1024
RATE_PROBE_MAX = 200
ANY_CODE = "PRX-7K3M-9QD2-F"


def _timed(fn):
    started = time.monotonic()
    try:
        response = fn()
        return response.status_code, started, time.monotonic(), response
    except Exception as exc:  # noqa: BLE001 (a dropped connection is an outcome to report)
        return f"{type(exc).__name__}", started, time.monotonic(), None


def _answer(response) -> str:
    """What the PDF check said: its `result` (JSON) or the start of the body."""
    if response is None:
        return ""
    try:
        body = response.json()
        return str(body.get("result") or body.get("code") or body)[:120]
    except ValueError:
        return response.text[:120]


def pdf_bomb_check(base_url: str, code: str | None) -> dict:
    """One bomb to the API while another client sends 20 GETs of the verification page and API
    (four at a time, started together with the bomb)."""
    bomb = pdf_bomb()
    attacker = Client(base_url, "127.0.0.20")
    paths = [
        "/verify/" if i % 2 == 0 else f"/api/v1/verify/{code or ANY_CODE}" for i in range(CONCURRENT_REQUESTS)
    ]
    with ThreadPoolExecutor(max_workers=5) as pool:
        bomb_future = pool.submit(
            _timed,
            lambda: attacker.post(
                "/api/v1/verify/pdf", files={"file": ("bomb.pdf", bomb, "application/pdf")}, timeout=90
            ),
        )
        # A session per request: requests' Session is not meant to be shared between threads.
        others = list(pool.map(lambda path: _timed(lambda: Client(base_url, "127.0.0.21").get(path)), paths))
        status, bomb_start, bomb_end, bomb_response = bomb_future.result()
    ok_statuses = {200, 404, 422} if code is None else {200}
    ok = [o for o in others if o[0] in ok_statuses]
    during = [o for o in others if o[1] < bomb_end]
    latencies = [o[2] - o[1] for o in others]
    figures = {
        "bomb_bytes": len(bomb),
        "bomb_status": status,
        "bomb_answer": _answer(bomb_response),
        "bomb_answer_seconds": round(bomb_end - bomb_start, 2),
        "concurrent_ok": f"{len(ok)}/{len(others)}",
        "concurrent_started_while_bomb_in_flight": len(during),
        "concurrent_statuses": sorted({str(o[0]) for o in others}),
        "concurrent_median_seconds": round(statistics.median(latencies), 3),
        "concurrent_max_seconds": round(max(latencies), 3),
    }
    print(f"  pdf bomb figures: {figures}")
    expect(isinstance(status, int) and status < 500, f"the PDF bomb got {status}")
    expect(
        bomb_end - bomb_start <= BOMB_ANSWER_LIMIT_SECONDS,
        f"the PDF bomb took {bomb_end - bomb_start:.1f} s (limit {BOMB_ANSWER_LIMIT_SECONDS} s)",
    )
    expect(len(ok) == len(others), f"concurrent requests: only {len(ok)}/{len(others)} succeeded")
    return figures


def two_bombs_check(base_url: str) -> dict:
    """Two bombs at once (one per web worker): both answered, and the site still answers after."""
    bomb = pdf_bomb()
    clients = [Client(base_url, "127.0.0.23"), Client(base_url, "127.0.0.24")]
    results = [None, None]

    def send(i):
        results[i] = _timed(
            lambda: clients[i].post(
                "/api/v1/verify/pdf", files={"file": ("bomb.pdf", bomb, "application/pdf")}, timeout=90
            )
        )

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    after = _timed(lambda: Client(base_url, "127.0.0.25").get("/verify/"))
    figures = {
        "statuses": [r[0] for r in results],
        "answers": [_answer(r[3]) for r in results],
        "answer_seconds": [round(r[2] - r[1], 2) for r in results],
        "site_after": after[0],
    }
    print(f"  two bombs at once: {figures}")
    for status, start, end, _response in results:
        expect(isinstance(status, int) and status < 500, f"a concurrent PDF bomb got {status}")
        expect(
            end - start <= 2 * BOMB_ANSWER_LIMIT_SECONDS, f"a concurrent PDF bomb took {end - start:.1f} s"
        )
    expect(after[0] == 200, f"the site after two bombs: {after[0]}")
    return figures


def _raw_upload(base_url: str, path: str, size: int) -> tuple[str, int]:
    """POST `size` bytes with a raw socket; stop sending as soon as the server answers."""
    parts = urlsplit(base_url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
    sent = 0
    try:
        sock.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/pdf\r\n"
                f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
            ).encode()
        )
        sock.setblocking(False)
        chunk = b"\0" * CHUNK
        answer = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
                if b"\r\n" in answer:
                    break
            except BlockingIOError:
                pass
            if sent < size:
                try:
                    sent += sock.send(chunk[: size - sent])
                except BlockingIOError:
                    time.sleep(0.01)
                except (BrokenPipeError, ConnectionResetError):
                    time.sleep(0.05)
            else:
                time.sleep(0.01)
        return answer.split(b"\r\n", 1)[0].decode(errors="replace"), sent
    finally:
        sock.close()


def huge_upload_check(base_url: str, app_access_log: Path) -> dict:
    """50 MB to the PDF check: nginx answers 413 and gunicorn never sees the request."""
    control, probe = uuid.uuid4().hex, uuid.uuid4().hex
    Client(base_url, "127.0.0.22").get(f"/verify/?probe={control}")
    status_line, sent = _raw_upload(base_url, f"/api/v1/verify/pdf?probe={probe}", HUGE_UPLOAD_BYTES)
    time.sleep(1)  # gunicorn writes its access log line when the response is done
    log = app_access_log.read_text(errors="replace")
    figures = {"status_line": status_line, "bytes_sent_before_answer": sent}
    print(f"  50 MB upload: {figures}")
    expect(control in log, "the control request is not in gunicorn's access log: cannot tell")
    expect(" 413 " in f"{status_line} ", f"50 MB upload answered {status_line!r}, not 413")
    expect(probe not in log, "the 50 MB upload reached gunicorn")
    return figures


def rate_limit_check(base_url: str, code: str | None) -> dict:
    """Exhaust the verification limit from 127.0.0.2; 127.0.0.3 is unaffected; a spoofed
    X-Forwarded-For from 127.0.0.2 does not buy a fresh allowance."""
    path = f"/api/v1/verify/{code or ANY_CODE}"
    first, second = Client(base_url, "127.0.0.2"), Client(base_url, "127.0.0.3")
    allowed = None
    for n in range(1, RATE_PROBE_MAX + 1):
        if first.get(path).status_code == 429:
            allowed = n - 1
            break
    expect(allowed is not None, f"no 429 after {RATE_PROBE_MAX} verifications from one client")
    other = second.get(path).status_code
    spoofed = first.get(path, headers={"X-Forwarded-For": "1.2.3.4"}).status_code
    spoofed_random = first.get(path, headers={"X-Forwarded-For": f"198.51.100.{n % 250}"}).status_code
    figures = {
        "allowed_before_429": allowed,
        "other_client_status": other,
        "spoofed_xff_status": spoofed,
        "spoofed_xff_2_status": spoofed_random,
    }
    print(f"  rate limits: {figures}")
    expect(other != 429, "exhausting the limit from 127.0.0.2 also limited 127.0.0.3")
    expect(spoofed == 429 and spoofed_random == 429, "a spoofed X-Forwarded-For got a fresh allowance")
    return figures


LOGIN_PROBE_MAX = 20


def login_limit_check(base_url: str) -> dict:
    """Failed logins from 127.0.0.4 (a different wrong address each time, so only the per-client limit
    can stop them) are throttled; a person on 127.0.0.5 still signs in. Before TRUSTED_PROXIES, every
    visitor behind nginx shared one address, so ~10 failures a minute locked everyone out."""
    attacker, visitor = Client(base_url, "127.0.0.4"), Client(base_url, "127.0.0.5")
    throttled_after = None
    for n in range(1, LOGIN_PROBE_MAX + 1):
        response = attacker.form_post(
            "/accounts/login/",
            "/accounts/login/",
            {"login": f"nobody-{n}@example.org", "password": "not-the-password"},
        )
        if response.status_code == 429 or "Too many failed login attempts" in response.text:
            throttled_after = n - 1
            break
    expect(
        throttled_after is not None, f"no throttling after {LOGIN_PROBE_MAX} failed logins from one client"
    )
    visitor.login("sam@example.org")  # fails the check unless it is a redirect with a session
    figures = {"failed_logins_before_throttle": throttled_after, "other_client_login": "ok"}
    print(f"  login limits: {figures}")
    return figures
