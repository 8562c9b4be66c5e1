"""WARC records, read with FastWARC, that survive damaged and lying archives.

FastWARC stops at the first damaged gzip member or malformed header, and believes every Content-Length.
Archives of the CC-NEWS layout hold one gzip member per record, so a bad record can be stepped over:
the bytes since the last good record are kept, the next gzip member header after it is found (in an
uncompressed file, the next ``WARC/1.`` line), and a new iterator starts there. A record whose digest
verifies is handed out at once; one without a digest only once the parser has reached the next record
cleanly (or the end of the file), since a wrong Content-Length shows up as a malformed header right
after the record it belongs to."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from .bounded import TooLarge, UnsupportedEncoding
from .digests import digest_matches
from .http_payload import PayloadError, parse_response, plain_response

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."  # where a record starts in an uncompressed file
RETAIN_LIMIT = 64 << 20  # compressed bytes kept for a resync; a single damaged record larger than this ends the file
CHUNK = 1 << 16
MARK_EVERY = 1 << 20  # bytes read before the tape forgets them (not at every record: a call per record costs)


@dataclass(slots=True)
class ArchiveRecord:
    """One HTTP response from an archive: where it was captured, when, and its payload."""

    url: str
    captured_at: datetime
    status: int | None
    content_type: str | None
    charset: str | None
    payload: bytes
    offset: int  # where its gzip member starts in the (compressed) file
    payload_digest: str | None


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record that could not be read (or was refused), with why."""

    offset: int
    url: str | None
    reason: str


class _Tape:
    """The compressed input, counted, with the bytes since a mark kept so reading can restart there."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.buf = bytearray()
        self.buf_start = 0  # absolute offset of buf[0]
        self.cursor = 0  # absolute offset of the next byte handed out
        self.eof = False
        self.overflow = False
        self.error: BaseException | None = None  # the input itself failed (a dropped connection), not the data

    def _fill(self, n: int) -> bytes:
        """Up to ``n`` more bytes of the input, kept in the buffer too; b"" at its end."""
        if self.eof:
            return b""
        try:
            data = self.raw.read(n)
        except BaseException as exc:
            self.error, self.eof = exc, True
            raise
        if not data:
            self.eof = True
            return b""
        self.buf += data
        if len(self.buf) > RETAIN_LIMIT:
            self.overflow = True
        return data

    def read(self, n: int = -1) -> bytes:
        n = CHUNK if n is None or n < 0 else n
        if self.cursor >= self.buf_start + len(self.buf):
            data = self._fill(max(n, CHUNK))
            if len(data) <= n:  # the common case: handed on as read, no copy out of the buffer
                self.cursor += len(data)
                return data
        start = self.cursor - self.buf_start
        with memoryview(self.buf) as view:  # one copy out of the buffer, not a slice and then a copy
            out = bytes(view[start : start + n])
        self.cursor += len(out)
        return out

    def tell(self) -> int:
        return self.cursor

    def seek(self, offset: int, whence: int = 0) -> int:
        raise OSError("archive streams are read forward only")

    def close(self) -> None:
        """The caller owns the underlying stream."""

    def mark(self, offset: int) -> None:
        """Bytes before ``offset`` will never be read again."""
        drop = offset - self.buf_start
        if drop > 0:
            del self.buf[:drop]
            self.buf_start = offset
            self.overflow = len(self.buf) > RETAIN_LIMIT

    def peek(self, n: int) -> bytes:
        """The first ``n`` bytes of the input, without consuming them (call before any read)."""
        while len(self.buf) < n and self._fill(CHUNK):
            pass
        return bytes(self.buf[:n])

    def rewind_to_member_after(self, offset: int, magic: bytes = GZIP_MAGIC) -> int | None:
        """Move the cursor to the next record start (``magic``: a gzip member header, or ``WARC/1.`` in an
        uncompressed file) after ``offset``; None at the end of the file."""
        pos = max(offset + 1, self.buf_start)
        while True:
            found = self.buf.find(magic, pos - self.buf_start)
            if found >= 0:
                self.cursor = self.buf_start + found
                self.mark(self.cursor)
                return self.cursor
            pos = max(pos, self.buf_start + len(self.buf) - len(magic) + 1)
            self.mark(pos)
            if not self._fill(CHUNK * 16):
                return None


@dataclass
class ReadCounts:
    """Records turned down by the caller's screen (never handed out, never held)."""

    screened_out: int = 0


