"""The trained decider: which candidate reading of a figure (and which MoU) is right, with a calibrated probability.

The models score the named features of ``candidates.py``. They are trained on labelled real news by ``pantau train``
(``devtools/training.py``), which chooses between a logistic regression and gradient-boosted trees (LightGBM) on
article-grouped cross-validation, and stored as reviewed JSON beside this module (``decider.json``): weights by
feature name, or trees whose every split asks whether one named feature is present; a Platt calibration; and the
thresholds and policy chosen on the held-out folds. Scoring stays pure Python: a sum of weights, or the trees
compiled once at load into one expression of set lookups.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import numpy as np

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
    # under "rules_and_score", the score at which a reading the rules do not publish reaches the marts on its own
    # (above 1: never)
    alone_threshold: float = 1.01

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
            alone_threshold=float(d.get("alone_threshold", 1.01)),
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
        w = self.weights
        return _strongest({f: w[f] for f in set(features) if f in w})

    def publishes(self, p: float, metric: str, rules_high: bool) -> bool:
        """Whether a reading with probability ``p`` reaches the marts under this model's policy."""
        return p >= self.threshold(metric) and (self.policy == "score" or rules_high or p >= self.alone_threshold)

    def threshold(self, metric: str) -> float:
        """The probability at or above which a fact of this metric reaches the marts."""
        return self.thresholds.get(metric, self.default_threshold)


Node = tuple[str | None, int, int, float]  # (feature asked, node if absent, node if present, value); feature None: a leaf


@dataclass(slots=True)
class TreeModel(LinearModel):
    """Gradient-boosted trees over binary named features: the logit is ``bias`` plus one leaf value per tree.

    Each node's value is the mean of its leaves weighted by the training examples that reached them, so the logit
    splits exactly into what each split on a candidate's path added (``reasons``)."""

    trees: list[list[Node]] = field(default_factory=list)
    _logit: Callable[[frozenset[str] | set[str]], float] | None = None
    _leaves: Callable[[frozenset[str] | set[str]], tuple[int, ...]] | None = None
    # per leaf, the splits on its path as rows of (name's index, what it added), padded with a name past the last
    _path_names: np.ndarray | None = None
    _path_deltas: np.ndarray | None = None
    _names: list[str] = field(default_factory=list)  # "feature" and "not feature" for every feature a split asks for

    @classmethod
    def from_dict(cls, d: dict) -> TreeModel:
        """Read one model section of ``decider.json`` that holds trees."""
        base = LinearModel.from_dict({**d, "weights": {}})
        trees = [[(None if n[0] is None else str(n[0]), int(n[1]), int(n[2]), float(n[3])) for n in tree] for tree in d["trees"]]
        return cls(**{name: getattr(base, name) for name in LinearModel.__dataclass_fields__}, trees=trees)

    def _compile(self) -> None:
        self._logit = compile_trees(self.trees, self.bias)
        self._leaves, paths = compile_leaves(self.trees)
        self._names = sorted({name for path in paths for name, _ in path})
        index = {name: i for i, name in enumerate(self._names)}
        depth = max((len(path) for path in paths), default=0)
        self._path_names = np.full((len(paths), depth), len(self._names), dtype=np.intp)
        self._path_deltas = np.zeros((len(paths), depth))
        for leaf, path in enumerate(paths):
            for step, (name, delta) in enumerate(path):
                self._path_names[leaf, step], self._path_deltas[leaf, step] = index[name], delta

    def margin(self, features: list[str]) -> float:
        """The logit before calibration."""
        if self._logit is None:
            self._compile()
        return self._logit(set(features))

    def probabilities(self, candidates: list[Candidate]) -> list[float]:
        """The calibrated probability of each candidate."""
        return [self.calibrated(self.margin(c.features)) for c in candidates]

    def reasons(self, features: list[str]) -> list[str]:
        """The splits that moved the logit most, signed and summed over trees: "+cue=metric:cakupan" when a present
        feature raised it, "-not region_in_headline" when an absent one lowered it."""
        if self._leaves is None:
            self._compile()
        leaves = list(self._leaves(set(features)))
        # one weighted count over every split on the paths taken: a tenth of the time of summing them in Python
        moved = np.bincount(self._path_names[leaves].ravel(), self._path_deltas[leaves].ravel(), len(self._names) + 1)
        strong = np.flatnonzero(np.abs(moved[:-1]) > 1e-9)
        if len(strong) > REASONS_SHOWN:
            size = np.abs(moved[strong])
            # the REASONS_SHOWN largest and every name tied with the last of them, for _strongest's order by name
            strong = strong[size >= np.partition(size, len(size) - REASONS_SHOWN)[len(size) - REASONS_SHOWN]]
        return _strongest({self._names[i]: float(moved[i]) for i in strong})


