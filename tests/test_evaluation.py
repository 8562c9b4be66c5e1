"""The evaluation harness scores what reaches the marts and counts what gating holds back; `pantau extract`
prints the same split."""

from __future__ import annotations

import hashlib
import io
import json
import sys

from devtools.evaluation import evaluate, read_labelled_set, report
from pantau import cli

GOLD = [
    {
        "id": "a",
        "facts": [
            {"region_code": "35.77", "metric": "uhc_coverage_pct", "kind": "actual", "value": 98.2},
            {"region_code": "35.77", "metric": "participants", "kind": "actual", "segment": "total", "value": 190000},
            {"region_code": "35.77", "metric": "active_participation_pct", "kind": "target", "value": 85, "optional": True},
        ],
        "mous": [{"region_code": "35.21", "signed_on": "2025-10"}],
    }
]


def _fact(metric: str, value: float, confidence: str = "high", **over) -> dict:
    return {"region_code": "35.77", "metric": metric, "kind": "actual", "segment": None, "value": value,
            "confidence": confidence, "evidence": "kalimat", **over}


def test_only_high_confidence_items_are_scored_and_review_ones_are_counted_apart():
    preds = {
        "a": {
            "facts": [
                _fact("uhc_coverage_pct", 98.2),
                _fact("uhc_coverage_pct", 91.0),  # spurious, reaches the marts
                _fact("participants", 190000, "review", segment="total", review_reason="unknown segment"),  # right, held back
                _fact("participants", 5000, "review", segment="pbpu"),  # wrong, held back
            ],
            "mous": [{"region_code": "35.21", "signed_on": "2025-10-14", "confidence": "review"}],
        }
    }
    t = evaluate(GOLD, preds)
    assert (t["facts"].tp, t["facts"].fp, t["facts"].fn) == (1, 1, 1)
    assert (t["facts"].review_right, t["facts"].review_wrong) == (1, 1)
    assert (t["facts:participants"].fn, t["facts:participants"].review_right, t["facts:participants"].review_wrong) == (1, 1, 1)
    assert (t["mous"].tp, t["mous"].fn, t["mous"].review_right) == (0, 1, 1)
    assert t["facts"].precision == 0.5 and t["facts"].recall == 0.5
    errors = "\n".join(t["facts"].errors)
    assert "spurious" in errors and "evidence: kalimat" in errors and "would be right" in errors and "unknown segment" in errors
    assert "facts:participants" in report("x", t)


def test_labelled_set_skips_missing_and_changed_texts(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "r1.txt").write_text("Teks pertama.", encoding="utf-8")
    (texts / "r2.txt").write_text("Teks yang berubah.", encoding="utf-8")
    labels = [
        {"id": "r1", "text_sha256": hashlib.sha256(b"Teks pertama.").hexdigest(), "facts": [], "mous": []},
        {"id": "r2", "text_sha256": hashlib.sha256(b"versi lama").hexdigest(), "facts": [], "mous": []},
        {"id": "r3", "text_sha256": "0" * 64, "facts": [], "mous": []},
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in labels), encoding="utf-8")
    s = read_labelled_set("real", path, texts, check_sha=True)
    assert [g["id"] for g in s.labels] == ["r1"] and s.texts == {"r1": "Teks pertama."}
    assert s.skipped == {"missing text": 1, "text changed (sha256)": 1}


def test_extract_prints_what_reaches_the_marts_unless_asked_for_review(monkeypatch, capsys):
    import extraction

    real = extraction.extract

    def extract(*args, **kwargs):
        result = real(*args, **kwargs)
        for f in result.facts:
            if f.metric == "participants":
                f.confidence, f.review_reason = "review", "unknown segment"
        return result

    monkeypatch.setattr(extraction, "extract", extract)
    line = json.dumps({"id": "x", "published": "2025-10-07", "text": (
        "Pemerintah Kota Tegal menyebut cakupan kepesertaan JKN kini 97,4 persen. "
        "Jumlah peserta JKN di Kota Tegal 250.000 jiwa.")})

    def run(*flags: str) -> dict:
        monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n"))
        assert cli.main(["extract", *flags]) == 0
        return json.loads(capsys.readouterr().out)

    default = run()
    assert [f["metric"] for f in default["facts"]] == ["uhc_coverage_pct"]
    assert default["facts"][0]["confidence"] == "high" and default["facts"][0]["decided_by"]
    full = run("--with-review")
    review = [f for f in full["facts"] if f["confidence"] == "review"]
    assert [f["metric"] for f in review] == ["participants"] and review[0]["review_reason"] == "unknown segment"
    for f in full["facts"]:
        assert {"region_code", "region_name", "metric", "kind", "segment", "value", "qualifier", "as_of", "evidence",
                "confidence", "decided_by", "review_reason"} <= set(f)
