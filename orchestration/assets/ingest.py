"""Ingest: crawl the sources with Scrapy (in a subprocess) and load the fetched pages into raw.pages."""

import dagster as dg

from pantau import steps
from pantau.crawl import run_crawl
from scrapers.sources import load_sources
from warehouse import load

from ..resources import PipelineSettings, WarehouseResource


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "pages"],
            description="Every fetched page with its raw HTML (compressed), from the sources in sources.yaml.",
            kinds={"scrapy", "duckdb"},
            owners=["team:pantau"],
            group_name="ingest",
        ),
        dg.AssetSpec(
            ["raw", "fetch_errors"],
            description="Every failed fetch: URL, HTTP status or error, time.",
            kinds={"scrapy", "duckdb"},
            owners=["team:pantau"],
            group_name="ingest",
        ),
    ],
    pool="duckdb",
)
def crawled_pages(context: dg.AssetExecutionContext, warehouse: WarehouseResource, pipeline: PipelineSettings):
    """Crawl every source once, fetching only article URLs not stored yet, then load the crawl file(s)."""
    settings = pipeline.settings()
    sources = load_sources(settings.sources_path)  # a malformed file fails here, naming the entry
    with warehouse.write() as con:  # fails fast, before any fetching, when another process holds the file
        # a crawl killed earlier left its pages in a file: load them before crawling again
        leftover = steps.load_pending_crawls(con, settings.crawl_dir, log=context.log.info)
        known = load.known_urls(con)
    context.log.info(f"crawling {len(sources)} sources; {len(known)} URLs already stored are skipped")
    run_crawl(settings, settings.sources_path, known, log=context.log.info)
    with warehouse.write() as con:
        stats = steps.load_pending_crawls(con, settings.crawl_dir, log=context.log.info)
        pages = con.execute("select count(*) from raw.pages").fetchone()[0]
        errors = con.execute("select count(*) from raw.fetch_errors").fetchone()[0]
        recent = con.execute(
            "select coalesce(status::varchar, 'error') as s, count(*) from raw.fetch_errors "
            "where occurred_at > now() - interval 1 day group by 1 order by 2 desc"
        ).fetchall()
    new_pages = stats.counts.get("new_pages", 0) + leftover.counts.get("new_pages", 0)
    new_errors = stats.counts.get("fetch_errors", 0) + leftover.counts.get("fetch_errors", 0)
    summary = ", ".join(f"{s}: {n}" for s, n in recent) or "none"
    context.log.info(f"crawl done: {new_pages} new pages, {new_errors} fetch errors (last 24 h by status: {summary})")
    yield dg.MaterializeResult(
        asset_key=["raw", "pages"],
        metadata={"row_count": dg.MetadataValue.int(pages), "new_rows": dg.MetadataValue.int(new_pages), "sources": len(sources)},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "fetch_errors"],
        metadata={
            "row_count": dg.MetadataValue.int(errors),
            "new_rows": dg.MetadataValue.int(new_errors),
            "errors_last_24h_by_status": dg.MetadataValue.text(summary),
        },
    )
