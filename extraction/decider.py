"""The trained decider: which candidate reading of a figure (and which MoU) is right, with a calibrated probability.

The model is a logistic regression over the named features of ``candidates.py``, trained on labelled real news by
``pantau train`` (``devtools/training.py``) and stored as reviewed JSON beside this module (``decider.json``):
weights by feature name, an isotonic calibration as breakpoints, and a threshold per metric chosen on
article-grouped cross-validation for precision. Scoring is a sum of weights, so it stays pure Python and fast.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .candidates import Candidate, MouCandidate
from .model import Fact, MouEvent

MODEL_PATH = Path(__file__).with_name("decider.json")
# read once: its hash versions the extractor at import, and the same bytes are the model load_decider parses
_MODEL_BYTES = MODEL_PATH.read_bytes() if MODEL_PATH.exists() else None
DECIDER_DIGEST = hashlib.sha256(_MODEL_BYTES).hexdigest()[:12] if _MODEL_BYTES is not None else "none"
REASONS_SHOWN = 4


@dataclass(slots=True)
class LinearModel:
    """Logistic weights by feature name, an isotonic calibration, and decision thresholds."""

    weights: dict[str, float]
    bias: float
    # Platt scaling fitted on held-out logits: p = 1 / (1 + exp(-(a * logit + b)))
    calibration_a: float = 1.0
    calibration_b: float = 0.0
    thresholds: dict[str, float] = field(default_factory=dict)
    default_threshold: float = 0.5
    review_floor: float = 0.05
    # "rules_and_score": only a reading the rules themselves publish, scored at or above the threshold, reaches the
    # marts (while the model alone cannot reach the precision goal on held-out news); "score": the score alone
    policy: str = "score"

    @classmethod
    def from_dict(cls, d: dict) -> LinearModel:
        """Read one model section of ``decider.json``."""
        cal = d.get("calibration") or {}
        return cls(
            weights=dict(d["weights"]),
            bias=float(d["bias"]),
            calibration_a=float(cal.get("a", 1.0)),
            calibration_b=float(cal.get("b", 0.0)),
            thresholds=dict(d.get("thresholds", {})),
            default_threshold=float(d.get("default_threshold", 0.5)),
            review_floor=float(d.get("review_floor", 0.05)),
            policy=str(d.get("policy", "score")),
        )

    def margin(self, features: list[str]) -> float:
        """The logit before calibration."""
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in features)  # candidates list each feature once

    def probabilities(self, candidates: list[Candidate]) -> list[float]:
        """The calibrated probability of each candidate; a figure's shared features are weighed once."""
        w, out = self.weights, []
        shared: dict[int, float] = {}
        for c in candidates:
            key = id(c.shared)
            if key not in shared:
                shared[key] = sum(w.get(f, 0.0) for f in c.shared)
            own = sum(w.get(f, 0.0) for f in c.features[len(c.shared):])
            out.append(self.calibrated(self.bias + shared[key] + own))
        return out

    def probability(self, features: list[str]) -> float:
        """The calibrated probability that a candidate with these features is right."""
        return self.calibrated(self.margin(features))

    def calibrated(self, margin: float) -> float:
        """The calibrated probability of a logit."""
        z = self.calibration_a * margin + self.calibration_b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def reasons(self, features: list[str]) -> list[str]:
        """The features that pushed the score most, signed: "+cue=metric:cakupan", "-before:population"."""
        weighted = [(self.weights[f], f) for f in set(features) if f in self.weights and self.weights[f] != 0]
        weighted.sort(key=lambda x: (-abs(x[0]), x[1]))
        return [f"{'+' if w > 0 else '-'}{name}" for w, name in weighted[:REASONS_SHOWN]]

    def publishes(self, p: float, metric: str, rules_high: bool) -> bool:
        """Whether a reading with probability ``p`` reaches the marts under this model's policy."""
        return p >= self.threshold(metric) and (self.policy == "score" or rules_high)

    def threshold(self, metric: str) -> float:
        """The probability at or above which a fact of this metric reaches the marts."""
        return self.thresholds.get(metric, self.default_threshold)


