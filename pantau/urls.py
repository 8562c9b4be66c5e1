"""URL canonicalisation shared by the crawler (to skip what is stored) and the cleaner (to key pages)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|ref|ref_src|source|amp|amp_js_v|usqp|outputType|page_source|from)$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """One spelling per article: lower-case scheme and host, no default port, no fragment, no tracking
    parameters, no AMP variant (``/amp`` suffix, ``amp.`` host, ``?amp=1``), no trailing slash."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host.startswith("amp."):
        host = host[4:]
    if host.startswith("m.") and host.count(".") >= 2:
        host = host[2:]
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = re.sub(r"/amp/?$|\.amp$|/amp(?=/)", "", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, path, query, ""))
