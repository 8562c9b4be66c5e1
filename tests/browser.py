"""What the browser tests share: Debian's Chromium, its offline flags, a free port, and a Dagster page opened
past the first-visit dialog."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# no background connections: this machine's closed network refuses them, many at a time
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    """A port on 127.0.0.1 nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_dagster(base: str, proc: subprocess.Popen, name: str, timeout_s: float | None = None) -> None:
    """Until the Dagster UI at ``base`` answers; a test failure if ``proc`` (named ``name``) exits first or, with
    ``timeout_s``, the UI is still silent by then (without it, pytest's timeout bounds the wait)."""
    deadline = None if timeout_s is None else time.time() + timeout_s
    while deadline is None or time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/server_info", timeout=2)
            return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{name} exited early")
            time.sleep(0.5)
    proc.kill()
    pytest.fail(f"{name} did not come up in {timeout_s:.0f} s")


def open_dagster_page(playwright, url: str, timeout_ms: int):
    """Chromium on ``url`` of a Dagster UI, its first-visit sign-up dialog dismissed; returns (browser, page)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.set_default_timeout(timeout_ms)
    page.goto(url)
    skip = page.get_by_role("button", name="Skip")
    try:  # first visit: a community sign-up dialog covers the page
        skip.wait_for(timeout=15_000)
        skip.click()
    except Exception:
        pass
    return browser, page