@dataclass(slots=True)
class Decider:
    """Decides facts and MoUs from their candidates. ``facts`` / ``mous`` of None keep the rules' own confidence."""

    facts: LinearModel | None
    mous: LinearModel | None
    version: str = "none"

    def decide_facts(self, candidates: list[Candidate], probabilities: list[float] | None = None) -> list[Fact]:
        """Per figure, the best-scoring reading: "high" at or above its metric's threshold, else held for review
        when it is the best reading and worth a look; readings joined by the rules to the chosen one share it.
        ``probabilities`` (one per candidate) replace the model's own, as cross-validation scores held-out folds."""
        if self.facts is None:
            return _rules_facts(candidates)
        model = self.facts
        if probabilities is None:
            probabilities = model.probabilities(candidates)
        groups: dict[tuple[int, int], list[tuple[float, Candidate]]] = {}
        for p, c in zip(probabilities, candidates, strict=True):
            groups.setdefault(c.figure, []).append((p, c))
        chosen: dict[tuple, Fact] = {}
        for scored in groups.values():
            scored.sort(key=lambda x: (-x[0], x[1].origin != "rules"))
            best_p, best = scored[0]
            picked = [(best_p, best)]
            picked += [(p, c) for p, c in scored[1:] if c.origin == "rules" and p >= model.threshold(c.fact.metric)
                       and "region:joined_with_the_next_name" in c.fact.decided_by + best.fact.decided_by
                       and c.fact.region_code != best.fact.region_code]
            for p, c in picked:
                fact = _scored(replace(c.fact, decided_by=list(c.fact.decided_by)), p, model.reasons(c.features))
                threshold = model.threshold(fact.metric)
                fact.threshold, fact.features = threshold, sorted(set(c.features))
                if model.publishes(p, fact.metric, c.origin == "rules" and c.fact.confidence == "high"):
                    fact.confidence, fact.review_reason = "high", None
                elif p >= model.review_floor:
                    fact.confidence = "review"
                    fact.review_reason = _why_held(p, threshold, fact.metric, c)
                else:
                    continue
                key = (fact.region_code, fact.metric, fact.kind, fact.segment, fact.value)
                if key not in chosen or (chosen[key].score or 0) < p:
                    chosen[key] = fact
        return sorted(chosen.values(), key=lambda f: (f.start, f.number_start))

    def decide_mous(self, candidates: list[MouCandidate], probabilities: list[float] | None = None) -> list[MouEvent]:
        """Each MoU event with its probability: "high" at or above the threshold, otherwise held for review."""
        if self.mous is None:
            return [c.mou for c in candidates]
        model = self.mous
        if probabilities is None:
            probabilities = [model.probability(c.features) for c in candidates]
        out: list[MouEvent] = []
        for p, c in zip(probabilities, candidates, strict=True):
            m = replace(c.mou)
            m.score, m.reasons = round(p, 4), model.reasons(c.features)
            threshold = model.threshold("mou")
            m.threshold, m.features = threshold, sorted(set(c.features))
            if model.publishes(p, "mou", c.mou.confidence == "high"):
                m.confidence, m.review_reason = "high", None
            else:
                m.review_reason = (f"score {p:.3f} below the MoU threshold {threshold:.2f}" + (f"; {m.review_reason}" if m.review_reason else "")
                                   if p < threshold else m.review_reason)
                m.confidence = "review"
            out.append(m)
        return out


def _why_held(p: float, threshold: float, metric: str, c: Candidate) -> str:
    """Why a reading waits for review: its score, or (above the threshold) the rules' own doubt or its being an
    alternative the rules did not make."""
    rules = c.fact.review_reason if c.origin == "rules" else None
    if p < threshold:
        return f"score {p:.3f} below the {metric} threshold {threshold:.2f}" + (f"; {rules}" if rules else "")
    if rules:
        return rules
    return f"another reading than the rules' ({c.origin.replace('alt_', '')}), score {p:.3f}"


def _scored(fact: Fact, p: float, reasons: list[str]) -> Fact:
    fact.score = round(p, 4)
    fact.reasons = reasons
    return fact


def _rules_facts(candidates: list[Candidate]) -> list[Fact]:
    return [c.fact for c in candidates if c.origin == "rules"]


RULES_ONLY = Decider(facts=None, mous=None, version="rules")


def decider_from_dict(d: dict) -> Decider:
    """A decider from the JSON document ``pantau train`` writes."""
    return Decider(
        facts=LinearModel.from_dict(d["facts"]) if d.get("facts") else None,
        mous=LinearModel.from_dict(d["mous"]) if d.get("mous") else None,
        version=str(d.get("version", "unknown")),
    )


@cache
def load_decider() -> Decider:
    """The committed decider (read once per process); the rules alone when no model has been trained."""
    if _MODEL_BYTES is None:
        return RULES_ONLY
    return decider_from_dict(json.loads(_MODEL_BYTES.decode("utf-8")))
