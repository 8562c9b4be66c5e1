"""The run summary printed by ``pantau run`` and ``make demo``, read from the marts."""

from __future__ import annotations

from pathlib import Path

from warehouse.corrections import correction_problems
from warehouse.db import connect


def summary_text(warehouse_path: str | Path, run_counts: dict[str, int] | None = None) -> str:
    """Articles, facts per metric, MoUs and regions, as a short plain-text report.

    ``run_counts`` (the extract step's counts of this run: facts_high, facts_review, mous_high, mous_review)
    add a line on what this run sent to the marts and to the review queue.
    """
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
        facts_high, facts_review = q("select count(*) filter (where confidence = 'high'), count(*) filter (where confidence = 'review') from raw.facts")[0]
        mous_high, mous_review = q(
            "select count(*) filter (where confidence = 'high'), count(*) filter (where confidence = 'review') from raw.mou_mentions"
        )[0]
        queue = q("select (select count(*) from marts.fct_facts_for_review), (select count(*) from marts.fct_mous_for_review)")[0]
        decided = dict(q("select status, count(*) from marts.fct_corrections group by status"))
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
    lines.append(
        f"Extracted facts: {facts_high} high confidence (in the marts), {facts_review} for review; "
        f"MoU mentions: {mous_high} high, {mous_review} for review"
    )
    if run_counts is not None:
        rc = run_counts
        lines.append(
            f"  this run: {rc.get('facts_high', 0)} facts high, {rc.get('facts_review', 0)} for review; "
            f"{rc.get('mous_high', 0)} MoU mentions high, {rc.get('mous_review', 0)} for review"
        )
    lines.append(
        f"Review queue: {queue[0]} facts (marts.fct_facts_for_review), {queue[1]} MoU mentions (marts.fct_mous_for_review); "
        f"analysts' corrections (marts.fct_corrections): {decided.get('confirmed', 0)} confirmed, {decided.get('corrected', 0)} corrected, "
        f"{decided.get('rejected', 0)} rejected, {decided.get('superseded', 0)} superseded, {decided.get('unmatched', 0)} unmatched, "
        f"{decided.get('invalid', 0)} invalid"
    )
    for p in correction_problems(warehouse_path):
        verdict = "not applied" if p["status"] == "invalid" else "matches nothing"
        lines.append(f"  corrections line {p['line']} {verdict}: {p['problem']} (action {p['action'] or '-'}, value {p['value'] or '-'})")
    if board:
        lines.append("Latest by region (UHC %, active %, last news, latest MoU):")
        for name, uhc, act, last, mou in board:
            fmt = lambda v: "-" if v is None else f"{v:g}"  # noqa: E731
            lines.append(f"  {name:<28} {fmt(uhc):>7} {fmt(act):>7}  {last or '-'}  {mou or '-'}")
    return "\n".join(lines)


def archive_failures_text(warehouse_path: str | Path) -> str:
    """Which archive files failed (their last attempt) and why, for the backfill's summary."""
    con = connect(warehouse_path, read_only=True)
    try:
        files, failed = con.execute(
            "select count(*), count(*) filter (where status = 'failed') from raw.archive_files"
        ).fetchone()
        rows = con.execute("select archive, reason from raw.archive_files where status = 'failed' order by archive").fetchall()
        skips = con.execute("select count(*) from raw.archive_skips").fetchone()[0]
    finally:
        con.close()
    lines = [f"Archive files: {files} ({failed} failed), {skips} records skipped (raw.archive_skips)"]
    lines += [f"  FAILED {archive}: {reason}" for archive, reason in rows]
    if rows:
        lines.append("  read them again with: pantau backfill --retry-failed")
    return "\n".join(lines)
