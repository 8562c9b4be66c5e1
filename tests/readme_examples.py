"""The README's example queries and the results it shows beside them, read from the README itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

FENCE = re.compile(r"```sql\n(?P<sql>.*?)```\s*\n```\n(?P<shown>.*?)```", re.S)
MORE = re.compile(r"^\s*\.\.\. \((?P<rows>\d+) rows\)\s*$")


@dataclass
class Example:
    """One query and what the README shows it returns."""

    sql: str
    columns: list[str]  # the shown columns (a trailing "…" means the others are left out)
    rows: list[list[str]]  # the shown rows, cells as text
    total_rows: int  # "... (N rows)" when only the first rows are shown


def examples(readme: Path) -> list[Example]:
    """Every ```sql block directly followed by a plain block of its result (a `|`-separated table whose
    continuation lines, first cell empty, go on the row above; an optional last line "... (N rows)")."""
    found = []
    for match in FENCE.finditer(readme.read_text(encoding="utf-8")):
        lines = [line for line in match["shown"].splitlines() if line.strip()]
        total = None
        if lines and (more := MORE.match(lines[-1])):
            total = int(more["rows"])
            lines = lines[:-1]
        columns = [c.strip() for c in lines[0].split("|")]
        rows: list[list[str]] = []
        for line in lines[1:]:
            # the last column may hold a "|" of its own (a table row quoted as evidence)
            cells = [c.strip() for c in line.split("|", len(columns) - 1)]
            if rows and cells[0] == "":
                rows[-1][-1] += " " + cells[-1]  # a long list wrapped onto the next line
            else:
                rows.append(cells)
        found.append(Example(match["sql"], columns, rows, total if total is not None else len(rows)))
    return found


def cell(value: object) -> str:
    """A value as the README writes it (stripped, as the README's cells are read)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(cell(v) for v in value) + "]"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value).strip()
