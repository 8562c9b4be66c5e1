"""From cleaned pages to articles: one article per story, however many URLs it was published at."""

from __future__ import annotations

import hashlib
from collections import Counter

from .page import CleanedPage

SHARED_SENTENCES = 0.6  # share of the shorter text's sentences two copies of one story have in common


def article_id_for(canonical_url: str) -> str:
    """A stable id for the story first seen at this canonical URL."""
    return hashlib.sha1(canonical_url.encode()).hexdigest()[:16]


class ArticleIndex:
    """Existing articles, findable by canonical URL, exact text and shared sentences."""

    def __init__(self) -> None:
        self.by_canonical: dict[str, str] = {}
        self.by_sha: dict[str, str] = {}
        self.by_sentence: dict[int, list[str]] = {}
        self.sizes: dict[str, int] = {}

    def add(self, article_id: str, canonical_url: str | None, fingerprints: list[int], text_sha256: str) -> None:
        if canonical_url:
            self.by_canonical.setdefault(canonical_url, article_id)
        self.by_sha.setdefault(text_sha256, article_id)
        if article_id not in self.sizes:
            self.sizes[article_id] = len(fingerprints)
            for fp in fingerprints:
                self.by_sentence.setdefault(fp, []).append(article_id)

    def match(self, page: CleanedPage) -> tuple[str | None, bool]:
        """(article id, matched as a copy) for a page, or (None, False) for a new story."""
        if page.canonical_url in self.by_canonical:
            return self.by_canonical[page.canonical_url], False
        if page.text_sha256 in self.by_sha:
            return self.by_sha[page.text_sha256], True
        shared: Counter[str] = Counter()
        for fp in page.fingerprints:
            shared.update(self.by_sentence.get(fp, ()))
        for article_id, n in shared.most_common(3):
            smaller = min(self.sizes[article_id], len(page.fingerprints))
            if smaller >= 2 and n / smaller >= SHARED_SENTENCES:
                return article_id, True
        return None, False
