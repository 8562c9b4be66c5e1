"""Web archives made for the tests and the benchmark: CC-NEWS-shaped WARC files, and a server for them.

A file holds, like a CC-NEWS file, one gzip member per record: a ``warcinfo`` record, then for each page
a ``request`` and a ``response`` record. The pages are the bundled corpus rendered by the sample site's
templates, mixed with many synthetic off-topic pages (Indonesian sport and business news, English,
Spanish-like and German-like filler, all generated here from word lists, no real text). Faults can be
injected: a gzip member cut short, a record whose Content-Length is wrong, a non-HTML payload, a huge
record.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import random
import threading
import uuid
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from devtools.corpus import load_corpus
from devtools.sample_site import render_article

ARCHIVE_BASE = "https://arsip-berita.example"  # where the archived corpus pages claim to have lived

_WORDS = {
    "id_sport": (
        "pertandingan tim sepak bola pelatih gol babak kedua stadion liga pemain penonton menang kalah skor "
        "kompetisi musim klub laga tandang kandang wasit penalti juara turnamen bulu tangkis atlet medali"
    ).split(),
    "id_business": (
        "harga saham bursa pasar investor ekspor impor pabrik produksi rupiah dolar inflasi bank kredit "
        "perusahaan laba penjualan toko konsumen usaha kecil menengah pertanian panen beras cabai nelayan"
    ).split(),
    "en": (
        "the council said on tuesday that a new bridge would open next spring after years of delays and "
        "rising costs while residents asked for more buses trains and cheaper housing in the city centre"
    ).split(),
    "es": (
        "el ayuntamiento anunció que la nueva biblioteca abrirá sus puertas en verano con más salas para "
        "estudiantes y vecinos del barrio mientras continúan las obras en la plaza mayor"
    ).split(),
    "de": (
        "die stadt plant einen neuen radweg entlang des flusses und die bürger können bis ende des monats "
        "ihre vorschläge einreichen während die bauarbeiten am bahnhof weitergehen"
    ).split(),
}
_HOSTS = {
    "id_sport": "olahraga-harian.example",
    "id_business": "ekonomi-pekan.example",
    "en": "city-gazette.example",
    "es": "diario-local.example",
    "de": "stadtblatt.example",
}
_LANG = {"id_sport": "id", "id_business": "id", "en": "en", "es": "es", "de": "de"}


@dataclass(frozen=True)
class ArchivedPage:
    """One page to archive: its URL, capture time and HTML (or another payload)."""

    url: str
    captured: datetime
    body: bytes
    content_type: str = "text/html; charset=UTF-8"
    relevant: bool = False  # written by the corpus, for the tests' bookkeeping only


def corpus_pages(base: str = ARCHIVE_BASE) -> list[ArchivedPage]:
    """The bundled corpus as archived pages, each captured on the day after its publication."""
    corpus = load_corpus()
    pages = []
    for article in corpus:
        html = render_article(article, base, [])
        captured = datetime.fromisoformat(article.published).replace(tzinfo=UTC) + timedelta(days=1, hours=3)
        pages.append(ArchivedPage(f"{base}/{article.outlet}{article.path}", captured, html.encode("utf-8"), relevant=not article.distractor))
    return pages


def _sentence(rng: random.Random, words: list[str]) -> str:
    n = rng.randint(8, 18)
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def synthetic_page(rng: random.Random, kind: str, n: int, captured: datetime, target_bytes: int = 6000) -> ArchivedPage:
    """An off-topic page of about ``target_bytes`` of HTML, in the language of ``kind``."""
    words = _WORDS[kind]
    title = _sentence(rng, words)[:70]
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        p = " ".join(_sentence(rng, words) for _ in range(rng.randint(3, 6)))
        paragraphs.append(f"<p>{p}</p>")
        size += len(p) + 7
    nav = "".join(f'<li><a href="/rubrik/{w}">{w}</a></li>' for w in words[:12])
    html = (
        f'<!DOCTYPE html><html lang="{_LANG[kind]}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}"><meta property="article:published_time" content="{captured:%Y-%m-%d}">'
        f'</head><body><nav><ul>{nav}</ul></nav><article><h1>{title}</h1>{"".join(paragraphs)}</article>'
        f"<footer>&copy; {_HOSTS[kind]}</footer></body></html>"
    )
    url = f"https://{_HOSTS[kind]}/{captured:%Y/%m/%d}/berita-{n}"
    return ArchivedPage(url, captured, html.encode("utf-8"))


def mixed_pages(
    n_offtopic: int, seed: int = 7, month: str = "2019-03", relevant: Iterable[ArchivedPage] = (), target_bytes: int = 6000
) -> Iterator[ArchivedPage]:
    """``relevant`` pages spread evenly among ``n_offtopic`` synthetic pages captured in ``month``."""
    rng = random.Random(seed)
    relevant = list(relevant)
    start = datetime.fromisoformat(f"{month}-01").replace(tzinfo=UTC)
    kinds = list(_WORDS)
    every = max(1, n_offtopic // (len(relevant) + 1))
    r = 0
    for i in range(n_offtopic):
        if relevant and r < len(relevant) and i % every == every // 2:
            yield relevant[r]
            r += 1
        captured = start + timedelta(minutes=7 * i)
        yield synthetic_page(rng, kinds[i % len(kinds)], seed * 1_000_000 + i, captured, target_bytes)
    yield from relevant[r:]


# --- WARC records -----------------------------------------------------------------------------


def _record(warc_type: str, headers: dict[str, str], block: bytes, content_length: int | None = None) -> bytes:
    head = {
        "WARC-Type": warc_type,
        "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(bytes=hashlib.md5(block + warc_type.encode()).digest())}>",
        **headers,
        "Content-Length": str(len(block) if content_length is None else content_length),
    }
    lines = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head.items()) + "\r\n"
    return lines.encode("utf-8") + block + b"\r\n\r\n"


def _member(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _date(d: datetime) -> str:
    return d.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def page_records(page: ArchivedPage, content_length_delta: int = 0) -> tuple[bytes, bytes]:
    """The request and response records (uncompressed) of one page."""
    path = "/" + page.url.split("/", 3)[3] if page.url.count("/") >= 3 else "/"
    host = page.url.split("/")[2]
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: PantauArchiveFixture/1.0\r\n\r\n".encode()
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {page.content_type}\r\nContent-Length: {len(page.body)}\r\n\r\n"
    ).encode() + page.body
    common = {"WARC-Target-URI": page.url, "WARC-Date": _date(page.captured)}
    digest = "sha1:" + base64.b32encode(hashlib.sha1(page.body).digest()).decode()
    req = _record("request", {**common, "Content-Type": "application/http; msgtype=request"}, request)
    resp_len = len(http) + content_length_delta if content_length_delta else None
    resp = _record("response", {**common, "Content-Type": "application/http; msgtype=response", "WARC-IP-Address": "192.0.2.10", "WARC-Payload-Digest": digest}, http, resp_len)
    return req, resp


@dataclass
class WarcWriteResult:
    """What a generated file holds."""

    path: Path
    pages: int
    relevant: int
    faults: list[str]


def write_warc(path: Path, pages: Iterable[ArchivedPage], faults: dict[int, str] | None = None) -> WarcWriteResult:
    """Write a CC-NEWS-shaped ``.warc.gz``; ``faults`` maps a page's position to a fault to inject.

    Faults: ``truncated`` (the response's gzip member is cut in half), ``bad_length`` (Content-Length
    says 4 KB more than the record holds), ``huge`` (the payload is replaced by 40 MB of HTML).
    A non-HTML payload is simply a page whose ``content_type`` is not HTML.
    """
    faults = faults or {}
    path.parent.mkdir(parents=True, exist_ok=True)
    n = relevant = 0
    with path.open("wb") as out:
        info = b"software: pantau devtools\r\nformat: WARC File Format 1.0\r\n"
        out.write(_member(_record("warcinfo", {"WARC-Date": "2019-03-01T00:00:00Z", "WARC-Filename": path.name, "Content-Type": "application/warc-fields"}, info)))
        for i, page in enumerate(pages):
            fault = faults.get(i)
            if fault == "huge":
                filler = b"<p>" + b"data " * 2000 + b"</p>\n"
                body = b"<html><body>" + filler * (40 * 1024 * 1024 // len(filler)) + b"</body></html>"
                page = ArchivedPage(page.url, page.captured, body)
            req, resp = page_records(page, content_length_delta=4096 if fault == "bad_length" else 0)
            out.write(_member(req))
            member = _member(resp)
            out.write(member[: len(member) // 2] if fault == "truncated" else member)
            n += 1
            relevant += page.relevant and fault is None
    return WarcWriteResult(path, n, relevant, sorted(faults.values()))


def write_paths_gz(path: Path, relative_paths: list[str]) -> None:
    """A ``warc.paths.gz`` listing like Common Crawl's (one path per line, relative to the data host)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(("\n".join(relative_paths) + "\n").encode(), mtime=0))


