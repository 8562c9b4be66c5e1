"""Failure drills: a crash while loading, a page that breaks trafilatura, a full disk during the crawl."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace

import duckdb
import pytest

from pantau import steps
from pantau.crawl import CrawlError, run_crawl
from pantau.settings import get_settings
from warehouse.db import writer

from .conftest import write_sources


def _crawl_file(path, n, start=0):
    with path.open("w") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps({"type": "page", "url": f"http://127.0.0.1:9/a/{i}", "source": "t", "status": 200,
                                 "fetched_at": "2025-11-28T00:00:00+00:00", "html": "<html><body>" + "x" * 20000 + f"{i}</body></html>"}) + "\n")


def test_kill_during_load_loses_and_duplicates_nothing(tmp_path):
    crawls = tmp_path / "crawls"
    crawls.mkdir()
    _crawl_file(crawls / "crawl-a.jsonl", 4000)
    warehouse = tmp_path / "w.duckdb"
    with writer(warehouse):
        pass
    code = f"""
from pathlib import Path
from pantau import steps
from warehouse.db import writer
with writer({str(warehouse)!r}) as con:
    steps.load_pending_crawls(con, Path({str(crawls)!r}), log=lambda line: None)
"""
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=get_settings().project_root)
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(warehouse))
    try:
        partial = con.execute("select count(*) from raw.pages").fetchone()[0]
        assert partial % 500 == 0  # whole batches only: each batch is one transaction
        steps.load_pending_crawls(con, crawls, log=lambda line: None)
        steps.load_pending_crawls(con, crawls, log=lambda line: None)  # and once more: nothing left to do
        assert con.execute("select count(*), count(distinct url) from raw.pages").fetchone() == (4000, 4000)
    finally:
        con.close()


def test_truncated_last_line_of_a_killed_crawl_is_skipped(tmp_path):
    crawls = tmp_path / "crawls"
    crawls.mkdir()
    _crawl_file(crawls / "crawl-b.jsonl", 3)
    with (crawls / "crawl-b.jsonl").open("a") as fh:
        fh.write('{"type": "page", "url": "http://127.0.0.1:9/cut", "html": "<ht')
    with writer(tmp_path / "w.duckdb") as con:
        stats = steps.load_pending_crawls(con, crawls, log=lambda line: None)
        assert stats.counts["truncated_lines"] == 1
        assert con.execute("select count(*) from raw.pages").fetchone()[0] == 3


def test_page_that_breaks_trafilatura_is_rejected_and_the_run_goes_on(tmp_path, monkeypatch):
    import cleaning.page as clean

    crawls = tmp_path / "crawls"
    crawls.mkdir()
    good = "<html><head><title>Judul</title></head><body><article><p>" + "Cakupan kepesertaan JKN di Kota Bontang mencapai 98 persen menurut BPJS Kesehatan. " * 5 + "</p></article></body></html>"
    with (crawls / "crawl-c.jsonl").open("w") as fh:
        for name in ("good", "poison"):
            fh.write(json.dumps({"type": "page", "url": f"http://127.0.0.1:9/{name}", "source": "t", "status": 200,
                                 "fetched_at": "2025-11-28T00:00:00+00:00", "html": good.replace("Judul", name)}) + "\n")
    real = clean.trafilatura.bare_extraction

    def explode(tree, url=None, **kwargs):
        if url.endswith("poison"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(tree, url=url, **kwargs)

    monkeypatch.setattr(clean.trafilatura, "bare_extraction", explode)
    with writer(tmp_path / "w.duckdb") as con:
        steps.load_pending_crawls(con, crawls, log=lambda line: None)
        stats = steps.clean_pages(con, log=lambda line: None)
        assert stats.counts["rejected"] == 1 and stats.counts["articles"] == 1
        reason = con.execute("select reason from raw.rejected_pages where url like '%poison'").fetchone()[0]
        assert "RecursionError" in reason
        # a second pass does not retry the rejected page or duplicate the good one
        again = steps.clean_pages(con, log=lambda line: None)
        assert again.counts.get("pages") == 0


@pytest.mark.e2e
def test_disk_full_during_crawl_fails_cleanly_and_the_next_run_recovers(site, tmp_path):
    settings = replace(get_settings(), warehouse_path=tmp_path / "d.duckdb", data_dir=tmp_path / "data")
    sources = write_sources(tmp_path / "s.yaml", [{"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/sitemap.xml"]}])
    settings.crawl_dir.mkdir(parents=True)
    full = settings.crawl_dir / "crawl-full.jsonl"
    full.symlink_to("/dev/full")  # every write fails with ENOSPC, as on a full disk
    with pytest.raises(CrawlError, match="output_write_failed"):
        run_crawl(settings, sources, set(), log=lambda line: None, extra_env={"PANTAU_CRAWL_DELAY": "0"}, output=full)
    full.unlink()
    assert not (settings.state_dir / "feed_validators.json").exists()  # feeds are read again next time
    run_crawl(settings, sources, set(), log=lambda line: None, extra_env={"PANTAU_CRAWL_DELAY": "0"})
    with writer(settings.warehouse_path) as con:
        steps.load_pending_crawls(con, settings.crawl_dir, log=lambda line: None)
        assert con.execute("select count(*), count(distinct url) from raw.pages").fetchone() == (len(site.articles), len(site.articles))
