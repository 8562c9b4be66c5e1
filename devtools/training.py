"""Training the decider on labelled real news, and measuring it only on articles it has not seen.

``pantau train`` (``make train``) reads every labelled real article whose text is at hand (``../shared/realdev``,
``eval/real``), plus the bundled corpus of our own articles, turns each into candidates (``extraction.candidates``),
labels each candidate from the gold labels (right, wrong, or optional: left out), and fits the fact model: a
logistic regression or gradient-boosted trees, whichever does better on article-grouped cross-validation (an
article and its syndicated copies always in one fold). The held-out logits give a Platt calibration, and the
thresholds and policy of what reaches the marts are chosen on them. MoUs are few: their model is always logistic.
The result is ``extraction/decider.json``.

Deterministic: fixed folds (by a hash of the group), deterministic solvers and seeds, sorted output.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extraction.candidates import Candidate, MouCandidate, fact_candidates, mou_candidates
from extraction.decider import Decider, LinearModel, Node, TreeModel
from extraction.extract import read_article
from extraction.gazetteer import Gazetteer, load_gazetteer

from .evaluation import Tally, evaluate, fact_match, mou_match, read_labelled_set, real_label_sets

DECIDER_OUTPUT = Path(__file__).resolve().parent.parent / "extraction" / "decider.json"
TARGET_PRECISION = 0.95
CORRECTION_WEIGHT = 3.0  # an analyst's decision on a fact of our own warehouse counts more than one label
FOLDS = 5
MIN_FEATURE_COUNT = 2
C_GRID = (0.1, 0.3)
MIN_TREE_FEATURE_COUNT = 10  # trees split only on features seen this often (rarer ones are noise at our size)


@dataclass(frozen=True)
class ModelSpec:
    """Which fact model to fit: "logistic" (``c``: inverse regularisation) or "trees" (gradient boosting). The MoU
    model is logistic with the same ``c`` either way."""

    kind: str = "logistic"
    c: float = 0.3
    # 80 trees at rate 0.15 scored as 150 at 0.08 on the folds (F0.5 0.771 / 0.772) at half the scoring time
    trees: int = 80
    leaves: int = 15
    learning_rate: float = 0.15

    @property
    def name(self) -> str:
        if self.kind == "trees":
            return f"boosted trees (LightGBM: {self.trees} trees, {self.leaves} leaves, rate {self.learning_rate})"
        return f"logistic C={self.c}"


MODEL_SPECS = (*(ModelSpec("logistic", c) for c in C_GRID), ModelSpec("trees"))
CURVE = (0.25, 0.5, 0.75, 1.0)
THRESHOLD_GRID = tuple(round(0.05 + 0.02 * i, 2) for i in range(48))
METRICS = ("uhc_coverage_pct", "active_participation_pct", "participants", "contribution_budget_idr")


@dataclass
class LabelledArticle:
    """One article with gold labels: real news (``source`` "real") or the project's own corpus ("corpus")."""

    id: str
    text: str
    published: str | None
    title: str | None
    gold: dict
    source: str
    group: str = ""


@dataclass
class Examples:
    """One article's candidates with their labels (1 right, 0 wrong, None optional: not trained on)."""

    article: LabelledArticle
    facts: list[Candidate] = field(default_factory=list)
    fact_labels: list[int | None] = field(default_factory=list)
    mous: list[MouCandidate] = field(default_factory=list)
    mou_labels: list[int | None] = field(default_factory=list)
    rules_prediction: dict = field(default_factory=dict)


def _label(item: dict, gold: list[dict], match: Callable[[dict, dict], bool]) -> int | None:
    if any(match(g, item) for g in gold if not g.get("optional")):
        return 1
    if any(match(g, item) for g in gold if g.get("optional")):
        return None
    return 0


