"""The dbt models as Dagster assets (dbt tests become asset checks); a successful build is published."""

from collections.abc import Iterator
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from pantau.settings import DBT_BUILD_ARGS
from warehouse.corrections import correction_problems

from ..dbt_metadata import table_metadata
from ..resources import WarehouseResource, dbt_environment, dbt_project

# The review queues' size, shown on their own assets (and so updated by a corrections-only build)
REVIEW_QUEUES = {("marts", "fct_facts_for_review"), ("marts", "fct_mous_for_review")}
# dbt tests over the corrections file whose failure rows are lines of it
CORRECTION_CHECKS = ("correction_lines_valid", "correction_lines_applied", "corrections_file_not_empty")


class PantauDbtTranslator(DagsterDbtTranslator):
    """dbt sources map onto the raw.* assets that load them; models get <schema>/<name> keys."""

    def get_asset_key(self, dbt_resource_props: dict[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["raw", dbt_resource_props["name"]])
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: dict[str, Any]) -> str | None:
        return "warehouse"

    def get_owners(self, dbt_resource_props: dict[str, Any]):
        return ["team:pantau"]


def _asset_key(context: dg.AssetExecutionContext, event: Any) -> dg.AssetKey | None:
    """The asset a dbt event is about (an Output names its output, a materialization its asset)."""
    if isinstance(event, dg.AssetCheckResult):
        return None
    if isinstance(event, dg.Output):
        return context.asset_key_for_output(event.output_name)
    return getattr(event, "asset_key", None)


def _with_table_metadata(event: Any, key: dg.AssetKey | None, tables: dict[dg.AssetKey, dict]) -> Any:
    """A model's materialization with its row count and column types (and a review mart's queue size)."""
    if key is None or key not in tables:
        return event
    extra = dict(tables[key])
    if tuple(key.path) in REVIEW_QUEUES and "dagster/row_count" in extra:
        extra["review_queue"] = extra["dagster/row_count"]
    return event.with_metadata({**event.metadata, **extra})


def _with_correction_lines(event: dg.AssetCheckResult, lines: list[dict]) -> dg.AssetCheckResult:
    """A corrections check result naming each line it failed on, in its metadata and its description
    (dbt's own result gives only a count of failing rows)."""
    named = [f"line {r['line']}: {r['status']} ({r['action'] or '-'}, value {r['value'] or '-'}): {r['problem']}" for r in lines]
    if event.passed:
        description = "every line of the corrections file passed"
    elif named:
        description = f"{len(named)} corrections line(s) not applied: " + "; ".join(named)
    else:
        description = "the corrections file is empty (0 bytes): the build stops; a header-only file means no corrections"
    return event._replace(
        description=description,
        metadata={
            **event.metadata,
            "lines": dg.MetadataValue.md("\n".join(f"- {line}" for line in named) or "none"),
            "line_numbers": dg.MetadataValue.text(", ".join(str(r["line"]) for r in lines) or "none"),
        },
    )


def build_and_publish(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource) -> Iterator[Any]:
    """``dbt build`` with row counts and column types on every model, the corrections' bad lines on their
    checks, then (when the build succeeded) the published copy readers open replaced by this build."""
    with dbt_environment(warehouse):
        invocation = dbt.cli(list(DBT_BUILD_ARGS), context=context, raise_on_error=False)
        # DuckDB has one writer: every event is held until dbt has let go of the file, then the tables'
        # counts and types (and the corrections' bad lines) are read with one connection
        events = list(invocation.stream())
    keys = [_asset_key(context, e) for e in events]
    tables = table_metadata(warehouse.path, [k for k in keys if k is not None])
    held: list[dg.AssetCheckResult] = []
    for event, key in zip(events, keys, strict=True):
        if isinstance(event, dg.AssetCheckResult) and (event.check_name or "").startswith(CORRECTION_CHECKS):
            held.append(event)
            continue
        yield _with_table_metadata(event, key, tables)
    problems = correction_problems(warehouse.path)
    for event in held:
        if event.check_name.startswith("corrections_file_not_empty"):
            relevant: list[dict] = []
        else:
            relevant = [p for p in problems if (p["status"] == "invalid") == event.check_name.startswith("correction_lines_valid")]
        yield _with_correction_lines(event, relevant)
    if not invocation.is_successful():
        raise dg.Failure(
            description="dbt build failed: the published warehouse is unchanged (readers keep the last complete build)",
            metadata={"dbt_error": dg.MetadataValue.text(str(invocation.get_error() or "see the step's logs"))},
        )
    published = warehouse.publish()
    context.log.info(f"published the build to {published}")


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=PantauDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
    pool="duckdb",
)
def pantau_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """``dbt build`` of the selected models: staging → intermediate → marts, with their data tests; then publish."""
    yield from build_and_publish(context, dbt, warehouse)
