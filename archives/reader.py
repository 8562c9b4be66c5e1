"""WARC records, read with FastWARC, that survive damaged archives.

FastWARC stops at the first damaged gzip member or malformed header. Archives of the CC-NEWS layout
hold one gzip member per record, so a damaged record can be stepped over: the bytes since the last good
record are kept, the next gzip member header after it is found, and a new iterator starts there. A
record is handed out only once the parser has reached the next record cleanly (or the end of the file):
a wrong Content-Length shows up as a malformed header right after the record it belongs to, and such a
record is kept only when its payload digest still verifies.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

GZIP_MAGIC = b"\x1f\x8b\x08"
RETAIN_LIMIT = 256 << 20  # compressed bytes kept for a resync; a single record larger than this ends the file
CHUNK = 1 << 16


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

    def _fill(self, n: int) -> bool:
        if self.eof:
            return False
        try:
            data = self.raw.read(n)
        except BaseException as exc:
            self.error, self.eof = exc, True
            raise
        if not data:
            self.eof = True
            return False
        self.buf += data
        if len(self.buf) > RETAIN_LIMIT:
            self.overflow = True
        return True

    def read(self, n: int = -1) -> bytes:
        n = CHUNK if n is None or n < 0 else n
        end = self.buf_start + len(self.buf)
        if self.cursor >= end and not self._fill(max(n, CHUNK)):
            return b""
        start = self.cursor - self.buf_start
        out = bytes(self.buf[start : start + n])
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

    def rewind_to_member_after(self, offset: int) -> int | None:
        """Move the cursor to the next gzip member header after ``offset``; None at the end of the file."""
        pos = max(offset + 1, self.buf_start)
        while True:
            found = self.buf.find(GZIP_MAGIC, pos - self.buf_start)
            if found >= 0:
                self.cursor = self.buf_start + found
                self.mark(self.cursor)
                return self.cursor
            pos = max(pos, self.buf_start + len(self.buf) - len(GZIP_MAGIC) + 1)
            self.mark(pos)
            if not self._fill(CHUNK * 16):
                return None


def _digest_ok(record: ArchiveRecord) -> bool:
    """True when the record's payload digest (``sha1:BASE32``) matches its payload."""
    if not record.payload_digest or ":" not in record.payload_digest:
        return False
    algo, _, value = record.payload_digest.partition(":")
    if algo.lower() != "sha1":
        return False
    return base64.b32encode(hashlib.sha1(record.payload).digest()).decode() == value.strip().upper()


@dataclass
class ReadCounts:
    """Records turned down by the caller's screen (never handed out, never held)."""

    screened_out: int = 0


# (payload, HTTP content type, charset) → True to keep, False to drop quietly, or the reason to list it as skipped
Screen = Callable[[bytes, "str | None", "str | None"], "bool | str"]


def iter_records(
    raw: BinaryIO,
    max_record_bytes: int,
    skipped: list[SkippedRecord],
    screen: Screen | None = None,
    counts: ReadCounts | None = None,
) -> Iterator[ArchiveRecord]:
    """Every readable HTTP response of a WARC / WARC.gz stream, in order; unreadable or oversized records
    are appended to ``skipped`` instead, and reading goes on after them.

    ``screen`` sees each payload first, before any other work on the record: nearly every record of a
    news archive fails it, so the common path is a read, one call, and on to the next record.
    """
    counts = counts if counts is not None else ReadCounts()
    tape = _Tape(raw)
    held: ArchiveRecord | None = None
    last = -1  # absolute offset of the last record the parser reached (or of the last restart)
    current: tuple[int, str | None] | None = None
    progressed = True  # a record was reached since the last restart (else a new error is the same damage)
    while True:
        iterator = ArchiveIterator(tape, record_types=WarcRecordType.response, parse_http=True, auto_decode="all", strict_mode=False)
        try:
            for rec in iterator:
                pos = rec.stream_pos  # FastWARC counts from the stream's tell(), so offsets stay absolute
                if held is not None:
                    yield held
                    held = None
                tape.mark(pos)
                last = pos
                progressed = True
                url = rec.headers.get("WARC-Target-URI")
                current = (pos, url)
                if rec.content_length > max_record_bytes:
                    skipped.append(SkippedRecord(pos, url, f"record too large ({rec.content_length} bytes > {max_record_bytes})"))
                    current = None
                    continue
                payload = rec.reader.read()
                if screen is not None:
                    verdict = screen(payload, rec.http_content_type, rec.http_charset)
                    if verdict is not True:
                        if verdict is False:
                            counts.screened_out += 1
                        else:
                            skipped.append(SkippedRecord(pos, url, verdict))
                        current = None
                        continue
                http = rec.http_headers if rec.is_http else None
                held = ArchiveRecord(
                    url=url or "",
                    captured_at=rec.record_date,
                    status=http.status_code if http is not None else None,
                    content_type=rec.http_content_type,
                    charset=rec.http_charset,
                    payload=payload,
                    offset=pos,
                    payload_digest=rec.headers.get("WARC-Payload-Digest"),
                )
                current = None
            if held is not None:
                yield held
            return
        except (OSError, ValueError, RuntimeError) as exc:
            if tape.error is not None:  # the stream broke, not a record: the caller must read the file again
                raise tape.error from exc
            reason = f"{type(exc).__name__}: {exc}"
            if current is not None:  # failed while reading this record's own payload
                skipped.append(SkippedRecord(current[0], current[1], f"damaged record ({reason})"))
                current = None
            elif held is not None and not _digest_ok(held):  # the next header is broken: this record's length was probably wrong
                skipped.append(SkippedRecord(held.offset, held.url, f"record length does not match its content ({reason})"))
            else:
                if held is not None:
                    yield held
                if progressed:
                    skipped.append(SkippedRecord(max(last, 0), None, f"damaged archive data after this offset ({reason})"))
            held = None
            progressed = False
            if tape.overflow:
                skipped.append(SkippedRecord(last, None, "damaged record larger than the resync window; rest of file not read"))
                return
            resume = tape.rewind_to_member_after(last)
            if resume is None:
                return
            last = resume
