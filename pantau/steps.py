"""The pipeline's steps as plain functions over a warehouse connection; Dagster assets call these."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from cleaning.articles import ArticleIndex, article_id_for
from cleaning.page import CleanedPage, CleaningError, clean_page
from extraction import EXTRACTOR_VERSION, extract, load_gazetteer
from warehouse import load


@dataclass
class StepStats:
    """Counts a step reports (and Dagster shows as metadata)."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


def load_pending_crawls(con: duckdb.DuckDBPyConnection, crawl_dir: Path, log: Callable[[str], None] = print) -> StepStats:
    """Load every crawl file not loaded yet (a killed run's partial file too), then mark it loaded."""
    stats = StepStats()
    for path in sorted(crawl_dir.glob("crawl-*.jsonl")):
        result = load.load_crawl_file(con, path)
        path.rename(path.with_suffix(".jsonl.loaded"))
        stats.add("crawl_files")
        stats.add("pages_in_files", result.pages_in_file)
        stats.add("new_pages", result.new_pages)
        stats.add("fetch_errors", result.errors)
        stats.add("truncated_lines", result.bad_lines)
        log(f"loaded {path.name}: {result.pages_in_file} pages ({result.new_pages} new), {result.errors} fetch errors")
    return stats


def _clean_one(item: tuple[str, str, str]) -> tuple[str, str, CleanedPage | None, str | None]:
    url, source, html = item
    try:
        return url, source, clean_page(html, url), None
    except CleaningError as exc:
        return url, source, None, str(exc)


@contextmanager
def _mapper(workers: int | None, items: int) -> Iterator[Callable]:
    """``map`` over a process pool of ``workers`` (default $PANTAU_WORKERS, 1), or in this process when
    one worker is asked for or there is too little work to pay for the pool."""
    n = max(1, workers if workers is not None else int(os.environ.get("PANTAU_WORKERS", "1")))
    if n == 1 or items <= 50:
        yield lambda fn, seq: [fn(x) for x in seq]
        return
    with ProcessPoolExecutor(n) as pool:
        yield lambda fn, seq: list(pool.map(fn, seq, chunksize=16))


CLEAN_BATCH = 200  # pages read, cleaned and saved together: memory stays flat on large backlogs


def clean_pages(
    con: duckdb.DuckDBPyConnection,
    everything: bool = False,
    workers: int | None = None,
    log: Callable[[str], None] = print,
) -> StepStats:
    """Clean stored pages into articles; syndicated copies join the article they copy."""
    stats = StepStats()
    pending = load.pages_to_clean(con, everything)
    index = ArticleIndex()
    # Re-cleaning everything regroups every page from scratch, but a story keeps the id it already has
    # (corrections and fact keys name it): its first page in the new pass takes its old id.
    previous = load.article_links(con) if everything else {}
    if not everything:
        for article_id, canonical, fingerprints, sha in load.article_index_rows(con):
            index.add(article_id, canonical, fingerprints or [], sha)
    with _mapper(workers, len(pending)) as map_:
        for first in range(0, len(pending), CLEAN_BATCH):
            batch = load.page_html(con, pending[first : first + CLEAN_BATCH])
            _save_clean_batch(con, map_(_clean_one, batch), index, stats, everything, previous)
            done = min(first + CLEAN_BATCH, len(pending))
            if done % 1000 < CLEAN_BATCH or done == len(pending):
                log(f"cleaned {done}/{len(pending)} pages")
    if everything:
        # a story regrouped under another id leaves its old article with no page: it must not count twice
        stats.add("orphan_articles_removed", load.delete_orphan_articles(con))
    stats.add("pages", len(pending))
    log(f"cleaned {len(pending)} pages: {stats.counts}")
    return stats


