"""Running the Scrapy crawl in a subprocess (Twisted's reactor cannot restart inside one process)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .settings import Settings
from .stopping import popen_group, stop_group


class CrawlError(RuntimeError):
    """The crawl subprocess failed; the message carries the end of its log."""


@dataclass(frozen=True)
class CrawlResult:
    """Where a crawl wrote its pages and how it ended."""

    output: Path
    returncode: int
    log_tail: str


def run_crawl(
    settings: Settings,
    sources_path: Path,
    known_urls: set[str],
    log: Callable[[str], None] = print,
    extra_env: dict[str, str] | None = None,
    output: Path | None = None,
) -> CrawlResult:
    """Crawl every source once, skipping ``known_urls``; stream the crawl's log lines to ``log``.

    Raises CrawlError when the crawl process fails or stops early (e.g. its output cannot be written).
    """
    settings.crawl_dir.mkdir(parents=True, exist_ok=True)
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    output = output or settings.crawl_dir / f"crawl-{stamp}-{uuid.uuid4().hex[:6]}.jsonl"
    known_file = settings.state_dir / "known_urls.txt"
    known_file.write_text("\n".join(sorted(known_urls)), encoding="utf-8")
    env = {**os.environ, **settings.env(), "PANTAU_OUTPUT": str(output), "SCRAPY_SETTINGS_MODULE": "scrapers.settings"}
    env.update(extra_env or {})
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(settings.project_root), env.get("PYTHONPATH")]))
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "news",
        "-a", f"sources={sources_path}",
        "-a", f"known={known_file}",
        "-a", f"validators={settings.state_dir / 'feed_validators.json'}",
    ]
    tail: list[str] = []
    reason = None
    # its own process group: a cancelled run (Dagster's interrupt, SIGTERM, Ctrl-C) stops the crawl and
    # whatever it started, instead of leaving it running as an orphan
    proc = popen_group(cmd, cwd=settings.project_root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            line = line.rstrip()
            tail = (tail + [line])[-40:]
            if "Spider closed (" in line:
                reason = line.rsplit("Spider closed (", 1)[1].rstrip(")")
            if any(k in line for k in ("INFO: Crawled", "WARNING", "ERROR", "Spider closed", "pantau/")):
                log(line)
        returncode = proc.wait()
    except BaseException:
        stop_group(proc)  # pages fetched so far are in the crawl file (flushed per page); the next run loads them
        raise
    if returncode != 0:
        raise CrawlError(f"scrapy crawl exited with {returncode}:\n" + "\n".join(tail[-20:]))
    if reason is not None and reason != "finished":
        raise CrawlError(f"the crawl stopped early ({reason}); pages fetched so far are kept and the next run continues:\n" + "\n".join(tail[-10:]))
    if not output.exists():
        output.touch()  # nothing fetched is a valid outcome (a second run on an unchanged site)
    return CrawlResult(output, returncode, "\n".join(tail))
