"""The Pantau code location: assets of each stage, checks, jobs, the schedule and resources."""

import dagster as dg

from .assets.clean import cleaned_articles
from .assets.dbt import pantau_dbt_models
from .assets.extract import extracted_facts, region_gazetteer
from .assets.ingest import crawled_pages
from .assets.reporting import coverage_chart
from .backfill import backfill_job, cc_news_monthly_job
from .checks import ALL_CHECKS
from .jobs import daily_job, daily_schedule, reextract_job
from .resources import default_resources


def build_definitions() -> dg.Definitions:
    """Definitions with resources read from the environment now (``pantau run`` builds them per run)."""
    return dg.Definitions(
        assets=[crawled_pages, cleaned_articles, extracted_facts, region_gazetteer, pantau_dbt_models, coverage_chart],
        asset_checks=ALL_CHECKS,
        jobs=[daily_job, reextract_job, backfill_job(), cc_news_monthly_job()],
        schedules=[daily_schedule],
        resources=default_resources(),
    )


defs = build_definitions()
