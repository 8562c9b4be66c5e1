"""The dbt models as Dagster assets (dbt tests become asset checks)."""

import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)

from pantau.settings import DBT_BUILD_ARGS, get_settings

from ..resources import WarehouseResource

DBT_DIR = get_settings().dbt_project_dir
# dbt is installed beside this interpreter (the project venv), whether or not the venv is on PATH
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))

@cache
def dbt_project() -> DbtProject:
    """The dbt project, with a manifest ready (parsed once when missing or older than the models)."""
    project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
    manifest = Path(project.manifest_path)
    sources = [p for p in DBT_DIR.rglob("*") if p.suffix in (".sql", ".yml", ".md") and "target" not in p.parts]
    if not manifest.exists() or any(p.stat().st_mtime > manifest.stat().st_mtime for p in sources):
        subprocess.run(
            [DBT_EXECUTABLE, "parse", "--quiet", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)],
            check=True,
            cwd=DBT_DIR,
            env={**os.environ, **get_settings().env()},
        )
    return project

def dbt_resource() -> DbtCliResource:
    """The dbt CLI resource for this project."""
    return DbtCliResource(project_dir=dbt_project(), dbt_executable=DBT_EXECUTABLE)

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
    yield from dbt.cli(list(DBT_BUILD_ARGS), context=context).stream()
