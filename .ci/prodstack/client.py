"""HTTP helpers for the production-like checks: a requests session that connects from a chosen
loopback address (so nginx sees distinct clients), signing in through the real allauth form, and
reading CSRF tokens and forms out of pages."""

import html
import re

import requests
from requests.adapters import HTTPAdapter

PASSWORDS = {
    "trainee@example.org": "demo-trainee-pass",
    "jordan@example.org": "demo-trainee-pass",
    "sam@example.org": "demo-trainee-pass",
    "instructor@example.org": "demo-instructor-pass",
    "supervisor@example.org": "demo-supervisor-pass",
    "admin@example.org": "demo-admin-pass",
}
TIMEOUT = 30

_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


class CheckFailed(AssertionError):
    pass


def expect(condition, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class SourceAddressAdapter(HTTPAdapter):
    """Connect from a fixed local address (any 127.x.y.z works on Linux's loopback)."""

    def __init__(self, source: str, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class Client:
    """A browser-like session against the stack: relative paths, cookies, CSRF from pages."""

    def __init__(self, base_url: str, source: str = "127.0.0.1"):
        self.base = base_url.rstrip("/")
        self.source = source
        self.http = requests.Session()
        adapter = SourceAddressAdapter(source)
        self.http.mount("http://", adapter)

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + path

    def get(self, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", TIMEOUT)
        return self.http.get(self.url(path), **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", TIMEOUT)
        return self.http.post(self.url(path), **kwargs)

    def csrf_cookie(self) -> str:
        return self.http.cookies.get("csrftoken", "")

    def api_headers(self) -> dict:
        """What a script calling the API with the session cookie sends on unsafe methods."""
        return {"X-CSRFToken": self.csrf_cookie()}

    def form_post(self, page: str, action: str, fields: dict, *, files=None) -> requests.Response:
        """Load the page, take the CSRF token from the form posting to `action`, submit it."""
        response = self.get(page)
        expect(response.status_code == 200, f"GET {page}: {response.status_code}")
        form = find_form(response.text, action)
        expect(form is not None, f"no form posting to {action} on {page}")
        data = {**form["hidden"], **fields}
        return self.post(action, data=data, files=files, allow_redirects=False)

    def login(self, email: str) -> "Client":
        response = self.form_post(
            "/accounts/login/",
            "/accounts/login/",
            {"login": email, "password": PASSWORDS[email]},
        )
        expect(
            response.status_code == 302,
            f"login {email}: expected a redirect, got {response.status_code}: {snippet(response.text)}",
        )
        expect(self.http.cookies.get("sessionid"), f"login {email}: no session cookie")
        return self


def find_form(page: str, action: str) -> dict | None:
    """The first form whose action is `action`, with its hidden inputs."""
    for attrs, body in _FORM.findall(page):
        attr = dict(_ATTR.findall(attrs))
        if html.unescape(attr.get("action", "")) != action:
            continue
        hidden = {}
        for tag in re.findall(r"<input\b[^>]*>", body, re.I):
            a = dict(_ATTR.findall(tag))
            if a.get("type") == "hidden" and "name" in a:
                hidden[a["name"]] = html.unescape(a.get("value", ""))
        return {"action": action, "hidden": hidden, "body": body}
    return None


def csrf_from(page: str) -> str:
    match = _CSRF_INPUT.search(page)
    expect(match, "no CSRF token on the page")
    return match.group(1)


def snippet(text: str, length: int = 300) -> str:
    return re.sub(r"\s+", " ", text)[:length]
