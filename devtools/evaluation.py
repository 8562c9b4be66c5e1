"""Scoring extraction against gold labels, with the matching rules of ``shared/tools/score_facts.py``:
a fact matches on region code (digits), metric, kind and value (percent within 0.01, counts and rupiah
within 0.5 %), and on segment where the gold names one; an MoU on region code and the signing date to
the gold's precision. Optional gold items are neither rewarded nor punished; repeats of a matched fact
are not counted against the prediction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


def _digits(code: object) -> str:
    return "".join(ch for ch in str(code or "") if ch.isdigit())


def _value_close(metric: str, gold: object, pred: object) -> bool:
    try:
        g, p = float(gold), float(pred)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if metric.endswith("_pct"):
        return abs(g - p) <= 0.01 + 1e-9
    return abs(g - p) <= 0.005 * max(abs(g), 1.0)


def fact_match(g: dict, p: dict) -> bool:
    """Does predicted fact ``p`` match gold fact ``g``?"""
    if _digits(g.get("region_code")) != _digits(p.get("region_code")):
        return False
    if g.get("metric") != p.get("metric") or (g.get("kind") or "actual") != (p.get("kind") or "actual"):
        return False
    if g.get("segment") and g.get("segment") != p.get("segment"):
        return False
    return _value_close(g["metric"], g.get("value"), p.get("value"))


def mou_match(g: dict, p: dict) -> bool:
    """Does predicted MoU ``p`` match gold MoU ``g``?"""
    if _digits(g.get("region_code")) != _digits(p.get("region_code")):
        return False
    return str(p.get("signed_on") or "").startswith(str(g.get("signed_on") or ""))


@dataclass
class Tally:
    """True positives, false positives and false negatives, with precision/recall/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score(gold: list[dict], pred: list[dict], match: Callable[[dict, dict], bool]) -> tuple[list, list, list]:
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    hits, spurious = [], []
    for p in pred:
        hit = next((i for i, g in enumerate(required) if i not in used and match(g, p)), None)
        if hit is not None:
            used.add(hit)
            hits.append(p)
        elif any(match(g, p) for g in optional) or any(match(required[i], p) for i in used):
            continue
        else:
            spurious.append(p)
    missed = [g for i, g in enumerate(required) if i not in used]
    return hits, spurious, missed


def evaluate(gold: Iterable[dict], predictions: dict[str, dict]) -> dict[str, Tally]:
    """Tallies for ``facts``, ``mous`` and each metric (``facts:<metric>``) over all gold articles."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for g in gold:
        p = predictions.get(g["id"], {})
        hits, spurious, missed = _score(g.get("facts", []), p.get("facts") or [], fact_match)
        for item in hits:
            tallies["facts"].tp += 1
            tallies[f"facts:{item['metric']}"].tp += 1
        for item in spurious:
            tallies["facts"].fp += 1
            tallies[f"facts:{item['metric']}"].fp += 1
            tallies["facts"].errors.append(f"{g['id']} spurious {_brief(item)}")
        for item in missed:
            tallies["facts"].fn += 1
            tallies[f"facts:{item['metric']}"].fn += 1
            tallies["facts"].errors.append(f"{g['id']} missed {_brief(item)}")
        hits, spurious, missed = _score(g.get("mous", []), p.get("mous") or [], mou_match)
        tallies["mous"].tp += len(hits)
        tallies["mous"].fp += len(spurious)
        tallies["mous"].fn += len(missed)
        tallies["mous"].errors += [f"{g['id']} spurious MoU {_brief(m)}" for m in spurious]
        tallies["mous"].errors += [f"{g['id']} missed MoU {_brief(m)}" for m in missed]
    return dict(tallies)


def _brief(item: dict) -> str:
    keys = ("region_code", "metric", "kind", "segment", "value", "signed_on")
    return str({k: item.get(k) for k in keys if k in item})


def report(name: str, tallies: dict[str, Tally]) -> str:
    """A printable precision/recall/F1 table."""
    lines = [f"{name}", f"  {'':<34} {'prec':>6} {'recall':>6} {'f1':>6}   tp  fp  fn"]
    for key in ["facts"] + sorted(k for k in tallies if k.startswith("facts:")) + ["mous"]:
        t = tallies.get(key, Tally())
        lines.append(f"  {key:<34} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:4d} {t.fp:3d} {t.fn:3d}")
    return "\n".join(lines)
