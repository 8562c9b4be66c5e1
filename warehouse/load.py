"""Everything that writes the raw schema. Each function is one short transaction, safe to repeat."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from .db import transaction
from .keys import fact_key, mention_key


@dataclass(frozen=True)
class CrawlLoad:
    """What loading one crawl file did."""

    file: str
    pages_in_file: int
    new_pages: int
    errors: int
    bad_lines: int


LOAD_BATCH = 500  # pages per transaction: memory stays flat however large a crawl file is


def _insert_batch(con: duckdb.DuckDBPyConnection, pages: list[dict], errors: list[dict], file_name: str) -> None:
    page_table = pa.table(
        {
            "url": [p["url"] for p in pages],
            "listed_url": [p.get("listed_url") for p in pages],
            "source": [p.get("source") or "unknown" for p in pages],
            "status": pa.array([p.get("status") for p in pages], pa.int32()),
            "content_type": [p.get("content_type") for p in pages],
            "encoding": [p.get("encoding") for p in pages],
            "fetched_at": [p["fetched_at"] for p in pages],
            "html_zlib": pa.array([zlib.compress(p["html"].encode("utf-8"), 6) for p in pages], pa.binary()),
            "html_bytes": pa.array([len(p["html"].encode("utf-8")) for p in pages], pa.int32()),
        }
    )
    error_table = pa.table(
        {
            "url": [e["url"] for e in errors],
            "source": [e.get("source") for e in errors],
            "status": pa.array([e.get("status") for e in errors], pa.int32()),
            "error": [e.get("error") or "unknown error" for e in errors],
            "occurred_at": [e["occurred_at"] for e in errors],
        }
    )
    with transaction(con):
        con.register("page_batch", page_table)
        con.register("error_batch", error_table)
        con.execute(
            """insert or ignore into raw.pages
               select url, listed_url, source, status, content_type, encoding, fetched_at::timestamptz,
                      html_zlib, html_bytes, ? from page_batch""",
            [file_name],
        )
        con.execute(
            """insert or ignore into raw.fetch_errors
               select url, source, status, error, occurred_at::timestamptz, ? from error_batch""",
            [file_name],
        )
        con.unregister("page_batch")
        con.unregister("error_batch")


def load_crawl_file(con: duckdb.DuckDBPyConnection, path: Path) -> CrawlLoad:
    """Load one crawl output file into raw.pages and raw.fetch_errors, a batch per transaction.

    Insert-or-ignore makes it repeatable: a load killed half-way is finished by the next one, with no
    page twice. A line cut short by a killed crawl is skipped (that page is fetched again next run).
    """
    before = con.execute("select count(*) from raw.pages").fetchone()[0]
    pages: list[dict] = []
    errors: list[dict] = []
    n_pages = n_errors = bad = 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if item.get("type") == "page":
                pages.append(item)
                n_pages += 1
            else:
                errors.append(item)
                n_errors += 1
            if len(pages) >= LOAD_BATCH:
                _insert_batch(con, pages, errors, path.name)
                pages, errors = [], []
    if pages or errors:
        _insert_batch(con, pages, errors, path.name)
    after = con.execute("select count(*) from raw.pages").fetchone()[0]
    return CrawlLoad(path.name, n_pages, after - before, n_errors, bad)


def known_urls(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every URL already stored, as fetched, as listed and as canonicalised: the crawler skips these."""
    rows = con.execute(
        """select url from raw.pages union select listed_url from raw.pages where listed_url is not null
           union select canonical_url from raw.article_urls union select url from raw.rejected_pages"""
    ).fetchall()
    return {r[0] for r in rows}


