"""End to end: every line of a hostile corrections file is validated before any mart reads it, named by
its CSV line in dbt's failure rows, the Dagster checks and the run summary, and never applied; an empty
file fails the build (the published warehouse stays as it was), a header-only file means no corrections."""

from __future__ import annotations

import os

import dagster as dg
import pytest

from devtools.hostile_corrections import hostile_lines, write_corrections

from .conftest import query as q
from .conftest import serve_plain_pages, write_sources

pytestmark = pytest.mark.e2e

PAGES = {
    "berita/jkn-kota-madiun.html": (
        "Cakupan JKN Kota Madiun Naik",
        "Madiun – Dinas Kesehatan Kota Madiun mencatat cakupan kepesertaan Jaminan Kesehatan Nasional (JKN) sudah "
        "98,2 persen. Pemkot Madiun menyiapkan Rp21 miliar dari APBD untuk membayar iuran BPJS Kesehatan warga "
        "kurang mampu.",
    ),
}
MADIUN = "35.77"


def _run_daily_job() -> dg.ExecuteInProcessResult:
    """The daily job in this process (as `pantau run` runs it), its result kept for the checks."""
    from orchestration.definitions import build_definitions

    with dg.DagsterInstance.get() as instance:
        return build_definitions().resolve_job_def("pantau_daily").execute_in_process(instance=instance, raise_on_error=False)