def examples_of(article: LabelledArticle, gazetteer: Gazetteer) -> Examples:
    """The candidates of one labelled article, labelled from its gold facts and MoUs."""
    ex = Examples(article)
    reading = read_article(article.text, article.published, article.title, gazetteer)
    if reading is None:
        ex.rules_prediction = {"facts": [], "mous": []}
        return ex
    ex.rules_prediction = {"facts": [f.to_dict() for f in reading.facts], "mous": [m.to_dict() for m in reading.mous]}
    ex.facts = fact_candidates(reading, gazetteer)
    ex.fact_labels = [_label(c.fact.to_dict(), article.gold.get("facts", []), fact_match) for c in ex.facts]
    ex.mous = mou_candidates(reading, gazetteer)
    ex.mou_labels = [_label(c.mou.to_dict(), article.gold.get("mous", []), mou_match) for c in ex.mous]
    return ex


# --- reading the labelled sets ------------------------------------------------------------------------------

def read_real_articles(sets: Iterable[tuple[str, Path, Path]]) -> tuple[list[LabelledArticle], dict[str, dict[str, int]]]:
    """Every labelled real article whose text is at hand (sha256 checked), and what was skipped per set."""
    articles: list[LabelledArticle] = []
    skipped: dict[str, dict[str, int]] = {}
    seen_urls: set[str] = set()
    for name, labels, texts in sets:
        if not labels.exists():
            continue
        s = read_labelled_set(name, labels, texts, True)
        skipped[name] = dict(s.skipped)
        for g in s.labels:
            url = g.get("url") or ""
            if url and url in seen_urls:
                skipped[name]["same URL in another set"] = skipped[name].get("same URL in another set", 0) + 1
                continue
            seen_urls.add(url)
            articles.append(LabelledArticle(f"{name}:{g['id']}", s.texts[g["id"]], g.get("published"), g.get("title"),
                                            {"facts": g.get("facts", []), "mous": g.get("mous", [])}, "real"))
    return articles, skipped


def corpus_articles() -> list[LabelledArticle]:
    """The bundled corpus of our own articles (distractors with empty gold), always on the training side."""
    from .corpus import load_corpus

    out = []
    for a in load_corpus():
        gold = {"facts": [], "mous": []} if a.distractor else a.gold
        out.append(LabelledArticle(f"corpus:{a.id}", a.text, a.published, a.title, gold, "corpus",
                                   group=f"corpus:{a.syndicated_from or a.id}"))
    return out


_SHINGLE = re.compile(r"\w+")


def _shingles(text: str, n: int = 6) -> set[int]:
    words = _SHINGLE.findall(text.lower())
    return {hash(" ".join(words[i : i + n])) for i in range(max(len(words) - n + 1, 1))}


def assign_groups(articles: list[LabelledArticle], overlap: float = 0.5) -> None:
    """Put an article and its syndicated copies (shared word 6-grams over ``overlap`` of the shorter) in one group."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    shingles = [_shingles(a.text) for a in articles]
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            a, b = shingles[i], shingles[j]
            if a and b and len(a & b) >= overlap * min(len(a), len(b)):
                parent[find(j)] = find(i)
    for i, a in enumerate(articles):
        if not a.group:
            a.group = articles[find(i)].id


def fold_of(group: str, folds: int = FOLDS) -> int:
    """The cross-validation fold of a group: fixed by a hash, so every run splits the same way."""
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % folds


# --- fitting ------------------------------------------------------------------------------------------------

def _binary_matrix(rows: list[list[str]], min_count: int):
    """The rows as a sparse 0/1 matrix over the features seen in at least ``min_count`` rows, and their names."""
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix

    counts = Counter(f for row in rows for f in set(row))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    indptr, indices = [0], []
    for row in rows:
        indices += sorted({index[f] for f in row if f in index})
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(names))), names


def fit_linear(rows: list[list[str]], labels: list[int], c: float, sample_weight: list[float] | None = None) -> tuple[dict[str, float], float]:
    """Logistic regression over binary named features: weights by name and the bias."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return {}, (6.0 if labels and labels[0] == 1 else -6.0)
    x, names = _binary_matrix(rows, MIN_FEATURE_COUNT)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    model.fit(x, np.array(labels), sample_weight=None if sample_weight is None else np.array(sample_weight))
    weights = {f: round(float(w), 6) for f, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-6}
    return weights, round(float(model.intercept_[0]), 6)


