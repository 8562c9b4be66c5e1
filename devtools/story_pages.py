"""One story seen several ways: crawled, archived at another address, archived at the crawled address,
syndicated by another outlet. The tests send these through crawl, backfill and re-extraction in every
order and check that each story ends as one article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from devtools.corpus import CorpusArticle, load_corpus
from devtools.sample_site import OUTLETS, render_article
from devtools.warc_archives import ARCHIVE_BASE, ArchivedPage

CRAWL_BASE = "http://127.0.0.1:8301"  # the crawled outlet (never contacted: the pages are written here)
SYNDICATOR_BASE = "http://127.0.0.1:8302"  # another outlet that republishes the story


@dataclass(frozen=True)
class StoryPage:
    """One page of a story, and how it reaches the warehouse (``crawl`` or ``archive``)."""

    story: int
    url: str
    html: str
    when: datetime  # fetch time of a crawled page, capture time of an archived one
    via: str
    source: str


def story_pages(n_stories: int = 3) -> list[StoryPage]:
    """Four pages of each of the first ``n_stories`` relevant corpus articles (the variants above)."""
    relevant = [a for a in load_corpus() if not a.distractor][:n_stories]
    pages = []
    for k, article in enumerate(relevant):
        published = datetime.fromisoformat(article.published).replace(tzinfo=UTC)
        crawl_url = f"{CRAWL_BASE}/{article.outlet}{article.path}"
        other = _other_outlet(article)
        pages += [
            StoryPage(k, crawl_url, render_article(article, CRAWL_BASE, []), published + timedelta(days=400), "crawl", article.outlet),
            StoryPage(k, f"{SYNDICATOR_BASE}/{other.outlet}{other.path}", render_article(other, SYNDICATOR_BASE, []),
                      published + timedelta(days=401), "crawl", other.outlet),
            StoryPage(k, f"{ARCHIVE_BASE}/{article.outlet}{article.path}", render_article(article, ARCHIVE_BASE, []),
                      published + timedelta(days=1), "archive", "archive:arsip-berita.example"),
            # the archive's capture of the very URL the crawler fetched
            StoryPage(k, crawl_url, render_article(article, CRAWL_BASE, []), published + timedelta(days=2), "archive", "archive:127.0.0.1"),
        ]
    return pages


def _other_outlet(article: CorpusArticle) -> CorpusArticle:
    outlet = next(o for o in OUTLETS if o != article.outlet)
    return replace(article, outlet=outlet, path=article.path.rstrip("/") + "-salinan")


def write_crawl_file(path: Path, pages: list[StoryPage]) -> Path:
    """A crawl output file (the JSON lines ``scrapy crawl`` writes) holding these pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps({
                "type": "page", "url": p.url, "listed_url": p.url, "source": p.source, "status": 200,
                "content_type": "text/html; charset=utf-8", "encoding": "utf-8", "fetched_at": p.when.isoformat(), "html": p.html,
            }) + "\n")
    return path


def archived(pages: list[StoryPage]) -> list[ArchivedPage]:
    """These pages as WARC captures."""
    return [ArchivedPage(p.url, p.when, p.html.encode("utf-8"), relevant=True) for p in pages]
