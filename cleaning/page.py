"""Cleaning: raw HTML → article text and metadata with trafilatura, plus language and a similarity hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from htmldate import find_date

from pantau.urls import canonical_url

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


def _first(tree, xpaths: tuple[str, ...]) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            value = " ".join(str(value).split())
            if value:
                return value
    return None


def page_metadata(tree) -> dict[str, str | None]:
    """Title, publication date, site name and canonical URL from a parsed page.

    trafilatura's own metadata pass also looks for authors and categories, which Pantau does not use and
    which cost as much as the text extraction itself; this reads the same head tags the press sets, and
    htmldate (trafilatura's date library) for the date.
    """
    title = _first(tree, ("//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content", "//h1//text()", "//title/text()"))
    site = _first(tree, ("//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content"))
    canonical = _first(tree, ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"))
    published = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return {"title": title, "published": published, "site_name": site, "canonical": canonical}


# Characters XML 1.0 forbids. lxml's HTML parser keeps them in the tree, but trafilatura copies text into
# new elements and lxml refuses to set such text (ValueError), which trafilatura takes for "nothing
# extractable": one stray \x01 anywhere loses the whole article. Vertical tab, form feed and the
# information separators are spacing, the rest (C0 controls, lone surrogates, U+FFFE/U+FFFF) is noise.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_INVALID_AS_SPACE = dict.fromkeys(map(ord, "\x0b\x0c\x1c\x1d\x1e\x1f"), " ")


def strip_control_characters(html: str) -> str:
    """``html`` without the characters XML cannot hold (tab, newline and carriage return are kept)."""
    if _XML_INVALID.search(html) is None:  # the common case costs one scan and no copy
        return html
    return _XML_INVALID.sub("", html.translate(_XML_INVALID_AS_SPACE))


def clean_page(html: str, url: str) -> CleanedPage:
    """Extract the article text and metadata from one page; raise CleaningError when there is none."""
    if not html or not html.strip():
        raise CleaningError("empty page")
    html = strip_control_characters(html)
    try:
        tree = lxml.html.fromstring(html)
        meta = page_metadata(tree)
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=False,
            include_comments=False,
            include_tables=True,  # news tables carry figures by region ("| Kota Bontang | 100,11% |")
            include_images=False,
            deduplicate=False,
        )
    except Exception as exc:  # hostile markup can make lxml or trafilatura raise anything; one page must not stop a run
        raise CleaningError(f"trafilatura failed: {type(exc).__name__}: {exc}") from exc
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise CleaningError(f"no article text found ({len(text)} characters)")
    canonical = meta["canonical"]
    canonical = canonical_url(canonical) if canonical and canonical.startswith(("http://", "https://")) else canonical_url(url)
    return CleanedPage(
        url=url,
        canonical_url=canonical,
        title=meta["title"],
        published=meta["published"],
        site_name=meta["site_name"],
        language=detect_language(text),
        text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        fingerprints=sentence_fingerprints(text),
    )
