"""How long a shared proxy may keep a public verification answer (browsers keep none).

An answer about the register (a certificate's record, or "no certificate with this code") is the same
for every anonymous client, so it is sent with `Cache-Control: public, max-age=0,
s-maxage=VERIFY_CACHE_SECONDS`: a proxy or CDN in front of the app can answer repeated checks of the same
code, and a revocation, suspension or renewal shows everywhere within that many seconds (the app itself
keeps no copy: each request that reaches it reads the register); a browser asks again every time, so an
employer who reloads the page after hearing of a revocation sees it at once. A shared credential's page is the holder's to withdraw: it says `no-cache` (every cache asks
again), like the shared Open Badges file. Everything else says `no-store`: a 429 (it is about one client), any
other error, and pages carrying a form token. Anything sent to a signed-in person is made private and
no-store by lms.middleware.NoStoreMiddleware, which runs after the view and overrides `public`; the
answers also vary on Cookie (the session is read to know who asks) and Accept-Language (the status
label is translated), which Django's middleware adds, so a proxy keeps one copy per language for
clients without a session."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

DEFAULT_SECONDS = 60


def max_age() -> int:
    return max(0, int(getattr(settings, "VERIFY_CACHE_SECONDS", DEFAULT_SECONDS)))


def public(response):
    """A public answer about the register: a shared cache may keep it VERIFY_CACHE_SECONDS (0: never
    cached); a browser must ask again."""
    seconds = max_age()
    if seconds:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
    else:
        add_never_cache_headers(response)
    return response


def revalidate(response):
    """A page a person can withdraw (a shared credential's page): any cache must ask the app again
    before reusing it, so once the holder stops sharing, nobody is shown it again."""
    patch_cache_control(response, no_cache=True)
    return response


def never(response):
    """An answer that must not be kept anywhere (429, errors, pages with a form token)."""
    add_never_cache_headers(response)
    return response
