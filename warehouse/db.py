"""Connections to the DuckDB file: one writer, short transactions, and a clear error when it is locked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

SCHEMA_SQL = Path(__file__).with_name("schema.sql")


class WarehouseLockedError(RuntimeError):
    """Another process holds the DuckDB file for writing."""


def _locked_message(path: Path, exc: Exception) -> str:
    holder = re.search(r"(?:held in|by)\s+(.+?\(PID \d+\))", str(exc))
    who = holder.group(1) if holder else "another process"
    return (
        f"The warehouse {path} is locked by {who}. DuckDB allows one writing process at a time. "
        "Wait for that process to finish (a Dagster run, `dbt build`, or a DuckDB shell), or close it, "
        "then start this run again. Nothing was written."
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


@contextmanager
def writer(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection with the raw schema in place, closed on exit."""
    con = connect(path)
    try:
        con.execute(SCHEMA_SQL.read_text())
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
