"""The backfill's two steps: read one archive into a Parquet file (on any worker), and merge those
files into the warehouse (the one writer).

Reading an archive does the expensive work where the archive is read: the byte prefilter, cleaning
(the same ``clean_page`` as the crawl) and extraction. Its output replaces the file's previous output
when re-run. Merging stores pages, articles, facts and unreadable records with insert-or-ignore and
the crawl's own duplicate detection, so merging a file twice, or two runs of it, adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import sys
import time
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from archives.fetch import open_archive
from archives.prefilter import could_be_relevant, is_html
from archives.reader import ReadCounts, SkippedRecord, iter_records
from cleaning.page import CleanedPage, CleaningError, clean_page
from extraction import EXTRACTOR_VERSION, extract, is_relevant, load_gazetteer
from warehouse import load

from . import steps
from .settings import Settings

OUTPUT_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),  # "page" or "skip"
        ("url", pa.string()),
        ("record_offset", pa.int64()),
        ("captured_at", pa.timestamp("us", tz="UTC")),
        ("status", pa.int32()),
        ("content_type", pa.string()),
        ("charset", pa.string()),
        ("html_zlib", pa.binary()),
        ("html_bytes", pa.int32()),
        ("clean_error", pa.string()),
        ("canonical_url", pa.string()),
        ("title", pa.string()),
        ("published_at", pa.string()),
        ("site_name", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("text_sha256", pa.string()),
        ("fingerprints", pa.list_(pa.int64())),
        ("relevant", pa.bool_()),
        ("facts_json", pa.string()),
        ("mous_json", pa.string()),
        ("reason", pa.string()),
    ]
)
ROW_GROUP = 256  # rows written together: memory stays flat however many records a file holds
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass
class ArchiveStats:
    """What reading one archive did."""

    records: int = 0
    compressed_bytes: int = 0
    prefiltered_out: int = 0
    not_ok: int = 0
    pages: int = 0
    relevant: int = 0
    rejected: int = 0
    skipped: int = 0


class _Counted:
    """A stream that counts the bytes read from it."""

    def __init__(self, raw):
        self.raw = raw
        self.n = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.n += len(data)
        return data


def worker_name() -> str:
    """The Dask worker's address when running on one, else host:pid."""
    # a Dask worker has imported distributed already; importing it here would cost every other process ~30 MiB
    distributed = sys.modules.get("distributed")
    try:
        if distributed is None:
            raise ValueError("not on a Dask worker")
        return distributed.get_worker().address
    except ValueError:
        return f"{socket.gethostname()}:{os.getpid()}"


def output_name(location: str) -> str:
    """The Parquet file one archive writes (stable, so a re-run replaces it)."""
    base = re.sub(r"[^\w.-]+", "_", location.rstrip("/").rsplit("/", 1)[-1])[:80]
    return f"{hashlib.sha1(location.encode()).hexdigest()[:12]}-{base}.parquet"


def _decode(payload: bytes, charset: str | None) -> str:
    if not charset:
        m = _META_CHARSET.search(payload[:4096])
        charset = m.group(1).decode("ascii", "replace") if m else None
    for cs in (charset, "utf-8"):
        if cs:
            try:
                return payload.decode(cs)
            except (LookupError, UnicodeDecodeError):
                continue
    return payload.decode("utf-8", errors="replace")


def _page_row(rec) -> dict:
    html = _decode(rec.payload, rec.charset)
    encoded = html.encode("utf-8")
    row = {
        "kind": "page", "url": rec.url, "record_offset": rec.offset, "captured_at": rec.captured_at, "status": rec.status,
        "content_type": rec.content_type, "charset": rec.charset, "html_zlib": zlib.compress(encoded, 6), "html_bytes": len(encoded),
    }
    try:
        page = clean_page(html, rec.url)
    except CleaningError as exc:
        row["clean_error"] = str(exc)
        return row
    relevant = is_relevant(page.text, page.title)
    row.update(
        canonical_url=page.canonical_url, title=page.title, published_at=page.published, site_name=page.site_name,
        language=page.language, text=page.text, text_sha256=page.text_sha256, fingerprints=page.fingerprints, relevant=relevant,
    )
    if relevant:
        result = extract(page.text, page.published, page.title, load_gazetteer())
        row["facts_json"] = json.dumps([f.to_dict() for f in result.facts], ensure_ascii=False)
        row["mous_json"] = json.dumps([m.to_dict() for m in result.mous], ensure_ascii=False)
    return row


