"""The published warehouse: readers open it during a whole run and are never refused nor see half a build;
the README's example queries show what the demo warehouse holds; the `duckdb` shell `make` installs reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from devtools.hostile_corrections import write_corrections
from devtools.sample_site import SampleSite, write_demo_sources
from pantau.settings import PROJECT_ROOT
from warehouse.publish import publish

from .readme_examples import cell, examples

pytestmark = pytest.mark.e2e

# The README's results are as of this month (the monthly series and the carry window end here)
README_MONTH = "2026-12-01"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`pantau run` of the sample site (as `make demo`), in its own process; yields (env, run command)."""
    root = tmp_path_factory.mktemp("demo")
    (root / "dagster_home").mkdir()
    with SampleSite() as site:
        env = {
            **os.environ,
            "PANTAU_WAREHOUSE": str(root / "warehouse" / "pantau.duckdb"),
            "PANTAU_DATA_DIR": str(root / "data"),
            "DAGSTER_HOME": str(root / "dagster_home"),
            "PANTAU_CRAWL_DELAY": "0",
            "PANTAU_SPINE_END": README_MONTH,
            "PANTAU_LOG_LEVEL": "WARNING",
        }
        env.pop("PANTAU_CORRECTIONS", None)
        sources = write_demo_sources(site.base_url, root / "demo-sources.yaml")
        run = [str(Path(sys.executable).with_name("pantau")), "run", "--sources", str(sources)]
        subprocess.run(run, env=env, check=True, capture_output=True)
        yield env, run, root


def test_readme_queries_show_what_the_demo_holds(demo):
    env, _, _ = demo
    shown = examples(PROJECT_ROOT / "README.md")
    assert len(shown) >= 5
    con = duckdb.connect(env["PANTAU_WAREHOUSE"], read_only=True)
    try:
        for example in shown:
            # the demo site is served on a free port; the README shows the demo's default one
            result = con.execute(example.sql)
            names = [d[0] for d in result.description]
            rows = result.fetchall()
            assert len(rows) == example.total_rows, example.sql
            columns = [c for c in example.columns if c != "…"]
            assert names[: len(columns)] == columns, example.sql
            for got, want in zip(rows, example.rows, strict=False):
                text = [cell(v) for v in got[: len(columns)]]
                assert [_port(t) for t in text] == [_port(w) for w in want[: len(columns)]], example.sql
    finally:
        con.close()


def _port(text: str) -> str:
    """URLs of the sample site with its port left out (the test's site runs on a free port)."""
    import re

    return re.sub(r"http://127\.0\.0\.1:\d+", "http://127.0.0.1", text)


def _read(path: Path, sql: str) -> tuple:
    """One row, on a connection closed at once: DuckDB hands a process that still holds a connection to a
    file the database it opened then, so a reader that stays open keeps its copy (as an analyst's does)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def test_readers_are_never_refused_nor_see_half_a_build(demo, tmp_path):
    env, run, root = demo
    published = Path(env["PANTAU_WAREHOUSE"])
    snapshot = "select (select count(*) from marts.fct_coverage_metrics), (select count(*) from marts.fct_corrections)"
    before = _read(published, snapshot)
    # the second run brings one decision: a fact leaves fct_coverage_metrics, a line enters fct_corrections
    (fact_key,) = _read(published, "select fact_key from marts.fct_coverage_metrics order by fact_key limit 1")
    corrections = write_corrections(tmp_path / "corrections.csv", [{"fact_key": fact_key, "action": "reject", "corrected_by": "test"}])
    # an analyst in another process keeps a connection open through the whole run (it used to make the run fail)
    analyst = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); q = sys.argv[2]\n"
         "print(c.execute(q).fetchone(), flush=True); sys.stdin.readline(); print(c.execute(q).fetchone(), flush=True)",
         str(published), snapshot],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert analyst.stdout.readline().strip() == str(before)
    proc = subprocess.Popen(run, env={**env, "PANTAU_CORRECTIONS": str(corrections)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    reads, refused, seen = 0, [], set()
    while proc.poll() is None:
        try:
            seen.add(_read(published, snapshot))
            reads += 1
        except duckdb.Error as exc:
            refused.append(str(exc))
    output = proc.stdout.read().decode()
    assert proc.returncode == 0, output
    assert refused == []
    assert reads > 0
    after = _read(published, snapshot)
    assert after == (before[0] - 1, 1)
    assert seen <= {before, after}  # one build or the next, never a mix
    analyst.stdin.write("\n")
    analyst.stdin.flush()
    assert analyst.stdout.readline().strip() == str(before)  # the open connection kept its copy
    analyst.wait()


def test_the_duckdb_shell_make_installs_reads_the_published_copy(tmp_path):
    build = tmp_path / "build" / "pantau.duckdb"
    build.parent.mkdir()
    con = duckdb.connect(str(build))
    con.execute("create schema marts; create table marts.t as select 1 as n, ['a'] as l; create view marts.v as select * from pantau.marts.t")
    con.close()
    published = publish(build, tmp_path / "pantau.duckdb")
    shell = Path(sys.executable).with_name("duckdb")
    out = subprocess.run([str(shell), "-readonly", "-csv", str(published), "-c", "select n, l from marts.v"], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["n,l", "1,[a]"]
    assert not os.access(published, os.W_OK) or os.geteuid() == 0  # a read-only copy (root may write anyway)
    assert [p.name for p in tmp_path.iterdir() if "publishing" in p.name] == []
