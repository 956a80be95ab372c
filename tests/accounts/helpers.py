import re

URL_RE = re.compile(r"https?://\S+")


def link_in(message) -> str:
    """The one link in an email body, as a path the test client can follow."""
    urls = URL_RE.findall(message.body)
    links = [u for u in urls if "/accounts/" in u]
    assert len(links) == 1, message.body
    return re.sub(r"^https?://[^/]+", "", links[0])


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")