def _screen(payload: bytes, content_type: str | None, charset: str | None) -> bool | str:
    """Keep HTML that could be relevant; list other payloads as skipped; drop the rest unparsed."""
    if not is_html(content_type, payload):
        return f"not HTML ({content_type or 'no type'})"
    return could_be_relevant(payload, charset)


def _output_fs(settings: Settings):
    import fsspec

    fs, root = fsspec.core.url_to_fs(settings.archive_output)
    fs.makedirs(root, exist_ok=True)
    return fs, root.rstrip("/")


def process_archive(location: str, settings: Settings, log: Callable[[str], None] = print) -> dict:
    """Read one WARC file (path or URL) into its Parquet output; return what it did.

    Records go through the byte prefilter; those that pass are cleaned and, when relevant, extracted.
    Unreadable, oversized and non-HTML records are listed in the output and counted, and the rest of the
    file is still read. The output is written under a temporary name and moved into place at the end,
    so a crashed run leaves the previous output (or none), never half of one.
    """
    started = time.perf_counter()
    fs, root = _output_fs(settings)
    name = output_name(location)
    final, tmp = f"{root}/{name}", f"{root}/.{name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        summary = _read_into(location, settings, fs, tmp, final, started)
    except BaseException:
        if fs.exists(tmp):  # a failed read leaves the previous output as it was, and no stray file
            fs.rm(tmp)
        raise
    fs.mv(tmp, final)
    if fs.exists(failure_path(root, location)):  # this read succeeded: the file is no longer failed
        fs.rm(failure_path(root, location))
    log(
        f"{summary['file_name']}: {summary['records']} records, {summary['prefiltered_out']} dropped by the prefilter, "
        f"{summary['pages']} pages ({summary['relevant']} relevant), {summary['skipped']} skipped, {summary['seconds']} s on {summary['worker']}"
    )
    return summary


def failure_path(root: str, location: str) -> str:
    """Where a failed attempt at ``location`` is recorded (beside its output, which it leaves alone)."""
    return f"{root}/{output_name(location).removesuffix('.parquet')}.failed.json"


# What makes one archive file fail without failing the run: a refused address, an HTTP error (404, …),
# a missing or unreadable file, a dropped connection, an encoding this reader cannot decode
FILE_FAILURES = (OSError, ValueError)


def read_or_record(entry: dict, settings: Settings, log: Callable[[str], None] = print) -> dict:
    """Read one listed archive file (``{"location", "refusal"}``); a refused or unreadable file is
    recorded as failed (``status: failed`` and the reason) instead of failing the run."""
    location, refusal = entry["location"], entry.get("refusal")
    if refusal is None:
        try:
            return {**process_archive(location, settings, log), "status": "read", "reason": None}
        except FILE_FAILURES as exc:
            refusal = f"{type(exc).__name__}: {exc}"
    return record_failure(location, refusal, settings, log)


def record_failure(location: str, reason: str, settings: Settings, log: Callable[[str], None] = print) -> dict:
    """Write the failure of ``location`` where the merge step finds it; its previous output stays."""
    fs, root = _output_fs(settings)
    failure = {
        "archive": location, "file_name": location.rstrip("/").rsplit("/", 1)[-1][:200] or location[:200],
        "reason": reason[:2000], "output_id": uuid.uuid4().hex, "worker": worker_name(),
        "processed_at": datetime.now(UTC).isoformat(), "status": "failed",
    }
    with fs.open(failure_path(root, location), "w") as fh:
        json.dump(failure, fh)
    log(f"FAILED {location}: {failure['reason']}")
    return failure


