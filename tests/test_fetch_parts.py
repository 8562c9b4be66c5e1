"""Pure parts of fetching: URL canonicalisation, sitemap/feed parsing, sources validation, address safety."""

import pytest

from pantau.urls import canonical_url
from scrapers.feeds import parse_feed, parse_sitemap
from scrapers.safety import Origin, is_public_host
from scrapers.sources import SourcesError, parse_sources


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("HTTPS://Example.co.id:443/berita/a/?utm_source=x&id=3#top", "https://example.co.id/berita/a?id=3"),
        ("https://example.co.id/berita/a/amp", "https://example.co.id/berita/a"),
        ("https://amp.example.co.id/berita/a?amp=1", "https://example.co.id/berita/a"),
        ("https://m.example.co.id/berita/a?fbclid=zz", "https://example.co.id/berita/a"),
        ("http://127.0.0.1:8765/x/y", "http://127.0.0.1:8765/x/y"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_sitemap_index_and_news_sitemap():
    kind, entries = parse_sitemap(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.id/s1.xml</loc>'
        b"<lastmod>2025-11-01</lastmod></sitemap></sitemapindex>"
    )
    assert kind == "index" and entries[0].url == "https://a.id/s1.xml" and entries[0].date.year == 2025
    kind, entries = parse_sitemap(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        b"<url><loc>https://a.id/b</loc><news:news><news:publication_date>2025-11-28T10:00:00+07:00</news:publication_date>"
        b"<news:title>Judul</news:title></news:news></url></urlset>"
    )
    assert kind == "urlset" and entries[0].title == "Judul" and entries[0].date.day == 28


def test_entity_expansion_is_not_performed():
    from devtools.sample_site import _BOMB

    kind, entries = parse_sitemap(_BOMB.encode())
    assert all(len(e.url) < 2048 for e in entries)
    assert "lol" * 100 not in "".join(e.url for e in entries)


def test_rss_atom_and_rdf_feeds():
    rss = b"<rss><channel><item><title>a</title><link>https://a.id/1</link><pubDate>Fri, 28 Nov 2025 08:00:00 +0800</pubDate></item></channel></rss>"
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://a.id/2"/><updated>2025-11-28T00:00:00Z</updated></entry></feed>'
    rdf = b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://a.id/3</link></item></rdf:RDF>'
    assert [e.url for e in parse_feed(rss)] == ["https://a.id/1"]
    assert [e.url for e in parse_feed(atom)] == ["https://a.id/2"]
    assert [e.url for e in parse_feed(rdf)] == ["https://a.id/3"]
    assert parse_feed(b"not xml at all") == []
    assert parse_feed(b"") == []


def test_non_http_links_are_dropped():
    assert parse_feed(b"<rss><channel><item><link>javascript:alert(1)</link></item><item><link>file:///etc/passwd</link></item></channel></rss>") == []


def test_minimal_sources_are_valid():
    sources = parse_sources({"sources": [{"name": "a", "kind": "sitemap", "urls": ["https://a.id/sitemap.xml"]}]})
    assert sources[0].kind == "sitemap" and sources[0].max_age_days is None


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"kind": "rss", "urls": ["https://a.id/f"]}, "'name' is missing"),
        ({"name": "x", "kind": "ftp", "urls": ["https://a.id/f"]}, "source 'x': 'kind'"),
        ({"name": "x", "kind": "rss", "urls": []}, "source 'x': 'urls'"),
        ({"name": "x", "kind": "rss", "urls": ["file:///etc/passwd"]}, "not an http(s) URL"),
        ({"name": "x", "kind": "listing", "urls": ["https://a.id/"]}, "needs 'link_selector'"),
        ({"name": "x", "kind": "rss", "urls": ["https://a.id/"], "colour": "red"}, "unknown key(s) colour"),
    ],
)
def test_malformed_sources_name_the_entry(entry, message):
    with pytest.raises(SourcesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_sources({"sources": [entry]})


def test_sources_yaml_of_the_project_is_valid():
    from pantau.settings import PROJECT_ROOT
    from scrapers.sources import load_sources

    sources = load_sources(PROJECT_ROOT / "scrapers" / "sources.yaml")
    assert len(sources) >= 20
    assert {s.kind for s in sources} >= {"sitemap", "rss", "search"}


@pytest.mark.parametrize(
    "host, public",
    [("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("169.254.169.254", False), ("::1", False),
     ("8.8.8.8", True), ("localhost", False)],
)
def test_public_hosts(host, public):
    assert is_public_host(host) is public


def test_guard_keeps_public_sources_off_private_addresses():
    from scrapy import Request

    from scrapers.middlewares import AddressGuardMiddleware, BlockedAddress

    guard = AddressGuardMiddleware()

    class Spider:
        private_origins = frozenset({Origin("http", "127.0.0.1", 8765)})
        logger = __import__("logging").getLogger("test")

    public_source = {"pantau_private_origins": frozenset()}
    for url in ("http://10.0.0.1/x", "http://127.0.0.1:8765/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x"):
        with pytest.raises(BlockedAddress):
            guard.process_request(Request(url, meta=public_source), Spider())
    # a source configured on a loopback origin may fetch from that same origin, and robots.txt with it
    assert guard.process_request(Request("http://127.0.0.1:8765/a", meta={"pantau_private_origins": Spider.private_origins}), Spider()) is None
    assert guard.process_request(Request("http://127.0.0.1:8765/robots.txt"), Spider()) is None
    for url in ("file:///etc/passwd", "ftp://example.com/x"):
        with pytest.raises(BlockedAddress):
            guard.process_request(Request(url), Spider())


@pytest.mark.parametrize(
    "link, publisher",
    [
        ("https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fkaltim.example.id%2fberita%2f1&c=2", "https://kaltim.example.id/berita/1"),
        ("https://news.example.com/r?u=https://a.id/b", "https://a.id/b"),
        ("https://a.id/direct-article", "https://a.id/direct-article"),
    ],
)
def test_search_feed_links_resolve_to_the_publisher(link, publisher):
    from scrapers.spiders.news import _publisher_url

    assert _publisher_url(link) == publisher
