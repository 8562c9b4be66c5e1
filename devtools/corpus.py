"""The bundled corpus: the project's own Indonesian articles with gold labels.

They serve two purposes: the sample news site that the demo and the tests crawl, and the labelled
development set that ``make eval`` scores extraction on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from pantau.settings import PROJECT_ROOT

SAMPLE_SITE_DIR = PROJECT_ROOT / "sample_site"


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the bundled corpus."""

    id: str
    outlet: str
    path: str
    title: str
    published: str
    body: str
    gold: dict = field(default_factory=dict)
    distractor: bool = False
    syndicated_from: str | None = None

    @property
    def text(self) -> str:
        """The article text as a reader sees it: title line, then paragraphs."""
        return self.body.strip()


@cache
def load_corpus(directory: Path = SAMPLE_SITE_DIR / "articles") -> tuple[CorpusArticle, ...]:
    """All corpus articles, ordered by id; a malformed file raises ValueError naming it."""
    articles = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            articles.append(
                CorpusArticle(
                    id=str(data["id"]),
                    outlet=data["outlet"],
                    path=data["path"],
                    title=data["title"],
                    published=str(data["published"]),
                    body=data["body"],
                    gold=data.get("gold") or {"facts": [], "mous": []},
                    distractor=bool(data.get("distractor", False)),
                    syndicated_from=data.get("syndicated_from"),
                )
            )
        except (KeyError, TypeError, yaml.YAMLError) as exc:
            raise ValueError(f"corpus file {path.name} is malformed: {exc}") from exc
    return tuple(articles)