def _read_into(location: str, settings: Settings, fs, tmp: str, final: str, started: float) -> dict:
    """Stream the archive into the Parquet file ``tmp``; the summary of what it read."""
    stats = ArchiveStats()
    skipped: list[SkippedRecord] = []
    rows: list[dict] = []
    with open_archive(location, settings.user_agent) as raw, fs.open(tmp, "wb") as out:
        counted = _Counted(raw)
        with pq.ParquetWriter(out, OUTPUT_SCHEMA, compression="zstd") as writer:  # closed on errors too
            counts = ReadCounts()
            for rec in iter_records(counted, settings.archive_max_record_bytes, skipped, _screen, counts):
                if rec.status is not None and rec.status != 200:
                    stats.not_ok += 1  # redirects and errors the archive captured: not pages
                    continue
                row = _page_row(rec)
                stats.pages += 1
                stats.rejected += "clean_error" in row
                stats.relevant += bool(row.get("relevant"))
                rows.append(row)
                if len(rows) >= ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(rows, OUTPUT_SCHEMA))
                    rows = []
            rows += [{"kind": "skip", "url": s.url, "record_offset": s.offset, "reason": s.reason} for s in skipped]
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, OUTPUT_SCHEMA))
            stats.compressed_bytes = counted.n
            stats.prefiltered_out = counts.screened_out
            stats.records = stats.prefiltered_out + stats.not_ok + stats.pages + sum(s.reason.startswith("not HTML") for s in skipped)
            stats.skipped = len(skipped)
            summary = {
                "archive": location, "file_name": location.rstrip("/").rsplit("/", 1)[-1], "output_path": final,
                "output_id": uuid.uuid4().hex, "worker": worker_name(), "records": stats.records,
                "compressed_bytes": stats.compressed_bytes, "prefiltered_out": stats.prefiltered_out, "pages": stats.pages,
                "relevant": stats.relevant, "rejected": stats.rejected, "skipped": stats.skipped, "not_ok": stats.not_ok,
                "seconds": round(time.perf_counter() - started, 3), "processed_at": datetime.now(UTC).isoformat(),
                "extractor_version": EXTRACTOR_VERSION,
            }
            writer.add_key_value_metadata({"pantau.archive": json.dumps(summary)})
    return summary


def _cleaned(row: dict) -> CleanedPage:
    return CleanedPage(
        url=row["url"], canonical_url=row["canonical_url"], title=row["title"], published=row["published_at"],
        site_name=row["site_name"], language=row["language"], text=row["text"], text_sha256=row["text_sha256"],
        fingerprints=list(row["fingerprints"] or []),
    )


def merge_archive_outputs(con: duckdb.DuckDBPyConnection, settings: Settings, log: Callable[[str], None] = print) -> steps.StepStats:
    """Merge every archive output not merged yet (or rewritten since) into raw.*, then extract what is left."""
    stats = steps.StepStats()
    if not con.execute("select count(*) from raw.regions").fetchone()[0]:  # a warehouse that only ever backfilled
        stats.add("regions", load.load_regions(con, steps.region_rows()))
    fs, root = _output_fs(settings)
    merged = load.merged_archive_outputs(con)
    failed = _merge_failures(con, fs, root, merged, stats, log)
    index = None
    for path in sorted(fs.glob(f"{root}/*.parquet")):
        with fs.open(path, "rb") as fh:
            pf = pq.ParquetFile(fh)
            summary = json.loads(pf.metadata.metadata[b"pantau.archive"])
            if merged.get(summary["archive"]) == summary["output_id"] or summary["archive"] in failed:
                continue  # merged already, or its last attempt failed (what an earlier read stored stays)
            if index is None:
                index = steps.stored_article_index(con)
            skips: list[dict] = []
            for batch in pf.iter_batches(batch_size=500):
                rows = batch.to_pylist()
                skips += [{"offset": r["record_offset"], "url": r["url"], "reason": r["reason"]} for r in rows if r["kind"] == "skip"]
                pages = [r for r in rows if r["kind"] == "page"]
                if not pages:
                    continue
                for p in pages:
                    p["source"] = f"archive:{urlsplit(p['url']).hostname or 'unknown'}"
                load.save_archive_pages(con, pages, summary["file_name"])
                done = load.linked_urls(con, [p["url"] for p in pages])
                todo = [p for p in pages if p["url"] not in done]
                results = [(p["url"], p["source"], None if p["clean_error"] else _cleaned(p), p["clean_error"]) for p in todo]
                steps.save_cleaned_pages(con, results, index, stats)
                if summary.get("extractor_version") == EXTRACTOR_VERSION:
                    by_sha = {p["text_sha256"]: p for p in todo if p["facts_json"] is not None}
                    ready = [
                        (article_id, json.loads(by_sha[sha]["facts_json"]), json.loads(by_sha[sha]["mous_json"]))
                        for article_id, sha in load.unextracted_articles_of(con, [p["url"] for p in todo])
                        if sha in by_sha
                    ]
                    if ready:
                        load.save_extractions(con, ready, EXTRACTOR_VERSION)
                        stats.add("articles_extracted_on_workers", len(ready))
                        stats.add("facts", sum(len(r[1]) for r in ready))
            summary["processed_at"] = datetime.fromisoformat(summary["processed_at"])
            load.save_archive_file(con, summary, skips)
            stats.add("archive_files")
            stats.add("records", summary["records"])
            stats.add("skipped_records", summary["skipped"])
            log(f"merged {path.rsplit('/', 1)[-1]}: {summary['pages']} pages, {summary['skipped']} skipped records")
    if stats.counts.get("archive_files"):
        extra = steps.extract_articles(con, log=log)  # what the workers could not extract (another extractor version)
        stats.add("articles_extracted_here", extra.counts.get("articles", 0))
    return stats


