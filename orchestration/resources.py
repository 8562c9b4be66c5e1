"""Dagster resources: the warehouse (one writer) and the pipeline's paths, all from pantau.settings."""


from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

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


def default_resources() -> dict[str, object]:
    """Resources from the environment (PANTAU_WAREHOUSE, PANTAU_SOURCES, PANTAU_DATA_DIR)."""
    from .assets.dbt import dbt_resource

    s = get_settings()
    return {
        "warehouse": WarehouseResource(path=str(s.warehouse_path)),
        "pipeline": PipelineSettings(sources_path=str(s.sources_path), data_dir=str(s.data_dir)),
        "dbt": dbt_resource(),
    }
