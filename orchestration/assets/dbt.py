"""The dbt models as Dagster assets (dbt tests become asset checks)."""

import os
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from pantau.settings import DBT_BUILD_ARGS, get_settings

from ..resources import WarehouseResource, dbt_project


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

@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=PantauDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
    pool="duckdb",
)
def pantau_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """``dbt build`` of the selected models: staging → intermediate → marts, with their data tests."""
    # dbt's profiles.yml reads the warehouse path from the same variable the pipeline's settings use
    os.environ["PANTAU_WAREHOUSE"] = warehouse.path
    # dbt runs in its project folder: the corrections file is passed as the absolute path settings resolved
    corrections = get_settings().corrections_path
    if corrections is not None:
        if not corrections.is_file():
            raise FileNotFoundError(f"PANTAU_CORRECTIONS names {corrections}, which is not a file")
        os.environ["PANTAU_CORRECTIONS"] = str(corrections)
    yield from dbt.cli(list(DBT_BUILD_ARGS), context=context).stream()
