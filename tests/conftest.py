"""Shared fixtures: the sample site on 127.0.0.1 and an isolated pipeline environment per test."""

from __future__ import annotations

import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from devtools.sample_site import SampleSite


@pytest.fixture(scope="session")
def gazetteer():
    from extraction import load_gazetteer

    return load_gazetteer()


@pytest.fixture()
def site():
    """A fresh sample site (its own request log) on a free loopback port."""
    with SampleSite() as s:
        yield s


@pytest.fixture()
def pipeline_env(tmp_path, monkeypatch):
    """Point every path of the pipeline into tmp_path; returns the warehouse path."""
    warehouse = tmp_path / "wh" / "pantau.duckdb"
    monkeypatch.setenv("PANTAU_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PANTAU_CRAWL_DELAY", "0")
    monkeypatch.setenv("PANTAU_RETRY_TIMES", "2")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    (tmp_path / "dagster_home").mkdir()
    monkeypatch.delenv("PANTAU_SOURCES", raising=False)
    return warehouse


def write_sources(path: Path, entries: list[dict]) -> Path:
    """Write a sources.yaml with the given entries."""
    import yaml

    path.write_text(yaml.safe_dump({"sources": entries}, sort_keys=False), encoding="utf-8")
    return path


def table_counts(warehouse: Path) -> dict[str, int]:
    """Row count of every table in the warehouse."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables order by 1, 2"
        ).fetchall()
        return {f"{s}.{t}": con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0] for s, t in tables}
    finally:
        con.close()


os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")


def query(warehouse: Path, sql: str) -> list[tuple]:
    """Rows of one query on the warehouse, read-only."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def serve_plain_pages(root: Path, pages: dict[str, tuple[str, str]], published: str) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``pages`` ({path: (title, body)}) as bare HTML on 127.0.0.1, with a sitemap and an RSS feed
    listing them; returns the server (call ``shutdown``) and its base URL."""
    for path, (title, body) in pages.items():
        page = root / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"<html><head><title>{title}</title><meta name='date' content='{published}'></head>"
            f"<body><h1>{title}</h1><p>{body}</p></body></html>",
            encoding="utf-8",
        )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{base}/{p}</loc></url>" for p in pages)
        + "</urlset>",
        encoding="utf-8",
    )
    (root / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + "".join(f"<item><title>x</title><link>{base}/{p}</link></item>" for p in pages)
        + "</channel></rss>",
        encoding="utf-8",
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base
