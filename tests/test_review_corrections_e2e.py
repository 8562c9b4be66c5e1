"""End to end: review facts wait in a queue, and analysts' corrections reach the marts through the real
Dagster job, incrementally, and survive re-extraction."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pantau import cli
from pantau.settings import PROJECT_ROOT

from .conftest import query as q
from .conftest import serve_plain_pages, write_sources

pytestmark = pytest.mark.e2e

# Our own sentences: a city with coverage, a budget and an active-participation target; a regency's signing.
PAGES = {
    "berita/jkn-kota-madiun.html": (
        "Cakupan JKN Kota Madiun Naik",
        "Madiun – Dinas Kesehatan Kota Madiun mencatat cakupan kepesertaan Jaminan Kesehatan Nasional (JKN) sudah "
        "98,2 persen. Pemkot Madiun menyiapkan Rp21 miliar dari APBD untuk membayar iuran BPJS Kesehatan warga "
        "kurang mampu. Wali Kota Madiun menargetkan keaktifan peserta JKN mencapai 85 persen.",
    ),
    "berita/mou-ngawi.html": (
        "Pemkab Ngawi Teken Kerja Sama dengan BPJS Kesehatan",
        "Ngawi – Pemerintah Kabupaten Ngawi dan BPJS Kesehatan menandatangani perjanjian kerja sama jaminan "
        "kesehatan pada Selasa (14/10/2025). Kerja sama itu memastikan warga Ngawi tetap terlindungi JKN.",
    ),
}
HEADER = ["fact_key", "url", "region_code", "metric", "kind", "segment", "action", "value", "note", "corrected_by", "corrected_at"]




@pytest.fixture()
def plain_site(tmp_path):
    server, base = serve_plain_pages(tmp_path / "site", PAGES, "2025-10-15")
    yield base
    server.shutdown()


@pytest.fixture()
def gated_extraction(monkeypatch):
    """Extraction as usual, with the confidence decided here: whichever facts the real rules hold back
    today, this test needs one review fact (the target) and one review MoU, and everything else high."""
    import pantau.steps as steps
    from extraction import extract as real_extract

    def extract(*args, **kwargs):
        result = real_extract(*args, **kwargs)
        for f in result.facts:
            review = f.metric == "active_participation_pct"
            f.confidence = "review" if review else "high"
            f.review_reason = "target without a year" if review else None
        for m in result.mous:
            m.confidence, m.review_reason = "review", "signing date read from a weekday"
        return result

    monkeypatch.setattr(steps, "extract", extract)


def write_corrections(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(rows)


def marts_facts(warehouse: Path) -> dict[tuple, tuple]:
    rows = q(
        warehouse,
        """select region_code, metric, kind, value, confidence, correction, corrected, extracted_value, correction_note, corrected_by, fact_key
           from marts.fct_coverage_metrics""",
    )
    return {r[:3]: r[3:] for r in rows}


def test_review_queue_and_corrections_through_the_daily_job(plain_site, gated_extraction, pipeline_env, tmp_path, monkeypatch, capsys):
    corrections = tmp_path / "corrections.csv"
    write_corrections(corrections, [])
    monkeypatch.setenv("PANTAU_CORRECTIONS", str(corrections))
    sources = write_sources(tmp_path / "s.yaml", [{"name": "plain", "kind": "sitemap", "urls": [f"{plain_site}/sitemap.xml"]}])
    run = ["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]
    city_url, mou_url = (f"{plain_site}/{p}" for p in PAGES)

    # 1. high facts reach the marts, review ones wait in the queues with their provenance and reason
    assert cli.main(run) == 0
    out = capsys.readouterr().out
    assert "this run: 2 facts high, 1 for review; 0 MoU mentions high, 1 for review" in out
    assert "Review queue: 1 facts" in out
    facts = marts_facts(pipeline_env)
    assert set(facts) == {("35.77", "uhc_coverage_pct", "actual"), ("35.77", "contribution_budget_idr", "actual")}
    assert facts[("35.77", "uhc_coverage_pct", "actual")][:7] == (98.2, "high", None, False, 98.2, None, None)
    (review_key, url, evidence, start, end, reason, decided_by, value), = q(
        pipeline_env,
        "select fact_key, url, evidence, evidence_start, evidence_end, review_reason, decided_by, value from marts.fct_facts_for_review",
    )
    assert url == city_url and "85 persen" in evidence and end > start and reason == "target without a year"
    assert value == 85 and any(cue.startswith("metric:") for cue in decided_by)
    assert q(pipeline_env, "select count(*) from marts.fct_mous") == [(0,)]
    assert q(pipeline_env, "select region_code, url, review_reason from marts.fct_mous_for_review") == [
        ("35.21", mou_url, "signing date read from a weekday")
    ]
    series = q(pipeline_env, "select max(uhc_coverage_pct), max(active_participation_target_pct) from marts.region_coverage_monthly where region_code = '35.77'")
    assert series == [(98.2, None)]

    # 2. an analyst rejects the coverage, confirms the target by its key, corrects the budget, confirms
    # the MoU: the next run (nothing new to fetch) applies all of it to rows already built
    reject = {"url": city_url, "region_code": "35.77", "metric": "uhc_coverage_pct", "action": "reject",
              "note": "coverage of another year", "corrected_by": "ana", "corrected_at": "2026-01-05"}
    decisions = [
        reject,
        {"fact_key": review_key, "action": "confirm", "corrected_by": "ana", "corrected_at": "2026-01-05"},
        {"url": city_url, "region_code": "35.77", "metric": "contribution_budget_idr", "segment": "pemda",
         "action": "set_value", "value": "21500000000", "note": "Rp21,5 miliar in the budget document", "corrected_by": "budi",
         "corrected_at": "2026-01-06"},
        {"url": mou_url, "region_code": "35.21", "metric": "mou", "action": "confirm", "corrected_by": "ana"},
    ]
    write_corrections(corrections, decisions)
    assert cli.main(run) == 0
    out = capsys.readouterr().out
    # one row per line of the file: the target and the MoU confirmed, the budget corrected, the coverage rejected
    assert "2 confirmed, 1 corrected, 1 rejected, 0 superseded, 0 unmatched, 0 invalid" in out, out
    facts = marts_facts(pipeline_env)
    assert set(facts) == {("35.77", "contribution_budget_idr", "actual"), ("35.77", "active_participation_pct", "target")}
    assert facts[("35.77", "contribution_budget_idr", "actual")][:7] == (
        21.5e9, "high", "set_value", True, 21e9, "Rp21,5 miliar in the budget document", "budi"
    )
    assert facts[("35.77", "active_participation_pct", "target")][:7] == (85, "review", "confirm", False, 85, None, "ana")
    assert q(pipeline_env, "select count(*) from marts.fct_facts_for_review") == [(0,)]
    assert q(pipeline_env, "select count(*) from marts.fct_mous_for_review") == [(0,)]
    assert q(pipeline_env, "select region_code, signed_on, urls from marts.fct_mous") == [("35.21", "2025-10-14", [mou_url])]
    # the series starts at a region's first actual figure: without the rejected coverage Madiun has none
    assert q(pipeline_env, "select count(*) from marts.region_coverage_monthly where region_code = '35.77'") == [(0,)]
    assert q(pipeline_env, "select latest_mou_signed_on from marts.region_scorecard where region_code = '35.21'") == [("2025-10-14",)]
    corrected = facts

    # 3. re-extracting everything (new row ids, new extraction times) keeps every decision applied
    assert cli.main(["run", "--reextract", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    capsys.readouterr()
    assert marts_facts(pipeline_env) == corrected
    assert q(pipeline_env, "select count(*) from marts.fct_mous") == [(1,)]

    # 4. withdrawing the rejection brings the coverage back, as extracted
    write_corrections(corrections, decisions[1:])
    assert cli.main(run) == 0
    capsys.readouterr()
    facts = marts_facts(pipeline_env)
    assert facts[("35.77", "uhc_coverage_pct", "actual")][:7] == (98.2, "high", None, False, 98.2, None, None)
    assert len(facts) == 3
    series = q(pipeline_env, "select max(uhc_coverage_pct), max(active_participation_target_pct) from marts.region_coverage_monthly where region_code = '35.77'")
    assert series == [(98.2, 85)]

    # the incremental marts equal a full rebuild from the same raw rows and corrections
    marts = ["fct_coverage_metrics", "fct_facts_for_review", "fct_mous", "fct_mous_for_review", "region_coverage_monthly", "region_scorecard"]
    incremental = {m: q(pipeline_env, f"select * from marts.{m} order by all") for m in marts}
    project = PROJECT_ROOT / "dbt_project"
    subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "build", "--full-refresh", "--quiet", "--exclude-resource-type", "unit_test",
         "--project-dir", str(project), "--profiles-dir", str(project), "--target-path", str(tmp_path / "full")],
        check=True, cwd=project, env={**os.environ, "PANTAU_WAREHOUSE": str(pipeline_env)},
    )
    assert {m: q(pipeline_env, f"select * from marts.{m} order by all") for m in marts} == incremental


    # a typo in a correction's URL does not fail the build, but the test on the corrections warns
    write_corrections(corrections, [*decisions[1:], {**reject, "url": f"{plain_site}/berita/no-such-page.html"}])
    result = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "build", "--select", "stg_fact_corrections+", "--exclude-resource-type", "unit_test",
         "--project-dir", str(project), "--profiles-dir", str(project), "--target-path", str(tmp_path / "typo")],
        cwd=project, env={**os.environ, "PANTAU_WAREHOUSE": str(pipeline_env)}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout
    assert "WARN 1 correction_lines_applied_fct_corrections" in result.stdout
    assert {m: q(pipeline_env, f"select * from marts.{m} order by all") for m in marts} == incremental
