"""Item pipeline: every fetched page and every failure, one JSON line each, flushed as it comes."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path


class JsonLinesWriter:
    """Append items to the crawl's output file.

    Scrapy's feed exports buffer items and finish the file at close; a crawl killed with -9 would lose
    the pages it had fetched. Writing and flushing one line per item keeps everything fetched so far
    (at worst the last line is cut, and the loader skips it).
    """

    def __init__(self, path: str, crawler=None):
        self.path = Path(path)
        self.fh = None
        self.crawler = crawler
        self.failed = False

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("PANTAU_OUTPUT")
        if not path:
            raise ValueError("PANTAU_OUTPUT (the crawl's output file) is not set")
        return cls(path, crawler)

    def open_spider(self, spider=None):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = self.path.open("a", encoding="utf-8")

    def close_spider(self, spider=None):
        if self.fh:
            with contextlib.suppress(OSError):
                self.fh.close()

    def process_item(self, item, spider=None):
        if self.failed:
            return item
        try:
            self.fh.write(json.dumps(dict(item), ensure_ascii=False) + "\n")
            self.fh.flush()
        except OSError as exc:
            # A full disk (or a vanished mount): stop the crawl instead of fetching pages nobody can keep.
            # The crawl ends with reason "output_write_failed"; the next run fetches what was lost.
            self.failed = True
            if self.crawler is not None:
                self.crawler.spider.logger.error("cannot write %s: %s; stopping the crawl", self.path, exc)
                self.crawler.engine.close_spider(self.crawler.spider, "output_write_failed")
        return item
