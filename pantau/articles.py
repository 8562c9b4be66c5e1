"""From cleaned pages to articles: one article per story, however many URLs it was published at."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .clean import CleanedPage, hamming

NEAR_DUPLICATE_BITS = 3  # SimHash distance at which two texts are the same story (wire copies, AMP pages)


def article_id_for(canonical_url: str) -> str:
    """A stable id for the story first seen at this canonical URL."""
    return hashlib.sha1(canonical_url.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class KnownArticle:
    article_id: str
    simhash: int
    text_sha256: str


class ArticleIndex:
    """Existing articles, findable by canonical URL, exact text and near-identical text.

    SimHashes within 3 bits share at least one of four 16-bit bands (pigeonhole), so candidates are
    looked up per band instead of compared with every stored article.
    """

    def __init__(self) -> None:
        self.by_canonical: dict[str, str] = {}
        self.by_sha: dict[str, str] = {}
        self.bands: list[dict[int, list[KnownArticle]]] = [{} for _ in range(4)]

    def add(self, article_id: str, canonical_url: str | None, simhash: int, text_sha256: str) -> None:
        known = KnownArticle(article_id, simhash, text_sha256)
        if canonical_url:
            self.by_canonical.setdefault(canonical_url, article_id)
        self.by_sha.setdefault(text_sha256, article_id)
        for i in range(4):
            self.bands[i].setdefault((simhash >> (16 * i)) & 0xFFFF, []).append(known)

    def match(self, page: CleanedPage) -> tuple[str | None, bool]:
        """(article id, matched by similarity) for a page, or (None, False) for a new story."""
        if page.canonical_url in self.by_canonical:
            return self.by_canonical[page.canonical_url], False
        if page.text_sha256 in self.by_sha:
            return self.by_sha[page.text_sha256], True
        for i in range(4):
            for known in self.bands[i].get((page.simhash >> (16 * i)) & 0xFFFF, ()):
                if hamming(known.simhash, page.simhash) <= NEAR_DUPLICATE_BITS:
                    return known.article_id, True
        return None, False