def _training_rows(examples: list[Examples], kind: str, extra: list[tuple[list[str], int, float]] = ()) -> tuple[list[list[str]], list[int], list[float]]:
    rows, ys, ws = [], [], []
    for ex in examples:
        cands = ex.facts if kind == "facts" else ex.mous
        labels = ex.fact_labels if kind == "facts" else ex.mou_labels
        for c, y in zip(cands, labels, strict=True):
            if y is not None:
                rows.append(c.features)
                ys.append(y)
                ws.append(1.0)
    for features, y, w in extra:
        rows.append(features)
        ys.append(y)
        ws.append(w)
    return rows, ys, ws


def fit_trees(rows: list[list[str]], labels: list[int], spec: ModelSpec, sample_weight: list[float] | None = None) -> tuple[list[list[Node]], float]:
    """Gradient-boosted trees (LightGBM) over binary named features: the trees as nodes that ask for a feature by
    name, each node valued as its leaves' mean weighted by the examples that reached them (so a path splits the
    logit exactly), and the baseline logit (LightGBM folds it into the first tree: 0)."""
    import lightgbm
    import numpy as np

    if len(set(labels)) < 2:
        return [], (6.0 if labels and labels[0] == 1 else -6.0)
    x, names = _binary_matrix(rows, MIN_TREE_FEATURE_COUNT)
    params = {"objective": "binary", "learning_rate": spec.learning_rate, "num_leaves": spec.leaves, "min_data_in_leaf": 10,
              "lambda_l2": 1.0, "use_missing": False, "feature_pre_filter": False, "verbose": -1,
              # one thread and a fixed seed: the same file from the same labels, and no threads spinning against each
              # other on a shared two-core machine
              "num_threads": 1, "deterministic": True, "force_row_wise": True, "seed": 0}
    data = lightgbm.Dataset(x, np.array(labels), weight=None if sample_weight is None else np.array(sample_weight),
                            feature_name=[f"f{i}" for i in range(len(names))])
    booster = lightgbm.train(params, data, num_boost_round=spec.trees)
    return [_tree_nodes(t["tree_structure"], names) for t in booster.dump_model()["tree_info"]], 0.0


def _tree_nodes(root: dict, names: list[str]) -> list[Node]:
    """One LightGBM tree (its ``dump_model`` form) as named nodes in preorder; a split of a 0/1 feature sends the
    absent (0 ≤ threshold) left and the present right."""
    out: list[list] = []

    def visit(node: dict) -> tuple[float, float]:  # (value, examples)
        at = len(out)
        if "leaf_value" in node:
            out.append([None, 0, 0, round(float(node["leaf_value"]), 6)])
            return float(node["leaf_value"]), float(node.get("leaf_count", 1))
        assert node["decision_type"] == "<=" and 0.0 <= float(node["threshold"]) < 1.0, "a split of a 0/1 feature"
        out.append([names[int(node["split_feature"])], 0, 0, 0.0])
        out[at][1] = len(out)
        a, na = visit(node["left_child"])
        out[at][2] = len(out)
        b, nb = visit(node["right_child"])
        value = (a * na + b * nb) / max(na + nb, 1.0)
        out[at][3] = round(value, 6)
        return value, na + nb

    visit(root)
    return [(n[0], n[1], n[2], n[3]) for n in out]


def fit_models(examples: list[Examples], spec: ModelSpec = ModelSpec(), corrections: list[tuple[list[str], int, float]] = ()) -> tuple[LinearModel, LinearModel]:
    """A fact model and an MoU model fitted on these examples (and analysts' decisions), uncalibrated."""
    rows, ys, ws = _training_rows(examples, "facts", corrections)
    if spec.kind == "trees":
        trees, bias = fit_trees(rows, ys, spec, ws)
        facts: LinearModel = TreeModel({}, bias, trees=trees)
    else:
        weights, bias = fit_linear(rows, ys, spec.c, ws)
        facts = LinearModel(weights, bias)
    rows, ys, ws = _training_rows(examples, "mous")
    weights, bias = fit_linear(rows, ys, spec.c, ws)
    return facts, LinearModel(weights, bias)


