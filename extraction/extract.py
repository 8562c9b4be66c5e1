"""Article in, facts and MoU events out: the one extraction path that ``pantau extract`` and the pipeline share."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from .dates import parse_published
from .facts import SentenceContext, facts_in_sentence, sentence_topic
from .gazetteer import Gazetteer, load_gazetteer
from .model import Extraction, Fact
from .mous import find_mous
from .regions import find_dateline, find_region_mentions, main_region
from .relevance import is_relevant
from .text import split_sentences


def _source_version() -> str:
    """A version that changes whenever the extraction code or vocabulary changes, so stored articles
    are re-extracted by the next run without anyone remembering to bump a number."""
    package = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"1.{digest.hexdigest()[:10]}"


EXTRACTOR_VERSION = _source_version()


def extract(
    text: str,
    published: str | date | None = None,
    title: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Extract JKN facts and MoU events from one cleaned article text.

    ``published`` resolves dates without a year ("Rabu (19/11)") and relative ones ("tahun lalu").
    Offsets in the result point into ``text``. Pure: no I/O beyond the cached gazetteer.
    """
    gazetteer = gazetteer or load_gazetteer()
    pub = parse_published(published)
    if not is_relevant(text, title):
        return Extraction(relevant=False)
    sentences = split_sentences(text)
    mentions = find_region_mentions(text, gazetteer)
    dateline, dateline_end = find_dateline(text, gazetteer)
    title_mentions = find_region_mentions(title, gazetteer) if title else []
    main = main_region(mentions + title_mentions, dateline, gazetteer)

    ctx = SentenceContext(last_region=dateline, main_region=main, last_pct_metric=None, dateline_end=dateline_end, gazetteer=gazetteer)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    ctx.recent_topic = sentence_topic(title) if title else None
    for s in sentences:
        found = facts_in_sentence(s, mentions, ctx, pub, gazetteer)
        for f in found:
            key = (f.region_code, f.metric, f.kind, f.segment, f.value)
            if key not in seen:
                seen.add(key)
                facts.append(f)
        here = [m for m in mentions if s.start <= m.start < s.end and not m.office and m.start >= dateline_end]
        ctx.advance(s, found, here)
    mous = find_mous(sentences, mentions, main, pub, title, gazetteer)
    return Extraction(relevant=True, facts=facts, mous=mous)
