"""The crawler against the local fixture site: each discovery kind and each way a site misbehaves,
asserting what lands in DuckDB (raw.pages, raw.fetch_errors)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace

import duckdb
import pytest

from pantau import steps
from pantau.crawl import run_crawl
from pantau.settings import get_settings
from warehouse import load
from warehouse.db import writer

from .conftest import write_sources

pytestmark = pytest.mark.e2e


def crawl(tmp_path, entries, known=None, env=None, name=None):
    """One crawl and load into tmp_path's warehouse; returns the warehouse path."""
    settings = replace(get_settings(), warehouse_path=tmp_path / "c.duckdb" if name is None else tmp_path / name, data_dir=tmp_path / "data")
    sources = write_sources(tmp_path / "s.yaml", entries)
    with writer(settings.warehouse_path) as con:
        known = load.known_urls(con) if known is None else known
    run_crawl(settings, sources, known, log=lambda line: None, extra_env={"PANTAU_CRAWL_DELAY": "0", **(env or {})})
    with writer(settings.warehouse_path) as con:
        steps.load_pending_crawls(con, settings.crawl_dir, log=lambda line: None)
    return settings.warehouse_path


def rows(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def urls_of(site, *ids):
    return {site.article_urls()[i] for i in ids}


def test_news_sitemap(site, tmp_path):
    wh = crawl(tmp_path, [{"name": "news", "kind": "sitemap", "urls": [f"{site.base_url}/wartanusantara/sitemap-news.xml"]}])
    fetched = {r[0] for r in rows(wh, "select url from raw.pages")}
    assert fetched == {u for i, u in site.article_urls().items() if next(a for a in site.articles if a.id == i).outlet == "wartanusantara"}


def test_atom_feed_and_tracking_parameters(site, tmp_path):
    wh = crawl(tmp_path, [{"name": "atom", "kind": "rss", "urls": [f"{site.base_url}/kabarkaltim/atom.xml"]}])
    assert rows(wh, "select count(*) from raw.pages")[0][0] == sum(a.outlet == "kabarkaltim" for a in site.articles)
    # RSS links carry utm_ parameters; the stored page is still one per article
    (tmp_path / "rss").mkdir()
    wh2 = crawl(tmp_path / "rss", [{"name": "rss", "kind": "rss", "urls": [f"{site.base_url}/suaralombok/rss.xml"]}])
    assert rows(wh2, "select count(distinct listed_url) = count(*) from raw.pages")[0][0]


def test_listing_with_pagination(site, tmp_path):
    wh = crawl(
        tmp_path,
        [{"name": "indeks", "kind": "listing", "urls": [f"{site.base_url}/suaralombok/indeks"], "link_selector": "a.headline", "next_selector": "a.next", "max_pages": 20}],
    )
    expected = sum(a.outlet == "suaralombok" for a in site.articles)
    assert 3 < expected <= 3 * 20  # more than one index page (3 a page), all within max_pages
    assert rows(wh, "select count(*) from raw.pages")[0][0] == expected


def test_misbehaving_pages(site, tmp_path):
    site.slow_seconds = 4
    wh = crawl(
        tmp_path,
        [{"name": "faults", "kind": "sitemap", "urls": [f"{site.base_url}/_faults/sitemap.xml"]}],
        env={"PANTAU_DOWNLOAD_TIMEOUT": "2", "PANTAU_DOWNLOAD_MAXSIZE": "200000", "PANTAU_RETRY_TIMES": "1"},
    )
    pages = {r[0].rsplit("/", 1)[-1]: r for r in rows(wh, "select url, status, encoding, html_bytes from raw.pages")}
    errors = {r[0].rsplit("/", 1)[-1]: r for r in rows(wh, "select url, status, error from raw.fetch_errors")}
    # 500 then 200, 429 with Retry-After then 200: retried and stored
    assert "flaky" in pages and "ratelimited" in pages
    assert site.hits["/_faults/ratelimited"] == 2 and site.hits["/_faults/flaky"] == 2
    # a redirect lands at the final URL
    story = next(a for a in site.articles if not a.distractor)
    assert story.path.rsplit("/", 1)[-1] in pages
    # 404 and a disallowed path are recorded as failures, not stored
    assert errors["missing"][1] == 404
    assert "forbidden" in errors and "robots" in errors["forbidden"][2].lower()
    # too slow and too big: recorded with the reason
    assert "slow" in errors and "timeout" in errors["slow"][2].lower()
    assert "huge" in errors and "huge" not in pages
    # the windows-1252 page is decoded by its meta tag
    assert pages["cp1252"][2] == "cp1252"
    html = rows(wh, "select html_zlib from raw.pages where url like '%cp1252'")[0][0]
    import zlib

    assert "\u201cberita\u201d" in zlib.decompress(html).decode()
    # the empty page is stored, then rejected by cleaning with a reason
    assert "empty" in pages
    con = duckdb.connect(str(wh))
    try:
        steps.clean_pages(con, log=lambda line: None)
        assert con.execute("select reason from raw.rejected_pages where url like '%empty'").fetchone()[0] == "empty page"
    finally:
        con.close()


def test_entity_expansion_sitemap_does_not_expand(site, tmp_path):
    wh = crawl(tmp_path, [{"name": "bomb", "kind": "sitemap", "urls": [f"{site.base_url}/_faults/bomb-sitemap.xml"]}])
    assert rows(wh, "select count(*) from raw.pages")[0][0] == 0
    assert rows(wh, "select max(length(url)) from raw.fetch_errors")[0][0] is None or rows(wh, "select max(length(url)) from raw.fetch_errors")[0][0] < 2048


def test_second_crawl_uses_conditional_get_and_fetches_no_article(site, tmp_path):
    entries = [{"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/sitemap.xml"]}]
    crawl(tmp_path, entries)
    first = site.article_requests()
    crawl(tmp_path, entries)
    assert site.article_requests() == first
    assert ("/sitemap.xml", 304) in site.requests


def test_killed_crawl_resumes_without_loss_or_duplicates(site, tmp_path):
    site.article_delay = 0.15
    settings = replace(get_settings(), warehouse_path=tmp_path / "k.duckdb", data_dir=tmp_path / "data")
    sources = write_sources(tmp_path / "s.yaml", [{"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/sitemap.xml"]}])
    settings.crawl_dir.mkdir(parents=True)
    output = settings.crawl_dir / "crawl-killed.jsonl"
    env = {**os.environ, **settings.env(), "PANTAU_OUTPUT": str(output), "PANTAU_CRAWL_DELAY": "0", "SCRAPY_SETTINGS_MODULE": "scrapers.settings"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sources={sources}", "-a", f"validators={settings.state_dir / 'v.json'}"],
        cwd=settings.project_root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline and (not output.exists() or len(output.read_text().splitlines()) < 5):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = len(output.read_text().splitlines())
    assert 5 <= partial < len(site.articles)
    site.article_delay = 0
    wh = crawl(tmp_path, [{"name": "sample", "kind": "sitemap", "urls": [f"{site.base_url}/sitemap.xml"]}], name="k.duckdb")
    assert wh == settings.warehouse_path
    assert rows(wh, "select count(*), count(distinct url) from raw.pages")[0] == (len(site.articles), len(site.articles))
    # pages the killed run had fetched were not fetched again
    assert site.article_requests() <= len(site.articles) + partial + 16
