"""End to end: the real Dagster job (pantau run) against sites on 127.0.0.1 into a temporary DuckDB file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pantau import cli
from pantau.settings import PROJECT_ROOT

from .conftest import query as q
from .conftest import serve_plain_pages, table_counts, write_sources

pytestmark = pytest.mark.e2e




def test_daily_job_on_the_sample_site_twice(site, pipeline_env, tmp_path, capsys):
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/sitemap.xml"]},
            {"name": "lombok", "kind": "rss", "urls": [f"{site.base_url}/suaralombok/rss.xml"]},
        ],
    )
    assert cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    out = capsys.readouterr().out
    assert "Articles about JKN" in out and "MoUs with BPJS Kesehatan" in out

    # every article page was fetched exactly once
    served = site.article_requests()
    assert served == len(site.articles)
    # the marts hold the facts with provenance
    rows = q(pipeline_env, "select region_code, metric, kind, value, url, evidence from marts.fct_coverage_metrics")
    assert ("64.74", "uhc_coverage_pct", "actual", 100.11) in {r[:4] for r in rows}
    assert all(r[4].startswith(site.base_url) and r[5] for r in rows)
    # two outlets' reports of the Bontang renewal are one agreement with source_count 2
    mous = q(pipeline_env, "select signed_on, kind, source_count, len(urls) from marts.fct_mous where region_code = '64.74' order by signed_on")
    assert mous == [("2017-11-23", "new", 1, 1), ("2025-11-28", "renewal", 2, 2)]
    # Bontang reported in 2017 and 2025: both values in the monthly series, months between carried forward
    series = dict(q(pipeline_env, "select month::varchar, uhc_coverage_pct from marts.region_coverage_monthly where region_code = '64.74'"))
    assert series["2017-11-01"] == 92 and series["2018-11-01"] == 92 and series["2025-11-01"] == 100.11
    # carried for at most 12 months: after that the month says how old the last figure is instead
    stale = q(pipeline_env, "select uhc_coverage_pct, uhc_is_stale, uhc_months_since_observed, uhc_last_known_pct from marts.region_coverage_monthly where region_code = '64.74' and month = '2019-06-01'")
    assert stale == [(None, True, 19, 92)]
    carried = q(pipeline_env, "select uhc_months_since_observed from marts.region_coverage_monthly where region_code = '64.74' and month = '2018-03-01'")
    assert carried == [(4,)]
    assert q(pipeline_env, "select count(*) from marts.dim_regions") == [(553,)]
    from extraction import extract, is_relevant

    off_topic = sum(not is_relevant(a.text, a.title) for a in site.articles)
    assert q(pipeline_env, "select count(*) from raw.articles where not relevant")[0][0] == off_topic
    # the syndicated copy on another outlet is folded into the original story, which lists both URLs
    urls = site.article_urls()
    folded = q(pipeline_env, f"select urls from marts.fct_articles where list_contains(urls, '{urls['045-bontang-syndicated-2025']}')")
    assert folded and urls["001-bontang-mou-2025"] in folded[0][0]
    # the pipeline's facts are exactly what `pantau extract` gives for the stored text (one code path)
    article_id, text, published, title = q(
        pipeline_env, f"select article_id, text, published_at, title from raw.articles where canonical_url = '{urls['002-bontang-nota-kesepakatan-2025']}'"
    )[0]
    stored = q(pipeline_env, f"select metric, kind, value, evidence from raw.facts where article_id = '{article_id}' order by fact_id")
    fresh = extract(text, published, title).facts
    assert stored == [(f.metric, f.kind, float(f.value), f.evidence) for f in fresh]
    first = table_counts(pipeline_env)

    # second run on the unchanged site: no article page fetched, every table the same size
    assert cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    assert site.article_requests() == served
    assert table_counts(pipeline_env) == first

    # the incremental marts equal a full rebuild; this plain `dbt build` also runs the dbt unit tests,
    # which the scheduled builds leave out
    import json

    marts = ["dim_regions", "fct_articles", "fct_coverage_metrics", "fct_mous", "region_coverage_monthly", "region_scorecard"]
    incremental = {m: q(pipeline_env, f"select * from marts.{m} order by all") for m in marts}
    project = PROJECT_ROOT / "dbt_project"
    subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "build", "--full-refresh", "--quiet", "--project-dir", str(project), "--profiles-dir", str(project),
         "--target-path", str(tmp_path / "full")],
        check=True, cwd=project, env={**os.environ, "PANTAU_WAREHOUSE": str(pipeline_env)},
    )
    assert {m: q(pipeline_env, f"select * from marts.{m} order by all") for m in marts} == incremental
    results = json.loads((tmp_path / "full" / "run_results.json").read_text())["results"]
    unit_tests = [r for r in results if r["unique_id"].startswith("unit_test.")]
    assert len(unit_tests) >= 3 and all(r["status"] == "pass" for r in unit_tests)

    # every mart column is described in the generated docs catalog
    subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "docs", "generate", "--quiet", "--project-dir", str(project), "--profiles-dir", str(project),
         "--target-path", str(tmp_path / "docs")],
        check=True, cwd=project, env={**os.environ, "PANTAU_WAREHOUSE": str(pipeline_env)},
    )
    catalog = json.loads((tmp_path / "docs" / "catalog.json").read_text())
    manifest = json.loads((tmp_path / "docs" / "manifest.json").read_text())
    for node_id, node in catalog["nodes"].items():
        if node["metadata"]["schema"] != "marts":
            continue
        described = {c for c, meta in manifest["nodes"][node_id]["columns"].items() if meta.get("description")}
        assert set(node["columns"]) <= described, (node_id, set(node["columns"]) - described)
        assert manifest["nodes"][node_id]["description"]


def test_reextract_job_changes_results_without_fetching(site, pipeline_env, tmp_path, monkeypatch):
    sources = write_sources(tmp_path / "s.yaml", [{"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/sitemap.xml"]}])
    assert cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    requests_before = len(site.requests)
    assert q(pipeline_env, "select count(*) from marts.fct_coverage_metrics where metric = 'participants'")[0][0] > 0

    import pantau.steps as steps
    from cleaning.page import CleaningError
    from extraction import extract as real_extract

    def extract_without_counts(*args, **kwargs):
        result = real_extract(*args, **kwargs)
        result.facts = [f for f in result.facts if f.metric != "participants"]
        return result

    # re-cleaning now rejects the one page of an article: the loader deletes that article (no page links
    # to it any more), and the incremental fct_articles must drop it too
    gone_id, gone_url = q(pipeline_env, "select article_id, url from marts.fct_articles where url_count = 1 order by url limit 1")[0]
    real_clean = steps.clean_page

    def clean_rejecting_one(html, url):
        if url == gone_url:
            raise CleaningError("no article text")
        return real_clean(html, url)

    monkeypatch.setattr(steps, "extract", extract_without_counts)
    monkeypatch.setattr(steps, "clean_page", clean_rejecting_one)
    assert cli.main(["run", "--reextract", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    assert len(site.requests) == requests_before  # nothing reached the site
    assert q(pipeline_env, "select count(*) from marts.fct_coverage_metrics where metric = 'participants'")[0][0] == 0
    assert q(pipeline_env, "select count(*) from marts.fct_coverage_metrics")[0][0] > 0
    assert q(pipeline_env, f"select count(*) from raw.articles where article_id = '{gone_id}'") == [(0,)]
    assert q(pipeline_env, f"select count(*) from marts.fct_articles where article_id = '{gone_id}' or url = '{gone_url}'") == [(0,)]
    assert q(pipeline_env, "select count(*) - count(distinct article_id) from marts.fct_articles") == [(0,)]
    assert q(pipeline_env, "select count(*) from marts.fct_articles") == q(pipeline_env, "select count(*) from raw.articles where relevant")


PLAIN_PAGES = {
    "berita/uhc-kota-tegal.html": (
        "Cakupan JKN Kota Tegal 97 Persen",
        "Tegal – Pemerintah Kota Tegal menyebut cakupan kepesertaan Jaminan Kesehatan Nasional (JKN) kini 97,4 persen. "
        "Pemkot Tegal menganggarkan Rp18 miliar dari APBD untuk iuran BPJS Kesehatan warga tidak mampu.",
    ),
    "berita/mou-kabupaten-tegal.html": (
        "Pemkab Tegal Teken MoU dengan BPJS Kesehatan",
        "Slawi – Pemerintah Kabupaten Tegal dan BPJS Kesehatan menandatangani MoU jaminan kesehatan pada Senin (6/10/2025). "
        "Bupati Tegal menargetkan keaktifan peserta JKN mencapai 80 persen.",
    ),
}


def _plain_site(root):
    return serve_plain_pages(root, PLAIN_PAGES, "2025-10-07")


@pytest.mark.parametrize("kind, path", [("sitemap", "sitemap.xml"), ("rss", "feed.xml")])
def test_minimal_sources_file_on_a_plain_site(pipeline_env, tmp_path, kind, path):
    server, base = _plain_site(tmp_path / "site")
    try:
        sources = write_sources(tmp_path / "s.yaml", [{"name": "plain", "kind": kind, "urls": [f"{base}/{path}"]}])
        assert cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    finally:
        server.shutdown()
    facts = q(pipeline_env, "select region_code, metric, kind, value, url from marts.fct_coverage_metrics order by 1, 2")
    assert ("33.76", "uhc_coverage_pct", "actual", 97.4) in {f[:4] for f in facts}
    assert ("33.28", "active_participation_pct", "target", 80.0) in {f[:4] for f in facts}
    assert all(f[4].startswith(base) for f in facts)
    mous = q(pipeline_env, "select region_code, signed_on, urls from marts.fct_mous")
    assert mous == [("33.28", "2025-10-06", [f"{base}/berita/mou-kabupaten-tegal.html"])]


def test_locked_build_file_fails_fast_and_changes_nothing(site, pipeline_env, tmp_path, capsys):
    sources = write_sources(tmp_path / "s.yaml", [{"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/kabarkaltim/sitemap.xml"]}])
    assert cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 0
    before = table_counts(pipeline_env)
    requests_before = len(site.requests)
    # readers open the published copy and never stop a run; only a process holding the build file can
    build = pipeline_env.parent / "pantau.build" / "pantau.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(build)!r}); print('ready', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        capsys.readouterr()
        code = cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)])
        err = capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    assert code == 3
    assert "locked" in err and f"PID {holder.pid}" in err and "Nothing was written" in err
    assert len(site.requests) == requests_before
    assert table_counts(pipeline_env) == before


def test_malformed_sources_file_names_the_entry(pipeline_env, tmp_path, capsys):
    sources = tmp_path / "bad.yaml"
    sources.write_text("sources:\n  - name: ok\n    kind: sitemap\n    urls: [http://127.0.0.1:9/sitemap.xml]\n  - name: broken\n    kind: carrier-pigeon\n    urls: [x]\n")
    assert cli.main(["run", "--sources", str(sources), "--warehouse", str(pipeline_env)]) == 1
    err = capsys.readouterr().err
    assert "source 'broken'" in err and "kind" in err
    assert not pipeline_env.exists()
