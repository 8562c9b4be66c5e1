"""The one settings object: every path and knob, from environment variables with defaults.

Dagster resources, the Scrapy subprocess and dbt's ``profiles.yml`` all read these same variables,
so a path is written down once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The pipeline's dbt build. Unit tests check model logic on fixed inputs, so they belong to the test
# suite (tests/test_pipeline_e2e.py runs them), not to every scheduled build (dbt's own advice).
DBT_BUILD_ARGS = ("build", "--exclude-resource-type", "unit_test")


def _path(env: str, default: Path | None) -> Path | None:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    """Paths and knobs of one Pantau installation."""

    project_root: Path = PROJECT_ROOT
    warehouse_path: Path = field(default_factory=lambda: _path("PANTAU_WAREHOUSE", PROJECT_ROOT / "warehouse" / "pantau.duckdb"))
    sources_path: Path = field(default_factory=lambda: _path("PANTAU_SOURCES", PROJECT_ROOT / "scrapers" / "sources.yaml"))
    # Crawl files and crawler state belong to one warehouse (feed validators must not leak between two
    # warehouses), so by default they sit beside it: warehouse/pantau.duckdb → warehouse/pantau.data/
    data_dir: Path = field(default=None)  # type: ignore[assignment]
    dbt_project_dir: Path = PROJECT_ROOT / "dbt_project"
    # The analysts' corrections dbt applies: a CSV with the columns of the seed fact_corrections, read
    # instead of dbt_project/seeds/fact_corrections.csv (a warehouse's own decisions, or a test's)
    corrections_path: Path | None = field(
        default_factory=lambda: _path("PANTAU_CORRECTIONS", None)  # type: ignore[arg-type]
    )
    user_agent: str = field(
        default_factory=lambda: os.environ.get(
            "PANTAU_USER_AGENT",
            "PantauBot/0.1 (+https://github.com/pantau-jkn/pantau; news monitoring of JKN coverage for public-health research)",
        )
    )
    lastmod_horizon_days: int = field(default_factory=lambda: int(os.environ.get("PANTAU_LASTMOD_HORIZON_DAYS", "30")))
    # Backfill from web archives. The per-file Parquet outputs go to a path or an fsspec URL
    # (s3://…, gs://…) that every worker of a cluster can reach; default: the data folder.
    archive_output: str = field(default_factory=lambda: os.environ.get("PANTAU_ARCHIVE_OUTPUT", ""))
    cc_news_base: str = field(default_factory=lambda: os.environ.get("PANTAU_CC_NEWS_BASE", "https://data.commoncrawl.org"))
    archive_max_record_bytes: int = field(default_factory=lambda: int(float(os.environ.get("PANTAU_ARCHIVE_MAX_RECORD_MB", "10")) * (1 << 20)))
    # Where the backfill's per-file steps run: multiprocess (this machine), dask (a dask.distributed
    # scheduler at PANTAU_DASK_SCHEDULER, or a local cluster when unset) or in_process (one process).
    executor: str = field(default_factory=lambda: os.environ.get("PANTAU_EXECUTOR", "multiprocess"))
    dask_scheduler: str = field(default_factory=lambda: os.environ.get("PANTAU_DASK_SCHEDULER", ""))
    # A Dask worker resource that only the worker beside the DuckDB file has: the merge and dbt steps need it
    dask_warehouse_resource: str = field(default_factory=lambda: os.environ.get("PANTAU_DASK_WAREHOUSE_RESOURCE", ""))

    def __post_init__(self) -> None:
        if self.data_dir is None:
            default = self.warehouse_path.with_suffix(".data")
            object.__setattr__(self, "data_dir", _path("PANTAU_DATA_DIR", default))
        if not self.archive_output:
            object.__setattr__(self, "archive_output", str(self.data_dir / "archives"))

    @property
    def build_path(self) -> Path:
        """The file the pipeline writes (raw tables, dbt's build); readers open ``warehouse_path``, the copy
        published after each successful build. Same file name in a folder beside it, because dbt's views
        name their tables by catalog, which DuckDB takes from the file name."""
        return self.warehouse_path.parent / f"{self.warehouse_path.stem}.build" / self.warehouse_path.name

    @property
    def crawl_dir(self) -> Path:
        """Where each crawl writes its feed of fetched pages."""
        return self.data_dir / "crawls"

    @property
    def state_dir(self) -> Path:
        """Crawler state kept between runs (conditional-GET validators, Scrapy JOBDIR)."""
        return self.data_dir / "state"

    def env(self) -> dict[str, str]:
        """These settings as environment variables, for subprocesses (Scrapy, dbt)."""
        corrections = {"PANTAU_CORRECTIONS": str(self.corrections_path)} if self.corrections_path else {}
        return {
            **corrections,
            "DAGSTER_HOME": os.environ.get("DAGSTER_HOME", str(self.project_root / ".dagster_home")),
            "PANTAU_WAREHOUSE": str(self.warehouse_path),
            "PANTAU_SOURCES": str(self.sources_path),
            "PANTAU_DATA_DIR": str(self.data_dir),
            "PANTAU_USER_AGENT": self.user_agent,
            "PANTAU_LASTMOD_HORIZON_DAYS": str(self.lastmod_horizon_days),
            "PANTAU_ARCHIVE_OUTPUT": self.archive_output,
            "PANTAU_CC_NEWS_BASE": self.cc_news_base,
            "PANTAU_EXECUTOR": self.executor,
            "PANTAU_DASK_SCHEDULER": self.dask_scheduler,
            "PANTAU_DASK_WAREHOUSE_RESOURCE": self.dask_warehouse_resource,
            # never phone home, whatever a user's global config says
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DO_NOT_TRACK": "1",
        }


def get_settings() -> Settings:
    """Settings read from the environment now (not cached: tests and the CLI change the environment)."""
    return Settings()
