"""Cleaning: raw HTML → article text and metadata with trafilatura, plus language and a similarity hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import trafilatura

from .urls import canonical_url

_WORD = re.compile(r"\w+", re.UNICODE)
_INDONESIAN = frozenset(
    "yang dan di dengan untuk ini dari pada dalam tidak akan ke juga telah sudah bahwa atau oleh karena kami kita mereka tersebut sebagai adalah dapat lebih masih saat warga pemerintah kesehatan".split()
)
_ENGLISH = frozenset("the and of to in is that for with on as are was by this be from have at it an".split())


class CleaningError(Exception):
    """The page could not be turned into an article (empty, not HTML, or trafilatura failed)."""


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What trafilatura makes of one page."""

    url: str
    canonical_url: str
    title: str | None
    published: str | None  # YYYY-MM-DD
    site_name: str | None
    language: str | None
    text: str
    text_sha256: str
    fingerprints: list[int]


def detect_language(text: str) -> str | None:
    """``id`` or ``en`` from stop-word shares, None when the text is too short to say."""
    words = [w.lower() for w in _WORD.findall(text[:4000])]
    if len(words) < 20:
        return None
    ind = sum(w in _INDONESIAN for w in words)
    eng = sum(w in _ENGLISH for w in words)
    if ind == eng == 0:
        return None
    return "id" if ind >= eng else "en"


MIN_ARTICLE_CHARS = 80  # shorter than a headline and a sentence: a menu, a stub, an error page
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+|\n+")
_NON_WORD = re.compile(r"[^\w]+")
MIN_FINGERPRINT_WORDS = 6


def sentence_fingerprints(text: str) -> list[int]:
    """Hashes of the article's normalised sentences (six words or more).

    Syndicated copies of one wire story share most sentences even when outlets change the headline,
    the dateline credit or the closing lines, so shared fingerprints find them.
    """
    out = []
    for sentence in _SENTENCE_END.split(text):
        norm = _NON_WORD.sub(" ", sentence.lower()).strip()
        if norm.count(" ") + 1 >= MIN_FINGERPRINT_WORDS:
            value = int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big", signed=True)
            out.append(value)
    return sorted(set(out))


def clean_page(html: str, url: str) -> CleanedPage:
    """Extract the article text and metadata from one page; raise CleaningError when there is none."""
    if not html or not html.strip():
        raise CleaningError("empty page")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on hostile markup; one page must not stop a run
        raise CleaningError(f"trafilatura failed: {type(exc).__name__}: {exc}") from exc
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise CleaningError(f"no article text found ({len(text)} characters)")
    canonical = canonical_url(doc.url) if doc.url and doc.url.startswith(("http://", "https://")) else canonical_url(url)
    return CleanedPage(
        url=url,
        canonical_url=canonical,
        title=(doc.title or None),
        published=(doc.date or None),
        site_name=(doc.sitename or None),
        language=detect_language(text),
        text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        fingerprints=sentence_fingerprints(text),
    )
