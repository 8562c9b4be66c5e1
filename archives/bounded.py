"""Decompression that never holds more than a limit of decoded bytes.

A few kilobytes of gzip can inflate to gigabytes, so every decoder here counts what it produces as it
goes and stops at the limit: whole payloads (an archived page's Content-Encoding, a CC-NEWS file list)
raise ``TooLarge``, and streams (an archive served with HTTP Content-Encoding) are decoded a chunk at a
time, never more than one chunk's worth at once.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

CHUNK = 1 << 16


class TooLarge(ValueError):
    """Decoding would produce more bytes than allowed."""


class UnsupportedEncoding(ValueError):
    """A content encoding this reader does not decode."""


def _zlib_for(encoding: str):
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib-wrapped (as the RFC says) or, by auto-detection, gzip
    return None


def decode(data: bytes, encoding: str, limit: int) -> bytes:
    """``data`` decoded from ``encoding`` (gzip, deflate, br, identity; a comma-separated chain too),
    raising ``TooLarge`` as soon as the result would exceed ``limit`` bytes."""
    for enc in reversed([e.strip().lower() for e in encoding.split(",") if e.strip()]):
        if enc in ("identity", ""):
            continue
        if enc == "br":
            data = _brotli(data, limit)
            continue
        d = _zlib_for(enc)
        if d is None:
            raise UnsupportedEncoding(f"content encoding {enc!r}")
        out = bytearray()
        rest = data
        while True:
            # gzip allows several members one after another: decode each, the total still bounded
            out += d.decompress(rest, limit + 1 - len(out))
            if len(out) > limit:
                raise TooLarge(f"decodes to more than {limit} bytes")
            if d.unconsumed_tail:
                rest = d.unconsumed_tail
                continue
            if d.eof and d.unused_data and enc in ("gzip", "x-gzip"):
                rest, d = d.unused_data, _zlib_for(enc)
                continue
            break
        data = bytes(out)
    if len(data) > limit:
        raise TooLarge(f"{len(data)} bytes > {limit}")
    return data


def _brotli(data: bytes, limit: int) -> bytes:
    try:
        import brotli
    except ImportError as exc:  # pragma: no cover - brotli comes with the project's dependencies
        raise UnsupportedEncoding("content encoding 'br' (no brotli module)") from exc
    d = brotli.Decompressor()
    out = bytearray()
    for i in range(0, len(data), CHUNK):  # a small input step: each step's output stays near the limit
        out += d.process(data[i : i + CHUNK])
        if len(out) > limit:
            raise TooLarge(f"decodes to more than {limit} bytes")
    return bytes(out)


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``TooLarge`` when it holds more."""
    out = bytearray()
    while len(out) <= limit:
        data = stream.read(min(CHUNK, limit + 1 - len(out)))
        if not data:
            return bytes(out)
        out += data
    raise TooLarge(f"more than {limit} bytes")


class DecodingStream:
    """A forward-only stream decoding another one's gzip / deflate content encoding a chunk at a time."""

    def __init__(self, raw: BinaryIO, encoding: str):
        enc = encoding.strip().lower()
        self.raw = raw
        self.encoding = enc
        self.d = _zlib_for(enc)
        if self.d is None:
            raise UnsupportedEncoding(f"content encoding {encoding!r}")
        self.pending = b""  # compressed bytes not fed to the decoder yet

    def read(self, n: int = -1) -> bytes:
        n = CHUNK if n is None or n < 0 else n
        while True:
            if self.d.eof:  # a gzip member ended: the next one starts in what it left, or in the next read
                self.pending = self.d.unused_data or self.raw.read(CHUNK)
                if not self.pending:
                    return b""
                self.d = _zlib_for(self.encoding)
            elif not self.pending:
                self.pending = self.raw.read(CHUNK)
                if not self.pending:
                    return b""  # cut short: the WARC reader sees a damaged end
            out = self.d.decompress(self.pending, n)  # never more than n decoded bytes at once
            self.pending = self.d.unconsumed_tail
            if out:
                return out

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> DecodingStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
