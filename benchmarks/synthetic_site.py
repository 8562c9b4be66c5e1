"""A synthetic news site for benchmarks: realistic pages (30–150 KB with boilerplate) built from the corpus."""

from __future__ import annotations

import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from devtools.corpus import load_corpus
from devtools.sample_site import render_article

SITEMAP_CHUNK = 1000


def _boilerplate(rng: random.Random, target_bytes: int) -> str:
    parts = []
    size = 0
    n = 0
    while size < target_bytes:
        n += 1
        block = (
            f'<div class="comment" id="c{n}"><b>pembaca{rng.randint(1, 9999)}</b>: Semoga layanan kesehatan di daerah kami makin baik, '
            f"antrean di puskesmas masih panjang dan obat sering kosong. Terima kasih redaksi.</div>\n"
            f'<li><a href="/lain/{rng.randint(1, 10**6)}">Berita lain nomor {n}: jalan rusak, harga cabai, jadwal pemadaman listrik</a></li>\n'
            f"<script>window.__ad_{n} = {{slot: 'sidebar-{n}', sizes: [[300, 250], [336, 280]], refresh: 30}};</script>\n"
        )
        parts.append(block)
        size += len(block)
    return "<aside class='extra'>" + "".join(parts) + "</aside>"


class SyntheticSite:
    """``pages`` article pages (deterministic), a sitemap index, ETag support and a request counter."""

    def __init__(self, pages: int, seed: int = 7):
        self.pages = pages
        corpus = [a for a in load_corpus() if not a.distractor]
        self.article_requests = 0
        self.lock = threading.Lock()
        rng = random.Random(seed)
        self.sizes = [rng.randint(30_000, 150_000) for _ in range(pages)]
        self.sources = [corpus[i % len(corpus)] for i in range(pages)]
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body, ctype="text/html; charset=utf-8", headers=None):
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                base = f"http://{self.headers.get('Host')}"
                path = self.path
                if path == "/robots.txt":
                    return self._send(200, "User-agent: *\nAllow: /\n", "text/plain")
                if path.startswith("/sitemap"):
                    if self.headers.get("If-None-Match") == '"bench-v1"':
                        self.send_response(304)
                        self.end_headers()
                        return
                    if path == "/sitemap.xml":
                        chunks = (site.pages + SITEMAP_CHUNK - 1) // SITEMAP_CHUNK
                        body = "".join(f"<sitemap><loc>{base}/sitemap-{i}.xml</loc></sitemap>" for i in range(chunks))
                        xml = f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
                    else:
                        i = int(path.removeprefix("/sitemap-").removesuffix(".xml"))
                        urls = range(i * SITEMAP_CHUNK, min(site.pages, (i + 1) * SITEMAP_CHUNK))
                        body = "".join(f"<url><loc>{base}/artikel/{n}.html</loc></url>" for n in urls)
                        xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
                    return self._send(200, xml, "application/xml", {"ETag": '"bench-v1"'})
                if path.startswith("/artikel/"):
                    n = int(path.removeprefix("/artikel/").removesuffix(".html"))
                    with site.lock:
                        site.article_requests += 1
                    return self._send(200, site.page(n, base))
                return self._send(404, "not found")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, n: int, base: str) -> str:
        """Page n: a corpus article with its own numbers and id, padded with boilerplate to its size."""
        a = self.sources[n]
        # a distinct story per page: shift the figures so no two pages are copies of each other
        body = a.body.replace(" persen", f",{n % 97:02d} persen") + f"\n\nNomor berita {n}."
        article = type(a)(id=f"b{n}", outlet=a.outlet, path=f"/artikel/{n}.html", title=f"{a.title} ({n})", published=a.published, body=body)
        html = render_article(article, base, [])
        pad = max(0, self.sizes[n] - len(html))
        return html.replace("</body>", _boilerplate(random.Random(n), pad) + "</body>")

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