# --- cross-validation ---------------------------------------------------------------------------------------

@dataclass
class HeldOut:
    """Held-out logits of every candidate of every real article, from the fold it was tested in."""

    facts: dict[str, list[float]] = field(default_factory=dict)
    mous: dict[str, list[float]] = field(default_factory=dict)


def held_out_scores(real: list[Examples], always_train: list[Examples], spec: ModelSpec, fraction: float = 1.0,
                    folds: int = FOLDS) -> HeldOut:
    """Article-grouped cross-validation: each fold's articles scored by a model that never saw them (nor their
    copies). ``fraction`` of the other folds' groups (a fixed order) trains, for the learning curve."""
    out = HeldOut()
    for k in range(folds):
        test = [ex for ex in real if fold_of(ex.article.group, folds) == k]
        train_groups = sorted({ex.article.group for ex in real if fold_of(ex.article.group, folds) != k},
                              key=lambda g: hashlib.sha1(f"curve:{g}".encode()).hexdigest())
        keep = set(train_groups[: max(1, round(fraction * len(train_groups)))])
        train = [ex for ex in real if ex.article.group in keep] + always_train
        facts, mous = fit_models(train, spec)
        for ex in test:
            out.facts[ex.article.id] = [facts.margin(x.features) for x in ex.facts]
            out.mous[ex.article.id] = [mous.margin(x.features) for x in ex.mous]
    return out