def _merge_failures(con, fs, root: str, merged: dict[str, str], stats: steps.StepStats, log: Callable[[str], None]) -> set[str]:
    """Record every failed attempt not recorded yet; the archives whose last attempt failed."""
    failed = set()
    for path in sorted(fs.glob(f"{root}/*.failed.json")):
        with fs.open(path, "r") as fh:
            failure = json.load(fh)
        failed.add(failure["archive"])
        if merged.get(failure["archive"]) == failure["output_id"]:
            continue
        failure["processed_at"] = datetime.fromisoformat(failure["processed_at"])
        load.save_archive_failure(con, failure)
        stats.add("archive_files_failed")
        log(f"recorded failed file {failure['archive']}: {failure['reason']}")
    return failed


REFUSED = "refused: "  # a file a list may not name: never read, not even on a retry
LIST_FAILED = "file list unusable: "
_LIST_URL = re.compile(r"/crawl-data/CC-NEWS/(\d{4})/(\d{2})/warc\.paths\.gz$")


def retry_plan(failed: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """What ``--retry-failed`` reads again, from (archive, reason) of the failed files: the files as they
    were given, and the months whose list failed (listed again). Lines a list was refused for stay refused."""
    files, months = [], []
    for archive, reason in failed:
        if (reason or "").startswith(REFUSED):
            continue
        m = _LIST_URL.search(archive) if (reason or "").startswith(LIST_FAILED) else None
        if m:
            months.append(f"{m.group(1)}-{m.group(2)}")
        else:
            files.append(archive)
    return files, months


def list_archives(
    warc: list[str], cc_news: str, settings: Settings, retry: list[str] | None = None, retry_months: list[str] | None = None
) -> list[dict]:
    """The archive files a backfill reads, each ``{"location", "refusal"}``: the WARC paths/URLs given, every
    file of the CC-NEWS months, and the failed files and months to take again. A file list that cannot be
    read, and a line it may not hold, come back refused, so the run records them and reads the rest."""
    from archives.fetch import ArchiveListError, cc_news_files, cc_news_list_url, month_range

    files = [{"location": str(w), "refusal": None} for w in [*warc, *(retry or [])]]
    months = [*(month_range(cc_news) if cc_news else []), *(retry_months or [])]
    for month in dict.fromkeys(months):
        try:
            files += [{"location": f.location, "refusal": f.refusal} for f in cc_news_files([month], settings.cc_news_base, settings.user_agent)]
        except (ArchiveListError, OSError) as exc:
            files.append({"location": cc_news_list_url(settings.cc_news_base, month), "refusal": f"{LIST_FAILED}{type(exc).__name__}: {exc}"})
    unique: dict[str, dict] = {}
    for f in files:
        unique.setdefault(f["location"], f)
    return list(unique.values())
