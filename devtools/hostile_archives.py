"""Hostile web archives and file lists, generated here for the tests and ``devtools.hostile_backfill``.

Each is what a stranger could serve: records whose Content-Length lies (10 GB; 5 MB too long), a file
cut inside its last record, decompression bombs (an archived page's Content-Encoding, an archive served
with HTTP Content-Encoding, a ``warc.paths.gz``), file lists naming local files, other schemes and
other origins, redirects to refused addresses and 404s. Bombs are built from one compressed block
repeated, so a gigabyte costs a megabyte and a fraction of a second to write.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import threading
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from devtools.warc_archives import ArchivedPage, _member, _record, mixed_pages, page_records, write_warc

GIB = 1 << 30
GOOD_AFTER = 8  # good records written after each lying one


def gzip_of_repeated(chunk: bytes, times: int, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """A gzip member of ``prefix + chunk * times + suffix``, written without compressing it all: each
    chunk is flushed to a byte boundary with no history, so its compressed form repeats."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(suffix) + c.flush()
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    size = (len(prefix) + len(chunk) * times + len(suffix)) & 0xFFFFFFFF
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head + block * times + tail + struct.pack("<II", crc & 0xFFFFFFFF, size)


def good_pages(n: int = GOOD_AFTER, seed: int = 11) -> list[ArchivedPage]:
    """``n`` ordinary off-topic pages (the records a lying one must not take with it)."""
    return list(mixed_pages(n, seed=seed))


def _response_record(url: str, when: datetime, http: bytes, payload_digest_of: bytes, content_length: int | None = None) -> bytes:
    digest = "sha1:" + base64.b32encode(hashlib.sha1(payload_digest_of).digest()).decode()
    headers = {"WARC-Target-URI": url, "WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
               "Content-Type": "application/http; msgtype=response", "WARC-Payload-Digest": digest}
    return _record("response", headers, http, content_length)


def _write(path: Path, members: list[bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(members))
    return path


@dataclass
class Hostile:
    """One hostile file: where it is, the URLs of the good pages it holds, what must be listed as skipped."""

    path: Path
    good_urls: set[str]
    skip_reason: str  # a word the skip's reason holds
    served_headers: dict[str, str] = field(default_factory=dict)  # how to serve it (Content-Encoding)


def lying_length(path: Path, extra: int, seed: int = 11) -> Hostile:
    """A record whose Content-Length says ``extra`` bytes more than it holds, then good records."""
    when = datetime(2019, 3, 5, tzinfo=UTC)
    liar = ArchivedPage("https://kabar-daerah.example/2019/03/liar", when, b"<html><body><p>BPJS Kesehatan JKN</p></body></html>")
    _, resp = page_records(liar)
    cl = int(resp.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0])
    resp = resp.replace(f"Content-Length: {cl}\r\n".encode(), f"Content-Length: {cl + extra}\r\n".encode(), 1)
    good = good_pages(seed=seed)
    members = [_member(resp)] + [_member(page_records(p)[1]) for p in good]
    reason = "too large" if extra > 10 << 20 else "cut short"
    return Hostile(_write(path, members), {p.url for p in good}, reason)


def cut_in_last_record(path: Path, compressed: bool = True) -> Hostile:
    """Good records, then a last one cut half-way (a gzip member, or plain WARC bytes)."""
    good = good_pages(seed=12)
    last = ArchivedPage("https://kabar-daerah.example/2019/03/cut", datetime(2019, 3, 6, tzinfo=UTC),
                        b"<html><body>" + b"<p>Peserta BPJS Kesehatan bertambah.</p>" * 200 + b"</body></html>")
    pack = _member if compressed else (lambda b: b)
    members = [pack(page_records(p)[1]) for p in good]
    tail = pack(page_records(last)[1])
    return Hostile(_write(path, [*members, tail[: len(tail) // 2]]), {p.url for p in good}, "cut short|damaged")


def payload_bomb(path: Path, inflated: int = GIB) -> Hostile:
    """An archived page whose HTTP Content-Encoding gzip inflates to ``inflated`` bytes, then good records."""
    chunk = (b"<p>BPJS Kesehatan JKN</p>\n" * 40)[:1024]
    body = gzip_of_repeated(chunk, inflated // 1024, b"<html><body>", b"</body></html>")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    bomb = _response_record("https://kabar-daerah.example/2019/03/bom", datetime(2019, 3, 7, tzinfo=UTC), http, body)
    good = good_pages(seed=13)
    return Hostile(_write(path, [_member(bomb)] + [_member(page_records(p)[1]) for p in good]), {p.url for p in good}, "too large")


def transport_bomb(path: Path, inflated: int = GIB) -> Hostile:
    """An uncompressed WARC, served with ``Content-Encoding: gzip``, whose first record is an honest
    ``inflated``-byte page; good records follow. The file on disk is the encoded form (about 1 MB)."""
    when = datetime(2019, 3, 8, tzinfo=UTC)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>"
    tail = b"</body></html>"
    block_len = len(head) + inflated + len(tail)
    headers = {"WARC-Type": "response", "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-00000000b0b0>",
               "WARC-Target-URI": "https://kabar-daerah.example/2019/03/besar", "WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
               "Content-Type": "application/http; msgtype=response", "Content-Length": str(block_len)}
    record_head = ("WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode() + head
    good = good_pages(seed=14)
    after = tail + b"\r\n\r\n" + b"".join(page_records(p)[1] for p in good)
    data = gzip_of_repeated(b"JKN " * 256, inflated // 1024, record_head, after)
    return Hostile(_write(path, [data]), {p.url for p in good}, "too large", {"Content-Encoding": "gzip"})


def paths_bomb(path: Path, inflated: int = GIB) -> Path:
    """A ``warc.paths.gz`` that inflates to ``inflated`` bytes of lines."""
    chunk = b"crawl-data/CC-NEWS/2019/03/CC-NEWS-20190301000000-00000.warc.gz\n" * (1 << 14)  # 1 MiB
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip_of_repeated(chunk, inflated // len(chunk)))
    return path


def hostile_list_lines(local_warc: Path, other_origin: str, good: list[str], missing: str) -> list[str]:
    """File-list lines a stranger could write: local files, other schemes, another origin, a 404, and ``good``."""
    return [
        "file:///etc/passwd",
        f"file://{local_warc}",
        "ftp://127.0.0.1/x.warc.gz",
        "gopher://127.0.0.1:70/x",
        f"{other_origin}/x.warc.gz",
        missing,
        *good,
    ]


class RouteServer:
    """An HTTP server on 127.0.0.1 answering fixed routes: ``{path: (status, headers, body)}``."""

    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]]):
        self.routes = routes
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the stdlib's name
                status, headers, body = server.routes.get(self.path.split("?")[0], (404, {}, b"not found"))
                self.send_response(status)
                for k, v in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> RouteServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def relevant_local_warc(path: Path) -> Path:
    """A WARC of relevant pages that must never be read when only a stranger's list names it."""
    when = datetime(2018, 1, 2, tzinfo=UTC)
    pages = [ArchivedPage(f"https://lokal.example/{i}", when + timedelta(hours=i),
                          b"<html><head><title>BPJS Kesehatan</title></head><body><article><p>"
                          + b"Cakupan JKN di Kota Bontang mencapai 98 persen penduduk. " * 20 + b"</p></article></body></html>",
                          relevant=True) for i in range(3)]
    return write_warc(path, pages).path
