"""The client's address, the one every per-client limit counts: allauth's login throttle (through
lms.adapters.AccountAdapter.get_client_ip), django-axes (AXES_CLIENT_IP_CALLABLE) and the verification
rate limit (certificates.issuing.ratelimit).

Rule: REMOTE_ADDR is the client unless it is one of TRUSTED_PROXIES (IP addresses or CIDR networks of
the reverse proxies in front of the app). Only then is X-Forwarded-For read, from the right: each proxy
appends the address it saw, so the right-most entry that is not itself a trusted proxy is the client.
Anything further left was written by the client and may be forged. No other header (X-Real-IP,
Forwarded, CF-Connecting-IP, ...) is believed, so a client cannot pick its own key by sending one.

The address parsing (ports, [IPv6]:port, IPv4-mapped IPv6) is python-ipware's, the engine under
django-ipware. ipware's own get_client_ip is not used for the walk: with no proxy configured it trusts
whichever forwarding header a client sends, and its `proxy_trusted_ips` matches a fixed sequence of hops
by position rather than a set of trusted networks."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from python_ipware.modern.parsers import parse_ip, unwrap_ipv4_network

ERR_BAD_PROXY = "TRUSTED_PROXIES: {entry!r} is not an IP address or a CIDR network (like 10.0.0.0/8)."
UNKNOWN = "unknown"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(entries) -> tuple[Network, ...]:
    """TRUSTED_PROXIES as networks; ImproperlyConfigured names the first entry that is not one (the
    settings call this at start-up, so a typo stops the process instead of trusting nobody)."""
    return _compile(tuple(str(e).strip() for e in entries or () if str(e).strip()))


@lru_cache(maxsize=8)
def _compile(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(unwrap_ipv4_network(ipaddress.ip_network(entry, strict=False)))
        except ValueError as exc:
            raise ImproperlyConfigured(ERR_BAD_PROXY.format(entry=entry)) from exc
    return tuple(networks)


def _is_trusted(ip, networks) -> bool:
    return any(ip.version == net.version and ip in net for net in networks)


def _networks() -> tuple[Network, ...]:
    return trusted_networks(getattr(settings, "TRUSTED_PROXIES", ()))


def from_trusted_proxy(request) -> bool:
    """Whether the connection comes from one of TRUSTED_PROXIES (so its forwarding headers count)."""
    peer = parse_ip(request.META.get("REMOTE_ADDR", ""))
    return peer is not None and _is_trusted(peer, _networks())


def client_ip(request) -> str:
    """The address of the client that made `request`, as a string ("unknown" when there is none)."""
    peer = parse_ip(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return UNKNOWN
    networks = _networks()
    if not _is_trusted(peer, networks):
        return str(peer)
    client = peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for raw in reversed(hops):
        if not raw.strip():
            continue
        hop = parse_ip(raw)
        if hop is None:
            # A trusted proxy wrote something we cannot read: stop at the last hop we trust rather
            # than let anything further left (client-written) become the key.
            break
        client = hop
        if not _is_trusted(hop, networks):
            break
    return str(client)
