"""The bundled sample news site, served on 127.0.0.1 for the demo, the tests and the benchmark.

Three outlets render the corpus articles with their own templates and boilerplate. The site has a
sitemap index, a Google News sitemap, RSS and Atom feeds, a paginated listing and robots.txt, plus
``/_faults/`` pages that misbehave the ways real sites do (for the crawler's tests).
"""

from __future__ import annotations

import html
import itertools
import json
import threading
import time
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .corpus import SAMPLE_SITE_DIR, CorpusArticle, load_corpus

OUTLETS = ("kabarkaltim", "suaralombok", "wartanusantara")
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]


def _human(d: str) -> str:
    y, m, dd = (int(x) for x in d.split("-"))
    return f"{dd} {_MONTHS[m - 1]} {y}"


def _paragraph_html(paragraph: str) -> str:
    """A body paragraph as HTML: runs of "- " lines become a list, runs of "| a | b |" lines a table,
    other lines a paragraph each."""
    out: list[str] = []
    for kind, lines in itertools.groupby(paragraph.splitlines(), key=lambda line: line[:1] if line[:1] in "-|" else "p"):
        rows = [line.strip() for line in lines if line.strip()]
        if kind == "-":
            out.append("<ul>" + "".join(f"<li>{html.escape(r[1:].strip())}</li>" for r in rows) + "</ul>")
        elif kind == "|":
            cells = [[c.strip() for c in r.strip("|").split("|")] for r in rows if not set(r) <= set("|-: ")]
            head, *body = cells
            out.append(
                "<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr>"
                + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in body) + "</table>"
            )
        else:
            out.extend(f"<p>{html.escape(r)}</p>" for r in rows)
    return "\n".join(out)


def render_article(article: CorpusArticle, base: str, related: list[CorpusArticle]) -> str:
    """The article page in its outlet's template."""
    template = (SAMPLE_SITE_DIR / "templates" / f"{article.outlet}.html").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in article.body.strip().split("\n\n") if p.strip()]
    body_html = "\n".join(_paragraph_html(p) for p in paragraphs)
    related_html = "".join(f'<li><a href="{base}/{r.outlet}{r.path}">{html.escape(r.title)}</a></li>' for r in related[:3])
    return template.format(
        title=html.escape(article.title),
        title_json=json.dumps(article.title),
        url=f"{base}/{article.outlet}{article.path}",
        published=article.published,
        published_human=_human(article.published),
        body_html=body_html,
        related_html=related_html,
    )


