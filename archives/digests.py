"""WARC digests (``WARC-Block-Digest``, ``WARC-Payload-Digest``): ``algorithm:value``, the value in
base32 (as Common Crawl and most crawlers write it), hex or base64."""

from __future__ import annotations

import base64
import binascii
import hashlib

_ALGORITHMS = {"sha1": "sha1", "sha256": "sha256", "sha-256": "sha256", "md5": "md5", "sha512": "sha512"}


def digest_matches(declared: str | None, *candidates: bytes) -> bool | None:
    """True when one of ``candidates`` has the declared digest, False when none has, None when there is no
    digest to check (absent, or an algorithm or encoding this reader does not know)."""
    if not declared or ":" not in declared:
        return None
    algo, _, value = declared.strip().partition(":")
    name = _ALGORITHMS.get(algo.strip().lower())
    expected = _decoded(value.strip())
    if name is None or expected is None:
        return None
    return any(hashlib.new(name, c).digest() == expected for c in candidates)


def _decoded(value: str) -> bytes | None:
    for decode in (lambda v: base64.b32decode(v.upper()), bytes.fromhex, base64.b64decode):
        try:
            return decode(value)
        except (ValueError, binascii.Error):
            continue
    return None
