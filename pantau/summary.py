"""The run summary printed by ``pantau run`` and ``make demo``, read from the marts."""

from __future__ import annotations

from pathlib import Path

from warehouse.db import connect


def summary_text(warehouse_path: str | Path) -> str:
    """Articles, facts per metric, MoUs and regions, as a short plain-text report."""
    con = connect(warehouse_path, read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        pages, errors = q("select (select count(*) from raw.pages), (select count(*) from raw.fetch_errors)")[0]
        articles, syndicated = q("select count(*), coalesce(sum(url_count - 1), 0) from marts.fct_articles")[0]
        off_topic = q("select count(*) from raw.articles where not relevant")[0][0]
        metrics = q(
            """select metric, count(*) filter (where kind = 'actual'), count(*) filter (where kind = 'target')
               from marts.fct_coverage_metrics group by metric order by metric"""
        )
        mous = q("select count(*), count(*) filter (where kind = 'renewal'), coalesce(sum(source_count), 0) from marts.fct_mous")[0]
        regions = q("select count(distinct region_code) from marts.fct_coverage_metrics")[0][0]
        board = q(
            """select region_name, uhc_coverage_pct, active_participation_pct, last_news_at, latest_mou_signed_on
               from marts.region_scorecard where region_type in ('kota', 'kabupaten')
               order by last_news_at desc nulls last, region_name limit 8"""
        )
    finally:
        con.close()
    lines = [
        f"Warehouse: {warehouse_path}",
        f"Pages fetched: {pages}   fetch errors: {errors}",
        f"Articles about JKN: {articles} (+{syndicated} syndicated copies folded in; {off_topic} off-topic pages skipped)",
        "Facts per metric (actual / target):",
    ]
    lines += [f"  {m:<26} {a:>5} / {t:<5}" for m, a, t in metrics] or ["  (none)"]
    lines.append(f"MoUs with BPJS Kesehatan: {mous[0]} agreements ({mous[1]} renewals) from {mous[2]} reports")
    lines.append(f"Regions with facts: {regions}")
    if board:
        lines.append("Latest by region (UHC %, active %, last news, latest MoU):")
        for name, uhc, act, last, mou in board:
            fmt = lambda v: "-" if v is None else f"{v:g}"  # noqa: E731
            lines.append(f"  {name:<28} {fmt(uhc):>7} {fmt(act):>7}  {last or '-'}  {mou or '-'}")
    return "\n".join(lines)