# (payload, HTTP content type, charset) → True to keep, False to drop quietly, or the reason to list it as skipped
Screen = Callable[[bytes, "str | None", "str | None"], "bool | str"]


class _Resync(Exception):
    """Stop reading at this record: its length cannot be trusted, the next record start must be found."""


def _read_block(rec, length: int) -> bytes:
    """The record's block, up to ``length`` bytes (fewer when the file ends first)."""
    block = rec.reader.read(length)
    if len(block) >= length:
        return block  # nearly always: FastWARC hands the whole block in one read
    parts, got = [block], len(block)
    while got < length:
        data = rec.reader.read(length - got)
        if not data:
            break
        parts.append(data)
        got += len(data)
    return b"".join(parts)


def iter_records(
    raw: BinaryIO,
    max_record_bytes: int,
    skipped: list[SkippedRecord],
    screen: Screen | None = None,
    counts: ReadCounts | None = None,
) -> Iterator[ArchiveRecord]:
    """Every readable HTTP response of a WARC / WARC.gz stream, in order; unreadable, lying or oversized
    records are appended to ``skipped`` instead, and reading goes on at the next record after them.

    Each record costs itself only: a Content-Length above the limit is never read (reading resumes at
    the next gzip member, or the next ``WARC/1.`` line of an uncompressed file), a block shorter than its
    Content-Length (a file cut short) and a block or payload whose WARC digest does not verify are
    skipped the same way, and the payload's limit counts decoded bytes (content encodings included).

    ``screen`` sees each payload first, before any other work on the record: nearly every record of a
    news archive fails it, so the common path is a read, one call, and on to the next record.
    """
    counts = counts if counts is not None else ReadCounts()
    tape = _Tape(raw)
    magic = GZIP_MAGIC if tape.peek(3) == GZIP_MAGIC else WARC_MAGIC
    held: ArchiveRecord | None = None  # a record with no digest, handed out once the next record reads cleanly
    last = -1  # absolute offset of the last record the parser reached (or of the last restart)
    current: tuple[int, WarcRecord | None] | None = None  # the record whose block is being read
    progressed = True  # a record was reached since the last restart (else a new error is the same damage)
    response = WarcRecordType.response
    while True:
        # inplace: one record object reused (no allocation per record); nothing keeps it past its turn,
        # a held record is an ArchiveRecord copy and ``current`` is cleared before the next one is read
        iterator = ArchiveIterator(tape, parse_http=False, strict_mode=False, inplace=True)
        try:
            for rec in iterator:
                pos = rec.stream_pos  # FastWARC counts from the stream's tell(), so offsets stay absolute
                if held is not None:
                    yield held
                    held = None
                if pos - tape.buf_start > MARK_EVERY:
                    tape.mark(pos)
                last = pos
                progressed = True
                length = rec.content_length
                if rec.record_type != response:  # requests, warcinfo, …: only their length matters
                    if length > max_record_bytes:
                        skipped.append(SkippedRecord(pos, None, f"record too large ({length} bytes > {max_record_bytes})"))
                        raise _Resync
                    continue
                current = (pos, rec)
                # FastWARC's header lookups cost microseconds each: the common record needs none of them
                if length == 0 and "Content-Length" not in rec.headers:  # a header cut short
                    skipped.append(SkippedRecord(pos, _url(rec), "record cut short (its header has no Content-Length)"))
                    raise _Resync
                if length > max_record_bytes:
                    # never read: a length this large is a lie or a record we refuse, and reading it would eat the file
                    skipped.append(SkippedRecord(pos, _url(rec), f"record too large ({length} bytes > {max_record_bytes})"))
                    raise _Resync
                record, verified = _response(rec, pos, max_record_bytes, skipped, screen, counts)
                current = None
                if record is not None:
                    if verified:
                        yield record
                    else:
                        held = record
            if held is not None:
                yield held
            return
        except _Resync:
            current = None
        except (OSError, ValueError, RuntimeError) as exc:
            if tape.error is not None:  # the stream broke, not a record: the caller must read the file again
                raise tape.error from exc
            reason = f"{type(exc).__name__}: {exc}"
            if current is not None:  # failed while reading this record's own block
                skipped.append(SkippedRecord(current[0], _url(current[1]), f"damaged record ({reason})"))
                current = None
            elif held is not None:  # the next header is broken: this record's length was probably wrong
                skipped.append(SkippedRecord(held.offset, held.url, f"record length does not match its content ({reason})"))
            elif progressed:
                skipped.append(SkippedRecord(max(last, 0), None, f"damaged archive data after this offset ({reason})"))
        held = None
        progressed = False
        if tape.overflow:
            skipped.append(SkippedRecord(last, None, "damaged record larger than the resync window; rest of file not read"))
            return
        resume = tape.rewind_to_member_after(last, magic)
        if resume is None:
            return
        last = resume


