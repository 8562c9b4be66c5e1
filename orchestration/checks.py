"""Asset checks of our own: crawl freshness, fetch error rate, extraction yield, value ranges."""


import dagster as dg

from .resources import WarehouseResource

MAX_CRAWL_AGE_HOURS = 36
MAX_FETCH_ERROR_RATE = 0.25
MIN_EXTRACTION_YIELD = 0.3


@dg.asset_check(asset=dg.AssetKey(["raw", "pages"]), description=f"A page was fetched in the last {MAX_CRAWL_AGE_HOURS} hours.")
def crawl_is_fresh(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.read() as con:
        hours = con.execute("select extract(epoch from now() - max(fetched_at)) / 3600 from raw.pages").fetchone()[0]
    ok = hours is not None and hours <= MAX_CRAWL_AGE_HOURS
    return dg.AssetCheckResult(
        passed=ok,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"hours_since_last_fetch": dg.MetadataValue.float(float(hours)) if hours is not None else dg.MetadataValue.text("never")},
    )


@dg.asset_check(asset=dg.AssetKey(["raw", "fetch_errors"]), description=f"Under {MAX_FETCH_ERROR_RATE:.0%} of fetches in the last day failed.")
def fetch_error_rate(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.read() as con:
        pages = con.execute("select count(*) from raw.pages where fetched_at > now() - interval 1 day").fetchone()[0]
        errors = con.execute("select count(*) from raw.fetch_errors where occurred_at > now() - interval 1 day").fetchone()[0]
    rate = errors / (pages + errors) if pages + errors else 0.0
    return dg.AssetCheckResult(
        passed=rate <= MAX_FETCH_ERROR_RATE,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"error_rate": dg.MetadataValue.float(rate), "fetched": pages, "failed": errors},
    )


@dg.asset_check(asset=dg.AssetKey(["raw", "facts"]), description=f"At least {MIN_EXTRACTION_YIELD:.0%} of relevant articles yield a fact or MoU.")
def extraction_yield(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.read() as con:
        relevant, with_facts = con.execute(
            """select count(*), count(*) filter (where article_id in (select article_id from raw.facts union select article_id from raw.mou_mentions))
               from raw.articles where relevant"""
        ).fetchone()
    share = with_facts / relevant if relevant else 1.0
    return dg.AssetCheckResult(
        passed=share >= MIN_EXTRACTION_YIELD,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"yield": dg.MetadataValue.float(share), "relevant_articles": relevant, "articles_with_facts": with_facts},
    )


@dg.asset_check(asset=dg.AssetKey(["raw", "facts"]), description="No figure outside its valid range (percent 0–150, counts and rupiah ≥ 0).", blocking=True)
def facts_in_valid_range(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.read() as con:
        bad = con.execute(
            """select fact_id, metric, value from raw.facts
               where (metric like '%_pct' and (value < 0 or value > 150)) or (metric not like '%_pct' and value < 0)"""
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not bad,
        metadata={"out_of_range": dg.MetadataValue.int(len(bad)), "examples": dg.MetadataValue.text(str(bad[:5]))},
    )


ALL_CHECKS = [crawl_is_fresh, fetch_error_rate, extraction_yield, facts_in_valid_range]
