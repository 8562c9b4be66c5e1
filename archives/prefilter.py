"""A cheap test on a record's raw bytes: could this page be about JKN / BPJS Kesehatan at all?

Nearly every record of a news archive is off-topic, and cleaning a page (parsing its HTML) costs a
hundred times more than looking at its bytes. An article is relevant only when its title or text holds
one of the relevance vocabulary's terms (``extraction.relevance``), and each of those terms starts with
one of a handful of words, so a page whose bytes hold none of those words cannot be relevant. The test
is a superset of the relevance rule: it may let an off-topic page through (cleaning then rejects it),
it must never drop a relevant one. Multi-word terms allow up to 24 bytes between their words, so
markup (``&nbsp;``, ``<br>``) between them does not hide them.
"""

from __future__ import annotations

import re

# Words that only JKN vocabulary starts with: one of them settles it.
_STRONG = (b"bpjs", b"jkn", b"uhc")
# Common words that start a relevance term: only the whole term (checked next) settles it.
_WEAK = (b"jaminan", b"universal", b"kartu", b"penerima", b"pbi")
_WEAK_TERMS = re.compile(
    rb"jaminan.{0,24}?kesehatan|universal.{0,24}?health|kartu.{0,24}?indonesia.{0,24}?sehat"
    rb"|penerima.{0,24}?bantuan|pbi.{0,24}?(?:jk|apb)",
    re.DOTALL,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_html(content_type: str | None, payload: bytes) -> bool:
    """True for an HTML payload (by its declared type, or by its first bytes when none is declared)."""
    if content_type:
        return content_type.split(";")[0].strip().lower() in _HTML_TYPES
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) and b"<html" in payload[:4096].lower()


def _wide(charset: str | None, payload: bytes) -> bool:
    """UTF-16/32 text: ASCII words are not contiguous bytes there."""
    return bool(charset and charset.lower().replace("-", "").startswith(("utf16", "utf32"))) or payload[:2] in (b"\xff\xfe", b"\xfe\xff")


def could_be_relevant(payload: bytes, charset: str | None = None) -> bool:
    """False only when the page cannot pass the relevance rule: none of its terms is in the bytes."""
    if _wide(charset, payload):
        try:
            payload = payload.decode(charset or "utf-16", errors="replace").encode("utf-8")
        except LookupError:
            return True
    low = payload.lower()
    if any(word in low for word in _STRONG):
        return True
    return any(word in low for word in _WEAK) and _WEAK_TERMS.search(low) is not None
