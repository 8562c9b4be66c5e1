"""A backfill over every hostile archive and file list (``devtools.hostile_archives``), reporting its
peak memory: ``python -m devtools.hostile_backfill [--out DIR] [--executor both|multiprocess|in_process]``.

It serves the hostile files on 127.0.0.1, runs ``pantau backfill --warc`` over them beside two good
archives, then ``pantau backfill --cc-news`` over three months whose lists are hostile (local files,
other schemes and origins; a bomb; a 404), then ``--retry-failed`` once the 404 is fixed, each as its own
``pantau`` process, once with each executor (``multiprocess``: a process per step; ``in_process``: every
step, Dagster and dagster-dbt in one process), and prints JSON per executor: the exit codes, the peak
resident memory of each run (the ``pantau`` process or its largest step process, from ``wait4``: what
``/usr/bin/time`` reports, since Linux keeps the largest descendant's high-water mark) and what the
warehouse recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from devtools.hostile_archives import (
    RouteServer,
    cut_in_last_record,
    hostile_list_lines,
    lying_length,
    paths_bomb,
    payload_bomb,
    relevant_local_warc,
    transport_bomb,
)
from devtools.peak_memory import peak_rss_mib
from devtools.warc_archives import corpus_pages, mixed_pages, write_paths_gz, write_warc

# ``pantau`` run inside a small wrapper that writes, as it exits, the peak resident memory of the pantau
# process (VmHWM) and of the largest process it waited for (step processes, dbt). Not the caller's
# ru_maxrss of the child: Linux carries a forked child's high-water mark over from its parent, so a child
# of a large process (a test run) would report the parent's size.
_MEASURED = """
import atexit, json, resource, runpy, sys
from devtools.peak_memory import peak_rss_mib
out = sys.argv.pop(1)
def report():
    own = peak_rss_mib()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(out, "w") as fh:
        json.dump({"own": own, "children": children}, fh)
