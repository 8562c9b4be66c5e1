"""Article in, facts and MoU events out: the one extraction path that ``pantau extract`` and the pipeline share."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from .candidates import ArticleReading, fact_candidates, mou_candidates
from .confidence import assess
from .dates import parse_published
from .decider import DECIDER_DIGEST, RULES_ONLY, Decider, load_decider
from .facts import SentenceContext, facts_in_sentence
from .gazetteer import Gazetteer, load_gazetteer
from .model import Extraction, Fact
from .mous import find_mous
from .regions import find_dateline, find_region_mentions, main_region
from .relevance import is_relevant
from .text import Sentence, split_sentences


def _source_version() -> str:
    """A version that changes whenever the extraction code or vocabulary changes, so stored articles
    are re-extracted by the next run without anyone remembering to bump a number."""
    package = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    # the trained decider's weights decide as much as the code does
    digest.update(DECIDER_DIGEST.encode())
    return f"2.{digest.hexdigest()[:10]}"


EXTRACTOR_VERSION = _source_version()
JAKARTA, NATION = "31", "00"


def read_article(
    text: str,
    published: str | date | None = None,
    title: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> ArticleReading | None:
    """What the rules read in one cleaned article (``None`` when it is not about JKN): sentences, region
    mentions and their roles, and the rules' facts and MoUs, each with the cues that decided it."""
    gazetteer = gazetteer or load_gazetteer()
    pub = parse_published(published)
    if not is_relevant(text, title):
        return None
    sentences = split_sentences(text)
    mentions = find_region_mentions(text, gazetteer)
    dateline, dateline_end = find_dateline(text, gazetteer)
    if dateline == JAKARTA and not any(m.code == JAKARTA and m.start >= dateline_end and not m.office for m in mentions):
        # national figures are announced in Jakarta: the capital in a dateline, never named again, is the nation's
        dateline = NATION
    title_mentions = find_region_mentions(title, gazetteer) if title else []
    main = main_region(mentions + title_mentions, dateline, gazetteer)

    dateline_start = text.rfind("\n", 0, dateline_end) + 1 if dateline_end else 0
    ctx = SentenceContext(last_region=dateline, main_region=main, last_pct_metric=None, dateline_end=dateline_end,
                          dateline_start=dateline_start, gazetteer=gazetteer)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    if title:
        ctx.remember_headline(title)
    for s in sentences:
        found = facts_in_sentence(s, mentions, ctx, pub, gazetteer)
        for f in found:
            key = (f.region_code, f.metric, f.kind, f.segment, f.value)
            if key not in seen:
                seen.add(key)
                facts.append(f)
        here = [m for m in mentions if s.start <= m.start < s.end and not m.office and not ctx.in_dateline(m.start)]
        ctx.advance(s, found, here)
    if sentences and _is_headline(sentences[0], text, title):
        facts = _without_rounded_headline_figures(facts, sentences[0].start)
    mous = find_mous(sentences, mentions, main, pub, title, gazetteer, dateline_end)
    return ArticleReading(text, title, pub, sentences, mentions, title_mentions, dateline, dateline_end, main,
                          [assess(f) for f in facts], mous)


def extract(
    text: str,
    published: str | date | None = None,
    title: str | None = None,
    gazetteer: Gazetteer | None = None,
    decider: Decider | None = None,
) -> Extraction:
    """Extract JKN facts and MoU events from one cleaned article text.

    The rules propose candidates (``read_article``, ``candidates``); the trained decider scores each with a
    calibrated probability and keeps, per figure, the best reading above its metric's threshold as "high";
    the rest worth a look go to review. ``decider=RULES_ONLY`` gives the rules' own confidence instead.
    ``published`` resolves dates without a year ("Rabu (19/11)") and relative ones ("tahun lalu").
    Offsets in the result point into ``text``. Pure: no I/O beyond the cached gazetteer and model.
    """
    gazetteer = gazetteer or load_gazetteer()
    reading = read_article(text, published, title, gazetteer)
    if reading is None:
        return Extraction(relevant=False)
    decider = decider or load_decider()
    if decider is RULES_ONLY:
        return Extraction(relevant=True, facts=reading.facts, mous=reading.mous)
    facts = decider.decide_facts(fact_candidates(reading, gazetteer))
    mous = decider.decide_mous(mou_candidates(reading, gazetteer))
    return Extraction(relevant=True, facts=facts, mous=mous)


def _is_headline(first: Sentence, text: str, title: str | None) -> bool:
    """Whether the text opens with the headline (extracted pages and saved articles often do)."""
    line = first.text.strip()
    if title and " ".join(line.split()).lower() == " ".join(title.split()).lower():
        return True
    return len(line) < 160 and not line.endswith((".", "!", "?", '"', "”")) and text[first.end : first.end + 1] in ("\n", "")


def _without_rounded_headline_figures(facts: list[Fact], headline_start: int) -> list[Fact]:
    """Drop a headline figure that rounds one the body states ("... 82 Persen" over "82,4 persen"): one statement."""
    body = [f for f in facts if f.start != headline_start]

    def restated(f: Fact) -> bool:
        for b in body:
            if (b.region_code, b.metric, b.kind) != (f.region_code, f.metric, f.kind):
                continue
            if abs(b.value - f.value) < 1 if f.metric.endswith("_pct") else abs(b.value - f.value) <= 0.05 * max(b.value, f.value):
                return True
        return False

    return [f for f in facts if f.start != headline_start or not restated(f)]
