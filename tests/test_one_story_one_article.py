"""Issue 16, item 1: any sequence of crawl, backfill, re-backfill and re-extraction leaves the same
articles, facts and source counts as a single run over the same pages."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.story_pages import StoryPage, archived, story_pages, write_crawl_file
from devtools.warc_archives import write_warc
from pantau import steps
from pantau.backfill import merge_archive_outputs, process_archive
from pantau.settings import Settings
from warehouse.db import writer

PAGES = story_pages(3)
QUIET = lambda _: None  # noqa: E731


class Warehouse:
    """A fresh warehouse and data folder, and the pipeline's operations on them."""

    def __init__(self, root: Path):
        self.root = root
        self.settings = Settings(warehouse_path=root / "wh.duckdb", data_dir=root / "data")
        self.files = 0

    def crawl(self, pages: list[StoryPage]) -> None:
        """What a daily run does with these fetched pages: load, clean the new ones, extract."""
        self.files += 1
        write_crawl_file(self.settings.crawl_dir / f"crawl-{self.files:04d}.jsonl", pages)
        with writer(self.settings.warehouse_path) as con:
            steps.load_pending_crawls(con, self.settings.crawl_dir, log=QUIET)
            steps.clean_pages(con, log=QUIET)
            steps.extract_articles(con, log=QUIET)

    def backfill(self, pages: list[StoryPage], name: str) -> None:
        """Read one archive file holding these captures, merge it (a re-run of ``name`` replaces its output)."""
        path = write_warc(self.root / "warc" / f"{name}.warc.gz", archived(pages)).path
        process_archive(str(path), self.settings, log=QUIET)
        with writer(self.settings.warehouse_path) as con:
            merge_archive_outputs(con, self.settings, log=QUIET)

    def reextract(self) -> None:
        """``pantau run --reextract``: re-clean every stored page, re-extract every article."""
        with writer(self.settings.warehouse_path) as con:
            steps.clean_pages(con, everything=True, log=QUIET)
            steps.extract_articles(con, everything=True, log=QUIET)

    def state(self) -> dict:
        """What the marts are built from, named by URLs rather than by ids (which keep their first value)."""
        with writer(self.settings.warehouse_path) as con:
            links = con.execute("select url, article_id from raw.article_urls").fetchall()
            urls_of: dict[str, frozenset[str]] = {}
            for url, article_id in links:
                urls_of[article_id] = urls_of.get(article_id, frozenset()) | {url}
            articles = con.execute("select article_id, relevant from raw.articles").fetchall()
            facts = con.execute(
                "select article_id, region_code, metric, kind, segment, value, confidence from raw.facts"
            ).fetchall()
            mous = con.execute("select article_id, region_code, partner, kind, confidence from raw.mou_mentions").fetchall()
            rejected = {r[0] for r in con.execute("select url from raw.rejected_pages").fetchall()}
        orphans = [a for a, _ in articles if a not in urls_of]
        stories = frozenset(urls_of[a] for a, _ in articles if a in urls_of)
        return {
            "orphan_articles": orphans,
            "stories": stories,
            "relevant": frozenset(urls_of[a] for a, relevant in articles if relevant and a in urls_of),
            "facts": Counter((urls_of.get(f[0]), *f[1:]) for f in facts),
            "mous": Counter((urls_of.get(m[0]), *m[1:]) for m in mous),
            "rejected": rejected,
            # what source_count and *_sources_reporting count: articles reporting each figure
            "articles_per_figure": Counter((f[1], f[2], f[3], f[5]) for f in facts if f[6] == "high"),
        }


# an operation: ("crawl", pages), ("backfill", file number, pages), ("reextract",)
_subset = st.sets(st.sampled_from(range(len(PAGES))), min_size=1)
_operation = st.one_of(
    st.tuples(st.just("crawl"), _subset),
    st.tuples(st.just("backfill"), st.integers(0, 2), _subset),
    st.tuples(st.just("reextract")),
)


def _run(ops: list[tuple], root: Path) -> tuple[dict, list[StoryPage]]:
    wh = Warehouse(root)
    delivered: dict[tuple[str, str], StoryPage] = {}  # (via, url) → the page as first delivered
    archive_files: dict[int, list[StoryPage]] = {}
    for op in ops:
        if op[0] == "crawl":
            pages = [PAGES[i] for i in sorted(op[1]) if PAGES[i].via == "crawl"]
            if pages:
                wh.crawl(pages)
        elif op[0] == "backfill":
            # file n holds what it held before plus the new captures: re-backfilling a file reads it again
            pages = archive_files.setdefault(op[1], [])
            pages += [PAGES[i] for i in sorted(op[2]) if PAGES[i].via == "archive" and PAGES[i] not in pages]
            if not pages:
                continue
            wh.backfill(pages, f"file{op[1]}")
        else:
            wh.reextract()
            continue
        for p in pages:
            delivered.setdefault((p.via, p.url), p)
    return wh.state(), list(delivered.values())


def _single_run(pages: list[StoryPage], root: Path) -> dict:
    """Every delivered page loaded at once, cleaned in one pass, extracted once; a URL both crawled and
    archived is stored once, as its earlier capture."""
    first: dict[str, StoryPage] = {}
    for p in sorted(pages, key=lambda p: p.when):
        first.setdefault(p.url, p)
    wh = Warehouse(root)
    wh.crawl(list(first.values()))
    return wh.state()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(ops=st.lists(_operation, min_size=1, max_size=5))
def test_any_sequence_of_crawl_backfill_and_reextraction_equals_one_run(ops):
    with tempfile.TemporaryDirectory() as tmp:
        state, delivered = _run(ops, Path(tmp) / "seq")
        if not delivered:
            return
        expected = _single_run(delivered, Path(tmp) / "once")
    assert state["orphan_articles"] == []
    for key in ("stories", "relevant", "facts", "mous", "rejected", "articles_per_figure"):
        assert state[key] == expected[key], key


def test_backfill_of_crawled_pages_then_reextraction_adds_no_article(tmp_path):
    """The issue's first row: crawl, backfill the same stories from an archive, re-extract."""
    crawl = [p for p in PAGES if p.via == "crawl"]
    archive = [p for p in PAGES if p.via == "archive"]
    wh = Warehouse(tmp_path)
    wh.crawl(crawl)
    before = wh.state()
    wh.backfill(archive, "cc")
    wh.reextract()
    after = wh.state()
    assert after["orphan_articles"] == []
    assert len(after["stories"]) == len(before["stories"]) == 3
    assert after["articles_per_figure"] == before["articles_per_figure"]
    assert sum(after["facts"].values()) == sum(before["facts"].values())
