"""Where the crawler may go: http(s) only, and never from a public source to a private address."""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache


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
