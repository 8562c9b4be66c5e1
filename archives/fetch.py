"""Opening archives: local files, HTTP(S) streams under the crawler's address rule, fsspec URLs,
and the monthly file lists of Common Crawl's CC-NEWS."""

from __future__ import annotations

import re
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin

from scrapers.safety import Origin, origin_of, url_refusal

from .bounded import DecodingStream, TooLarge, UnsupportedEncoding, decode, read_limited

TIMEOUT_SECONDS = 60
# A month's warc.paths.gz is a few kilobytes (about 70 bytes a file); these bounds leave room for decades
LIST_MAX_BYTES = 4 << 20  # compressed, as received
LIST_MAX_DECODED_BYTES = 16 << 20
# Object stores a cluster keeps its archive copies on; other schemes (ftp, ssh, …) are refused
FSSPEC_SCHEMES = frozenset({"s3", "gs", "gcs", "az", "abfs", "abfss", "hdfs"})


class ArchiveAddressError(OSError):
    """An archive URL (or a redirect) that leaves http(s) or points at a private address it may not use."""


def check_address(url: str, allowed: Origin | None) -> None:
    """The crawler's address rule (``scrapers.safety``): http(s) only, and a private address only at the
    archive's own origin ``allowed`` (scheme, host, port)."""
    refusal = url_refusal(url, frozenset({allowed}) if allowed is not None else frozenset())
    if refusal is not None:
        raise ArchiveAddressError(f"{url}: {refusal}")


class ArchiveTruncatedError(OSError):
    """The server sent fewer bytes than it announced: the connection dropped, the file must be read again."""


class _Complete:
    """An HTTP response that raises at its end when fewer bytes came than its Content-Length announced
    (http.client returns a short read then b"" instead)."""

    def __init__(self, response):
        self.response = response
        length = response.headers.get("Content-Length")
        self.expected = int(length) if length and length.isdigit() else None
        self.received = 0

    def read(self, n: int = -1) -> bytes:
        data = self.response.read(n)
        self.received += len(data)
        if not data and self.expected is not None and self.received < self.expected and n != 0:
            raise ArchiveTruncatedError(f"{self.response.url}: connection ended after {self.received} of {self.expected} bytes")
        return data

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> _Complete:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect goes through the address rule too."""

    def __init__(self, allowed_origin: Origin | None):
        self.allowed_origin = allowed_origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(urljoin(req.full_url, newurl), self.allowed_origin)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def open_archive(location: str, user_agent: str, allowed_origin: Origin | None = None) -> BinaryIO:
    """A forward-only binary stream of an archive: a local path, an http(s) URL (streamed, never
    downloaded whole; a private address only for ``allowed_origin``, by default the URL's own), or
    any other fsspec URL (``s3://``, ``gs://``, …)."""
    if location.startswith(("http://", "https://")):
        allowed = allowed_origin if allowed_origin is not None else origin_of(location)
        check_address(location, allowed)
        opener = urllib.request.build_opener(_GuardedRedirects(allowed))
        request = urllib.request.Request(location, headers={"User-Agent": user_agent, "Accept-Encoding": "identity"})
        response = _Complete(opener.open(request, timeout=TIMEOUT_SECONDS))
        encoding = (response.response.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding == "identity":
            return response
        try:  # asked for identity, got an encoding anyway: decode it as it streams, a chunk at a time
            return DecodingStream(response, encoding)
        except UnsupportedEncoding:
            response.close()
            raise
    if "://" in location and not location.startswith("file://"):
        scheme = location.split("://", 1)[0].lower()
        if scheme not in FSSPEC_SCHEMES:
            raise ArchiveAddressError(f"{location}: scheme {scheme!r} is not allowed (http, https, a path, or {', '.join(sorted(FSSPEC_SCHEMES))})")
        import fsspec

        return fsspec.open(location, "rb").open()
    return Path(location.removeprefix("file://")).open("rb")


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_range(spec: str) -> list[str]:
    """``YYYY-MM`` or ``YYYY-MM..YYYY-MM`` as the list of months it covers."""
    first, _, last = spec.partition("..")
    last = last or first
    bounds = []
    for value in (first.strip(), last.strip()):
        m = _MONTH.match(value)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"not a month: {value!r} (expected YYYY-MM or YYYY-MM..YYYY-MM)")
        bounds.append(date(int(m.group(1)), int(m.group(2)), 1))
    start, end = bounds
    if end < start:
        raise ValueError(f"month range {spec!r} ends before it starts")
    months = []
    y, mo = start.year, start.month
    while (y, mo) <= (end.year, end.month):
        months.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return months


class ArchiveListError(ValueError):
    """A CC-NEWS file list that cannot be used as a whole (too large, not gzip, not text)."""


@dataclass(frozen=True)
class ListedFile:
    """One line of a file list: the archive URL it names, or why it is refused."""

    location: str
    refusal: str | None = None


def list_entry(line: str, base: str) -> ListedFile:
    """One ``warc.paths.gz`` line as a URL on the list's own origin, or refused: a list is data from a
    stranger, so it may name only http(s) files on the origin it came from (no ``file://``, no other
    scheme, no other host or port)."""
    url = urljoin(base.rstrip("/") + "/", line.lstrip("/")) if "://" not in line else line
    if not url.startswith(("http://", "https://")):
        return ListedFile(line, f"refused: a file list may name only http(s) files on its own origin, not {line[:200]!r}")
    if origin_of(url) != origin_of(base):
        return ListedFile(url, f"refused: {url[:200]} is not on the list's origin {base}")  # (pantau.backfill.REFUSED)
    return ListedFile(url)


def read_file_list(location: str, user_agent: str, allowed: Origin) -> list[str]:
    """The lines of a gzip'd file list, bounded in bytes received and decoded."""
    with open_archive(location, user_agent, allowed) as fh:
        try:
            data = read_limited(fh, LIST_MAX_BYTES)
            text = decode(data, "gzip", LIST_MAX_DECODED_BYTES).decode("utf-8")
        except TooLarge as exc:
            raise ArchiveListError(f"{location}: file list too large ({exc})") from exc
        except (OSError, ValueError) as exc:
            raise ArchiveListError(f"{location}: not a gzip'd text file list ({exc})") from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def cc_news_files(months: list[str], base_url: str, user_agent: str) -> list[ListedFile]:
    """Every CC-NEWS WARC file of these months, from ``crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz``; a line
    the list may not name is returned refused, a list that cannot be read as a whole raises."""
    base = base_url.rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise ArchiveAddressError(f"{base}: CC-NEWS lists are read over http(s) only")
    files = []
    for month in months:
        files += [list_entry(line, base) for line in read_file_list(cc_news_list_url(base, month), user_agent, origin_of(base))]
    return files


def cc_news_list_url(base_url: str, month: str) -> str:
    """The URL of one month's ``warc.paths.gz``."""
    year, mm = month.split("-")
    return f"{base_url.rstrip('/')}/crawl-data/CC-NEWS/{year}/{mm}/warc.paths.gz"
