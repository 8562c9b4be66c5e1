"""Parsing sitemaps and RSS/Atom feeds safely: no entity expansion, no network, no DTD loading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True, remove_comments=True)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One link a sitemap or feed lists, with the date it gives, if any."""

    url: str
    date: datetime | None = None
    title: str | None = None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _root(body: bytes):
    if not body or not body.strip():
        return None
    try:
        return etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return None


def parse_sitemap(body: bytes) -> tuple[str, list[FeedEntry]]:
    """``("index", child sitemaps)`` or ``("urlset", article URLs)``; ``("invalid", [])`` when unreadable.

    Google News sitemaps give ``news:publication_date`` and ``news:title``; plain ones ``lastmod``.
    """
    root = _root(body)
    if root is None:
        return "invalid", []
    kind = {"sitemapindex": "index", "urlset": "urlset"}.get(_local(root.tag), "invalid")
    entries: list[FeedEntry] = []
    for node in root:
        loc = lastmod = title = None
        for child in node.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name in ("lastmod", "publication_date") and text:
                lastmod = lastmod or text
            elif name == "title" and text:
                title = text
        if loc and loc.startswith(("http://", "https://")) and len(loc) < 2048:
            entries.append(FeedEntry(loc, _parse_date(lastmod), title))
    return kind, entries


def parse_feed(body: bytes) -> list[FeedEntry]:
    """Article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed."""
    root = _root(body)
    if root is None:
        return []
    entries: list[FeedEntry] = []
    for node in root.iter():
        name = _local(node.tag)
        if name not in ("item", "entry"):
            continue
        link = date = title = None
        for child in node:
            cname = _local(child.tag)
            if cname == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = href.strip()
                elif not href and child.text and child.text.strip():
                    link = child.text.strip()
            elif cname in ("pubDate", "published", "updated", "date") and child.text:
                date = date or _parse_date(child.text)
            elif cname == "title" and child.text:
                title = child.text.strip()
            elif cname == "guid" and not link and child.get("isPermaLink", "true") == "true" and child.text:
                link = child.text.strip()
        if link and link.startswith(("http://", "https://")):
            entries.append(FeedEntry(link, date, title))
    return entries
