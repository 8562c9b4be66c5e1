"""The backfill job: list the archive files, read each on any worker (a dynamic fan-out), merge their
Parquet outputs into the warehouse (the one writer), build the marts.

One run fans out over every file it lists, so the executor spreads one month's files over the
cluster's workers. The monthly job does the same per CC-NEWS month, as partitions a Dagster
backfill can launch; those runs queue one after another (one run at a time writes DuckDB).
"""


import json
import os
import re
from typing import Any

import dagster as dg
from dagster_dbt import DbtCliResource

from pantau import backfill
from pantau.settings import DBT_BUILD_ARGS, get_settings
from warehouse import load

from .resources import PipelineSettings, WarehouseResource, dbt_environment

CC_NEWS_START = "2016-08-01"  # CC-NEWS starts in August 2016


class ArchiveListConfig(dg.Config):
    """What to read: WARC files (paths or URLs) and/or CC-NEWS months (``YYYY-MM`` or ``YYYY-MM..YYYY-MM``),
    and with ``retry_failed`` every file whose last attempt failed."""

    warc: list[str] = []
    cc_news: str = ""
    retry_failed: bool = False


@dg.op(out=dg.DynamicOut(dict), tags={"kind": "warc"})
def archive_files(context: dg.OpExecutionContext, config: ArchiveListConfig, pipeline: PipelineSettings, warehouse: WarehouseResource):
    """Every archive file to read, one dynamic output each (a refused one too: its step records why)."""
    retry: list[str] = []
    retry_months: list[str] = []
    if config.retry_failed:
        with warehouse.write() as con:  # a write connection brings an older file's columns up to date
            retry, retry_months = backfill.retry_plan(load.failed_archive_files(con))
    files = backfill.list_archives(config.warc, config.cc_news, pipeline.settings(), retry, retry_months)
    refused = [f for f in files if f["refusal"]]
    context.log.info(f"{len(files)} archive files to read ({len(refused)} refused, {len(retry)} failed before)")
    for i, entry in enumerate(files):
        key = re.sub(r"\W+", "_", entry["location"].rsplit("/", 1)[-1])[:60]
        yield dg.DynamicOutput(entry, mapping_key=f"f{i:05d}_{key}")


@dg.op(tags={"kind": "warc"})
def read_archive_file(context: dg.OpExecutionContext, entry: dict, pipeline: PipelineSettings) -> dict:
    """Read one archive into its Parquet output (no warehouse access: this runs on any worker); a file
    that is refused or cannot be read is recorded as failed, and the run goes on."""
    summary = backfill.read_or_record(entry, pipeline.settings(), log=context.log.info)
    if summary["status"] == "failed":
        context.log.warning(f"archive file failed: {summary['archive']}: {summary['reason']}")
        context.add_output_metadata({"status": "failed", "reason": summary["reason"], "archive": summary["archive"]})
    else:
        keys = ("records", "prefiltered_out", "pages", "relevant", "skipped", "worker", "output_path")
        context.add_output_metadata({"status": "read", **{k: summary[k] for k in keys}})
    return summary


_RAW_TABLES = ("pages", "articles", "article_urls", "facts", "mou_mentions")


def _writer_tags() -> dict[str, str]:
    """On a cluster, the steps that open the DuckDB file run only on the worker that has it."""
    resource = get_settings().dask_warehouse_resource
    return {"dagster-dask/resource_requirements": json.dumps({resource: 1})} if resource else {}


@dg.op(pool="duckdb", tags={"kind": "duckdb", **_writer_tags()})
def merge_archive_outputs(context: dg.OpExecutionContext, summaries: list[dict], warehouse: WarehouseResource, pipeline: PipelineSettings):
    """Merge the new Parquet outputs into raw.* (insert-or-ignore), then report the raw tables."""
    with warehouse.write() as con:
        stats = backfill.merge_archive_outputs(con, pipeline.settings(), log=context.log.info)
        counts = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in _RAW_TABLES}
    workers = sorted({s["worker"] for s in summaries})
    failed = {s["archive"]: s["reason"] for s in summaries if s.get("status") == "failed"}
    for table, n in counts.items():
        yield dg.AssetMaterialization(asset_key=["raw", table], metadata={"row_count": dg.MetadataValue.int(n), "from": "backfill"})
    failed_md = dg.MetadataValue.md("\n".join(f"- `{a}`: {r}" for a, r in failed.items()) or "none")
    yield dg.Output(
        {"files": len(summaries), "workers": workers, "failed_files": failed, **stats.counts},
        metadata={"workers": ", ".join(workers), "files_failed": len(failed), "failed_files": failed_md, **stats.counts},
    )


