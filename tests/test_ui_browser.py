"""The Dagster UI in headless Chromium: the asset graph, our asset checks and the schedule are shown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import ARTIFACTS, CHROMIUM, free_port, open_dagster_page, wait_for_dagster

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def dagster_ui(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        "PANTAU_WAREHOUSE": str(tmp_path / "ui" / "pantau.duckdb"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    (tmp_path / "dagster_home").mkdir()
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", tmp_path / "dagster_home" / "dagster.yaml")
    webserver = Path(sys.executable).with_name("dagster-webserver")
    proc = subprocess.Popen(
        [str(webserver), "-h", "127.0.0.1", "-p", str(port), "-w", str(ROOT / "workspace.yaml")],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for_dagster(base, proc, "dagster-webserver", timeout_s=120)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browsers)")
def test_ui_shows_assets_checks_and_schedule(dagster_ui):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser, page = open_dagster_page(p, f"{dagster_ui}/asset-groups", 60_000)
        for group in ("ingest", "clean", "extract", "warehouse"):
            page.get_by_text(group, exact=True).first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "ui-asset-graph.png"))

        # the catalog renders only the rows in view: a tall window shows every asset of the location at once
        page.set_viewport_size({"width": 1600, "height": 4000})
        page.goto(f"{dagster_ui}/assets")
        for name in ("marts / fct_mous", "marts / region_coverage_monthly", "raw / pages", "raw / facts"):
            page.get_by_text(name).first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "ui-catalog.png"))
        page.set_viewport_size({"width": 1600, "height": 1000})

        page.goto(f"{dagster_ui}/assets/raw/facts?view=checks")
        page.get_by_text("facts_in_valid_range").first.wait_for()
        page.get_by_text("extraction_yield").first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "ui-asset-checks.png"))

        page.goto(f"{dagster_ui}/automation")
        page.get_by_text("pantau_daily_0600_wib").first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "ui-schedule.png"))
        browser.close()
    assert (ARTIFACTS / "ui-schedule.png").stat().st_size > 10_000
