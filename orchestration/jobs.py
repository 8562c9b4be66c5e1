"""Jobs (selections over the asset graph) and the daily schedule."""


import dagster as dg

PIPELINE_SELECTION = dg.AssetSelection.all()

daily_job = dg.define_asset_job(
    "pantau_daily",
    selection=PIPELINE_SELECTION,
    description="Crawl the sources, clean, extract, load and build the dbt marts.",
    executor_def=dg.in_process_executor,  # DuckDB has one writer: steps run one after another
    tags={"pantau/flow": "daily"},
)

reextract_job = dg.define_asset_job(
    "pantau_reextract",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("ingest"),
    description="Re-clean and re-extract every stored page (no fetching), then rebuild the marts. Run after the cleaner or extractor changed.",
    executor_def=dg.in_process_executor,
    config={"ops": {"cleaned_articles": {"config": {"everything": True}}, "extracted_facts": {"config": {"everything": True}}}},
    tags={"pantau/flow": "reextract"},
)

daily_schedule = dg.ScheduleDefinition(
    name="pantau_daily_0600_wib",
    job=daily_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Jakarta",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    tags={"pantau/trigger": "schedule"},
    description="Every day at 06:00 Asia/Jakarta (WIB).",
)