def _check(result: dg.ExecuteInProcessResult, prefix: str) -> dg.AssetCheckEvaluation:
    evaluations = [e.asset_check_evaluation_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    [found] = [e for e in evaluations if e.check_name.startswith(prefix)]
    return found


@pytest.fixture()
def plain_site(tmp_path):
    server, base = serve_plain_pages(tmp_path / "site", PAGES, "2025-10-15")
    yield base
    server.shutdown()


def test_hostile_corrections_are_named_by_line_and_never_applied(pipeline_env, plain_site, tmp_path, monkeypatch):
    url = f"{plain_site}/berita/jkn-kota-madiun.html"
    sources = write_sources(tmp_path / "sources.yaml", [{"name": "s", "kind": "sitemap", "urls": [f"{plain_site}/sitemap.xml"]}])
    monkeypatch.setenv("PANTAU_SOURCES", str(sources))
    corrections = tmp_path / "corrections.csv"
    monkeypatch.setenv("PANTAU_CORRECTIONS", str(corrections))
    lines = hostile_lines(url, MADIUN)
    write_corrections(corrections, [fields for fields, _, _ in lines])

    result = _run_daily_job()
    assert result.success

    # every line is a row of the decisions mart, with the status and problem it deserves
    decisions = {line: (status, problem or "") for line, status, problem in q(pipeline_env, "select line, status, problem from marts.fct_corrections")}
    assert sorted(decisions) == list(range(2, len(lines) + 2))
    for line, (_, status, word) in enumerate(lines, start=2):
        assert decisions[line][0] == status, (line, decisions[line])
        assert word in decisions[line][1], (line, decisions[line])
    # only the valid line is applied: 97,5 means 97.5; nothing infinite, negative or out of range anywhere
    facts = dict(q(pipeline_env, f"select metric, value from marts.fct_coverage_metrics where region_code = '{MADIUN}'"))
    assert facts == {"uhc_coverage_pct": 97.5, "contribution_budget_idr": 21e9}
    assert q(pipeline_env, "select count(*) from marts.fct_coverage_metrics where not isfinite(value) or value < 0") == [(0,)]
    assert q(pipeline_env, "select count(*) from marts.region_coverage_monthly where uhc_coverage_pct > 150") == [(0,)]
    assert q(pipeline_env, "select count(*) from marts.fct_mous") == [(0,)]  # the quote in a key ran nothing

    invalid = [line for line, (_, status, _) in enumerate(lines, start=2) if status == "invalid"]
    unmatched = [line for line, (_, status, _) in enumerate(lines, start=2) if status == "unmatched"]
    # the Dagster checks name the lines, with a description
    valid_check = _check(result, "correction_lines_valid")
    assert not valid_check.passed and valid_check.description
    assert valid_check.metadata["line_numbers"].value == ", ".join(map(str, invalid))
    assert "unknown action 'delete'" in valid_check.metadata["lines"].value
    applied_check = _check(result, "correction_lines_applied")
    assert not applied_check.passed and applied_check.metadata["line_numbers"].value == ", ".join(map(str, unmatched))
    # dbt's failure rows name the line and value
    from warehouse.corrections import correction_problems

    assert [p["line"] for p in correction_problems(pipeline_env)] == sorted(invalid + unmatched)
    # the run summary names them too
    from pantau.summary import summary_text

    summary = summary_text(pipeline_env)
    for line in invalid:
        assert f"corrections line {line} not applied" in summary
    assert f"corrections line {unmatched[0]} matches nothing" in summary

    # an empty file is an error: the build fails and readers keep the last complete build
    before = q(pipeline_env, "select * from marts.fct_coverage_metrics order by all")
    published = os.stat(pipeline_env).st_ino
    corrections.write_bytes(b"")
    result = _run_daily_job()
    assert not result.success
    assert not _check(result, "corrections_file_not_empty").passed
    assert os.stat(pipeline_env).st_ino == published
    assert q(pipeline_env, "select * from marts.fct_coverage_metrics order by all") == before

    # a header-only file means no corrections: the extracted value is back
    write_corrections(corrections, [])
    assert _run_daily_job().success
    assert q(pipeline_env, "select count(*) from marts.fct_corrections") == [(0,)]
    assert dict(q(pipeline_env, f"select metric, value from marts.fct_coverage_metrics where region_code = '{MADIUN}'"))["uhc_coverage_pct"] == 98.2


def _materialized(result: dg.ExecuteInProcessResult, *path: str) -> dict:
    [event] = [e for e in result.get_asset_materialization_events() if tuple(e.materialization.asset_key.path) == path]
    return event.materialization.metadata


def test_a_corrections_only_build_updates_counts_and_publishes(pipeline_env, plain_site, tmp_path, monkeypatch):
    url = f"{plain_site}/berita/jkn-kota-madiun.html"
    sources = write_sources(tmp_path / "sources.yaml", [{"name": "s", "kind": "sitemap", "urls": [f"{plain_site}/sitemap.xml"]}])
    monkeypatch.setenv("PANTAU_SOURCES", str(sources))
    corrections = write_corrections(tmp_path / "corrections.csv", [])
    monkeypatch.setenv("PANTAU_CORRECTIONS", str(corrections))
    result = _run_daily_job()
    assert result.success
    # every dbt asset carries its row count and column types; the review mart its queue
    assert _materialized(result, "marts", "fct_coverage_metrics")["dagster/row_count"].value == 2
    assert "value" in {c.name for c in _materialized(result, "marts", "fct_coverage_metrics")["dagster/column_schema"].schema.columns}
    assert _materialized(result, "marts", "fct_facts_for_review")["review_queue"].value == 0

    # an analyst rejects the coverage; only the seed and what is downstream of it is built (no crawl)
    write_corrections(corrections, [{"url": url, "region_code": MADIUN, "metric": "uhc_coverage_pct", "action": "reject", "corrected_by": "ana"}])
    from orchestration.definitions import build_definitions

    defs = build_definitions()
    selection = dg.AssetSelection.keys(dg.AssetKey(["corrections", "fact_corrections"])).downstream()
    with dg.DagsterInstance.get() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(
            instance=instance, asset_selection=list(selection.resolve(defs.resolve_asset_graph()))
        )
    assert result.success
    assert not [e for e in result.get_asset_materialization_events() if e.materialization.asset_key.path[0] == "raw"]
    assert _materialized(result, "marts", "fct_coverage_metrics")["dagster/row_count"].value == 1
    assert _materialized(result, "marts", "fct_corrections")["dagster/row_count"].value == 1
    assert "review_queue" in _materialized(result, "marts", "fct_facts_for_review")
    # and readers see it: the build was published
    assert q(pipeline_env, "select status from marts.fct_corrections") == [("rejected",)]