def article_links(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """page URL → the article it is linked to now."""
    return dict(con.execute("select url, article_id from raw.article_urls").fetchall())


def delete_orphan_articles(con: duckdb.DuckDBPyConnection) -> int:
    """Remove articles no page links to any more (and their facts and MoU mentions); how many."""
    orphans = "select article_id from raw.articles where article_id not in (select article_id from raw.article_urls)"
    with transaction(con):
        n = con.execute(f"select count(*) from ({orphans})").fetchone()[0]
        if n:
            con.execute(f"delete from raw.facts where article_id in ({orphans})")
            con.execute(f"delete from raw.mou_mentions where article_id in ({orphans})")
            con.execute(f"delete from raw.articles where article_id in ({orphans})")
    return n


def pages_to_clean(con: duckdb.DuckDBPyConnection, everything: bool = False) -> list[str]:
    """URLs of pages not cleaned yet (or of every stored page when ``everything``), oldest first."""
    where = "" if everything else "where url not in (select url from raw.article_urls) and url not in (select url from raw.rejected_pages)"
    return [r[0] for r in con.execute(f"select url from raw.pages {where} order by fetched_at, url").fetchall()]


def page_html(con: duckdb.DuckDBPyConnection, urls: list[str]) -> list[tuple[str, str, str]]:
    """(url, source, html) of these pages, in the order given."""
    rows = {
        url: (source, blob)
        for url, source, blob in con.execute(
            "select url, source, html_zlib from raw.pages where url in (select unnest(?))", [urls]
        ).fetchall()
    }
    return [(url, rows[url][0], zlib.decompress(rows[url][1]).decode("utf-8")) for url in urls if url in rows]


def article_index_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int, str]]:
    """(article_id, canonical_url, fingerprints, text_sha256) of stored articles, for duplicate detection."""
    return con.execute("select article_id, canonical_url, fingerprints, text_sha256 from raw.articles").fetchall()


def save_cleaned(
    con: duckdb.DuckDBPyConnection,
    articles: list[dict],
    article_urls: list[dict],
    rejected: list[dict],
    replace: bool = False,
) -> None:
    """Store new articles, the URLs each was seen at, and pages rejected by cleaning, in one transaction.

    With ``replace`` (re-cleaning everything) stored articles are updated in place and facts of
    articles whose text changed are dropped so that extraction redoes them.
    """
    now = datetime.now(UTC)
    with transaction(con):
        for a in articles:
            con.execute(
                """insert into raw.articles (article_id, canonical_url, title, published_at, site_name, language, text,
                       text_sha256, fingerprints, relevant, cleaned_at)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   on conflict (article_id) do update set title = excluded.title, published_at = excluded.published_at,
                       site_name = excluded.site_name, language = excluded.language, text = excluded.text,
                       relevant = excluded.relevant, cleaned_at = excluded.cleaned_at,
                       extractor_version = case when raw.articles.text_sha256 = excluded.text_sha256
                                                then raw.articles.extractor_version end,
                       text_sha256 = excluded.text_sha256, fingerprints = excluded.fingerprints""",
                [a["article_id"], a["canonical_url"], a["title"], a["published_at"], a["site_name"], a["language"],
                 a["text"], a["text_sha256"], a["fingerprints"], a["relevant"], now],
            )
        for u in article_urls:
            con.execute(
                """insert into raw.article_urls values (?, ?, ?, ?, ?, ?)
                   on conflict (url) do update set article_id = excluded.article_id, canonical_url = excluded.canonical_url,
                       linked_at = excluded.linked_at""",
                [u["url"], u["article_id"], u["canonical_url"], u["source"], u["duplicate"], now],
            )
        for r in rejected:
            con.execute(
                "insert or replace into raw.rejected_pages values (?, ?, ?, ?)",
                [r["url"], r["stage"], r["reason"], now],
            )
        if replace:
            # a page that cleaned before and is rejected now no longer belongs to its old article
            con.execute("delete from raw.article_urls where url in (select unnest(?))", [[r["url"] for r in rejected]])
            con.execute("delete from raw.rejected_pages where url in (select url from raw.article_urls)")


def articles_to_extract(con: duckdb.DuckDBPyConnection, version: str, everything: bool = False) -> list[tuple]:
    """(article_id, text, published_at, title) of relevant articles not extracted by this extractor version."""
    where = "relevant" if everything else "relevant and (extractor_version is null or extractor_version <> ?)"
    params = [] if everything else [version]
    return con.execute(
        f"select article_id, text, published_at, title from raw.articles where {where} order by article_id", params
    ).fetchall()


