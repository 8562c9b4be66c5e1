"""Item pipeline: every fetched page and every failure, one JSON line each, flushed as it comes."""

from __future__ import annotations

import json
from pathlib import Path


class JsonLinesWriter:
    """Append items to the crawl's output file.

    Scrapy's feed exports buffer items and finish the file at close; a crawl killed with -9 would lose
    the pages it had fetched. Writing and flushing one line per item keeps everything fetched so far
    (at worst the last line is cut, and the loader skips it).
    """

    def __init__(self, path: str):
        self.path = Path(path)
        self.fh = None

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("PANTAU_OUTPUT")
        if not path:
            raise ValueError("PANTAU_OUTPUT (the crawl's output file) is not set")
        return cls(path)

    def open_spider(self, spider=None):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = self.path.open("a", encoding="utf-8")

    def close_spider(self, spider=None):
        if self.fh:
            self.fh.close()

    def process_item(self, item, spider=None):
        self.fh.write(json.dumps(dict(item), ensure_ascii=False) + "\n")
        self.fh.flush()
        return item