atexit.register(report)
sys.argv[0] = "pantau"
runpy.run_module("pantau.cli", run_name="__main__")
"""


def _pantau(*args: str) -> tuple[int, float]:
    """``pantau ARGS`` in its own process (its output to this one's stderr): the exit code, and the peak
    resident memory (MiB) of that process or the largest of its descendants (step processes, dbt)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak.json"
        code = subprocess.run([sys.executable, "-c", _MEASURED, str(out), *args], stdout=sys.stderr, check=False).returncode
        peak = json.loads(out.read_text()) if out.exists() else {"own": float("nan"), "children": float("nan")}
    return code, round(max(peak["own"], peak["children"]), 1)


def build(root: Path) -> dict:
    """Every hostile file under ``root``, and the good ones: {name: path}."""
    corpus = corpus_pages()
    files = {
        "lying_10gb": lying_length(root / "lying-10gb.warc.gz", extra=10 << 30).path,
        "lying_5mb": lying_length(root / "lying-5mb.warc.gz", extra=5 << 20, seed=21).path,
        "cut_gz": cut_in_last_record(root / "cut.warc.gz").path,
        "cut_plain": cut_in_last_record(root / "cut.warc", compressed=False).path,
        "payload_bomb": payload_bomb(root / "payload-bomb.warc.gz").path,
        "good_a": write_warc(root / "good-a.warc.gz", mixed_pages(60, seed=31, relevant=corpus[0:10])).path,
        "good_b": write_warc(root / "good-b.warc.gz", mixed_pages(60, seed=32, relevant=corpus[10:20])).path,
        "local_relevant": relevant_local_warc(root / "local" / "never-read.warc.gz"),
    }
    files["transport_bomb"] = transport_bomb(root / "served.warc").path
    files["paths_bomb"] = paths_bomb(root / "paths-bomb.gz")
    return files


EXECUTORS = ("multiprocess", "in_process")


def run(root: Path, retry_after_fix: bool = True, executor: str | None = None) -> dict:
    """Both backfills (and, with ``retry_after_fix``, a ``--retry-failed`` once the 404 exists) with
    ``executor`` (default: $PANTAU_EXECUTOR as it is); the report."""
    warehouse = root / "wh" / "pantau.duckdb"
    os.environ.update({"PANTAU_WAREHOUSE": str(warehouse), "PANTAU_DATA_DIR": str(root / "data"),
                       "DAGSTER_HOME": str(root / "dagster_home")})
    if executor:
        os.environ["PANTAU_EXECUTOR"] = executor
    (root / "dagster_home").mkdir(parents=True, exist_ok=True)
    files = build(root / "files")
    report: dict = {"executor": os.environ.get("PANTAU_EXECUTOR", "multiprocess"), "run_peak_rss_mib": {}}
    peaks = report["run_peak_rss_mib"]
    with RouteServer({}) as other, RouteServer({}) as archive:
        routes = archive.routes
        routes["/served.warc"] = (200, {"Content-Encoding": "gzip"}, files["transport_bomb"].read_bytes())
        routes["/redirect.warc.gz"] = (302, {"Location": f"{other.base_url}/x.warc.gz"}, b"")
        routes["/to-file.warc.gz"] = (302, {"Location": f"file://{files['local_relevant']}"}, b"")
        good_b = files["good_b"].read_bytes()
        # CC-NEWS months: 03 a hostile list (and one good file), 04 a list bomb, 05 no list (404)
        good_rel = "crawl-data/CC-NEWS/2019/03/good-b.warc.gz"
        routes["/" + good_rel] = (200, {}, good_b)
        lines = hostile_list_lines(files["local_relevant"], other.base_url, [good_rel], str(files["local_relevant"]))
        write_paths_gz(root / "files" / "list-03.gz", lines)
        routes["/crawl-data/CC-NEWS/2019/03/warc.paths.gz"] = (200, {}, (root / "files" / "list-03.gz").read_bytes())
        routes["/crawl-data/CC-NEWS/2019/04/warc.paths.gz"] = (200, {}, files["paths_bomb"].read_bytes())
        os.environ["PANTAU_CC_NEWS_BASE"] = archive.base_url

        local = [str(files[k]) for k in ("lying_10gb", "lying_5mb", "cut_gz", "cut_plain", "payload_bomb", "good_a")]
        urls = [f"{archive.base_url}/{p}" for p in ("served.warc", "redirect.warc.gz", "to-file.warc.gz", "missing.warc.gz")]
        report["warc_exit"], peaks["warc"] = _pantau("backfill", "--warc", *local, *urls, "--warehouse", str(warehouse))
        report["cc_news_exit"], peaks["cc_news"] = _pantau("backfill", "--cc-news", "2019-03..2019-05", "--warehouse", str(warehouse))
        report["first"] = _recorded(warehouse)
        if retry_after_fix:
            routes["/missing.warc.gz"] = (200, {}, good_b)  # the 404 is fixed: a retry takes it (and only the failed)
            report["retry_exit"], peaks["retry"] = _pantau("backfill", "--retry-failed", "--warehouse", str(warehouse))
            report["retry"] = _recorded(warehouse)
    report["peak_rss_mib"] = max(peaks.values())  # the largest pantau process (or step) of the runs
    report["generator_rss_mib"] = round(peak_rss_mib(), 1)  # this process: the files and the servers
    report["local_urls"] = sorted({f"https://lokal.example/{i}" for i in range(3)})
    return report


def _recorded(warehouse: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "files": {a: {"status": s, "reason": r, "pages": p, "loaded_at": str(t)}
                      for a, s, r, p, t in q("select archive, status, reason, pages, loaded_at from raw.archive_files")},
            "skips": [list(r) for r in q("select archive, url, reason from raw.archive_skips order by 1, 2")],
            "pages": q("select count(*) from raw.pages")[0][0],
            "max_html_bytes": q("select coalesce(max(html_bytes), 0) from raw.pages")[0][0],
            "page_urls": sorted(r[0] for r in q("select url from raw.pages")),
            "articles_in_marts": q("select count(*) from marts.fct_articles")[0][0],
        }
    finally:
        con.close()


def read_all(root: Path) -> dict:
    """Only the reading step (prefilter, cleaning, extraction, Parquet output) over every hostile archive,
    in this process: the memory hostile input can drive, without the orchestration around it."""
    from pantau.backfill import read_or_record
    from pantau.settings import Settings

    files = build(root / "files")
    settings = Settings(warehouse_path=root / "wh" / "pantau.duckdb", data_dir=root / "data")
    served = {"/served.warc": (200, {"Content-Encoding": "gzip"}, files["transport_bomb"].read_bytes())}
    with RouteServer(served) as archive:
        locations = [str(files[k]) for k in ("lying_10gb", "lying_5mb", "cut_gz", "cut_plain", "payload_bomb", "good_a")]
        summaries = [read_or_record({"location": loc}, settings, log=lambda _: None) for loc in [*locations, f"{archive.base_url}/served.warc"]]
    return {"peak_rss_mib": round(peak_rss_mib(), 1), "summaries": summaries}


def main(argv: list[str] | None = None) -> int:
    """Run it and print the report as JSON (exit 0 when every backfill exited 0)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--no-retry", action="store_true")
    parser.add_argument("--executor", choices=("both", *EXECUTORS), default="both", help="the executor(s) to run the backfills with")
    parser.add_argument("--read-only", action="store_true", help="only the reading step, in this process (see read_all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.out or Path(tmp)
        if args.read_only:
            print("\n" + json.dumps(read_all(root), indent=1, default=str))
            return 0
        executors = EXECUTORS if args.executor == "both" else (args.executor,)
        reports = {e: run(root / e, retry_after_fix=not args.no_retry, executor=e) for e in executors}
    summary = {e: {"peak_rss_mib": r["peak_rss_mib"], "run_peak_rss_mib": r["run_peak_rss_mib"]} for e, r in reports.items()}
    print("\n" + json.dumps({"peak_rss_mib": summary, "reports": reports}, indent=1, default=str))
    exits = [r[k] for r in reports.values() for k in ("warc_exit", "cc_news_exit", "retry_exit") if k in r]
    return 0 if all(code == 0 for code in exits) else 1


if __name__ == "__main__":
    raise SystemExit(main())