FACT_COLUMNS = (
    "fact_id", "article_id", "region_code", "region_name", "metric", "kind", "segment", "value", "qualifier", "as_of",
    "evidence", "evidence_start", "evidence_end", "extractor_version", "fact_key", "confidence", "decided_by", "review_reason",
    "score", "threshold", "reasons", "features",
)
MOU_COLUMNS = (
    "mention_id", "article_id", "region_code", "region_name", "partner", "signed_on", "kind", "evidence",
    "evidence_start", "evidence_end", "extractor_version", "mention_key", "confidence", "decided_by", "review_reason",
    "score", "threshold", "reasons", "features",
)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"


def save_extractions(con: duckdb.DuckDBPyConnection, results: list[tuple[str, list[dict], list[dict]]], version: str) -> None:
    """Replace the facts and MoU mentions of each article in ``results`` (article_id, facts, mous).

    Each row gets its stable key (warehouse/keys.py) beside its position id, and the extractor's
    confidence, the cues that decided it and the reason when it needs review.
    """
    now = datetime.now(UTC)
    ids = [r[0] for r in results]
    fact_rows, mou_rows = [], []
    for article_id, facts, mous in results:
        for i, f in enumerate(facts):
            key = fact_key(article_id, f["region_code"], f["metric"], f["kind"], f["segment"], f["value"])
            fact_rows.append([f"{article_id}-f{i:03d}", article_id, f["region_code"], f["region_name"], f["metric"], f["kind"],
                              f["segment"], float(f["value"]), f["qualifier"], f["as_of"], f["evidence"], f["start"], f["end"], version,
                              key, f.get("confidence") or "high", list(f.get("decided_by") or []), f.get("review_reason"),
                              f.get("score"), f.get("threshold"), list(f.get("reasons") or []), list(f.get("features") or [])])
        for i, m in enumerate(mous):
            partner = m["partner"]
            mou_rows.append([f"{article_id}-m{i:02d}", article_id, m["region_code"], m["region_name"], partner,
                             m["signed_on"], m["kind"], m["evidence"], m["start"], m["end"], version,
                             mention_key(article_id, m["region_code"], partner), m.get("confidence") or "high",
                             list(m.get("decided_by") or []), m.get("review_reason"),
                             m.get("score"), m.get("threshold"), list(m.get("reasons") or []), list(m.get("features") or [])])
    with transaction(con):
        if ids:
            con.execute("delete from raw.facts where article_id in (select unnest(?))", [ids])
            con.execute("delete from raw.mou_mentions where article_id in (select unnest(?))", [ids])
        if fact_rows:
            con.executemany(_insert_sql("raw.facts", FACT_COLUMNS), fact_rows)
        if mou_rows:
            con.executemany(_insert_sql("raw.mou_mentions", MOU_COLUMNS), mou_rows)
        if ids:
            con.execute(
                "update raw.articles set extractor_version = ?, extracted_at = ? where article_id in (select unnest(?))",
                [version, now, ids],
            )


