"""Scoring extraction against gold labels (``make eval``), on what reaches the marts.

Matching follows the rules written at the top of ``shared/tools/score_facts.py``: a fact matches on region
code (digits), metric, kind and value (percent within 0.01, counts and rupiah within 0.5 %), and on
segment where the gold names one; an MoU on region code and the signing date to the gold's precision.
Optional gold items are neither rewarded nor punished; repeats of a matched fact are not counted against
the prediction.

Only high-confidence facts and MoUs are scored, as only they reach the marts; the ones held for review
are counted apart: how many would have been right (what gating costs in recall) and how many wrong
(what it saves in precision).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


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
    """True positives, false positives and false negatives, with precision/recall/F1; and the review
    items held back from the marts: how many would have matched a missed gold item, how many not."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    review_right: int = 0
    review_wrong: int = 0
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


def _review_outcome(missed: list[dict], review: list[dict], match: Callable[[dict, dict], bool]) -> tuple[list, list]:
    """Review items that would have recovered a missed gold item, and those that would have been spurious."""
    left = list(missed)
    right, wrong = [], []
    for p in review:
        hit = next((i for i, g in enumerate(left) if match(g, p)), None)
        if hit is None:
            wrong.append(p)
        else:
            right.append(p)
            left.pop(hit)
    return right, wrong


def is_high(item: dict) -> bool:
    """Does this fact or MoU reach the marts (confidence high; older output without confidence counts as high)?"""
    return (item.get("confidence") or "high") == "high"


def evaluate(gold: Iterable[dict], predictions: dict[str, dict]) -> dict[str, Tally]:
    """Tallies for ``facts``, ``mous`` and each metric (``facts:<metric>``) over all gold articles.

    Predictions are scored on their high-confidence items; review items only fill ``review_right`` /
    ``review_wrong``.
    """
    tallies: dict[str, Tally] = defaultdict(Tally)
    for g in gold:
        p = predictions.get(g["id"], {})
        for kind, match in (("facts", fact_match), ("mous", mou_match)):
            items = p.get(kind) or []
            high = [x for x in items if is_high(x)]
            review = [x for x in items if not is_high(x)]
            hits, spurious, missed = _score(g.get(kind, []), high, match)
            right, wrong = _review_outcome(missed, review, match)
            label = "" if kind == "facts" else " MoU"
            for outcome, group in (("tp", hits), ("fp", spurious), ("fn", missed), ("review_right", right), ("review_wrong", wrong)):
                for item in group:
                    keys = [kind] + ([f"facts:{item['metric']}"] if kind == "facts" else [])
                    for key in keys:
                        setattr(tallies[key], outcome, getattr(tallies[key], outcome) + 1)
            tallies[kind].errors += [f"{g['id']} spurious{label} {_brief(x)}" for x in spurious]
            tallies[kind].errors += [f"{g['id']} missed{label} {_brief(x)}" for x in missed]
            tallies[kind].errors += [f"{g['id']} held for review, would be right{label} {_brief(x)}" for x in right]
    return dict(tallies)


def _brief(item: dict) -> str:
    keys = ("region_code", "metric", "kind", "segment", "value", "signed_on")
    text = str({k: item.get(k) for k in keys if k in item})
    if item.get("review_reason"):
        text += f" [review: {item['review_reason']}]"
    if item.get("evidence"):
        text += f"\n        evidence: {item['evidence']}"
    return text


def report(name: str, tallies: dict[str, Tally]) -> str:
    """A printable precision/recall/F1 table, with the review items held back."""
    lines = [f"{name}", f"  {'':<34} {'prec':>6} {'recall':>6} {'f1':>6}   tp  fp  fn  review: right wrong"]
    for key in ["facts"] + sorted(k for k in tallies if k.startswith("facts:")) + ["mous"]:
        t = tallies.get(key, Tally())
        lines.append(
            f"  {key:<34} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:4d} {t.fp:3d} {t.fn:3d}"
            f"          {t.review_right:5d} {t.review_wrong:5d}"
        )
    return "\n".join(lines)


@dataclass
class LabelledSet:
    """Gold labels of one set of articles and the texts found for them."""

    name: str
    labels: list[dict]
    texts: dict[str, str]
    skipped: dict[str, int] = field(default_factory=dict)


