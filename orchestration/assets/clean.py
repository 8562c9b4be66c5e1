"""Clean: raw pages → articles with trafilatura; syndicated copies join the story they copy."""

import dagster as dg

from pantau import steps

from ..resources import WarehouseResource


class ReprocessConfig(dg.Config):
    """``everything: true`` redoes the step for all stored data (after the cleaner or extractor changed)."""

    everything: bool = False

@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "articles"],
            deps=[["raw", "pages"]],
            description="Cleaned articles (trafilatura text, title, publication date, site, language), one per story.",
            kinds={"python", "duckdb"},
            owners=["team:pantau"],
            group_name="clean",
        ),
        dg.AssetSpec(
            ["raw", "article_urls"],
            deps=[["raw", "pages"]],
            description="Every page URL an article was seen at; syndicated copies are flagged.",
            kinds={"python", "duckdb"},
            owners=["team:pantau"],
            group_name="clean",
        ),
    ],
    pool="duckdb",
)
def cleaned_articles(context: dg.AssetExecutionContext, config: ReprocessConfig, warehouse: WarehouseResource):
    """Clean the pages not cleaned yet (or all of them with ``everything``)."""
    with warehouse.write() as con:
        stats = steps.clean_pages(con, everything=config.everything, log=context.log.info)
        articles, relevant = con.execute("select count(*), count(*) filter (where relevant) from raw.articles").fetchone()
        urls = con.execute("select count(*) from raw.article_urls").fetchone()[0]
    c = stats.counts
    yield dg.MaterializeResult(
        asset_key=["raw", "articles"],
        metadata={
            "row_count": dg.MetadataValue.int(articles),
            "relevant_articles": dg.MetadataValue.int(relevant),
            "new_rows": dg.MetadataValue.int(c.get("articles", 0)),
            "off_topic_skipped": dg.MetadataValue.int(c.get("off_topic", 0)),
            "rejected_pages": dg.MetadataValue.int(c.get("rejected", 0)),
            "syndicated_copies": dg.MetadataValue.int(c.get("syndicated_copies", 0)),
        },
    )
    yield dg.MaterializeResult(asset_key=["raw", "article_urls"], metadata={"row_count": dg.MetadataValue.int(urls)})
