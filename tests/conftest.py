"""Shared fixtures: the sample site on 127.0.0.1 and an isolated pipeline environment per test."""

from __future__ import annotations

import os
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
