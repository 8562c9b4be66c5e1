"""The crawler's address rule: a private address is reachable only at the origin of a configured URL."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from scrapy import Request

from scrapers.middlewares import AddressGuardMiddleware, BlockedAddress
from scrapers.safety import Origin, is_url_allowed, origin_of, private_origins, url_refusal

ARTICLE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>"
    + "Pemerintah kabupaten menambah anggaran iuran JKN agar warga miskin tetap terdaftar di BPJS Kesehatan. " * 6
    + "</p></article></body></html>"
)


@pytest.mark.parametrize(
    "url, origin",
    [
        ("http://127.0.0.1:8765/a", Origin("http", "127.0.0.1", 8765)),
        ("HTTP://LocalHost/a", Origin("http", "localhost", 80)),
        ("https://10.1.2.3/x?y=1", Origin("https", "10.1.2.3", 443)),
        ("http://[::1]:9000/", Origin("http", "::1", 9000)),
        ("ftp://127.0.0.1/a", None),
        ("http://127.0.0.1:notaport/a", None),
        ("http:///nohost", None),
    ],
)
def test_origin_of(url, origin):
    assert origin_of(url) == origin


def test_private_origins_keep_only_non_public_addresses():
    urls = ["http://127.0.0.1:8001/feed.xml", "http://127.0.0.1:8001/other.xml", "http://10.0.0.5/sitemap.xml", "https://8.8.8.8/x"]
    assert private_origins(urls) == {Origin("http", "127.0.0.1", 8001), Origin("http", "10.0.0.5", 80)}


def test_the_rule_is_scoped_to_scheme_host_and_port():
    allowed = private_origins(["http://127.0.0.1:8001/feed.xml"])
    assert is_url_allowed("http://127.0.0.1:8001/berita/1", allowed)
    assert not is_url_allowed("http://127.0.0.1:8002/berita/1", allowed)  # another port
    assert not is_url_allowed("https://127.0.0.1:8001/berita/1", allowed)  # another scheme
    assert not is_url_allowed("http://localhost:8001/berita/1", allowed)  # another host name, same machine
    assert not is_url_allowed("http://169.254.169.254/latest/meta-data", allowed)
    assert not is_url_allowed("http://127.0.0.1:8001/berita/1")  # nothing allowed: no private address at all
    assert is_url_allowed("http://8.8.8.8/berita/1")  # public addresses need no permission
    assert url_refusal("file:///etc/passwd", allowed) == "scheme 'file' is not allowed"
    # the default port written out or left implicit is the same origin
    assert is_url_allowed("http://10.0.0.5:80/a", private_origins(["http://10.0.0.5/"]))


def test_guard_uses_the_sources_origins_and_the_spiders_for_robots_txt():
    guard = AddressGuardMiddleware()

    class Spider:
        private_origins = private_origins(["http://127.0.0.1:8765/feed.xml"])
        logger = logging.getLogger("test")

    source_meta = {"pantau_private_origins": Spider.private_origins}
    assert guard.process_request(Request("http://127.0.0.1:8765/a", meta=source_meta), Spider()) is None
    with pytest.raises(BlockedAddress):
        guard.process_request(Request("http://127.0.0.1:8766/a", meta=source_meta), Spider())
    # a public source's request may not use another source's private origin
    with pytest.raises(BlockedAddress):
        guard.process_request(Request("http://127.0.0.1:8765/a", meta={"pantau_private_origins": frozenset()}), Spider())
    assert guard.process_request(Request("http://127.0.0.1:8765/robots.txt"), Spider()) is None
    with pytest.raises(BlockedAddress):
        guard.process_request(Request("http://127.0.0.1:8766/robots.txt"), Spider())


class _Server:
    """A tiny site on a free loopback port, recording every path asked for."""

    def __init__(self, routes):
        self.hits: list[str] = []
        self.routes = routes
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the http.server API)
                server.hits.append(self.path)
                status, headers, body = server.routes(self.path)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                data = body.encode()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def two_sites() -> Iterator[tuple[_Server, _Server]]:
    """Site A (a feed, articles, redirects) and site B on another port of the same loopback address."""
    other = _Server(lambda path: (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE.format(title="Halaman B")))
    html = {"Content-Type": "text/html; charset=utf-8"}

    def routes(path):
        if path == "/feed.xml":
            items = [f"{own.base}/berita/sama", f"{other.base}/berita/lain", f"{own.base}/pindah-lain", f"{own.base}/pindah-sama"]
            body = "".join(f"<item><title>t</title><link>{u}</link></item>" for u in items)
            return 200, {"Content-Type": "application/rss+xml"}, f'<?xml version="1.0"?><rss version="2.0"><channel><title>A</title>{body}</channel></rss>'
        if path == "/pindah-lain":
            return 302, {"Location": f"{other.base}/berita/tujuan"}, ""
        if path == "/pindah-sama":
            return 302, {"Location": f"{own.base}/berita/tujuan-sama"}, ""
        if path.startswith("/berita/"):
            return 200, html, ARTICLE.format(title=f"Halaman A {path}")
        return 404, html, "tidak ada"

    own = _Server(routes)
    try:
        yield own, other
    finally:
        own.close()
        other.close()


@pytest.mark.e2e
def test_a_feed_on_one_port_cannot_make_the_crawler_fetch_another_port(tmp_path):
    from .test_crawl import crawl, rows

    with two_sites() as (a, b):
        wh = crawl(tmp_path, [{"name": "a", "kind": "rss", "urls": [f"{a.base}/feed.xml"]}])
        b_hits = list(b.hits)
    stored = {r[0] for r in rows(wh, "select url from raw.pages")}
    # same origin works, a same-origin redirect too; neither the link nor the redirect to B reached B
    assert stored == {f"{a.base}/berita/sama", f"{a.base}/berita/tujuan-sama"}
    assert b_hits == []
    errors = {r[0] for r in rows(wh, "select url from raw.fetch_errors")}
    assert f"{b.base}/berita/lain" in errors and f"{b.base}/berita/tujuan" in errors
