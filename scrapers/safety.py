"""Where the crawler may go: http(s) only, and a private address only at a configured URL's own origin.

A source configured on a private or loopback address (the demo, the tests, an intranet) may fetch from
that address, but only at the same origin (scheme, host, port) as its configured URLs: a feed on
``127.0.0.1:A`` linking to ``127.0.0.1:B`` must not make the crawler reach whatever listens on B.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


class Origin(NamedTuple):
    """A URL's origin as browsers define it: scheme, host (lower case, no brackets) and port."""

    scheme: str
    host: str
    port: int


def origin_of(url: str) -> Origin | None:
    """The origin of an http(s) URL (default port filled in), or None for other schemes or a bad URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return Origin(scheme, parts.hostname.lower(), port if port is not None else DEFAULT_PORTS[scheme])


@lru_cache(maxsize=4096)
def host_addresses(host: str) -> tuple[str, ...]:
    """The IP addresses a host name resolves to (the literal itself for an IP)."""
    try:
        ipaddress.ip_address(host)
        return (host,)
    except ValueError:
        pass
    try:
        return tuple(sorted({info[4][0] for info in socket.getaddrinfo(host, None)}))
    except (socket.gaierror, UnicodeError):
        return ()


def is_public_host(host: str) -> bool:
    """True when every address of ``host`` is a global (public) one; unresolvable hosts are not public."""
    addresses = host_addresses(host.strip("[]").lower())
    if not addresses:
        return False
    return all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)


def private_origins(urls: Iterable[str]) -> frozenset[Origin]:
    """The origins of those ``urls`` that are on a non-public address: the private places they open."""
    origins = (origin_of(u) for u in urls)
    return frozenset(o for o in origins if o is not None and not is_public_host(o.host))


def url_refusal(url: str, allowed_origins: Iterable[Origin] = frozenset()) -> str | None:
    """Why the crawler must not fetch ``url``, or None when it may.

    Only http(s) is fetched. A public host is always allowed; a private, loopback or link-local one
    only when the URL's origin is one of ``allowed_origins`` (see ``private_origins``). A redirect is a
    new URL and must be checked again.
    """
    scheme = urlsplit(url).scheme.lower() if url else ""
    if scheme not in DEFAULT_PORTS:
        return f"scheme {scheme!r} is not allowed"
    origin = origin_of(url)
    if origin is None:
        return "URL has no valid host and port"
    if is_public_host(origin.host):
        return None
    if origin in frozenset(allowed_origins):
        return None
    return f"{origin.scheme}://{origin.host}:{origin.port} is not a public address and not the origin of a configured URL"


def is_url_allowed(url: str, allowed_origins: Iterable[Origin] = frozenset()) -> bool:
    """True when the crawler's address rule lets it fetch ``url`` (``url_refusal`` says why not)."""
    return url_refusal(url, allowed_origins) is None
