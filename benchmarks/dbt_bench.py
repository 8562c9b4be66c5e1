"""dbt at scale: synthetic raw tables (articles, facts, MoU mentions), a full build, then 1 % new rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from pantau import steps
from pantau.settings import DBT_BUILD_ARGS, get_settings
from warehouse import load
from warehouse.db import SCHEMA_SQL

DBT = str(Path(sys.executable).with_name("dbt"))


def _fill(con: duckdb.DuckDBPyConnection, first: int, count: int, facts_per_article: int = 10) -> None:
    """Articles first..first+count with ten facts and a tenth of an MoU mention each, generated in SQL."""
    con.execute(
        f"""insert into raw.articles
            select 'a' || i, 'https://bench.example/' || i, 'Judul ' || i, date '2015-01-01' + (i % 3900)::int,
                   'Bench', 'id', 'teks', md5(i::varchar), [i], true, now(), 'bench', now()
            from range({first}, {first + count}) t(i)"""
    )
    con.execute(
        f"""insert into raw.article_urls select 'https://bench.example/' || i, 'a' || i, 'https://bench.example/' || i, 'bench', false, now()
            from range({first}, {first + count}) t(i)"""
    )
    con.execute(
        f"""insert into raw.facts (fact_id, article_id, region_code, region_name, metric, kind, segment, value, qualifier,
                                   as_of, evidence, evidence_start, evidence_end, extractor_version, fact_key, confidence)
            select 'a' || i || '-f' || j, 'a' || i, r.region_code, r.region_name,
                   case j % 4 when 0 then 'uhc_coverage_pct' when 1 then 'active_participation_pct' when 2 then 'participants' else 'contribution_budget_idr' end,
                   case when j % 5 = 0 then 'target' else 'actual' end,
                   case when j % 4 in (2, 3) then 'pemda' end,
                   case j % 4 when 0 then 80 + (i % 20) when 1 then 60 + (i % 30) when 2 then 1000 + i else 1e9 + i end,
                   'exact', null, 'kalimat bukti', 0, 10, 'bench', sha1('a' || i || '-f' || j),
                   -- a tenth of the facts wait for review, as on real news
                   case when j = 9 then 'review' else 'high' end
            from range({first}, {first + count}) t(i), range({facts_per_article}) f(j),
                 (select region_code, region_name, row_number() over (order by region_code) - 1 as n from raw.regions) r
            where r.n = (i * 7 + j) % 553"""
    )
    con.execute(
        f"""insert into raw.mou_mentions (mention_id, article_id, region_code, region_name, partner, signed_on, kind,
                                          evidence, evidence_start, evidence_end, extractor_version, mention_key)
            select 'a' || i || '-m0', 'a' || i, r.region_code, r.region_name, 'BPJS Kesehatan',
                   strftime(date '2015-01-01' + (i % 3900)::int, '%Y-%m-%d'), 'new', 'bukti', 0, 5, 'bench', sha1('a' || i || '-m0')
            from range({first}, {first + count}) t(i),
                 (select region_code, region_name, row_number() over (order by region_code) - 1 as n from raw.regions) r
            where i % 10 = 0 and r.n = i % 553"""
    )


def _dbt(path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **get_settings().env(), "PANTAU_WAREHOUSE": str(path)}
    project = get_settings().dbt_project_dir
    return subprocess.run(
        [DBT, *args, "--quiet", "--project-dir", str(project), "--profiles-dir", str(project), "--target-path", str(path.parent / "dbt-target")],
        check=True, env=env, cwd=project,
    )


def _build(path: Path, *extra: str) -> dict[str, float]:
    """One pipeline build: its wall time, dbt's own run time (from run_results.json) and what it ran."""
    start = time.perf_counter()
    _dbt(path, *DBT_BUILD_ARGS, *extra)
    wall = time.perf_counter() - start
    results = json.loads((path.parent / "dbt-target" / "run_results.json").read_text())
    node_times = [r["execution_time"] for r in results["results"]]
    models = [r["execution_time"] for r in results["results"] if r["unique_id"].startswith("model.")]
    return {
        "wall": wall,
        "in_dbt": results["elapsed_time"],
        # interpreter start, dbt's imports, adapter and manifest set-up and exit: paid by every invocation
        "process": wall - results["elapsed_time"],
        "nodes": len(node_times),
        "models": sum(models),
        "tests": sum(node_times) - sum(models),
    }


def dbt_benchmark(path: Path, articles: int) -> dict[str, float]:
    """A full ``dbt build`` and one after 1 % new rows, as the pipeline runs them, with where the time goes.

    The project is parsed first so that both builds start from the same partial-parse state, as the
    pipeline's do (Dagster parses it when it loads the code location).
    """
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL.read_text())
    load.load_regions(con, steps.region_rows())
    _fill(con, 0, articles)
    con.close()
    _dbt(path, "parse")
    full = _build(path, "--full-refresh")
    con = duckdb.connect(str(path))
    _fill(con, articles, max(1, articles // 100))
    con.close()
    incremental = _build(path)
    return {
        "dbt_articles": articles,
        "dbt_facts": articles * 10,
        "dbt_full_build_s": round(full["wall"], 2),
        "dbt_incremental_build_s": round(incremental["wall"], 2),
        "dbt_incremental_ratio": round(incremental["wall"] / full["wall"], 3),
        # the same two builds without the per-invocation cost of starting dbt
        "dbt_in_dbt_full_s": round(full["in_dbt"], 2),
        "dbt_in_dbt_incremental_s": round(incremental["in_dbt"], 2),
        "dbt_in_dbt_incremental_ratio": round(incremental["in_dbt"] / full["in_dbt"], 3),
        "dbt_process_overhead_s": round(incremental["process"], 2),
        "dbt_nodes": incremental["nodes"],
        "dbt_full_models_s": round(full["models"], 2),
        "dbt_incremental_models_s": round(incremental["models"], 2),
        "dbt_full_tests_s": round(full["tests"], 2),
        "dbt_incremental_tests_s": round(incremental["tests"], 2),
    }
