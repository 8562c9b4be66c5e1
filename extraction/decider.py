"""The trained decider: which candidate reading of a figure (and which MoU) is right, with a calibrated probability.

The models score the named features of ``candidates.py``. They are trained on labelled real news by ``pantau train``
(``devtools/training.py``), which chooses between a logistic regression and gradient-boosted trees (LightGBM) on
article-grouped cross-validation, and stored as reviewed JSON beside this module (``decider.json``): weights by
feature name, or trees whose every split asks whether one named feature is present; a Platt calibration; and the
thresholds and policy chosen on the held-out folds. Scoring needs no LightGBM: a sum of weights, or the trees laid
out once at load as flat arrays that all the candidates of an article walk down together (numpy).
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

    def scored(self, candidates: list[Candidate]) -> tuple[list[float], Callable[[int], list[str]]]:
        """The probabilities of the candidates, and the reasons of the i-th."""
        return self.probabilities(candidates), lambda i: self.reasons(candidates[i].features)

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


class _Forest:
    """The trees as flat arrays, walked for all the candidates of an article at once: one array step per level
    instead of a Python branch per node and candidate."""

    def __init__(self, trees: list[list[Node]]) -> None:
        self.columns: dict[str, int] = {}  # the features the splits ask for; one more column stays absent for leaves
        sizes = [len(nodes) for nodes in trees]
        self.roots = np.cumsum([0, *sizes[:-1]], dtype=np.intp) if trees else np.zeros(0, dtype=np.intp)
        total = sum(sizes)
        asked, absent, present = (np.arange(total, dtype=np.intp) for _ in range(3))
        self.value = np.zeros(total)
        leaf_paths: dict[int, tuple[tuple[str, float], ...]] = {}
        self.depth = 0
        for root, nodes in zip(self.roots.tolist(), trees, strict=True):
            def walk(i: int, path: tuple[tuple[str, float], ...], nodes=nodes, root=root) -> None:
                feature, no, yes, value = nodes[i]
                self.value[root + i] = value
                if feature is None:
                    leaf_paths[root + i] = path
                    self.depth = max(self.depth, len(path))
                    return
                asked[root + i] = self.columns.setdefault(feature, len(self.columns))
                absent[root + i], present[root + i] = root + no, root + yes
                walk(no, (*path, (f"not {feature}", nodes[no][3] - value)))
                walk(yes, (*path, (feature, nodes[yes][3] - value)))

            walk(0, ())
        for pos in leaf_paths:
            asked[pos] = len(self.columns)  # a leaf asks the column nobody has, and stays where it is
        self.asked, self.absent, self.step = asked, absent, present - absent
        # per leaf, what each split on its path added to the logit (the child's value less the node's): the reasons
        self.names = sorted({name for path in leaf_paths.values() for name, _ in path})
        index = {name: i for i, name in enumerate(self.names)}
        self.leaf_row = np.zeros(total, dtype=np.intp)
        self.path_names = np.full((len(leaf_paths), self.depth), len(self.names), dtype=np.intp)
        self.path_deltas = np.zeros((len(leaf_paths), self.depth))
        for row, (pos, path) in enumerate(leaf_paths.items()):
            self.leaf_row[pos] = row
            for step, (name, delta) in enumerate(path):
                self.path_names[row, step], self.path_deltas[row, step] = index[name], delta

    def leaves(self, rows: list[list[str]], shared: list[list[str]] | None = None) -> np.ndarray:
        """The leaf each row of features reaches in each tree, as an array (rows × trees) of node positions.
        ``shared[i]``, when given, is the head of ``rows[i]`` several rows have in common: looked up once."""
        columns, known = self.columns, {}
        hit_rows: list[int] = []
        hit_cols: list[int] = []
        for i, features in enumerate(rows):
            head = shared[i] if shared is not None else []
            if head:
                cols = known.get(id(head))
                if cols is None:
                    cols = known[id(head)] = [columns[f] for f in head if f in columns]
                hit_cols += cols
                hit_rows += [i] * len(cols)
            own = [columns[f] for f in features[len(head):] if f in columns]
            hit_cols += own
            hit_rows += [i] * len(own)
        width = len(columns) + 1
        present = np.zeros(len(rows) * width, dtype=np.intp)
        present[np.asarray(hit_rows, dtype=np.intp) * width + np.asarray(hit_cols, dtype=np.intp)] = 1
        pos = np.repeat(self.roots[None, :], len(rows), axis=0)
        row = (np.arange(len(rows), dtype=np.intp) * width)[:, None]
        absent, step, asked = self.absent, self.step, self.asked
        for _ in range(self.depth):
            # absent child, or present child where the feature asked is there (flat ``take``s: the fastest indexing)
            pos = absent.take(pos) + present.take(row + asked.take(pos)) * step.take(pos)
        return pos

    def reasons(self, leaves: np.ndarray) -> list[str]:
        """The splits on the paths to these leaves (one per tree) that moved the logit most, signed."""
        rows = self.leaf_row[leaves]
        # one weighted count over every split on the paths taken
        moved = np.bincount(self.path_names[rows].ravel(), self.path_deltas[rows].ravel(), len(self.names) + 1)
        strong = np.flatnonzero(np.abs(moved[:-1]) > 1e-9)
        if len(strong) > REASONS_SHOWN:
            size = np.abs(moved[strong])
            # the REASONS_SHOWN largest and every name tied with the last of them, for _strongest's order by name
            strong = strong[size >= np.partition(size, len(size) - REASONS_SHOWN)[len(size) - REASONS_SHOWN]]
        return _strongest({self.names[i]: float(moved[i]) for i in strong})


@dataclass(slots=True)
class TreeModel(LinearModel):
    """Gradient-boosted trees over binary named features: the logit is ``bias`` plus one leaf value per tree.

    Each node's value is the mean of its leaves weighted by the training examples that reached them, so the logit
    splits exactly into what each split on a candidate's path added (``reasons``)."""

    trees: list[list[Node]] = field(default_factory=list)
    _forest: _Forest | None = None

    @classmethod
    def from_dict(cls, d: dict) -> TreeModel:
        """Read one model section of ``decider.json`` that holds trees."""
        base = LinearModel.from_dict({**d, "weights": {}})
        trees = [[(None if n[0] is None else str(n[0]), int(n[1]), int(n[2]), float(n[3])) for n in tree] for tree in d["trees"]]
        return cls(**{name: getattr(base, name) for name in LinearModel.__dataclass_fields__}, trees=trees)

    @property
    def forest(self) -> _Forest:
        """The trees as arrays, built at first use."""
        if self._forest is None:
            self._forest = _Forest(self.trees)
        return self._forest

    def _logits(self, leaves: np.ndarray) -> list[float]:
        return (self.bias + self.forest.value[leaves].sum(axis=1)).tolist()

    def margin(self, features: list[str]) -> float:
        """The logit before calibration."""
        return self._logits(self.forest.leaves([features]))[0]

    def probabilities(self, candidates: list[Candidate]) -> list[float]:
        """The calibrated probability of each candidate."""
        return self.scored(candidates)[0]

    def scored(self, candidates: list[Candidate]) -> tuple[list[float], Callable[[int], list[str]]]:
        """The probabilities of the candidates, and the reasons of the i-th, from one walk down the trees."""
        if not candidates:
            return [], lambda i: []
        leaves = self.forest.leaves([c.features for c in candidates], [c.shared for c in candidates])
        return [self.calibrated(m) for m in self._logits(leaves)], lambda i: self.forest.reasons(leaves[i])

    def reasons(self, features: list[str]) -> list[str]:
        """The splits that moved the logit most, signed and summed over trees: "+cue=metric:cakupan" when a present
        feature raised it, "-not region_in_headline" when an absent one lowered it."""
        return self.forest.reasons(self.forest.leaves([features])[0])


