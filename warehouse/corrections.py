"""What the analysts' corrections came to: the lines that were not applied, read from the built models."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .db import connect


def correction_problems(warehouse_path: str | Path) -> list[dict]:
    """Every correction line that is invalid (never applied) or matches nothing, in file order:
    ``{"line", "status", "action", "value", "problem"}``. Empty when the models are not built yet."""
    try:
        con = connect(warehouse_path, read_only=True)
    except (FileNotFoundError, duckdb.Error):
        return []
    try:
        try:
            rows = con.execute(
                """select line, status, action, value_text, problem from marts.fct_corrections
                   where status in ('invalid', 'unmatched') order by line"""
            ).fetchall()
        except duckdb.CatalogException:
            # the decisions mart is not built (an older build, or dbt stopped before it): the staging view
            # still names the invalid lines
            rows = con.execute(
                """select line, 'invalid', action, value_text, problem from staging.stg_fact_corrections
                   where problem is not null order by line"""
            ).fetchall()
    except duckdb.Error:
        return []
    finally:
        con.close()
    return [dict(zip(("line", "status", "action", "value", "problem"), r, strict=True)) for r in rows]
