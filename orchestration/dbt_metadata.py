"""Row counts and column types of the tables and views dbt built, read once after the build.

dagster-dbt can fetch these itself (``fetch_row_counts`` / ``fetch_column_metadata``), through a dbt adapter
it opens inside the Dagster process; with DuckDB that connection outlives the step, and in a long-lived
process (``pantau run`` calling the job again, the tests) a later build hung fetching counts. One read-only
connection of our own, closed at once, gives the same metadata keys the UI shows.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from warehouse.db import connect


def table_metadata(warehouse_path: str | Path, keys: list[dg.AssetKey]) -> dict[dg.AssetKey, dict]:
    """``dagster/row_count`` and ``dagster/column_schema`` of each ``[schema, table]`` key that exists."""
    found: dict[dg.AssetKey, dict] = {}
    con = connect(warehouse_path, read_only=True)
    try:
        columns: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for schema, table, column, data_type in con.execute(
            """select table_schema, table_name, column_name, data_type from information_schema.columns
               order by table_schema, table_name, ordinal_position"""
        ).fetchall():
            columns.setdefault((schema, table), []).append((column, data_type))
        for key in keys:
            relation = tuple(key.path[-2:])
            if len(key.path) < 2 or relation not in columns:
                continue
            schema, table = relation
            try:
                rows = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
            except duckdb.Error:  # a view over a file that is gone: its columns still describe it
                rows = None
            meta: dict = {
                "dagster/column_schema": dg.TableSchema(columns=[dg.TableColumn(name, data_type) for name, data_type in columns[relation]])
            }
            if rows is not None:
                meta["dagster/row_count"] = dg.MetadataValue.int(int(rows))
            found[key] = meta
    finally:
        con.close()
    return found
