"""Candidates, their features, the decider's decisions, and learning from analysts' decisions.

Every text here is our own, written for these tests.
"""

from __future__ import annotations

import re

import pytest

from devtools.training import ModelSpec, _label, corpus_articles, examples_of, fit_models, fold_of
from extraction import load_gazetteer
from extraction.candidates import DOMAIN_WORDS, fact_candidates, mou_candidates
from extraction.decider import RULES_ONLY, Decider, LinearModel, decider_from_dict, load_decider
from extraction.extract import extract, read_article

ARTICLE = (
    "Cakupan JKN Lombok Tengah Naik\n"
    "PRAYA - Pemerintah Kabupaten Lombok Tengah mencatat cakupan kepesertaan JKN mencapai 96,4 persen dari jumlah "
    "penduduk pada Juni 2024. Bupati menargetkan cakupan 98 persen pada akhir tahun. "
    "Jumlah peserta JKN di daerah itu sebanyak 1.012.345 jiwa, sedangkan peserta PBI APBD sebanyak 210.500 jiwa. "
    "Secara nasional, cakupan kepesertaan sudah 95,2 persen."
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def reading(gazetteer):
    r = read_article(ARTICLE, "2024-07-02", None, gazetteer)
    assert r is not None
    return r


def test_rules_readings_become_candidates_with_alternatives(reading, gazetteer):
    cands = fact_candidates(reading, gazetteer)
    origins = {c.origin for c in cands}
    assert "rules" in origins and "alt_kind" in origins and "alt_region" in origins
    rules = [c for c in cands if c.origin == "rules"]
    assert len(rules) == len(reading.facts)
    # every alternative shares its figure with a rules' reading
    figures = {c.figure for c in rules}
    assert all(c.figure in figures for c in cands)
    # the nation is always an alternative region of a figure
    assert any(c.fact.region_code == "00" and c.origin == "alt_region" for c in cands)


def test_features_are_names_of_cues_classes_and_single_words(reading, gazetteer):
    sentences = {s.text for s in reading.sentences}
    for c in fact_candidates(reading, gazetteer):
        for f in c.features:
            assert len(f) < 120
            assert not any(len(s) > 30 and s in f for s in sentences)
            if f.startswith(("w_before=", "w_after=")):
                assert f.split("=", 1)[1] in DOMAIN_WORDS


def test_target_reading_carries_the_target_words_around_it(reading, gazetteer):
    target = [c for c in fact_candidates(reading, gazetteer) if c.fact.value == 98 and c.fact.kind == "target"]
    assert target and any("w_before=menargetkan" in c.features and "target|w_before=menargetkan" in c.features for c in target)


def _model(weights: dict[str, float], bias: float = 0.0, threshold: float = 0.5, policy: str = "score") -> LinearModel:
    return LinearModel(weights, bias, thresholds=dict.fromkeys(
        ("uhc_coverage_pct", "active_participation_pct", "participants", "contribution_budget_idr", "mou"), threshold), policy=policy)


def test_decider_keeps_the_best_reading_of_each_figure(reading, gazetteer):
    cands = fact_candidates(reading, gazetteer)
    # a model that believes only the rules' own readings
    decider = Decider(_model({"origin=rules": 4.0}, bias=-2.0), _model({}, bias=2.0))
    facts = decider.decide_facts(cands)
    assert {(f.region_code, f.metric, f.kind, f.value) for f in facts if f.confidence == "high"} == {
        (f.region_code, f.metric, f.kind, f.value) for f in reading.facts
    }
    assert all(f.score is not None and f.threshold == 0.5 and f.reasons == ["+origin=rules"] for f in facts)
    # one reading per figure, never two
    assert len({(f.number_start, f.number_end) for f in facts}) == len(facts)


def test_a_low_score_goes_to_review_with_its_reason(reading, gazetteer):
    decider = Decider(_model({"origin=rules": 1.0, "metric=participants": -2.5}, bias=0.0), _model({}))
    facts = decider.decide_facts(fact_candidates(reading, gazetteer))
    counts = [f for f in facts if f.metric == "participants"]
    assert counts and all(f.confidence == "review" for f in counts)
    assert all(re.match(r"score 0\.\d+ below the participants threshold 0\.50", f.review_reason) for f in counts)
    assert all("-metric=participants" in f.reasons for f in counts)


def test_rules_and_score_policy_publishes_only_what_the_rules_publish(reading, gazetteer):
    decider = Decider(_model({"origin=alt_region": 6.0}, bias=-1.0, policy="rules_and_score"), _model({}))
    facts = decider.decide_facts(fact_candidates(reading, gazetteer))
    assert not [f for f in facts if f.confidence == "high" and "region:alternative" in f.decided_by]


def test_a_reading_the_model_is_sure_of_passes_on_its_own_threshold(reading, gazetteer):
    sure = _model({"origin=alt_region": 6.0}, bias=-1.0, policy="rules_and_score")
    sure.alone_threshold = 0.95
    facts = Decider(sure, _model({})).decide_facts(fact_candidates(reading, gazetteer))
    alone = [f for f in facts if f.confidence == "high" and "region:alternative" in f.decided_by]
    assert alone and all(f.score >= 0.95 for f in alone)
    # the same readings wait for review while the rules' threshold alone is passed
    sure.alone_threshold = 0.995
    facts = Decider(sure, _model({})).decide_facts(fact_candidates(reading, gazetteer))
    assert not [f for f in facts if f.confidence == "high" and "region:alternative" in f.decided_by]


def test_model_document_round_trips_and_rules_only_is_the_rules(reading, gazetteer):
    doc = {"version": "t", "facts": {"bias": -1.0, "weights": {"origin=rules": 3.0}, "calibration": {"a": 2.0, "b": -0.5},
                                    "thresholds": {"uhc_coverage_pct": 0.7}, "policy": "score", "alone_threshold": 0.9},
           "mous": {"bias": 1.0, "weights": {}}}
    d = decider_from_dict(doc)
    assert d.facts.threshold("uhc_coverage_pct") == 0.7 and d.facts.threshold("participants") == 0.5
    assert d.facts.alone_threshold == 0.9 and d.mous.alone_threshold > 1
    assert d.facts.probability(["origin=rules"]) == pytest.approx(1 / (1 + 2.718281828 ** -(2.0 * 2.0 - 0.5)), rel=1e-6)
    rules = extract(ARTICLE, "2024-07-02", None, gazetteer, decider=RULES_ONLY)
    assert [(f.region_code, f.value) for f in rules.facts] == [(f.region_code, f.value) for f in reading.facts]


def test_committed_decider_scores_every_fact_and_mou():
    decider = load_decider()
    result = extract(ARTICLE, "2024-07-02")
    if decider is RULES_ONLY:
        pytest.skip("no trained decider committed")
    assert result.facts and all(0.0 <= f.score <= 1.0 and f.reasons for f in result.facts)


def test_mou_candidates_describe_the_signing(gazetteer):
    text = ("Pemkab Sumba Barat dan BPJS Kesehatan Teken Nota Kesepakatan\n"
            "WAIKABUBAK - Bupati Sumba Barat menandatangani nota kesepakatan dengan BPJS Kesehatan pada Senin "
            "(3/3/2025) untuk menjamin seluruh warga dalam program JKN.")
    r = read_article(text, "2025-03-04", None, gazetteer)
    assert r is not None and r.mous
    feats = mou_candidates(r, gazetteer)[0].features
    assert "date_precision=3" in feats and "cue=date:in_sentence" in feats
    assert "region_in_headline" in feats and "region_type=kabupaten" in feats


def test_labels_from_gold_right_wrong_and_optional():
    gold = [{"region_code": "52.02", "metric": "uhc_coverage_pct", "kind": "actual", "value": 96.4},
            {"region_code": "00", "metric": "uhc_coverage_pct", "kind": "actual", "value": 95.2, "optional": True}]
    from devtools.evaluation import fact_match

    assert _label({"region_code": "52.02", "metric": "uhc_coverage_pct", "kind": "actual", "value": 96.4}, gold, fact_match) == 1
    assert _label({"region_code": "00", "metric": "uhc_coverage_pct", "kind": "actual", "value": 95.2}, gold, fact_match) is None
    assert _label({"region_code": "52", "metric": "uhc_coverage_pct", "kind": "actual", "value": 96.4}, gold, fact_match) == 0


def test_folds_are_fixed_by_group():
    assert fold_of("shared realdev:r001") == fold_of("shared realdev:r001")
    assert len({fold_of(f"g{i}") for i in range(50)}) == 5


@pytest.mark.parametrize("spec", [ModelSpec("logistic", 0.3), ModelSpec("trees", trees=40)], ids=["logistic", "trees"])
def test_an_analysts_rejections_lower_the_score_of_that_pattern(gazetteer, spec):
    """Reject a pattern, retrain, and its score falls: analysts' decisions are training examples."""
    corpus = [examples_of(a, gazetteer) for a in corpus_articles()[:60]]
    before, _ = fit_models(corpus, spec)
    right = [c for ex in corpus for c, y in zip(ex.facts, ex.fact_labels, strict=True) if y == 1 and c.fact.metric == "participants"]
    assert right
    pattern = right[0].features
    rejected = [(pattern, 0, 3.0)] * 8
    after, _ = fit_models(corpus, spec, rejected)
    assert after.margin(pattern) < before.margin(pattern) - 0.5


def test_corrections_in_a_warehouse_become_weighted_examples(tmp_path):
    import duckdb

    from devtools.training import CORRECTION_WEIGHT, corrections_from_warehouse

    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw; create schema intermediate")
    con.execute("create table raw.facts (fact_id varchar, fact_key varchar, features varchar[])")
    con.execute("insert into raw.facts values ('a-f000', 'k1', ['origin=rules', 'cue=metric:cakupan']),"
                " ('a-f001', 'k2', ['origin=rules', 'before:population']), ('a-f002', 'k3', ['origin=alt_region']),"
                " ('a-f003', 'k4', [])")
    con.execute("create table intermediate.int_correction_matches (row_id varchar, row_type varchar, is_winner boolean, action varchar)")
    con.execute("insert into intermediate.int_correction_matches values ('a-f000', 'fact', true, 'confirm'),"
                " ('a-f001', 'fact', true, 'reject'), ('a-f002', 'fact', true, 'set_value'), ('a-f002', 'fact', false, 'confirm'),"
                " ('a-f003', 'fact', true, 'reject'), ('a-m00', 'mou', true, 'reject')")
    con.close()
    examples = corrections_from_warehouse(path)
    assert sorted((tuple(f), y) for f, y, _ in examples) == [
        (("origin=alt_region",), 0), (("origin=rules", "before:population"), 0), (("origin=rules", "cue=metric:cakupan"), 1)]
    assert all(w == CORRECTION_WEIGHT for _, _, w in examples)


def test_corrections_need_built_marts(tmp_path):
    import duckdb

    from devtools.training import corrections_from_warehouse

    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(SystemExit, match="no analysts' decisions yet"):
        corrections_from_warehouse(path)


def test_training_without_real_texts_writes_nothing(tmp_path):
    from pathlib import Path

    from devtools.training import train

    out = tmp_path / "decider.json"
    with pytest.raises(SystemExit, match="labelled real articles have their texts at hand"):
        train(Path(__file__).resolve().parent.parent, out, sets=[], out=lambda *_: None)
    assert not out.exists()


# A hand-made forest over named features: tree one asks for a target word, then for the region in the headline;
# tree two asks whether the rules held the figure for review.
_FOREST = [
    [("w_before=target", 1, 2, 0.0), (None, 0, 0, -0.2), ("region_in_headline", 3, 4, 0.5), (None, 0, 0, 0.3), (None, 0, 0, 0.9)],
    [("rules_review", 1, 2, 0.0), (None, 0, 0, 0.1), (None, 0, 0, -1.0)],
]


def _walk(features: set[str]) -> float:
    total = 0.25
    for nodes in _FOREST:
        i = 0
        while nodes[i][0] is not None:
            i = nodes[i][2] if nodes[i][0] in features else nodes[i][1]
        total += nodes[i][3]
    return total


_CASES = [set(), {"w_before=target"}, {"w_before=target", "region_in_headline"}, {"rules_review", "region_in_headline"},
          {"w_before=target", "rules_review"}]


@pytest.mark.parametrize("features", _CASES)
def test_trees_walked_as_arrays_score_as_a_walk_down_the_nodes(features):
    from extraction.decider import TreeModel

    assert TreeModel({}, 0.25, trees=_FOREST).margin(list(features)) == pytest.approx(_walk(features))
    # the same forest with its nodes stored in another order (the present child first) scores the same
    reordered = [[("w_before=target", 2, 1, 0.0), ("region_in_headline", 4, 3, 0.5), (None, 0, 0, -0.2), (None, 0, 0, 0.9),
                  (None, 0, 0, 0.3)], _FOREST[1]]
    assert TreeModel({}, 0.25, trees=reordered).margin(list(features)) == pytest.approx(_walk(features))


def test_a_batch_of_candidates_scores_as_each_alone():
    from extraction.candidates import Candidate
    from extraction.decider import TreeModel
    from extraction.model import Fact

    model = TreeModel({}, 0.25, trees=_FOREST)
    head = ["w_before=target"]  # a figure's features, shared by its readings
    fact = Fact("00", "Indonesia", "uhc_coverage_pct", "actual", None, 98, "exact", None, "", 0, 1)
    batch = [Candidate(fact, "rules", (0, 1), [*head, *sorted(own)], head) for own in ({"region_in_headline"}, {"rules_review"}, set())]
    batch.append(Candidate(fact, "rules", (2, 3), ["rules_review"], []))
    probabilities, reasons = model.scored(batch)
    for i, c in enumerate(batch):
        assert probabilities[i] == pytest.approx(model.calibrated(_walk(set(c.features))))
        assert reasons(i) == model.reasons(c.features)


def test_tree_reasons_name_the_splits_that_moved_the_score():
    from extraction.decider import TreeModel

    model = TreeModel({}, 0.25, trees=_FOREST)
    assert model.reasons(["w_before=target", "region_in_headline", "rules_review"]) == [
        "-rules_review", "+w_before=target", "+region_in_headline"]
    assert model.reasons([]) == ["-not w_before=target", "+not rules_review"]


def test_a_tree_model_round_trips_through_its_json_and_cannot_run_code():
    doc = {"facts": {"bias": 0.25, "trees": [[list(n) for n in t] for t in _FOREST], "calibration": {"a": 1.0, "b": 0.0},
                     "thresholds": {"participants": 0.6}, "policy": "score"}, "mous": None, "version": "t"}
    model = decider_from_dict(doc).facts
    assert model.margin(["w_before=target"]) == pytest.approx(_walk({"w_before=target"}))
    # a feature name is only ever looked up, never run
    doc["facts"]["trees"] = [[["__import__('os').system('false') or 'x'", 1, 2, 0.0], [None, 0, 0, 1.0], [None, 0, 0, 2.0]]]
    assert decider_from_dict(doc).facts.margin(["x"]) == pytest.approx(1.25)


def test_comparison_features_tell_a_restated_or_lone_figure():
    from extraction.candidates import comparison_features
    from extraction.model import Fact

    def fact(region: str, metric: str, value: float) -> Fact:
        return Fact(region, region, metric, "actual", None, value, "exact", None, "", 0, 1)

    figures = [fact("63.02", "uhc_coverage_pct", 97.4), fact("63.02", "uhc_coverage_pct", 97.4),
               fact("63.03", "uhc_coverage_pct", 91.0), fact("63.02", "participants", 120500)]
    restated = comparison_features(figures[0], figures)
    assert {"value_seen=1", "metric_figures=2", "region_metric_figures=2", "largest_of_metric"} <= set(restated)
    assert "smallest_of_metric" in comparison_features(figures[2], figures)
    lone = comparison_features(figures[3], figures)
    assert {"value_seen=0", "metric_figures=0", "region_metric_figures=1", "largest_of_metric"} <= set(lone)
    assert "smallest_of_metric" not in lone