def cc_news_tree(root: Path, months: dict[str, list[list[ArchivedPage]]]) -> list[str]:
    """A local mirror of ``crawl-data/CC-NEWS/YYYY/MM/`` with one ``warc.paths.gz`` per month.

    ``months`` maps ``YYYY-MM`` to the pages of each of its files; returns every file's relative path.
    """
    every = []
    for month, files in months.items():
        year, mm = month.split("-")
        rels = []
        for k, pages in enumerate(files):
            rel = f"crawl-data/CC-NEWS/{year}/{mm}/CC-NEWS-{year}{mm}01000000-{k:05d}.warc.gz"
            write_warc(root / rel, pages)
            rels.append(rel)
        write_paths_gz(root / f"crawl-data/CC-NEWS/{year}/{mm}/warc.paths.gz", rels)
        every += rels
    return every


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the tests read the server's own log instead
        pass


class ArchiveServer:
    """A folder served over HTTP on 127.0.0.1 (``base_url``), the way a web archive serves its files."""

    def __init__(self, root: Path, port: int = 0):
        self.root = root
        self.server = ThreadingHTTPServer(("127.0.0.1", port), partial(_QuietHandler, directory=str(root)))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> ArchiveServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def gunzip_members(data: bytes) -> Iterator[bytes]:
    """The decompressed gzip members of ``data`` one by one (for the tests' own checks)."""
    rest = data
    while rest:
        d = zlib.decompressobj(31)
        yield d.decompress(rest)
        rest = d.unused_data


__all__ = ["ArchiveServer", "ArchivedPage", "cc_news_tree", "corpus_pages", "mixed_pages", "write_paths_gz", "write_warc"]