def _strongest(pushes: dict[str, float]) -> list[str]:
    """The ``REASONS_SHOWN`` names that pushed a logit most, signed ("+cue=metric:cakupan", "-not rules_review");
    ties by name."""
    top = heapq.nsmallest(REASONS_SHOWN, ((-abs(w), name, w) for name, w in pushes.items() if abs(w) > 1e-9))
    return [f"{'+' if w > 0 else '-'}{name}" for _, name, w in top]


def _expression(nodes: list[Node], i: int, leaf: Callable[[int], str]) -> str:
    feature, absent, there, _ = nodes[i]
    if feature is None:
        return leaf(i)
    return f"({_expression(nodes, there, leaf)} if {feature!r} in fs else {_expression(nodes, absent, leaf)})"


def _compiled(body: str) -> Callable:
    # the source holds feature names only as ``repr`` string literals and numbers only as floats and ints, so a
    # doctored JSON cannot inject code; no builtins but sum
    return eval(compile(f"lambda fs: {body}", "<decider trees>", "eval"), {"__builtins__": {}, "sum": sum})  # noqa: S307


def compile_trees(trees: list[list[Node]], bias: float) -> Callable[[frozenset[str] | set[str]], float]:
    """The logit of a set of features: the trees as one Python expression of set lookups, compiled once (twenty
    times faster than walking the nodes)."""
    terms = ", ".join(_expression(nodes, 0, lambda i, nodes=nodes: repr(float(nodes[i][3]))) for nodes in trees)
    return _compiled(f"{float(bias)!r} + sum(({terms},))" if terms else repr(float(bias)))


def compile_leaves(trees: list[list[Node]]) -> tuple[Callable[[frozenset[str] | set[str]], tuple[int, ...]], list[tuple[tuple[str, float], ...]]]:
    """The leaf a set of features reaches in each tree (one compiled expression), and for every leaf what each split
    on its path added to the logit (the child's value less the node's): ``reasons`` sums these."""
    paths: list[tuple[tuple[str, float], ...]] = []
    ids: dict[tuple[int, int], int] = {}
    for t, nodes in enumerate(trees):
        def walk(i: int, path: tuple[tuple[str, float], ...], nodes=nodes, t=t) -> None:
            feature, absent, there, value = nodes[i]
            if feature is None:
                ids[(t, i)] = len(paths)
                paths.append(path)
                return
            walk(absent, (*path, (f"not {feature}", nodes[absent][3] - value)))
            walk(there, (*path, (feature, nodes[there][3] - value)))

        walk(0, ())
    terms = ", ".join(_expression(nodes, 0, lambda i, t=t: str(int(ids[(t, i)]))) for t, nodes in enumerate(trees))
    return _compiled(f"({terms},)" if terms else "()"), paths


@dataclass(slots=True)
class Decider:
    """Decides facts and MoUs from their candidates. ``facts`` / ``mous`` of None keep the rules' own confidence."""

    facts: LinearModel | None  # a TreeModel is a LinearModel with trees
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
                threshold = model.threshold(c.fact.metric)
                if model.publishes(p, c.fact.metric, c.origin == "rules" and c.fact.confidence == "high"):
                    confidence, review_reason = "high", None
                elif p >= model.review_floor:
                    confidence, review_reason = "review", _why_held(p, threshold, c.fact.metric, c)
                else:
                    continue  # decided before the reasons are read: they are most of the trees' time
                fact = _scored(replace(c.fact, decided_by=list(c.fact.decided_by)), p, model.reasons(c.features))
                fact.threshold, fact.features = threshold, sorted(set(c.features))
                fact.confidence, fact.review_reason = confidence, review_reason
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


def model_from_dict(d: dict) -> LinearModel:
    """One model section of ``decider.json``: trees when it holds them, else logistic weights."""
    return TreeModel.from_dict(d) if "trees" in d else LinearModel.from_dict(d)


def decider_from_dict(d: dict) -> Decider:
    """A decider from the JSON document ``pantau train`` writes."""
    return Decider(
        facts=model_from_dict(d["facts"]) if d.get("facts") else None,
        mous=model_from_dict(d["mous"]) if d.get("mous") else None,
        version=str(d.get("version", "unknown")),
    )


@cache
def load_decider() -> Decider:
    """The committed decider (read once per process); the rules alone when no model has been trained."""
    if _MODEL_BYTES is None:
        return RULES_ONLY
    return decider_from_dict(json.loads(_MODEL_BYTES.decode("utf-8")))
