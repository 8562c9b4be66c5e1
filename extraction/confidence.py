"""Which facts are sure enough for the marts: precision first.

Each rule names a pattern whose facts are wrong too often on real news to publish unseen; such a fact goes
to the analysts' review queue with the rule's reason. Rules read the fact and the cues that decided it
(``Fact.decided_by``), never the article again, so a reviewer sees exactly why a figure was held back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Fact


@dataclass(frozen=True, slots=True)
class ReviewRule:
    """A named reason to hold a fact back for review."""

    name: str
    reason: str
    applies: Callable[[Fact], bool]


def _cue(fact: Fact, cue: str) -> bool:
    return cue in fact.decided_by


def _count_without_segment(fact: Fact) -> bool:
    # a count whose segment the text leaves open is, on real news, mostly a population, a quota or a sub-count
    return fact.metric == "participants" and fact.segment is None


REVIEW_RULES: tuple[ReviewRule, ...] = (
    ReviewRule("segment_unknown", "a participant count whose segment the text does not make clear", _count_without_segment),
    ReviewRule("one_group", "a percentage that may be about one segment or group of people, not the whole region",
               lambda f: _cue(f, "metric:about_one_group")),
    ReviewRule("several_regions", "the figure may be about several regions together or a branch's working area",
               lambda f: _cue(f, "region:several_regions")),
    ReviewRule("general_criterion", "a general rule for what counts as UHC rather than this region's own target",
               lambda f: _cue(f, "kind:general_criterion")),
    ReviewRule("quota", "a quota or estimate of participants, not a count of them",
               lambda f: _cue(f, "metric:quota_or_estimate")),
)


def assess(fact: Fact) -> Fact:
    """Set the fact's confidence: "review" with the first matching rule's reason, else "high"."""
    for rule in REVIEW_RULES:
        if rule.applies(fact):
            fact.confidence = "review"
            fact.review_reason = rule.reason
            fact.decided_by.append(f"review:{rule.name}")
            return fact
    fact.confidence = "high"
    fact.review_reason = None
    return fact
