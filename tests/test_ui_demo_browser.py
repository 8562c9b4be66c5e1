"""`pantau ui-demo` (make ui-demo) in headless Chromium: the daily job, launched from its Launchpad with the
default config, crawls the sample site (not the real sources); the dbt assets then show their row counts,
and the review mart its queue."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from .browser import ARTIFACTS, CHROMIUM, free_port, open_dagster_page, wait_for_dagster

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[1]


def _graphql(base: str, query: str) -> dict:
    request = urllib.request.Request(f"{base}/graphql", data=json.dumps({"query": query}).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


@pytest.fixture()
def ui_demo(tmp_path):
    port, site_port = free_port(), free_port()
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(home), "PANTAU_WAREHOUSE": str(tmp_path / "wh" / "pantau.duckdb"),
           "PANTAU_DEMO_PORT": str(site_port), "DAGSTER_DISABLE_TELEMETRY": "1"}
    env.pop("PANTAU_SOURCES", None)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("pantau")), "ui-demo", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    wait_for_dagster(base, proc, "pantau ui-demo")
    yield base, f"http://127.0.0.1:{site_port}", Path(env["PANTAU_WAREHOUSE"])
    os.killpg(proc.pid, signal.SIGTERM)  # the sample site, dagster dev and its children
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browsers)")
def test_ui_demo_runs_the_daily_job_on_the_sample_site_and_shows_counts(ui_demo):
    from playwright.sync_api import sync_playwright

    base, site, warehouse = ui_demo
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser, page = open_dagster_page(p, f"{base}/locations/pantau/jobs/pantau_daily/playground", 120_000)
        page.get_by_role("button", name="Launch run").click()  # the Launchpad's default config, untouched
        page.screenshot(path=str(ARTIFACTS / "ui-demo-launched.png"))

        status = None
        while status not in ("SUCCESS", "FAILURE", "CANCELED"):  # pytest's timeout bounds the wait
            time.sleep(2)
            runs = _graphql(base, '{ runsOrError { ... on Runs { results { status } } } }')["runsOrError"]["results"]
            status = runs[0]["status"] if runs else None
        assert status == "SUCCESS"

        page.goto(f"{base}/assets/marts/fct_coverage_metrics")
        page.get_by_text(re.compile(r"Row count|dagster/row_count")).first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "ui-demo-row-count.png"))
        page.goto(f"{base}/assets/marts/fct_facts_for_review")
        page.get_by_text("review_queue").first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "ui-demo-review-queue.png"))
        browser.close()

    con = duckdb.connect(str(warehouse), read_only=True)  # the published copy: the sample site's articles
    try:
        urls = [u for (u,) in con.execute("select url from marts.fct_articles").fetchall()]
    finally:
        con.close()
    assert urls and all(u.startswith(site) for u in urls)