def _save_clean_batch(
    con, results, index: ArticleIndex, stats: StepStats, everything: bool, previous: dict[str, str] | None = None
) -> None:
    from extraction import is_relevant

    articles, urls, rejected = [], [], []
    for url, source, page, error in results:
        if page is None:
            rejected.append({"url": url, "stage": "clean", "reason": error})
            stats.add("rejected")
            continue
        article_id, similar = index.match(page)
        if article_id is None:
            article_id = previous.get(url) if previous else None
            if article_id is None or article_id in index.sizes:  # no old id, or another story of this pass took it
                article_id = article_id_for(page.canonical_url)
            relevant = is_relevant(page.text, page.title)
            articles.append(
                {
                    "article_id": article_id, "canonical_url": page.canonical_url, "title": page.title,
                    "published_at": page.published, "site_name": page.site_name, "language": page.language,
                    "text": page.text, "text_sha256": page.text_sha256, "fingerprints": page.fingerprints, "relevant": relevant,
                }
            )
            index.add(article_id, page.canonical_url, page.fingerprints, page.text_sha256)
            stats.add("articles")
            stats.add("relevant" if relevant else "off_topic")
        else:
            stats.add("syndicated_copies" if similar else "same_url_variants")
        urls.append({"url": url, "article_id": article_id, "canonical_url": page.canonical_url, "source": source, "duplicate": similar})
    load.save_cleaned(con, articles, urls, rejected, replace=everything)


def _extract_one(row: tuple) -> tuple[str, list[dict], list[dict]]:
    article_id, text, published, title = row
    result = extract(text, published, title, load_gazetteer())
    return article_id, [f.to_dict() for f in result.facts], [m.to_dict() for m in result.mous]


def extract_articles(
    con: duckdb.DuckDBPyConnection,
    everything: bool = False,
    workers: int | None = None,
    log: Callable[[str], None] = print,
) -> StepStats:
    """Extract facts and MoU events from relevant articles not yet extracted by this extractor version."""
    stats = StepStats()
    rows = load.articles_to_extract(con, EXTRACTOR_VERSION, everything)
    with _mapper(workers, len(rows)) as map_:
        results = map_(_extract_one, rows)
    load.save_extractions(con, results, EXTRACTOR_VERSION)
    stats.add("articles", len(rows))
    stats.add("facts", sum(len(r[1]) for r in results))
    stats.add("mous", sum(len(r[2]) for r in results))
    # what goes to the marts (high) and what waits for an analyst (review), per run
    for kind, position in (("facts", 1), ("mous", 2)):
        review = sum(1 for r in results for item in r[position] if item.get("confidence") == "review")
        stats.add(f"{kind}_review", review)
        stats.add(f"{kind}_high", stats.counts[kind] - review)
    stats.add("articles_with_facts", sum(1 for r in results if r[1]))
    c = stats.counts
    log(
        f"extracted {len(rows)} articles: {c['facts']} facts ({c['facts_high']} high, {c['facts_review']} for review), "
        f"{c['mous']} MoU mentions ({c['mous_high']} high, {c['mous_review']} for review)"
    )
    return stats


def region_rows() -> list[dict]:
    """The gazetteer as rows for raw.regions, with the alias names the extractor uses."""
    gaz = load_gazetteer()
    aliases: dict[str, list[str]] = {}
    for alias, code in gaz.aliases.items():
        aliases.setdefault(code, []).append(alias)
    return [
        {
            "region_code": r.code, "region_name": r.name, "region_type": r.type, "bare_name": r.bare_name,
            "province_code": r.province_code, "province_name": r.province_name, "aliases": sorted(aliases.get(r.code, [])),
        }
        for r in gaz.regions.values()
    ]


def stored_article_index(con: duckdb.DuckDBPyConnection) -> ArticleIndex:
    """The stored articles as an index for duplicate detection."""
    index = ArticleIndex()
    for article_id, canonical, fingerprints, sha in load.article_index_rows(con):
        index.add(article_id, canonical, fingerprints or [], sha)
    return index


def save_cleaned_pages(
    con: duckdb.DuckDBPyConnection,
    results: list[tuple[str, str, CleanedPage | None, str | None]],
    index: ArticleIndex,
    stats: StepStats,
) -> None:
    """Store pages cleaned elsewhere (url, source, page or None, error) exactly as ``clean_pages`` does:
    new stories become articles, copies join theirs, failures go to raw.rejected_pages."""
    _save_clean_batch(con, results, index, stats, everything=False)