def read_labelled_set(name: str, labels_path: Path, texts_dir: Path, check_sha: bool) -> LabelledSet:
    """Labels (JSONL) and ``texts_dir/<id>.txt``; a missing text, or one whose sha256 differs from the
    label's ``text_sha256`` (a re-collected page that changed), is skipped and counted."""
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    skipped: dict[str, int] = defaultdict(int)
    for g in labels:
        path = texts_dir / f"{g['id']}.txt"
        if not path.exists():
            skipped["missing text"] += 1
            continue
        raw = path.read_bytes()
        if check_sha and g.get("text_sha256") and hashlib.sha256(raw).hexdigest() != g["text_sha256"]:
            skipped["text changed (sha256)"] += 1
            continue
        texts[g["id"]] = raw.decode("utf-8")
    kept = [g for g in labels if g["id"] in texts]
    return LabelledSet(name, kept, texts, dict(skipped))


def real_label_sets(project_root: Path) -> list[tuple[str, Path, Path]]:
    """The labelled real sets that train the decider and that cross-validation holds out in turn:
    (name, labels, texts folder). The locked final test (``eval/real/locked.jsonl``) is never one of them."""
    shared, real = project_root.parent / "shared", project_root / "eval" / "real"
    return [
        ("shared realdev", shared / "realdev" / "labels.jsonl", shared / "realdev" / "texts"),
        ("eval/real", real / "labels.jsonl", real / "texts"),
        ("eval/real new", real / "new.jsonl", real / "texts"),
    ]


def predict(texts: dict[str, str], labels: list[dict], gazetteer) -> dict[str, dict]:
    """Extraction output (facts and MoUs as dicts, review ones included) for each labelled text."""
    from extraction import extract

    preds = {}
    for g in labels:
        r = extract(texts[g["id"]], g.get("published"), g.get("title"), gazetteer)
        preds[g["id"]] = {"facts": [f.to_dict() for f in r.facts], "mous": [m.to_dict() for m in r.mous]}
    return preds


def run(project_root: Path, gold_dir: Path | None = None, show_errors: bool = False, out=print,
        locked: bool = False) -> dict[str, dict[str, Tally]]:
    """``make eval``: the bundled corpus, then each labelled set that exists: ``../shared/gold`` seeds,
    ``../shared/realdev``, and the project's own ``eval/real`` (labels in git, texts re-collected into the
    git-ignored ``eval/real/texts/``). Returns the tallies of each set by name."""
    from extraction import extract, load_gazetteer

    from .corpus import load_corpus

    gazetteer = load_gazetteer()
    results: dict[str, dict[str, Tally]] = {}

    def show(title: str, tallies: dict[str, Tally]) -> None:
        out(report(title, tallies))
        if show_errors:
            for line in tallies.get("facts", Tally()).errors + tallies.get("mous", Tally()).errors:
                out(f"    {line}")

    corpus = load_corpus()
    gold = [{"id": a.id, **a.gold} for a in corpus if not a.distractor]
    preds, from_distractors = {}, 0
    for a in corpus:
        r = extract(a.text, a.published, a.title, gazetteer)
        preds[a.id] = {"facts": [f.to_dict() for f in r.facts], "mous": [m.to_dict() for m in r.mous]}
        if a.distractor:
            from_distractors += sum(1 for x in preds[a.id]["facts"] + preds[a.id]["mous"] if is_high(x))
    results["corpus"] = evaluate(gold, preds)
    show(f"Development corpus: {len(gold)} labelled articles, {len(corpus) - len(gold)} distractors", results["corpus"])
    out(f"  facts or MoUs from distractors reaching the marts: {from_distractors}")

    shared = project_root.parent / "shared"
    gold_dir = gold_dir or shared / "gold"
    sets = [("shared gold seeds", gold_dir / "seeds.jsonl", gold_dir.parent / "seeds", False)]
    sets += [(name, labels, texts, True) for name, labels, texts in real_label_sets(project_root)]
    if locked:
        real = project_root / "eval" / "real"
        sets.append(("eval/real locked (never trained on)", real / "locked.jsonl", real / "texts", True))
    out("\nThe sets below, but for the locked one, trained the decider: their scores are in-sample, not held out.")
    for name, labels_path, texts_dir, check_sha in sets:
        if not labels_path.exists():
            continue
        labelled = read_labelled_set(name, labels_path, texts_dir, check_sha)
        results[name] = evaluate(labelled.labels, predict(labelled.texts, labelled.labels, gazetteer))
        skipped = "".join(f", {n} skipped: {why}" for why, n in sorted(labelled.skipped.items()))
        out("")
        show(f"{name} ({labels_path}): {len(labelled.labels)} articles{skipped}", results[name])
    return results
