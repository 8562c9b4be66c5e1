"""The labelled development corpus: its integrity, and extraction quality on it and on the shared seeds."""

from __future__ import annotations

import json
import subprocess
import sys

from devtools.corpus import load_corpus
from devtools.evaluation import evaluate
from extraction import extract
from extraction.model import KINDS, METRICS, QUALIFIERS, SEGMENTS

CORPUS = load_corpus()
LABELLED = [a for a in CORPUS if not a.distractor]
DISTRACTORS = [a for a in CORPUS if a.distractor]


def test_corpus_size_and_spread():
    assert len(LABELLED) >= 60
    assert len(DISTRACTORS) >= 15
    years = {int(a.published[:4]) for a in CORPUS}
    assert min(years) <= 2014 and max(years) >= 2026
    assert len({a.outlet for a in CORPUS}) >= 3
    provinces = {f["region_code"].split(".")[0] for a in LABELLED for f in a.gold["facts"]}
    assert len(provinces) >= 20


def test_gold_labels_follow_the_schema(gazetteer):
    for a in LABELLED:
        for f in a.gold["facts"]:
            assert f["region_code"] in gazetteer.regions, (a.id, f)
            assert f["metric"] in METRICS and f["kind"] in KINDS, (a.id, f)
            assert f.get("segment") in (None, *SEGMENTS), (a.id, f)
            assert f.get("qualifier", "exact") in QUALIFIERS, (a.id, f)
            if f["metric"] in ("participants", "contribution_budget_idr"):
                assert float(f["value"]).is_integer() and f.get("segment"), (a.id, f)
        for m in a.gold["mous"]:
            assert m["region_code"] in gazetteer.regions and m["kind"] in ("new", "renewal"), (a.id, m)


def _predict(articles):
    """What would reach the marts: high-confidence facts and MoUs (review items wait for an analyst)."""
    out = {}
    for a in articles:
        r = extract(a.text, a.published, a.title)
        out[a.id] = {
            "facts": [f.to_dict() for f in r.facts if f.confidence == "high"],
            "mous": [m.to_dict() for m in r.mous if m.confidence == "high"],
        }
    return out


def test_development_corpus_scores():
    tallies = evaluate([{"id": a.id, **a.gold} for a in LABELLED], _predict(LABELLED))
    facts, mous = tallies["facts"], tallies["mous"]
    assert facts.precision >= 0.95, facts.errors
    assert facts.recall >= 0.90, facts.errors
    assert mous.f1 >= 0.95, mous.errors


def test_distractors_yield_nothing():
    predictions = _predict(DISTRACTORS)
    assert {k: v for k, v in predictions.items() if v["facts"] or v["mous"]} == {}


def test_extract_command_rejects_bad_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok"}\nnot json\n')
    proc = subprocess.run([sys.executable, "-m", "pantau.cli", "extract", "--input", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "input line 2" in proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["id"] == "a"


def test_the_served_pages_say_what_the_corpus_labels():
    """Rendered by the sample site and cleaned like any crawled page, each article yields the facts and
    MoUs its YAML text yields: lists and tables survive HTML and trafilatura."""
    from cleaning.page import clean_page
    from devtools.sample_site import render_article

    def summary(result):
        return sorted((f.region_code, f.metric, f.kind, f.segment or "", f.value) for f in result.facts), sorted(
            (m.region_code, m.signed_on or "") for m in result.mous
        )

    differ = []
    for a in CORPUS:
        url = f"http://127.0.0.1:1/{a.outlet}{a.path}"
        page = clean_page(render_article(a, "http://127.0.0.1:1", []), url)
        if summary(extract(page.text, page.published, page.title)) != summary(extract(a.body, a.published, a.title)):
            differ.append(a.id)
    assert differ == []
