"""End to end: ``pantau backfill`` into a fresh warehouse, and the backfill job on a real dask.distributed cluster."""

from __future__ import annotations

import pytest

from devtools.warc_archives import ArchiveServer, corpus_pages, mixed_pages, write_warc
from pantau import cli
from pantau.settings import get_settings

from .conftest import query as q
from .conftest import table_counts

pytestmark = pytest.mark.e2e




def test_backfill_command_gives_the_marts_history_and_a_second_run_changes_nothing(tmp_path, pipeline_env, monkeypatch, capsys):
    monkeypatch.setenv("PANTAU_EXECUTOR", "in_process")
    corpus = corpus_pages()
    local = write_warc(tmp_path / "local" / "CC-NEWS-a.warc.gz", mixed_pages(300, seed=1, relevant=corpus[::2])).path
    served = write_warc(tmp_path / "served" / "CC-NEWS-b.warc.gz", mixed_pages(300, seed=2, relevant=corpus[1::2])).path
    with ArchiveServer(served.parent) as server:
        args = ["backfill", "--warc", str(local), f"{server.base_url}/{served.name}", "--warehouse", str(pipeline_env)]
        assert cli.main(args) == 0
        first = table_counts(pipeline_env)
        assert cli.main(args) == 0
    assert table_counts(pipeline_env) == first
    # Bontang's series starts with the archived 2017 article, years before anything was crawled
    rows = q(pipeline_env, """select min(month), count(*) filter (where uhc_observed_this_month)
                              from marts.region_coverage_monthly where region_code = '64.74' and uhc_coverage_pct is not null""")
    assert str(rows[0][0]) == "2017-11-01" and rows[0][1] >= 2
    sources = dict(q(pipeline_env, "select source, count(*) from raw.pages group by 1"))
    assert set(sources) == {"archive:arsip-berita.example"} and first["marts.fct_articles"] >= 90
    captured = q(pipeline_env, "select min(fetched_at)::date from raw.pages")[0][0]
    assert captured == min(p.captured for p in corpus).date()  # pages keep their capture time, not the backfill's
    assert "MoUs with BPJS Kesehatan" in capsys.readouterr().out


def test_backfill_job_spreads_files_over_two_dask_workers(tmp_path, pipeline_env, monkeypatch):
    import dagster as dg
    from distributed import LocalCluster

    from orchestration.backfill import reconstructable_backfill_job

    corpus = corpus_pages()
    files = [str(write_warc(tmp_path / f"f{k}.warc.gz", mixed_pages(400, seed=k, relevant=corpus[k::4])).path) for k in range(4)]
    run_config = {"ops": {"archive_files": {"config": {"warc": files}}}}
    steps = ["archive_files", "read_archive_file", "merge_archive_outputs"]  # the dbt build is tested above
    monkeypatch.setenv("PANTAU_EXECUTOR", "dask")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0") as cluster:
        monkeypatch.setenv("PANTAU_DASK_SCHEDULER", cluster.scheduler_address)
        workers = set(cluster.scheduler_info["workers"])
        with dg.DagsterInstance.get() as instance:
            result = dg.execute_job(
                dg.reconstructable(reconstructable_backfill_job), instance=instance, run_config=run_config, op_selection=steps,
            )
        assert result.success
    # without build_marts nothing is published: the raw tables are in the pipeline's build file
    build = get_settings().build_path
    first = table_counts(build)  # (re-runs changing nothing: test_archives.py and the command's test above)
    used = {w for (w,) in q(build, "select worker from raw.archive_files")}
    assert used == workers and len(used) == 2
    assert first["raw.archive_files"] == 4 and first["raw.articles"] >= 100


def test_a_cc_news_month_partition_reads_that_months_files_into_shared_storage(tmp_path, pipeline_env, monkeypatch):
    from devtools.warc_archives import cc_news_tree
    from orchestration.backfill import cc_news_monthly_job

    corpus = corpus_pages()
    cc_news_tree(
        tmp_path / "cc",
        {
            "2019-03": [list(mixed_pages(50, seed=1, relevant=corpus[:10])), list(mixed_pages(50, seed=2, relevant=corpus[10:20]))],
            "2019-04": [list(mixed_pages(50, seed=3, relevant=corpus[20:30]))],
        },
    )
    # an fsspec URL stands for the cluster's shared storage (an in-memory filesystem in this one process)
    monkeypatch.setenv("PANTAU_ARCHIVE_OUTPUT", "memory://pantau-test/archives")
    with ArchiveServer(tmp_path / "cc") as server:
        monkeypatch.setenv("PANTAU_CC_NEWS_BASE", server.base_url)
        job = cc_news_monthly_job()
        from orchestration.resources import default_resources

        result = job.execute_in_process(
            partition_key="2019-03-01", resources=default_resources(), op_selection=["archive_files", "read_archive_file", "merge_archive_outputs"],
        )
    assert result.success
    # without build_marts nothing is published: the raw tables are in the pipeline's build file
    files = q(get_settings().build_path, "select file_name, relevant from raw.archive_files order by 1")
    assert [f for f, _ in files] == ["CC-NEWS-20190301000000-00000.warc.gz", "CC-NEWS-20190301000000-00001.warc.gz"]
    assert sum(n for _, n in files) >= 18  # the March files only, read through the partition's config
    import fsspec

    memory = fsspec.filesystem("memory")
    assert len(memory.glob("/pantau-test/archives/*.parquet")) == 2
    memory.rm("/pantau-test", recursive=True)