class SampleSite:
    """A running sample site: ``base_url``, the request log, and ``stop()``."""

    def __init__(self, articles: tuple[CorpusArticle, ...] | None = None, host: str = "127.0.0.1", port: int = 0):
        self.articles = articles if articles is not None else load_corpus()
        self.requests: list[tuple[str, int]] = []
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.slow_seconds = 3.0
        self.article_delay = 0.0  # seconds before each article response (to interrupt a crawl mid-way)
        handler = _make_handler(self)
        self.server = ThreadingHTTPServer((host, port), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def article_urls(self) -> dict[str, str]:
        """Corpus id → the URL the site serves it at."""
        return {a.id: f"{self.base_url}/{a.outlet}{a.path}" for a in self.articles}

    def article_requests(self) -> int:
        """How many requests reached article pages (not feeds, sitemaps or robots.txt)."""
        paths = {f"/{a.outlet}{a.path}" for a in self.articles}
        with self._lock:
            return sum(1 for p, _ in self.requests if urlsplit(p).path.removesuffix("/amp") in paths)

    def record(self, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((path, status))
            self.hits[path] += 1

    def stop(self) -> None:
        """Shut the server down."""
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> SampleSite:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _urlset(entries: list[tuple[str, str]]) -> str:
    rows = "".join(f"<url><loc>{html.escape(u)}</loc><lastmod>{d}</lastmod></url>" for u, d in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'


def _news_sitemap(entries: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f"<url><loc>{html.escape(u)}</loc><news:news><news:publication><news:name>Warta Nusantara</news:name>"
        f"<news:language>id</news:language></news:publication><news:publication_date>{d}T10:00:00+07:00</news:publication_date>"
        f"<news:title>{html.escape(t)}</news:title></news:news></url>"
        for u, d, t in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{rows}</urlset>'
    )


def _rss(title: str, base: str, items: list[CorpusArticle]) -> str:
    rows = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>{base}/{a.outlet}{a.path}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<pubDate>{date.fromisoformat(a.published).strftime('%a, %d %b %Y')} 08:00:00 +0800</pubDate>"
        f"<guid isPermaLink=\"false\">{a.id}</guid></item>"
        for a in items
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title><link>{base}/</link>{rows}</channel></rss>'


def _atom(title: str, base: str, items: list[CorpusArticle]) -> str:
    rows = "".join(
        f'<entry><title>{html.escape(a.title)}</title><link rel="alternate" href="{base}/{a.outlet}{a.path}"/>'
        f"<id>{a.id}</id><updated>{a.published}T08:00:00Z</updated></entry>"
        for a in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{rows}</feed>'


_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>"""


def _make_handler(site: SampleSite) -> type[BaseHTTPRequestHandler]:
    by_path = {f"/{a.outlet}{a.path}": a for a in site.articles}

    class Handler(BaseHTTPRequestHandler):
        server_version = "PantauSampleSite/1.0"

        def log_message(self, *args) -> None:  # the request log is kept in ``site.requests`` instead
            pass

        def _send(self, status: int, body: str | bytes, ctype: str = "text/html; charset=utf-8", headers: dict | None = None) -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for k, val in (headers or {}).items():
                self.send_header(k, val)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
            site.record(self.path, status)

        def _conditional(self, body: str, ctype: str) -> None:
            etag = '"' + str(abs(hash(body))) + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                site.record(self.path, 304)
                return
            self._send(200, body, ctype, {"ETag": etag, "Last-Modified": "Mon, 24 Nov 2025 00:00:00 GMT"})

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:  # noqa: C901 - one flat routing table reads best
            parts = urlsplit(self.path)
            path, query = parts.path, parse_qs(parts.query)
            base = f"http://{self.headers.get('Host') or site.base_url.removeprefix('http://')}"
            xml = "application/xml; charset=utf-8"
            topical = [a for a in site.articles]
            if path == "/robots.txt":
                return self._send(200, f"User-agent: *\nDisallow: /private/\nDisallow: /_faults/forbidden\n\nSitemap: {base}/sitemap.xml\n", "text/plain")
            if path == "/sitemap.xml":
                idx = "".join(
                    f"<sitemap><loc>{base}/{o}</loc><lastmod>2026-11-01</lastmod></sitemap>"
                    for o in ("kabarkaltim/sitemap.xml", "wartanusantara/sitemap-news.xml", "suaralombok/sitemap.xml")
                )
                return self._conditional(f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{idx}</sitemapindex>', xml)
            for outlet in OUTLETS:
                mine = [a for a in topical if a.outlet == outlet]
                if path == f"/{outlet}/sitemap.xml":
                    return self._conditional(_urlset([(f"{base}/{a.outlet}{a.path}", a.published) for a in mine]), xml)
                if path == f"/{outlet}/sitemap-news.xml":
                    return self._conditional(_news_sitemap([(f"{base}/{a.outlet}{a.path}", a.published, a.title) for a in mine]), xml)
                if path == f"/{outlet}/rss.xml":
                    return self._conditional(_rss(outlet, base, mine), "application/rss+xml; charset=utf-8")
                if path == f"/{outlet}/atom.xml":
                    return self._conditional(_atom(outlet, base, mine), "application/atom+xml; charset=utf-8")
                if path == f"/{outlet}/indeks":
                    page = int(query.get("page", ["1"])[0])
                    chunk = mine[(page - 1) * 3 : page * 3]
                    links = "".join(f'<div class="item"><a class="headline" href="/{a.outlet}{a.path}">{html.escape(a.title)}</a></div>' for a in chunk)
                    nxt = f'<a class="next" href="/{outlet}/indeks?page={page + 1}">Berikutnya</a>' if page * 3 < len(mine) else ""
                    return self._send(200, f"<html><body><nav>menu</nav><div class='index'>{links}</div>{nxt}</body></html>")
            article_path = path.removesuffix("/amp")
            if article_path in by_path:
                if site.article_delay:
                    time.sleep(site.article_delay)
                a = by_path[article_path]
                related = [r for r in site.articles if r.outlet == a.outlet and r.id != a.id]
                return self._send(200, render_article(a, base, related))
            if path.startswith("/_faults/"):
                return self._fault(path, base)
            if path.startswith("/private/"):
                return self._send(200, "<html><body>private</body></html>")
            return self._send(404, "<html><body><h1>404 Halaman tidak ditemukan</h1></body></html>")

        def _fault(self, path: str, base: str) -> None:
            first = site.hits[path] == 0
            story = next((a for a in site.articles if not a.distractor), None)
            page = render_article(story, base, []) if story else "<html></html>"
            name = path.removeprefix("/_faults/")
            if name == "sitemap.xml":
                names = ("flaky", "ratelimited", "slow", "huge", "empty", "redirect", "cp1252", "missing", "forbidden")
                return self._send(200, _urlset([(f"{base}/_faults/{n}", "2025-11-01") for n in names]), "application/xml")
            if name == "flaky":  # 500 once, then fine
                return self._send(500, "error") if first else self._send(200, page)
            if name == "ratelimited":
                return self._send(429, "slow down", headers={"Retry-After": "1"}) if first else self._send(200, page)
            if name == "slow":
                time.sleep(site.slow_seconds)
                return self._send(200, page)
            if name == "huge":
                return self._send(200, "<html><body>" + "<p>x</p>" * 2_000_000 + "</body></html>")
            if name == "empty":
                return self._send(200, "")
            if name == "redirect":
                self.send_response(301)
                self.send_header("Location", f"{base}/{story.outlet}{story.path}")
                self.end_headers()
                return site.record(self.path, 301)
            if name == "cp1252":
                body = page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
                body = body.replace("Kabar Kaltim", "Kabar Kaltim \u2013 \u201cberita\u201d")
                return self._send(200, body.encode("cp1252", errors="replace"), "text/html")
            if name == "bomb-sitemap.xml":
                return self._send(200, _BOMB, "application/xml")
            return self._send(404, "not here")

    return Handler


def write_demo_sources(base_url: str, path: Path) -> Path:
    """The sources file of the demo: the sample site's sitemap, RSS and Atom feeds at ``base_url``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# The bundled sample site, served by `pantau demo` / `make ui-demo` on 127.0.0.1\n"
        "sources:\n"
        f"  - name: sample-sitemap\n    kind: sitemap\n    urls: [{base_url}/sitemap.xml]\n"
        f"  - name: sample-rss\n    kind: rss\n    urls: [{base_url}/suaralombok/rss.xml]\n"
        f"  - name: sample-atom\n    kind: rss\n    urls: [{base_url}/kabarkaltim/atom.xml]\n",
        encoding="utf-8",
    )
    return path


def main() -> None:
    """Serve the sample site in the foreground: ``python -m devtools.sample_site [PORT]``."""
    import sys

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    site = SampleSite(port=port)
    print(f"sample site on {site.base_url} (Ctrl-C to stop)")
    try:
        site.thread.join()
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
