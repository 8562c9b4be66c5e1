"""One generic news spider driven by ``sources.yaml``: sitemaps, RSS/Atom, listings and search feeds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip

from pantau.urls import canonical_url

from ..feeds import FeedEntry, parse_feed, parse_sitemap
from ..safety import private_origins
from ..sources import Source, load_sources

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
HTML_TYPES = (b"text/html", b"application/xhtml")


class NewsSpider(scrapy.Spider):
    """Discover article URLs from each source and fetch the ones not stored yet.

    Arguments (``-a``): ``sources`` (YAML file), ``known`` (file of stored URLs, one a line, skipped),
    ``validators`` (JSON of feed ETag/Last-Modified, read and rewritten after a finished crawl).
    """

    name = "news"

    def __init__(self, sources: str, known: str | None = None, validators: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = {s.name: s for s in load_sources(sources)}
        self.known: set[str] = set()
        if known and Path(known).exists():
            self.known = {line.strip() for line in Path(known).read_text(encoding="utf-8").splitlines() if line.strip()}
        self.validators_path = Path(validators) if validators else None
        self.validators: dict[str, dict[str, str]] = {}
        if self.validators_path and self.validators_path.exists():
            self.validators = json.loads(self.validators_path.read_text(encoding="utf-8") or "{}")
        self.new_validators = dict(self.validators)
        # Origins that configured sources put on non-public addresses: reachable, but only by their source.
        self.private_by_source = {s.name: private_origins(s.urls) for s in self.sources.values()}
        self.private_origins = frozenset().union(*self.private_by_source.values())
        self.queued: set[str] = set()

    # --- discovery -------------------------------------------------------------------------------
    async def start(self):
        for source in self.sources.values():
            for url in source.urls:
                yield self._discovery(source, url)

    def _meta(self, source: Source, **extra) -> dict:
        return {"pantau_source": source.name, "pantau_private_origins": self.private_by_source[source.name], **extra}

    def _discovery(self, source: Source, url: str, page: int = 1) -> scrapy.Request:
        headers = {}
        cached = self.validators.get(url, {})
        if cached.get("etag"):
            headers["If-None-Match"] = cached["etag"]
        if cached.get("last_modified"):
            headers["If-Modified-Since"] = cached["last_modified"]
        return scrapy.Request(
            url,
            callback=self.parse_discovery,
            errback=self.on_error,
            headers=headers,
            dont_filter=True,
            priority=10,
            meta=self._meta(source, handle_httpstatus_list=[304], pantau_page=page, pantau_role="discovery"),
        )

    def _horizon(self, source: Source) -> datetime | None:
        return datetime.now(UTC) - timedelta(days=source.max_age_days) if source.max_age_days else None

    def parse_discovery(self, response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["pantau_source"]]
        self.crawler.stats.inc_value("pantau/discovery_pages")
        if response.status == 304:
            self.crawler.stats.inc_value("pantau/discovery_not_modified")
            return
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        if etag or modified:
            self.new_validators[response.url] = {
                "etag": etag.decode("latin-1") if etag else "",
                "last_modified": modified.decode("latin-1") if modified else "",
            }
        horizon = self._horizon(source)
        if source.kind == "sitemap":
            body = response.body
            if body[:2] == b"\x1f\x8b":
                body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
            kind, entries = parse_sitemap(body)
            if kind == "invalid":
                yield from self._error_item(response.url, source.name, response.status, "unreadable sitemap")
                return
            for entry in entries:
                if horizon and entry.date and entry.date < horizon:
                    continue
                if kind == "index":
                    yield self._discovery(source, entry.url)
                else:
                    yield from self._article(source, entry)
        elif source.kind in ("rss", "search"):
            entries = parse_feed(response.body)
            if not entries and response.body.strip():
                yield from self._error_item(response.url, source.name, response.status, "unreadable feed")
            for entry in entries:
                if horizon and entry.date and entry.date < horizon:
                    continue
                url = _publisher_url(entry.url) if source.kind == "search" else entry.url
                yield from self._article(source, FeedEntry(url, entry.date, entry.title))
        elif source.kind == "listing":
            for href in response.css(source.link_selector + "::attr(href)").getall():
                yield from self._article(source, FeedEntry(urljoin(response.url, href.strip())))
            page = response.meta.get("pantau_page", 1)
            if source.next_selector and page < source.max_pages:
                nxt = response.css(source.next_selector + "::attr(href)").get()
                if nxt:
                    yield self._discovery(source, urljoin(response.url, nxt.strip()), page + 1)

    def _article(self, source: Source, entry: FeedEntry) -> Iterator[scrapy.Request]:
        url = entry.url
        canonical = canonical_url(url)
        if source.allow and not any(a in url for a in source.allow):
            return
        if any(d in url for d in source.deny):
            return
        if canonical in self.known or url in self.known:
            self.crawler.stats.inc_value("pantau/article_skipped_known")
            return
        if canonical in self.queued:
            return
        self.queued.add(canonical)
        self.crawler.stats.inc_value("pantau/article_requested")
        yield scrapy.Request(url, callback=self.parse_article, errback=self.on_error, meta=self._meta(source, pantau_role="article", pantau_listed=url))

    # --- pages and failures ----------------------------------------------------------------------
    def parse_article(self, response):
        source = response.meta["pantau_source"]
        ctype = response.headers.get(b"Content-Type", b"").lower()
        if ctype and not ctype.startswith(HTML_TYPES):
            yield from self._error_item(response.url, source, response.status, f"not HTML: {ctype.decode('latin-1')}")
            return
        try:
            text = response.text
        except AttributeError:  # a non-text response Scrapy could not decode
            yield from self._error_item(response.url, source, response.status, "undecodable body")
            return
        self.crawler.stats.inc_value("pantau/article_fetched")
        yield {
            "type": "page",
            "url": response.url,
            "listed_url": response.meta.get("pantau_listed", response.url),
            "source": source,
            "status": response.status,
            "fetched_at": datetime.now(UTC).isoformat(),
            "content_type": ctype.decode("latin-1"),
            "encoding": getattr(response, "encoding", None),
            "html": text,
        }

    def on_error(self, failure):
        request = failure.request
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
        message = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500]
        self.crawler.stats.inc_value("pantau/fetch_error")
        yield from self._error_item(request.url, request.meta.get("pantau_source"), status, message)

    def _error_item(self, url: str, source: str | None, status: int | None, error: str):
        yield {
            "type": "error",
            "url": url,
            "source": source,
            "status": status,
            "error": error,
            "occurred_at": datetime.now(UTC).isoformat(),
        }

    def closed(self, reason: str) -> None:
        # Validators are kept only when the crawl finished: after a kill the next run must see the feeds
        # again (a 304 would hide the articles this run never got to).
        if reason == "finished" and self.validators_path:
            self.validators_path.parent.mkdir(parents=True, exist_ok=True)
            self.validators_path.write_text(json.dumps(self.new_validators, indent=1), encoding="utf-8")


def _publisher_url(url: str) -> str:
    """Search feeds (Bing News and the like) wrap the publisher's URL in a click-tracking link."""
    query = parse_qs(urlsplit(url).query)
    for key in ("url", "u", "q"):
        for value in query.get(key, []):
            if value.startswith(("http://", "https://")):
                return value
    return url