def _url(rec: WarcRecord | None) -> str | None:
    return None if rec is None else rec.headers.get("WARC-Target-URI")


def _response(
    rec: WarcRecord, pos: int, limit: int, skipped: list[SkippedRecord], screen: Screen | None, counts: ReadCounts,
) -> tuple[ArchiveRecord | None, bool]:
    """The page in one response record and whether a digest vouched for it; (None, False) when it was
    skipped or screened out; ``_Resync`` when the record's own length is wrong.

    Digests are checked on every record kept. A record the screen drops is checked only when the
    response's own Content-Length disagrees with its body and the block holds a ``WARC/1.`` line, the
    marks of a length that ran into the next records: hashing every page of an archive would cost more
    than the screen itself. The screen sees a plain response (no encodings, its own length agreeing)
    straight from the block's bytes; only what it keeps, and every other response, is taken apart.
    """
    block = _read_block(rec, rec.content_length)
    if len(block) < rec.content_length:
        skipped.append(SkippedRecord(pos, _url(rec), f"record cut short ({len(block)} of {rec.content_length} bytes)"))
        raise _Resync
    if screen is not None:
        plain = plain_response(block)
        if plain is not None:  # its length agrees, so it did not run into other records: no digest needed to drop it
            content_type, payload = plain  # its charset is not UTF-16/32, the only ones a screen treats apart
            verdict = screen(payload, content_type, None)
            if verdict is not True:
                _screened(verdict, pos, rec, skipped, counts)
                return None, False
    headers = {k.lower(): v for k, v in rec.headers.items()}  # one call into FastWARC, not one per header
    url = headers.get("warc-target-uri")
    try:
        response = parse_response(block, limit)
    except TooLarge as exc:
        _verify(headers, block, None, pos, url, skipped)
        skipped.append(SkippedRecord(pos, url, f"payload too large after decoding ({exc})"))
        return None, False
    except (PayloadError, UnsupportedEncoding) as exc:
        _verify(headers, block, None, pos, url, skipped)
        skipped.append(SkippedRecord(pos, url, f"unreadable HTTP response ({exc})"))
        return None, False
    if screen is not None:
        verdict = screen(response.payload, response.content_type, response.charset)
        if verdict is not True:
            if not response.length_agrees and WARC_MAGIC in block:
                _verify(headers, block, response, pos, url, skipped)
            _screened(verdict, pos, rec, skipped, counts)
            return None, False
    verified = _verify(headers, block, response, pos, url, skipped)
    record = ArchiveRecord(
        url=url or "", captured_at=rec.record_date, status=response.status, content_type=response.content_type,
        charset=response.charset, payload=response.payload, offset=pos, payload_digest=headers.get("warc-payload-digest"),
    )
    return record, verified


def _screened(verdict: bool | str, pos: int, rec: WarcRecord, skipped: list[SkippedRecord], counts: ReadCounts) -> None:
    """Count a record the screen dropped quietly, or list it with the screen's reason."""
    if verdict is False:
        counts.screened_out += 1
    else:
        skipped.append(SkippedRecord(pos, _url(rec), str(verdict)))


def _verify(headers: dict[str, str], block: bytes, response, pos: int, url: str | None, skipped: list[SkippedRecord]) -> bool:
    """True when a digest of the record verifies, False when it has none to check; a digest that does not
    match lists the record and raises ``_Resync`` (a wrong length read into the next records, or damage)."""
    block_ok = digest_matches(headers.get("warc-block-digest"), block)
    if block_ok is False:
        skipped.append(SkippedRecord(pos, url, "WARC-Block-Digest does not match the record"))
        raise _Resync
    payload_ok = None
    if response is not None:
        payload_ok = digest_matches(headers.get("warc-payload-digest"), response.body, response.payload)
        if payload_ok is False:
            skipped.append(SkippedRecord(pos, url, "WARC-Payload-Digest does not match the payload"))
            raise _Resync
    return bool(block_ok or payload_ok)
