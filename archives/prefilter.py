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
from collections.abc import Callable

# Words that only JKN vocabulary starts with: one of them settles it.
_STRONG = (b"bpjs", b"jkn", b"uhc")
# Common words that start a relevance term, each with the rest of its terms: only a whole term settles it.
_WEAK = {
    b"jaminan": re.compile(rb".{0,24}?kesehatan", re.DOTALL),
    b"universal": re.compile(rb".{0,24}?health", re.DOTALL),
    b"kartu": re.compile(rb".{0,24}?indonesia.{0,24}?sehat", re.DOTALL),
    b"penerima": re.compile(rb".{0,24}?bantuan", re.DOTALL),
    b"pbi": re.compile(rb".{0,24}?(?:jk|apb)", re.DOTALL),
}
_REST = 80  # bytes after a weak word in which the rest of its term must appear
# What Hyperscan looks for: a piece of each word, picked so that the bytes of ordinary HTML and text seldom
# look like any of them to its literal matcher, whose false candidates cost more than the scan itself when
# the literals start like common text ("pen", "uni", "kar"). The whole word is confirmed around each hit,
# so the rule is the same. Over the benchmark's pages (``benchmarks.reader_ratio``), FastWARC reading plus
# this scan alone ran at 0.63 of bare FastWARC with the whole words, 0.73–0.75 with these pieces.
_ANCHORS = {
    b"bpjs": b"bpj", b"jkn": b"jkn", b"uhc": b"uhc", b"jaminan": b"jam", b"universal": b"niv",
    b"kartu": b"artu", b"penerima": b"rim", b"pbi": b"pbi",
}


def _hyperscan() -> Callable[[bytes], bool] | None:
    """The same rule with one Hyperscan pass over literals only (a piece of each word terms start with,
    case-insensitive): a hit is confirmed as the whole word in the few bytes around it, a strong word
    then settles it, and the rest of a weak word's term is matched in Python only in the bytes after it.
    Literal scanning runs near memory speed, several times faster than matching the terms' bounded gaps
    in Hyperscan itself; None without the library."""
    try:
        import hyperscan
    except ImportError:
        return None
    words = list(_STRONG) + list(_WEAK)
    rests = [None] * len(_STRONG) + list(_WEAK.values())
    # (bytes from the word's start to the anchor's end, the word, the rest of its term)
    anchored = [(w.index(_ANCHORS[w]) + len(_ANCHORS[w]), w, r) for w, r in zip(words, rests, strict=True)]
    db = hyperscan.Database()
    db.compile(expressions=[re.escape(_ANCHORS[w]) for w in words], ids=list(range(len(words))), elements=len(words),
               flags=[hyperscan.HS_FLAG_CASELESS] * len(words))
    scratch = hyperscan.Scratch(db)

    def scan(payload: bytes | memoryview) -> bool:
        def on_match(pattern: int, _start: int, end: int, _flags: int, _context) -> bool:
            reach, word, rest = anchored[pattern]
            begin = end - reach
            if begin < 0 or bytes(payload[begin : begin + len(word)]).lower() != word:
                return False  # the anchor inside some other word: scan on
            # True stops the scan: a strong word, or a weak word followed by the rest of its term
            return rest is None or rest.match(bytes(payload[begin + len(word) : begin + len(word) + _REST]).lower()) is not None

        try:
            db.scan(payload, match_event_handler=on_match, scratch=scratch)
        except hyperscan.ScanTerminated:
            return True
        return False

    return scan


def _term_at_some(low: bytes, word: bytes, rest: re.Pattern) -> bool:
    """Whether some occurrence of ``word`` is followed by the rest of its term (only those few bytes are matched)."""
    i = low.find(word)
    while i >= 0:
        after = i + len(word)
        if rest.match(low, after, after + _REST):
            return True
        i = low.find(word, after)
    return False


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


def could_be_relevant(payload: bytes | memoryview, charset: str | None = None) -> bool:
    """False only when the page cannot pass the relevance rule: none of its terms is in the bytes."""
    if _wide(charset, payload):
        try:
            payload = bytes(payload).decode(charset or "utf-16", errors="replace").encode("utf-8")
        except LookupError:
            return True
    return _scan(payload)


def python_rule(payload: bytes) -> bool:
    """The prefilter's rule in plain Python (used without Hyperscan, and the reference it is tested against)."""
    low = bytes(payload).lower()  # a memoryview too (bytes of bytes is no copy)
    if any(word in low for word in _STRONG):
        return True
    return any(_term_at_some(low, word, rest) for word, rest in _WEAK.items() if word in low)


_scan = _hyperscan() or python_rule
