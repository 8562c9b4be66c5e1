"""Rows of tables as text extraction renders them ("| Kota Bontang | 100,11% | 93,28% |").

A header row names what each column holds; the figures of the rows below take their metric (and
actual/target) from their column, and a bare number under a participants column is a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import vocabulary as v
from .numbers import Quantity, parse_numeral

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{3})+|\d{2,9})\s*$")
_COUNT_HEADER = re.compile(r"peserta|jiwa|terdaftar|penduduk\s+terdaftar", re.IGNORECASE)
_NOT_A_COUNT_HEADER = re.compile(r"%|persen|rp\b|rupiah|anggaran|iuran|penduduk\s*$|jumlah\s+penduduk|populasi", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Column:
    """What a table column holds, read from its header cell."""

    metric: str | None  # a percentage topic, "participants", or None
    kind: str | None  # "target" when the header says so
    segment: str | None = None  # for participants: the segment the header names, else the total


def is_row(text: str) -> bool:
    """Whether a line is a table row (cells between "|")."""
    return text.count("|") >= 2


def header(text: str, topic_of: Callable[[str], str | None]) -> list[Column] | None:
    """The columns a header row names, or None when the row holds figures (or names nothing).

    ``topic_of`` reads the percentage topic of a cell the way sentences are read."""
    if not is_row(text) or _SEPARATOR.match(text) or re.search(r"\d", text):
        return None
    columns = []
    for cell in text.split("|"):
        kind = "target" if re.search(r"\btarget|sasaran|standar", cell, re.IGNORECASE) else None
        if _COUNT_HEADER.search(cell) and not _NOT_A_COUNT_HEADER.search(cell) and not re.search(r"aktif|cakupan", cell, re.IGNORECASE):
            columns.append(Column("participants", kind, _segment(cell) or "total"))
            continue
        topic = topic_of(cell)
        columns.append(Column(topic if topic != "reject" else None, kind))
    return columns if any(c.metric for c in columns) else None


def column_at(text: str, position: int) -> int:
    """The index of the cell (as ``text.split("|")`` counts them) that holds ``position``."""
    return text.count("|", 0, position)


def bare_counts(text: str, columns: list[Column]) -> list[Quantity]:
    """Bare numbers in the participants columns of a row ("| Kota Bontang | 180.512 | 99,1% |")."""
    found = []
    offset = 0
    for i, cell in enumerate(text.split("|")):
        m = _BARE_NUMBER.match(cell)
        if m and i < len(columns) and columns[i].metric == "participants":
            try:
                value = parse_numeral(m.group(1))
            except ValueError:
                value = None
            if value is not None:
                found.append(Quantity(round(value), "count", offset + m.start(1), offset + m.end(1), "exact", "peserta"))
        offset += len(cell) + 1
    return found


def _segment(cell: str) -> str | None:
    for pattern, name in v.SEGMENT_CUES:
        if pattern.search(cell):
            return name
    return None