def fit_calibration(margins: list[float], labels: list[int]) -> tuple[float, float]:
    """Platt scaling (a, b) from held-out logits and outcomes: monotone, so it keeps the ranking."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000).fit(np.array(margins).reshape(-1, 1), np.array(labels))
    return round(float(lr.coef_[0][0]), 6), round(float(lr.intercept_[0]), 6)


def _calibrated(examples: list[Examples], held: HeldOut) -> tuple[LinearModel, LinearModel]:
    """Models whose only job is to calibrate held-out logits (weights unused) and carry thresholds."""
    models = []
    for kind in ("facts", "mous"):
        raws, ys = [], []
        for ex in examples:
            labels = ex.fact_labels if kind == "facts" else ex.mou_labels
            scores = getattr(held, kind).get(ex.article.id, [])
            for r, y in zip(scores, labels, strict=True):
                if y is not None:
                    raws.append(r)
                    ys.append(y)
        a, b = fit_calibration(raws, ys)
        models.append(LinearModel({}, 0.0, a, b))
    return models[0], models[1]


def predictions(examples: list[Examples], held: HeldOut, decider: Decider) -> dict[str, dict]:
    """What the decider would publish for each held-out article, from its held-out logits."""
    out = {}
    for ex in examples:
        fm, mm = decider.facts, decider.mous
        fp = [fm.calibrated(r) for r in held.facts.get(ex.article.id, [])] if fm else None
        mp = [mm.calibrated(r) for r in held.mous.get(ex.article.id, [])] if mm else None
        out[ex.article.id] = {
            "facts": [f.to_dict() for f in decider.decide_facts(ex.facts, fp)],
            "mous": [m.to_dict() for m in decider.decide_mous(ex.mous, mp)],
        }
    return out


def gold_of(examples: list[Examples]) -> list[dict]:
    """The gold labels of these examples, keyed like the predictions."""
    return [{"id": ex.article.id, **ex.article.gold} for ex in examples]


def _rules_publish(item: dict) -> bool:
    """Whether the rules themselves publish this reading: their own, and not held for review."""
    features = item.get("features") or []
    return "origin=rules" in features and "rules_review" not in features


# the scores at which a reading the rules do not publish may reach the marts on its own (NEVER: not at all)
NEVER = 1.01
ALONE_GRID = (*(round(0.5 + 0.05 * i, 2) for i in range(10)), NEVER)
MIN_RECALL_AT_TARGET = 0.5  # below this, the precision goal would empty the marts: the fallback policy applies


def _f_half(t: Tally) -> float:
    p, r = t.precision, t.recall
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def choose_thresholds(examples: list[Examples], held: HeldOut, facts: LinearModel, mous: LinearModel,
                      target: float = TARGET_PRECISION) -> None:
    """Thresholds and policy for what reaches the marts, chosen on held-out articles. When the score alone
    reaches ``target`` precision with at least ``MIN_RECALL_AT_TARGET`` recall, one threshold per metric (chosen
    together, trading right against wrong facts at one price) publishes the most right facts at that precision.
    Otherwise the rules' own published readings must also pass a threshold that maximises F0.5, smoothed (precision
    weighted), and another reading of a figure reaches the marts only above a second threshold chosen the same way
    (``alone_threshold``): the marts keep the rules' recall less what the model removes, plus what it is sure of."""
    gold = gold_of(examples)

    # Decide once with every threshold at zero, then publish at each threshold from the scores: the best reading
    # of a figure does not depend on the threshold, only whether it is published does.
    facts.policy = mous.policy = "score"
    facts.thresholds, mous.thresholds = dict.fromkeys(METRICS, 0.0), {"mou": 0.0}
    decided = predictions(examples, held, Decider(facts, mous))

    def tallies(keep: Callable[[dict], bool]) -> dict[str, Tally]:
        """What reaches the marts when the decided items ``keep`` accepts do."""
        return evaluate(gold, {article: {kind: [x for x in items[kind] if keep(x)] for kind in ("facts", "mous")}
                               for article, items in decided.items()})

    def sweep(policy: str) -> dict[float, dict[str, Tally]]:
        return {t: tallies(lambda x, t=t: x["score"] >= t and (policy == "score" or _rules_publish(x))) for t in THRESHOLD_GRID}

    results = sweep("score")
    best: tuple[int, dict[str, float]] | None = None
    for price in [0.5 * 1.15**i for i in range(60)]:  # what one wrong fact costs, in right ones
        pick = {m: max(THRESHOLD_GRID, key=lambda t, m=m: (results[t].get(f"facts:{m}", Tally()).tp
                                                           - price * results[t].get(f"facts:{m}", Tally()).fp, t))
                for m in METRICS}
        tp = sum(results[pick[m]].get(f"facts:{m}", Tally()).tp for m in METRICS)
        fp = sum(results[pick[m]].get(f"facts:{m}", Tally()).fp for m in METRICS)
        if tp and tp / (tp + fp) >= target and (best is None or tp > best[0]):
            best = (tp, pick)
    required = results[THRESHOLD_GRID[0]].get("facts", Tally())
    if best is not None and best[0] >= MIN_RECALL_AT_TARGET * (required.tp + required.fn):
        facts.policy, facts.thresholds = "score", best[1]
    else:
        gated = sweep("rules_and_score")
        # F0.5 is flat over a wide range of thresholds: its mean over each threshold's neighbours on the grid picks
        # the middle of the plateau, where the raw maximum would follow the folds' noise from one end to the other
        f_half = [_f_half(gated[t].get("facts", Tally())) for t in THRESHOLD_GRID]
        windows = [f_half[max(0, i - 2) : i + 3] for i in range(len(f_half))]
        smooth = {t: sum(w) / len(w) for t, w in zip(THRESHOLD_GRID, windows, strict=True)}
        t = max(THRESHOLD_GRID, key=lambda t: (smooth[t], -t))
        facts.policy, facts.thresholds = "rules_and_score", dict.fromkeys(METRICS, t)
        results = gated
        # A reading the rules did not publish (another region, kind or segment; or one they held for review) that
        # the model is sure of: measured on the folds, whether some score lets it in too without costing precision.
        def alone(a: float) -> float:
            return _f_half(tallies(lambda x: x["score"] >= a or (x["score"] >= t and _rules_publish(x))).get("facts", Tally()))

        facts.alone_threshold = max((a for a in ALONE_GRID if a >= t), key=lambda a: (alone(a), a))
    ok = [t for t in THRESHOLD_GRID if results[t].get("mous", Tally()).precision >= target
          and results[t].get("mous", Tally()).recall >= MIN_RECALL_AT_TARGET]
    mous.policy = facts.policy
    mous.thresholds = {"mou": min(ok) if ok else max(THRESHOLD_GRID, key=lambda t: (_f_half(results[t].get("mous", Tally())), -t))}