def load_regions(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Replace raw.regions with the gazetteer (Indonesia, provinces, kabupaten/kota)."""
    table = pa.table({k: [r[k] for r in rows] for k in ("region_code", "region_name", "region_type", "bare_name", "province_code", "province_name", "aliases")})
    with transaction(con):
        con.register("region_batch", table)
        con.execute("delete from raw.regions")
        con.execute("insert into raw.regions select * from region_batch")
        con.unregister("region_batch")
    return len(rows)


def save_archive_pages(con: duckdb.DuckDBPyConnection, pages: list[dict], crawl_file: str) -> None:
    """Insert archived pages into raw.pages (insert-or-ignore: a page stored before stays as it was)."""
    if not pages:
        return
    table = pa.table(
        {
            "url": [p["url"] for p in pages],
            "source": [p["source"] for p in pages],
            "status": pa.array([p["status"] for p in pages], pa.int32()),
            "content_type": [p["content_type"] for p in pages],
            "encoding": [p["charset"] for p in pages],
            "fetched_at": pa.array([p["captured_at"] for p in pages], pa.timestamp("us", tz="UTC")),
            "html_zlib": pa.array([p["html_zlib"] for p in pages], pa.binary()),
            "html_bytes": pa.array([p["html_bytes"] for p in pages], pa.int32()),
        }
    )
    with transaction(con):
        con.register("archive_page_batch", table)
        con.execute(
            """insert or ignore into raw.pages
               select url, null, source, status, content_type, encoding, fetched_at, html_zlib, html_bytes, ?
               from archive_page_batch""",
            [crawl_file],
        )
        con.unregister("archive_page_batch")


_ARCHIVE_FILE_COLUMNS = (
    "archive", "file_name", "output_path", "output_id", "worker", "records", "compressed_bytes",
    "prefiltered_out", "pages", "relevant", "skipped", "seconds", "processed_at",
)


def save_archive_file(con: duckdb.DuckDBPyConnection, file_row: dict, skips: list[dict]) -> None:
    """Record one merged archive file and its unreadable records (a re-merge replaces, never adds)."""
    now = datetime.now(UTC)
    with transaction(con):
        for s in skips:
            con.execute(
                "insert or ignore into raw.archive_skips values (?, ?, ?, ?, ?)",
                [file_row["archive"], s["offset"], s["url"], s["reason"], now],
            )
        columns = (*_ARCHIVE_FILE_COLUMNS, "loaded_at", "status", "reason")
        con.execute(
            f"insert or replace into raw.archive_files ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
            [file_row[k] for k in _ARCHIVE_FILE_COLUMNS] + [now, "read", None],
        )


def save_archive_failure(con: duckdb.DuckDBPyConnection, failure: dict) -> None:
    """Record that the last attempt at an archive file failed, and why; what an earlier read of it
    stored stays (and so do its counts)."""
    now = datetime.now(UTC)
    with transaction(con):
        con.execute(
            """insert into raw.archive_files (archive, file_name, output_path, output_id, worker, records, compressed_bytes,
                   prefiltered_out, pages, relevant, skipped, seconds, processed_at, loaded_at, status, reason)
               values (?, ?, '', ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?, 'failed', ?)
               on conflict (archive) do update set output_id = excluded.output_id, worker = excluded.worker,
                   processed_at = excluded.processed_at, loaded_at = excluded.loaded_at, status = 'failed', reason = excluded.reason""",
            [failure["archive"], failure["file_name"], failure["output_id"], failure["worker"], failure["processed_at"], now, failure["reason"]],
        )


def failed_archive_files(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(archive, reason) of every archive file whose last attempt failed."""
    return con.execute("select archive, reason from raw.archive_files where status = 'failed' order by archive").fetchall()


def merged_archive_outputs(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """archive → output_id of every archive file merged so far."""
    return dict(con.execute("select archive, output_id from raw.archive_files").fetchall())


def linked_urls(con: duckdb.DuckDBPyConnection, urls: list[str]) -> set[str]:
    """Those of ``urls`` already cleaned (linked to an article, or rejected)."""
    rows = con.execute(
        """select url from raw.article_urls where url in (select unnest(?))
           union select url from raw.rejected_pages where url in (select unnest(?))""",
        [urls, urls],
    ).fetchall()
    return {r[0] for r in rows}


def unextracted_articles_of(con: duckdb.DuckDBPyConnection, urls: list[str]) -> list[tuple[str, str]]:
    """(article_id, text_sha256) of relevant, not yet extracted articles these page URLs belong to."""
    return con.execute(
        """select distinct a.article_id, a.text_sha256 from raw.articles a join raw.article_urls u using (article_id)
           where u.url in (select unnest(?)) and a.relevant and a.extractor_version is null""",
        [urls],
    ).fetchall()
