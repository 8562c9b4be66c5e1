"""What extraction produces: facts and MoU events, each with its evidence and offsets."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

METRICS = ("uhc_coverage_pct", "active_participation_pct", "participants", "contribution_budget_idr")
KINDS = ("actual", "target")
SEGMENTS = ("total", "pbi_apbn", "pemda", "ppu", "pbpu", "bp")
QUALIFIERS = ("exact", "at_least", "approx")
CONFIDENCES = ("high", "review")


@dataclass(slots=True)
class Fact:
    """One figure about JKN in one region, as the shared label schema describes it."""

    region_code: str
    region_name: str
    metric: str
    kind: str
    segment: str | None
    value: float | int
    qualifier: str
    as_of: str | None
    evidence: str
    start: int  # character offsets of the evidence sentence in the cleaned text
    end: int
    optional: bool = False
    # "high" facts reach the marts; "review" ones go to the analysts' review queue with ``review_reason``
    confidence: str = "high"
    # the cues that decided each part of the fact, as "decision:cue" ("metric:cakupan", "region:nearest_name")
    decided_by: list[str] = field(default_factory=list)
    review_reason: str | None = None
    # where the figure itself sits in the cleaned text (-1 when unknown)
    number_start: int = -1
    number_end: int = -1
    # the decider's calibrated probability that the fact is right, and the features that pushed it most
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    # the threshold its score was held against, and every feature of the candidate (names of cues, word classes
    # and single words: what analysts' decisions on this fact teach the next model)
    threshold: float | None = None
    features: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The fact as a JSON-ready dict in the shared schema (plus offsets, confidence, cues and score)."""
        return asdict(self)


@dataclass(slots=True)
class MouEvent:
    """An agreement between a government and BPJS Kesehatan reported in an article."""

    region_code: str
    region_name: str
    signed_on: str | None
    kind: str  # "new" | "renewal"
    evidence: str
    start: int
    end: int
    partner: str = "BPJS Kesehatan"
    optional: bool = False
    confidence: str = "high"
    decided_by: list[str] = field(default_factory=list)
    review_reason: str | None = None
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    threshold: float | None = None
    features: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The MoU as a JSON-ready dict in the shared schema (plus offsets)."""
        return asdict(self)


@dataclass(slots=True)
class Extraction:
    """Everything extraction found in one article."""

    relevant: bool
    facts: list[Fact] = field(default_factory=list)
    mous: list[MouEvent] = field(default_factory=list)
