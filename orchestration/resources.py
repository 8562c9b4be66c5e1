"""Dagster resources: the warehouse (one writer), the pipeline's paths and dbt, all from pantau.settings."""


import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource, DbtProject

from pantau.settings import get_settings
from warehouse.db import connect, writer


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file. Writers hold it only for the length of one step."""

    path: str

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A write connection (raises WarehouseLockedError naming the holder if another process has it)."""
        with writer(self.path) as con:
            yield con

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection."""
        con = connect(self.path, read_only=True)
        try:
            yield con
        finally:
            con.close()


class PipelineSettings(dg.ConfigurableResource):
    """Paths of the crawl: the sources file and the data folder (crawl files, crawler state)."""

    sources_path: str
    data_dir: str

    def settings(self):
        """The pantau Settings object these paths describe."""
        from dataclasses import replace

        return replace(get_settings(), sources_path=Path(self.sources_path), data_dir=Path(self.data_dir))


DBT_DIR = get_settings().dbt_project_dir
# dbt is installed beside this interpreter (the project venv), whether or not the venv is on PATH
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))


@cache
def dbt_project() -> DbtProject:
    """The dbt project, with a manifest ready (parsed once when missing or older than the models)."""
    project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
    manifest = Path(project.manifest_path)
    sources = [p for p in DBT_DIR.rglob("*") if p.suffix in (".sql", ".yml", ".md") and "target" not in p.parts]
    if not manifest.exists() or any(p.stat().st_mtime > manifest.stat().st_mtime for p in sources):
        subprocess.run(
            [DBT_EXECUTABLE, "parse", "--quiet", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)],
            check=True,
            cwd=DBT_DIR,
            env={**os.environ, **get_settings().env()},
        )
    return project


def dbt_resource() -> DbtCliResource:
    """The dbt CLI resource for this project."""
    return DbtCliResource(project_dir=dbt_project(), dbt_executable=DBT_EXECUTABLE)


def default_resources() -> dict[str, object]:
    """Resources from the environment (PANTAU_WAREHOUSE, PANTAU_SOURCES, PANTAU_DATA_DIR)."""
    s = get_settings()
    return {
        "warehouse": WarehouseResource(path=str(s.warehouse_path)),
        "pipeline": PipelineSettings(sources_path=str(s.sources_path), data_dir=str(s.data_dir)),
        "dbt": dbt_resource(),
    }
