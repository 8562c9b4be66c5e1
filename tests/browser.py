"""What the browser tests share: Debian's Chromium, its offline flags, a free port, and a Dagster page opened
past the first-visit dialog."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

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