@dg.op(pool="duckdb", tags={"kind": "dbt", **_writer_tags()})
def build_marts(context: dg.OpExecutionContext, merged: dict, dbt: DbtCliResource, warehouse: WarehouseResource):
    """``dbt build``: the marts now include the archived articles."""
    with dbt_environment(warehouse):
        invocation = dbt.cli(list(DBT_BUILD_ARGS), raise_on_error=True).wait()
    warehouse.publish()  # readers see the archived articles once the whole build succeeded
    results = invocation.get_artifact("run_results.json")["results"]
    nodes = invocation.get_artifact("manifest.json")["nodes"]
    for r in results:
        node = nodes.get(r["unique_id"], {})
        if node.get("resource_type") == "model" and r["status"] == "success":
            yield dg.AssetMaterialization(asset_key=[node["schema"], node["name"]], metadata={"from": "backfill"})
    yield dg.Output(len(results), metadata={"dbt_nodes": len(results)})


@dg.graph
def backfill_graph():
    """archive files → read each (fan-out) → merge into raw → dbt marts."""
    summaries = archive_files().map(read_archive_file).collect()
    build_marts(merge_archive_outputs(summaries))


def executor_def() -> dg.ExecutorDefinition:
    """The executor PANTAU_EXECUTOR names: multiprocess, dask (PANTAU_DASK_SCHEDULER or a local cluster), in_process."""
    s = get_settings()
    workers = int(os.environ.get("PANTAU_WORKERS", "0")) or os.cpu_count() or 1
    if s.executor == "dask":
        from .dask_executor import pantau_dask_executor

        cluster: dict[str, Any] = (
            {"existing": {"address": s.dask_scheduler}} if s.dask_scheduler
            else {"local": {"n_workers": workers, "threads_per_worker": 1, "processes": True}}
        )
        return pantau_dask_executor.configured({"cluster": cluster})
    if s.executor == "in_process":
        return dg.in_process_executor
    if s.executor == "multiprocess":
        return dg.multiprocess_executor.configured({"max_concurrent": workers})
    raise ValueError(f"PANTAU_EXECUTOR={s.executor!r}: expected multiprocess, dask or in_process")


@dg.monthly_partitioned_config(start_date=CC_NEWS_START)
def _month_config(start, _end) -> dict:
    return {"ops": {"archive_files": {"config": {"cc_news": start.strftime("%Y-%m"), "warc": []}}}}


def backfill_job() -> dg.JobDefinition:
    """``pantau_backfill``: the files and months given in the run config."""
    return backfill_graph.to_job(
        name="pantau_backfill",
        description="Load history from web archives: WARC files (paths or URLs) and/or CC-NEWS months, read in parallel, merged into the warehouse.",
        executor_def=executor_def(),
        tags={"pantau/flow": "backfill"},
    )


def cc_news_monthly_job() -> dg.JobDefinition:
    """``pantau_backfill_cc_news``: one partition per CC-NEWS month."""
    return backfill_graph.to_job(
        name="pantau_backfill_cc_news",
        description="One CC-NEWS month per partition; each run reads the month's files in parallel.",
        executor_def=executor_def(),
        config=_month_config,
        tags={"pantau/flow": "backfill"},
    )


def backfill_definitions() -> dg.Definitions:
    """The backfill jobs with the pipeline's resources (for ``pantau backfill`` and its worker processes)."""
    from .resources import default_resources

    return dg.Definitions(jobs=[backfill_job(), cc_news_monthly_job()], resources=default_resources())


def reconstructable_backfill_job() -> dg.JobDefinition:
    """``pantau_backfill`` with its resources bound, rebuilt the same way in every worker process."""
    return backfill_definitions().resolve_job_def("pantau_backfill")