@dataclass
class CrossValidation:
    """Held-out results: the learned decider and the rules alone on the same articles, and the learning curve."""

    articles: int
    groups: int
    spec: ModelSpec
    learned: dict[str, Tally]
    rules: dict[str, Tally]
    thresholds: dict[str, float]
    policy: str
    curve: list[tuple[float, int, dict[str, Tally]]]
    model_choice: list[tuple[str, float, float, float]]  # (model, precision, recall, f1) at the chosen thresholds
    calibration: list[tuple[float, float, int]]  # (mean predicted, observed rate, count) per probability bin
    alone_threshold: float = NEVER
    facts_calibration: tuple[float, float] = (1.0, 0.0)
    mous_calibration: tuple[float, float] = (1.0, 0.0)


def _run_cv(real: list[Examples], corpus: list[Examples], spec: ModelSpec, fraction: float = 1.0) -> tuple[dict[str, Tally], Decider, HeldOut]:
    held = held_out_scores(real, corpus, spec, fraction)
    facts, mous = _calibrated(real, held)
    choose_thresholds(real, held, facts, mous)
    decider = Decider(facts, mous)
    return evaluate(gold_of(real), predictions(real, held, decider)), decider, held


def _reliability(real: list[Examples], held: HeldOut, decider: Decider) -> list[tuple[float, float, int]]:
    bins: dict[int, list[tuple[float, int]]] = {}
    fm = decider.facts
    for ex in real:
        for r, y in zip(held.facts.get(ex.article.id, []), ex.fact_labels, strict=True):
            if y is None or fm is None:
                continue
            p = fm.calibrated(r)
            bins.setdefault(min(int(p * 5), 4), []).append((p, y))
    return [(sum(p for p, _ in v) / len(v), sum(y for _, y in v) / len(v), len(v)) for _, v in sorted(bins.items())]


def cross_validate(real: list[Examples], corpus: list[Examples], specs: Iterable[ModelSpec] = MODEL_SPECS) -> CrossValidation:
    """Choose the fact model (logistic regularisation, or boosted trees) by held-out F0.5 of what reaches the marts
    (precision weighted, as the thresholds are chosen), then report it against the rules, a learning curve and the
    calibration, all on the same folds."""
    choice = []
    best: tuple[float, ModelSpec, dict[str, Tally], Decider, HeldOut] | None = None
    for spec in specs:
        tallies, decider, held = _run_cv(real, corpus, spec)
        t = tallies["facts"]
        choice.append((spec.name, t.precision, t.recall, t.f1))
        score = _f_half(t) + _f_half(tallies.get("mous", Tally())) * 0.25
        if best is None or score > best[0] + 1e-9:
            best = (score, spec, tallies, decider, held)
    assert best is not None
    _, spec, learned, decider, held = best
    rules = evaluate(gold_of(real), {ex.article.id: ex.rules_prediction for ex in real})
    curve = []
    for fraction in CURVE:
        tallies = learned if fraction == 1.0 else _run_cv(real, corpus, spec, fraction)[0]
        n = round(fraction * len({ex.article.group for ex in real}) * (FOLDS - 1) / FOLDS)
        curve.append((fraction, n, tallies))
    thresholds = {**decider.facts.thresholds, **decider.mous.thresholds}
    return CrossValidation(len(real), len({ex.article.group for ex in real}), spec, learned, rules, thresholds, decider.facts.policy, curve, choice,
                           _reliability(real, held, decider), decider.facts.alone_threshold,
                           (decider.facts.calibration_a, decider.facts.calibration_b),
                           (decider.mous.calibration_a, decider.mous.calibration_b))