def _strongest(pushes: dict[str, float]) -> list[str]:
    """The ``REASONS_SHOWN`` names that pushed a logit most, signed ("+cue=metric:cakupan", "-not rules_review");
    ties by name."""
    top = heapq.nsmallest(REASONS_SHOWN, ((-abs(w), name, w) for name, w in pushes.items() if abs(w) > 1e-9))
    return [f"{'+' if w > 0 else '-'}{name}" for _, name, w in top]


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
            probabilities, why = model.scored(candidates)
        else:
            why = lambda i: model.reasons(candidates[i].features)  # noqa: E731
        groups: dict[tuple[int, int], list[tuple[float, int, Candidate]]] = {}
        for i, (p, c) in enumerate(zip(probabilities, candidates, strict=True)):
            groups.setdefault(c.figure, []).append((p, i, c))
        chosen: dict[tuple, Fact] = {}
        for scored in groups.values():
            scored.sort(key=lambda x: (-x[0], x[2].origin != "rules"))
            best_p, _, best = scored[0]
            picked = [scored[0]]
            picked += [(p, i, c) for p, i, c in scored[1:] if c.origin == "rules" and p >= model.threshold(c.fact.metric)
                       and "region:joined_with_the_next_name" in c.fact.decided_by + best.fact.decided_by
                       and c.fact.region_code != best.fact.region_code]
            for p, i, c in picked:
                threshold = model.threshold(c.fact.metric)
                if model.publishes(p, c.fact.metric, c.origin == "rules" and c.fact.confidence == "high"):
                    confidence, review_reason = "high", None
                elif p >= model.review_floor:
                    confidence, review_reason = "review", _why_held(p, threshold, c.fact.metric, c)
                else:
                    continue  # decided before the reasons are read
                fact = _scored(replace(c.fact, decided_by=list(c.fact.decided_by)), p, why(i))
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
