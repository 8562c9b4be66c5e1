"""Connections to the DuckDB file: one writer, short transactions, and a clear error when it is locked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

SCHEMA_SQL = Path(__file__).with_name("schema.sql")

# Columns added to raw tables after warehouses were already in use, in the order schema.sql declares them:
# ``migrate`` adds whichever a file lacks, so an old file and a new one end up with the same tables.
ADDED_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "raw.archive_files": [("status", "varchar default 'read'"), ("reason", "varchar")],
    "raw.facts": [
        ("fact_key", "varchar"),
        ("confidence", "varchar default 'high'"),
        ("decided_by", "varchar[] default []"),
        ("review_reason", "varchar"),
        ("score", "double"),
        ("threshold", "double"),
        ("reasons", "varchar[] default []"),
        ("features", "varchar[] default []"),
    ],
    "raw.mou_mentions": [
        ("mention_key", "varchar"),
        ("confidence", "varchar default 'high'"),
        ("decided_by", "varchar[] default []"),
        ("review_reason", "varchar"),
        ("score", "double"),
        ("threshold", "double"),
        ("reasons", "varchar[] default []"),
        ("features", "varchar[] default []"),
    ],
}


class WarehouseLockedError(RuntimeError):
    """Another process holds the DuckDB file for writing."""


def _locked_message(path: Path, exc: Exception) -> str:
    holder = re.search(r"(?:held in|by)\s+(.+?\(PID \d+\))", str(exc))
    who = holder.group(1) if holder else "another process"
    return (
        f"The pipeline's build file {path} is locked by {who}. DuckDB lets one process write a file, and no "
        "other process open it meanwhile. Readers open the published warehouse instead (it is never locked); "
        "wait for that process to finish (a Dagster run, `dbt build`) or close it, then start this "
        "run again. Nothing was written."
    )


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; raise WarehouseLockedError naming the holder when another process has it."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise FileNotFoundError(f"warehouse {path} does not exist yet: run the pipeline first")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseLockedError(_locked_message(path, exc)) from exc
        raise


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a warehouse created by an older version up to schema.sql; a no-op on a current one.

    Added columns get their defaults (facts extracted before confidence existed count as high), and rows
    without a stable key get the one warehouse/keys.py computes, so corrections can match them.
    """
    from .keys import fact_key, mention_key

    for table, columns in ADDED_COLUMNS.items():
        for name, spec in columns:
            con.execute(f"alter table {table} add column if not exists {name} {spec}")
    for table, key_column, id_column, fields, key in (
        ("raw.facts", "fact_key", "fact_id", "article_id, region_code, metric, kind, segment, value", fact_key),
        ("raw.mou_mentions", "mention_key", "mention_id", "article_id, region_code, partner", mention_key),
    ):
        rows = con.execute(f"select {id_column}, {fields} from {table} where {key_column} is null").fetchall()
        if not rows:
            continue
        keys = [(key(*row[1:]), row[0]) for row in rows]
        with transaction(con):
            con.executemany(f"update {table} set {key_column} = ? where {id_column} = ?", keys)


@contextmanager
def writer(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection with the raw schema in place (older files migrated), closed on exit."""
    con = connect(path)
    try:
        con.execute(SCHEMA_SQL.read_text())
        migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All or nothing: commit on success, roll back on any error."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