def cv_report(cv: CrossValidation) -> str:
    """The cross-validation as a printable report."""
    lines = [f"Article-grouped {FOLDS}-fold cross-validation over {cv.articles} labelled real articles ({cv.groups} groups "
             f"of an article and its copies); what reaches the marts; learned decider vs the rules alone, same folds",
             f"  {'':<34} {'learned: prec':>13} {'recall':>6} {'f1':>6}   {'rules: prec':>11} {'recall':>6} {'f1':>6}   threshold"]
    for key in ["facts"] + [f"facts:{m}" for m in METRICS] + ["mous"]:
        a, b = cv.learned.get(key, Tally()), cv.rules.get(key, Tally())
        th = cv.thresholds.get(key.split(":")[-1] if key != "mous" else "mou", "")
        lines.append(f"  {key:<34} {a.precision:13.3f} {a.recall:6.3f} {a.f1:6.3f}   {b.precision:11.3f} {b.recall:6.3f} {b.f1:6.3f}   {th}")
    lines.append(f"  policy: {cv.policy} (rules_and_score: the score alone missed precision {TARGET_PRECISION} at recall {MIN_RECALL_AT_TARGET}"
                 " on held-out articles, so a fact must be one the rules publish and pass the threshold"
                 + (f"; another reading passes on its own at {cv.alone_threshold}" if cv.alone_threshold < NEVER else "") + ")")
    lines.append(f"  model: {cv.spec.name}, chosen by held-out F0.5 of what reaches the marts")
    lines.append("  model choice (facts at the chosen thresholds): " + "; ".join(
        f"{name}: P {p:.3f} R {r:.3f} F1 {f:.3f}" for name, p, r, f in cv.model_choice))
    lines.append("  learning curve (share of the training folds' articles → facts P / R / F1, MoUs P / R):")
    for fraction, n, t in cv.curve:
        f, m = t.get("facts", Tally()), t.get("mous", Tally())
        lines.append(f"    {fraction:4.0%} (~{n} groups): facts {f.precision:.3f} / {f.recall:.3f} / {f.f1:.3f}   MoUs {m.precision:.3f} / {m.recall:.3f}")
    lines.append("  calibration of fact scores (mean score → share right, candidates): " + "; ".join(
        f"{p:.2f}→{o:.2f} ({n})" for p, o, n in cv.calibration))
    return "\n".join(lines)


# --- the whole training run ---------------------------------------------------------------------------------

def build_examples(project_root: Path, sets: list[tuple[str, Path, Path]] | None = None) -> tuple[list[Examples], list[Examples], dict]:
    """Candidates and labels of every real article at hand, and of the bundled corpus; and what was skipped."""
    gazetteer = load_gazetteer()
    real_articles, skipped = read_real_articles(sets if sets is not None else real_label_sets(project_root))
    corpus = corpus_articles()
    assign_groups(real_articles)
    real = [examples_of(a, gazetteer) for a in real_articles]
    return real, [examples_of(a, gazetteer) for a in corpus], skipped


