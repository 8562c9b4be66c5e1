"""The corrections seed: one file format for the seed and PANTAU_CORRECTIONS, an asset in both jobs."""

from __future__ import annotations

import csv

import dagster as dg

from pantau.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "dbt_project" / "seeds" / "fact_corrections.csv"


def test_seed_columns_are_the_ones_the_override_reader_names():
    header = next(csv.reader(SEED.open(encoding="utf-8")))
    reader = (PROJECT_ROOT / "dbt_project" / "models" / "staging" / "stg_fact_corrections.sql").read_text(encoding="utf-8")
    assert header == ["fact_key", "url", "region_code", "metric", "kind", "segment", "action", "value", "note", "corrected_by", "corrected_at"]
    for column in header:
        assert f"'{column}': 'varchar'" in reader


def test_seed_is_a_dagster_asset_upstream_of_the_marts_in_both_jobs():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    seed = dg.AssetKey(["corrections", "fact_corrections"])
    assert seed in graph.get(dg.AssetKey(["staging", "stg_fact_corrections"])).parent_keys
    for job in ("pantau_daily", "pantau_reextract"):
        assert seed in defs.resolve_job_def(job).asset_layer.selected_asset_keys
