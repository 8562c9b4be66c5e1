"""An archived HTTP response (a WARC ``response`` record's block) taken apart: status, content type,
charset, and the body with its transfer and content encodings removed, never more than a limit of
decoded bytes. FastWARC's own header parser reads the headers."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from fastwarc.warc import HeaderMap

from .bounded import TooLarge, decode


class PayloadError(ValueError):
    """The response cannot be taken apart (the reason names why)."""


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """What a page's response held."""

    status: int | None
    content_type: str | None
    charset: str | None
    body: bytes  # as stored, transfer encoding removed: what WARC-Payload-Digest covers
    payload: bytes  # body with its content encoding removed: the page
    length_agrees: bool  # the response's own Content-Length is the body's length (the record's did not run over)


def parse_response(block: bytes, limit: int) -> HttpResponse:
    """The response in ``block``; ``TooLarge`` when its decoded body exceeds ``limit`` bytes."""
    headers = HeaderMap()
    try:
        n = headers.parse(io.BytesIO(block), True)
    except Exception as exc:  # FastWARC raises its own types for malformed headers
        raise PayloadError(f"malformed HTTP headers ({exc})") from exc
    body = block[n:]
    fields = {k.lower(): v for k, v in headers.items()}  # one call into FastWARC, not one per header
    if "chunked" in fields.get("transfer-encoding", "").lower():
        body = _dechunk(body, limit)
    content_type = fields.get("content-type")
    charset = None
    if content_type and "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    encoding = fields.get("content-encoding", "")
    payload = decode(body, encoding, limit) if encoding else body
    if len(payload) > limit:
        raise TooLarge(f"{len(payload)} bytes > {limit}")
    declared = fields.get("content-length", "").strip()
    length_agrees = declared.isdigit() and int(declared) == len(body)
    return HttpResponse(headers.status_code, content_type, charset, body, payload, length_agrees)


def _dechunk(data: bytes, limit: int) -> bytes:
    """HTTP/1.1 chunked transfer coding removed (a stored body that is not chunked after all is kept)."""
    out = bytearray()
    pos = 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            return data if not out else bytes(out)
        try:
            size = int(data[pos:end].split(b";")[0].strip() or b"x", 16)
        except ValueError:
            return data if not out else bytes(out)  # crawlers often store the de-chunked body with the header kept
        if size == 0:
            return bytes(out)
        out += data[end + 2 : end + 2 + size]
        if len(out) > limit:
            raise TooLarge(f"more than {limit} bytes")
        pos = end + 2 + size + 2


# A response head any HTTP parser reads the same way: a status line, then only plain ``name: value`` lines
# (no folded continuation lines, no bare LF, ASCII only, no content or transfer encoding), then the blank
# line; the Content-Type and Content-Length values captured (the last of each, as ``parse_response`` takes).
_PLAIN_HEAD = re.compile(
    rb"HTTP/\d(?:\.\d)? \d{3}[ -~\t]*\r\n"
    rb"(?:(?:content-type:[ \t]*(?P<type>[ -~\t]*?)|content-length:[ \t]*(?P<length>\d+)"
    rb"|(?!content-encoding:|transfer-encoding:)[!-9;-~]+:[ -~\t]*?)[ \t]*\r\n)*\r\n",
    re.IGNORECASE,
)
_WIDE = re.compile(rb"utf-?(?:16|32)", re.IGNORECASE)
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def plain_response(block: bytes) -> tuple[str, memoryview] | None:
    """(content type, body) of the response in ``block`` when ``parse_response`` would read it the same
    way with no decoding: a declared type that is not UTF-16/32, no content or transfer encoding, plain
    headers and its own Content-Length matching the body. None for anything else (which
    ``parse_response`` must then take apart). The body is a view into the block, not a copy.

    Most pages of an archive are turned down by the prefilter on their bytes alone; this keeps that
    path to one regular expression over the head, without FastWARC's header parser or a payload copy.
    """
    head = _PLAIN_HEAD.match(block)
    if head is None or not head["type"] or head["length"] is None:
        return None  # no declared type: the full path sniffs it from the body
    end = head.end()
    if int(head["length"]) != len(block) - end or block[end : end + 2] in _BOMS or _WIDE.search(head["type"]):
        return None  # a length that may have run into the next records (the caller checks its digests), or UTF-16 text
    return head["type"].decode("ascii"), memoryview(block)[end:]