def train(project_root: Path, out_path: Path, corrections: list[tuple[list[str], int, float]] = (), out=print,
          sets: list[tuple[str, Path, Path]] | None = None, specs: Iterable[ModelSpec] = MODEL_SPECS) -> dict:
    """Cross-validate, then fit the chosen decider on every labelled article (and analysts' decisions); write it as JSON."""
    real, corpus, skipped = build_examples(project_root, sets)
    for name, why in skipped.items():
        if why:
            out(f"{name}: skipped {why}")
    if not enough_for_cv(real):
        # a fresh clone has the labels but not the texts: a model fitted on our own corpus alone would replace the
        # committed one with a worse one, so nothing is written
        raise SystemExit(f"only {len(real)} labelled real articles have their texts at hand (need {2 * FOLDS} or more); "
                         "re-collect eval/real/texts/ as eval/real/README.md says, then train again")
    cv = cross_validate(real, corpus, specs)
    out(cv_report(cv))
    spec, thresholds, policy = cv.spec, cv.thresholds, cv.policy
    facts_cal, mous_cal = cv.facts_calibration, cv.mous_calibration
    summary = {"articles": cv.articles, "groups": cv.groups, "model": spec.name,
               "held_out": {k: {"precision": round(t.precision, 3), "recall": round(t.recall, 3)}
                            for k, t in sorted(cv.learned.items())}}
    facts, mous = fit_models(real + corpus, spec, corrections)
    fact_model = ({"trees": [f"@tree{i}@" for i in range(len(facts.trees))]} if isinstance(facts, TreeModel)
                  else {"weights": dict(sorted(facts.weights.items()))})
    doc = {
        "version": "",
        "kind": f"facts: {spec.name}; MoUs: logistic C={spec.c}; over named candidate features (extraction/candidates.py)",
        "trained_on": {"real_articles": len(real), "corpus_articles": len(corpus), "analyst_decisions": len(corrections)},
        "cross_validation": summary,
        "facts": {"bias": facts.bias, **fact_model,
                  "calibration": {"a": facts_cal[0], "b": facts_cal[1]},
                  "thresholds": {m: thresholds.get(m, 0.5) for m in METRICS}, "default_threshold": 0.5, "review_floor": 0.05, "policy": policy,
                  "alone_threshold": cv.alone_threshold},
        "mous": {"bias": mous.bias, "weights": dict(sorted(mous.weights.items())),
                 "calibration": {"a": mous_cal[0], "b": mous_cal[1]},
                 "thresholds": {"mou": thresholds.get("mou", 0.5)}, "default_threshold": 0.5, "review_floor": 0.0, "policy": policy},
    }
    text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False)
    for i, tree in enumerate(getattr(facts, "trees", [])):
        # one tree per line: the file stays a few hundred lines a reviewer can page through
        text = text.replace(f'"@tree{i}@"', json.dumps(tree, separators=(",", ":"), ensure_ascii=False), 1)
    doc = json.loads(text)
    doc["version"] = hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]
    text = text.replace('"version": ""', f'"version": "{doc["version"]}"', 1)
    out_path.write_text(text + "\n", encoding="utf-8")
    size = f"{len(facts.trees)} trees" if isinstance(facts, TreeModel) else f"{len(facts.weights)} fact weights"
    out(f"wrote {out_path} (version {doc['version']}: {size}, {len(mous.weights)} MoU weights)")
    return doc


def enough_for_cv(real: list[Examples]) -> bool:
    """Whether there are enough labelled real articles (groups) to hold one fold out at a time."""
    return len({ex.article.group for ex in real}) >= 2 * FOLDS


def corrections_from_warehouse(path: Path) -> list[tuple[list[str], int, float]]:
    """The analysts' decisions in a warehouse as training examples: the features stored with each fact that a
    winning line of fact_corrections names (matched by dbt on fact_key, or url + region + metric); confirm
    means the reading was right, reject and set_value that it was wrong."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        schema = con.execute(
            "select table_schema from information_schema.tables where table_name = 'int_correction_matches' limit 1"
        ).fetchone()
        if schema is None:
            raise SystemExit(f"{path}: no analysts' decisions yet (build the marts first: the int_correction_matches model is missing)")
        rows = con.execute(
            f"""select f.features, m.action
                from "{schema[0]}".int_correction_matches as m
                join raw.facts as f on f.fact_id = m.row_id
                where m.row_type = 'fact' and m.is_winner and m.action in ('confirm', 'reject', 'set_value')
                order by f.fact_key"""
        ).fetchall()
    finally:
        con.close()
    return [(list(features or []), 1 if action == "confirm" else 0, CORRECTION_WEIGHT) for features, action in rows if features]
