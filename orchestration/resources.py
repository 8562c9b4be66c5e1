"""Dagster resources: the warehouse (one writer), the pipeline's paths and dbt, all from pantau.settings."""


import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource, DbtProject

from pantau.settings import get_settings
from warehouse.db import connect, writer
from warehouse.publish import publish, seed_build_file


class WarehouseResource(dg.ConfigurableResource):
    """The pipeline's DuckDB build file (writers hold it only for the length of one step) and the
    published copy readers open, replaced after each successful build."""

    path: str
    published_path: str

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A write connection (raises WarehouseLockedError naming the holder if another process has it)."""
        seed_build_file(self.path, self.published_path)
        with writer(self.path) as con:
            yield con

    def publish(self) -> Path:
        """Replace the published copy with the build file as it is now (after a successful build)."""
        return publish(self.path, self.published_path)

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
        # parsed into a private folder and moved into place in one step: two processes starting at once (two code
        # servers, tests run side by side) never read a manifest the other is half-way through writing
        manifest.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=manifest.parent, prefix="parse-") as private:
            subprocess.run(
                [DBT_EXECUTABLE, "parse", "--quiet", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
                 "--target-path", private],
                check=True,
                cwd=DBT_DIR,
                env={**os.environ, **get_settings().env()},
            )
            os.replace(Path(private) / "manifest.json", manifest)
    return project


@contextmanager
def dbt_environment(warehouse: WarehouseResource) -> Iterator[None]:
    """The variables dbt reads (``profiles.yml``, the corrections model), set for one dbt command in this
    process (dagster-dbt passes its environment on) and restored after, so no later step inherits them."""
    corrections = get_settings().corrections_path
    if corrections is not None and not corrections.is_file():
        raise FileNotFoundError(f"PANTAU_CORRECTIONS names {corrections}, which is not a file")
    # dbt runs in its project folder, the views it builds are read from anywhere: paths are passed absolute
    corrections = corrections or DBT_DIR / "seeds" / "fact_corrections.csv"
    values = {"PANTAU_BUILD_WAREHOUSE": str(Path(warehouse.path).resolve()), "PANTAU_CORRECTIONS": str(corrections)}
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is not None:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def dbt_resource() -> DbtCliResource:
    """The dbt CLI resource for this project."""
    return DbtCliResource(project_dir=dbt_project(), dbt_executable=DBT_EXECUTABLE)


def default_resources() -> dict[str, object]:
    """Resources from the environment (PANTAU_WAREHOUSE, PANTAU_SOURCES, PANTAU_DATA_DIR)."""
    s = get_settings()
    return {
        "warehouse": WarehouseResource(path=str(s.build_path), published_path=str(s.warehouse_path)),
        "pipeline": PipelineSettings(sources_path=str(s.sources_path), data_dir=str(s.data_dir)),
        "dbt": dbt_resource(),
    }
