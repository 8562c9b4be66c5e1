"""Issue 16, items 2, 3 and 5 end to end: a backfill over every hostile archive and file list exits 0,
lists every bad record and file, loads the good ones and builds the marts; ``--retry-failed`` takes
exactly the failed files again. The memory of a backfill over the hostile files (one process with every
step in it, and the reading step alone) stays under 500 MiB."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devtools.hostile_backfill import run

pytestmark = pytest.mark.e2e
MAX_RSS_MIB = 500


def test_a_backfill_over_every_hostile_file_records_each_failure_and_loads_the_rest(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_EXECUTOR", "in_process")  # the same steps, one process: quick on two cores
    report = run(tmp_path)
    assert report["warc_exit"] == report["cc_news_exit"] == report["retry_exit"] == 0
    # every step, Dagster and dagster-dbt in one process: still under the limit
    assert report["peak_rss_mib"] <= MAX_RSS_MIB, report["run_peak_rss_mib"]
    first, retry = report["first"], report["retry"]
    files = first["files"]
    status = {a: v["status"] for a, v in files.items()}
    failed = {a: v["reason"] for a, v in files.items() if v["status"] == "failed"}
    # refused addresses, a 404, hostile list lines and unusable lists: failures with their reason
    by_end = lambda end: next(r for a, r in failed.items() if a.endswith(end))  # noqa: E731
    assert "not a public address" in by_end("/redirect.warc.gz") or "not allowed" in by_end("/redirect.warc.gz")
    assert "302" in by_end("/to-file.warc.gz")
    assert "404" in by_end("/missing.warc.gz")
    assert by_end("file:///etc/passwd").startswith("refused: ")
    assert by_end("ftp://127.0.0.1/x.warc.gz").startswith("refused: ")
    other_origin = next(r for a, r in failed.items() if a.startswith("http://") and a.endswith("/x.warc.gz"))
    assert "not on the list's origin" in other_origin
    assert "more than 16777216 bytes" in by_end("2019/04/warc.paths.gz")  # the list bomb, refused by its decoded size
    assert "404" in by_end("2019/05/warc.paths.gz")
    # the damaged archives were read: their bad record listed, the good records loaded
    reasons = {a.rsplit("/", 1)[-1]: r for a, _, r in first["skips"]}
    assert "too large" in reasons["lying-10gb.warc.gz"] and "cut short" in reasons["lying-5mb.warc.gz"]
    assert "cut short" in reasons["cut.warc"] and "cut short" in reasons["cut.warc.gz"]
    assert "too large" in reasons["payload-bomb.warc.gz"] and "too large" in reasons["served.warc"]
    assert sum(s == "read" for s in status.values()) == 8
    assert first["max_html_bytes"] < 10 << 20  # nothing over the record limit stored
    assert not set(report["local_urls"]) & set(first["page_urls"])  # the local WARC a list named was never read
    assert first["articles_in_marts"] == 20  # both good archives' relevant pages reached the marts
    # --retry-failed: the fixed 404 is read, the refused stay refused, nothing read before is read again
    after = retry["files"]
    assert after[next(a for a in after if a.endswith("/missing.warc.gz"))]["status"] == "read"
    for archive, reason in failed.items():
        if reason.startswith("refused: "):
            assert after[archive] == files[archive], archive  # not even attempted
    for archive, v in files.items():
        if v["status"] == "read":
            assert after[archive]["loaded_at"] == v["loaded_at"], archive
    assert not set(report["local_urls"]) & set(retry["page_urls"])


def test_reading_every_hostile_file_stays_under_500_mib(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "devtools.hostile_backfill", "--read-only", "--out", str(tmp_path)],
        capture_output=True, text=True, check=True,
    ).stdout
    report = json.loads(out[out.index("\n{") + 1 :])
    print("peak RSS of reading every hostile file:", report["peak_rss_mib"], "MiB")
    assert report["peak_rss_mib"] <= MAX_RSS_MIB
    assert all(s["status"] == "read" for s in report["summaries"])
    assert sum(s["skipped"] for s in report["summaries"]) == 6
