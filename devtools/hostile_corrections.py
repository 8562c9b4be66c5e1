"""A corrections CSV with every kind of bad line an analyst (or a hostile file) can write, and what the
warehouse must make of each: the fixture of the corrections-validation test."""

from __future__ import annotations

import csv
from pathlib import Path

HEADER = ["fact_key", "url", "region_code", "metric", "kind", "segment", "action", "value", "note", "corrected_by", "corrected_at"]


def hostile_lines(article_url: str, region_code: str) -> list[tuple[dict, str, str]]:
    """(line fields, expected status, a word of the expected problem) per CSV line, in file order.

    ``article_url`` and ``region_code`` name an article with an actual UHC coverage and a budget figure."""
    fact = {"url": article_url, "region_code": region_code, "corrected_by": "ana", "corrected_at": "2026-01-05"}
    uhc = {**fact, "metric": "uhc_coverage_pct", "kind": "actual"}
    budget = {**fact, "metric": "contribution_budget_idr"}
    return [
        ({**uhc, "action": "set_value", "value": "97,5", "note": "Indonesian decimal comma"}, "corrected", ""),
        ({**budget, "action": "set_value", "value": "-1e308"}, "invalid", "outside the domain"),
        ({**budget, "action": "set_value", "value": "1e400"}, "invalid", "outside the domain"),
        ({**uhc, "action": "set_value", "value": "1e400"}, "invalid", "outside the domain"),
        ({**uhc, "action": "set_value", "value": "151"}, "invalid", "outside the domain"),
        ({**uhc, "action": "delete"}, "invalid", "unknown action 'delete'"),
        ({**budget, "action": "reject", "corrected_at": "kemarin"}, "invalid", "is not a date"),
        ({"fact_key": "abc123'; drop table marts.fct_mous; --", "action": "reject"}, "invalid", "is not a key"),
        ({**uhc, "metric": "uhc_pct", "action": "reject"}, "invalid", "unknown metric"),
        ({**uhc, "region_code": "99.99", "action": "reject"}, "invalid", "unknown region_code"),
        ({**uhc, "url": article_url + "-no-such-page", "action": "reject"}, "unmatched", "matches no fact"),
    ]


def write_corrections(path: Path, rows: list[dict]) -> Path:
    """Write ``rows`` as a corrections CSV with the seed's header."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path
