"""The ``pantau`` command: run the pipeline, run the demo, extract facts from text, evaluate extraction."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .settings import PROJECT_ROOT

DEMO_PORT = int(os.environ.get("PANTAU_DEMO_PORT", "8765"))


def _fail(message: str, code: int = 1) -> int:
    print(f"pantau: error: {message}", file=sys.stderr)
    return code


def run_pipeline(sources: Path, warehouse: Path | None, job_name: str = "pantau_daily") -> int:
    """Execute the Dagster job the schedule runs, in this process, then print the summary."""
    from scrapers.sources import SourcesError, load_sources

    os.environ["PANTAU_SOURCES"] = str(sources.resolve())
    if warehouse is not None:
        os.environ["PANTAU_WAREHOUSE"] = str(warehouse.resolve())
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home"))
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    from .settings import get_settings

    settings = get_settings()
    try:
        load_sources(settings.sources_path)
    except SourcesError as exc:
        return _fail(str(exc))
    from warehouse.db import WarehouseLockedError, writer
    from warehouse.publish import seed_build_file

    try:  # fail fast, before any fetching, when another process holds the pipeline's build file
        seed_build_file(settings.build_path, settings.warehouse_path)
        with writer(settings.build_path):
            pass
    except WarehouseLockedError as exc:
        return _fail(str(exc), 3)

    import dagster as dg

    from orchestration.definitions import build_definitions

    job = build_definitions().resolve_job_def(job_name)
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            tags={"pantau/trigger": "cli"},
            run_config={"loggers": {"console": {"config": {"log_level": os.environ.get("PANTAU_LOG_LEVEL", "INFO")}}}},
        )
    if not result.success:
        return _report_failures(result)
    from .summary import summary_text

    print(summary_text(settings.warehouse_path, _extract_counts(result)))
    return 0


def _report_failures(result) -> int:
    """Print each failed step's root cause; the exit code of a failed run."""
    failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    for event in failures:
        error = event.step_failure_data.error if event.step_failure_data else None
        cause = error
        while cause is not None and cause.cause is not None:
            cause = cause.cause
        message = (cause.message if cause else str(error)).strip()
        print(f"pantau: step {event.step_key} failed: {message}", file=sys.stderr)
    return _fail(f"run {result.run_id} failed (see the Dagster UI: make ui)")


def sitemap_archive_sources(sources_path: Path, since: str, out: Path) -> Path:
    """A sources file of the sitemap sources only, each reaching back to ``since`` instead of its ``max_age_days``."""
    from datetime import date

    import yaml

    days = (date.today() - date.fromisoformat(since)).days + 1
    if days <= 0:
        raise ValueError(f"--since {since} is in the future")
    entries = (yaml.safe_load(sources_path.read_text(encoding="utf-8")) or {}).get("sources") or []
    sitemaps = [{**e, "max_age_days": days} for e in entries if isinstance(e, dict) and e.get("kind") == "sitemap"]
    if not sitemaps:
        raise ValueError(f"{sources_path} has no sitemap sources")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump({"sources": sitemaps}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out


def backfill(
    warc: list[str], cc_news: str | None, sitemap_since: str | None, sources: Path | None, warehouse: Path | None,
    retry_failed: bool = False,
) -> int:
    """Load history from web archives through the backfill job (or, for sitemaps, the daily job reaching back)."""
    if warehouse is not None:
        os.environ["PANTAU_WAREHOUSE"] = str(warehouse.resolve())
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home"))
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    from .settings import get_settings

    settings = get_settings()
    if sitemap_since is not None:
        # Old months' sitemaps answer 304 to the daily crawl's validators: this crawl keeps its own state
        data_dir = settings.data_dir / "sitemap-archive"
        os.environ["PANTAU_DATA_DIR"] = str(data_dir)
        os.environ["PANTAU_ARCHIVE_OUTPUT"] = settings.archive_output
        try:
            derived = sitemap_archive_sources(sources or settings.sources_path, sitemap_since, data_dir / "sources.yaml")
        except (ValueError, OSError) as exc:
            return _fail(str(exc))
        return run_pipeline(derived, warehouse)
    locations = []
    for w in warc:
        if "://" in w:
            locations.append(w)
        elif not Path(w).exists():
            return _fail(f"WARC file {w} not found")
        else:
            locations.append(str(Path(w).resolve()))  # workers may run elsewhere than this directory
    if cc_news:
        from archives.fetch import month_range

        try:
            month_range(cc_news)
        except ValueError as exc:
            return _fail(str(exc))
    from warehouse.db import WarehouseLockedError, writer
    from warehouse.publish import seed_build_file

    try:
        seed_build_file(settings.build_path, settings.warehouse_path)
        with writer(settings.build_path):
            pass
    except WarehouseLockedError as exc:
        return _fail(str(exc), 3)
    import dagster as dg

    from orchestration.backfill import reconstructable_backfill_job

    run_config = {
        "ops": {"archive_files": {"config": {"warc": locations, "cc_news": cc_news or "", "retry_failed": retry_failed}}},
        "loggers": {"console": {"config": {"log_level": os.environ.get("PANTAU_LOG_LEVEL", "INFO")}}},
    }
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(
            dg.reconstructable(reconstructable_backfill_job), instance=instance, run_config=run_config,
            tags={"pantau/trigger": "cli"}, raise_on_error=False,
        )
    if not result.success:
        return _report_failures(result)
    from .summary import archive_failures_text, summary_text

    print(summary_text(settings.warehouse_path, _extract_counts(result)))
    print(archive_failures_text(settings.warehouse_path))
    return 0


def _extract_counts(result) -> dict[str, int] | None:
    """This run's facts and MoU mentions by confidence, from the extract step's materialization metadata."""
    counts: dict[str, int] = {}
    for event in result.get_asset_materialization_events():
        materialization = event.materialization
        if materialization.asset_key.path[0] != "raw":
            continue
        for name in ("facts_high", "facts_review", "mous_high", "mous_review"):
            entry = materialization.metadata.get(f"new_{name}")
            if entry is not None:
                counts[name] = int(entry.value)
    return counts or None


def demo(warehouse: Path | None) -> int:
    """Serve the bundled sample site on 127.0.0.1 and run the pipeline on it."""
    from devtools.sample_site import SampleSite

    os.environ.setdefault("PANTAU_CRAWL_DELAY", "0")  # our own site on loopback: no politeness delay needed
    try:
        site = SampleSite(port=DEMO_PORT)
    except OSError as exc:
        return _fail(f"cannot serve the sample site on 127.0.0.1:{DEMO_PORT} ({exc}); set PANTAU_DEMO_PORT to a free port")
    try:
        if warehouse is not None:
            os.environ["PANTAU_WAREHOUSE"] = str(warehouse.resolve())
        from devtools.sample_site import write_demo_sources

        from .settings import get_settings

        sources = write_demo_sources(site.base_url, get_settings().data_dir / "demo-sources.yaml")
        print(f"Serving the sample news site on {site.base_url}; running the pipeline ...", flush=True)
        code = run_pipeline(sources, warehouse)
        print(f"\nArticle requests served: {site.article_requests()}")
        return code
    finally:
        site.stop()


def ui_demo(port: int) -> int:
    """Serve the sample site and the Dagster UI pointed at it: the daily job's Launchpad defaults (the
    resources, from the settings object) crawl the sample site, not the real sources."""
    import subprocess

    from devtools.sample_site import SampleSite, write_demo_sources

    from .settings import get_settings

    try:
        site = SampleSite(port=DEMO_PORT)
    except OSError as exc:
        return _fail(f"cannot serve the sample site on 127.0.0.1:{DEMO_PORT} ({exc}); set PANTAU_DEMO_PORT to a free port")
    try:
        sources = write_demo_sources(site.base_url, get_settings().data_dir / "demo-sources.yaml")
        env = {**os.environ, "PANTAU_SOURCES": str(sources), "PANTAU_CRAWL_DELAY": os.environ.get("PANTAU_CRAWL_DELAY", "0")}
        print(f"Sample news site on {site.base_url}; Dagster UI on http://127.0.0.1:{port} (sources: {sources})", flush=True)
        dagster = Path(sys.executable).with_name("dagster")
        command = [str(dagster), "dev", "-h", "127.0.0.1", "-p", str(port), "-w", str(PROJECT_ROOT / "workspace.yaml")]
        with subprocess.Popen(command, cwd=PROJECT_ROOT, env=env) as ui:
            try:
                return ui.wait()
            except KeyboardInterrupt:
                ui.terminate()
                return ui.wait()
    finally:
        site.stop()


def sample_warc(out: Path) -> int:
    """Write the bundled corpus as a CC-NEWS-shaped WARC file, to try ``pantau backfill --warc`` or the
    Launchpad of the ``pantau_backfill`` job with."""
    from devtools.warc_archives import corpus_pages, write_warc

    result = write_warc(out, corpus_pages())
    print(f"{out}: {result.pages} pages ({result.relevant} about JKN); try: pantau backfill --warc {out.resolve()}")
    return 0


def extract_command(input_path: str | None, with_review: bool = False) -> int:
    """JSONL in ({"id", "text", "published"?, "title"?, "url"?}) → JSONL out ({"id", "facts", "mous"}).

    By default only what would reach the marts (confidence high); ``with_review`` adds the facts and MoUs
    held for review, each marked by its confidence, the cues that decided it and the reason.
    """
    from extraction import extract, load_gazetteer

    gazetteer = load_gazetteer()
    fh = open(input_path, encoding="utf-8") if input_path and input_path != "-" else sys.stdin
    try:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                return _fail(f"input line {n}: expected a JSON object with 'id' and 'text' ({exc})")
            result = extract(text, item.get("published"), item.get("title"), gazetteer)
            keep = (lambda x: True) if with_review else (lambda x: x.confidence == "high")  # noqa: E731
            # every candidate feature is for training, not for readers: the score and its top reasons stay
            out = {
                "id": item.get("id"),
                "facts": [{k: v for k, v in f.to_dict().items() if k != "features"} for f in result.facts if keep(f)],
                "mous": [{k: v for k, v in m.to_dict().items() if k != "features"} for m in result.mous if keep(m)],
            }
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    finally:
        if fh is not sys.stdin:
            fh.close()
    return 0


def eval_command(gold_dir: Path | None, show_errors: bool, locked: bool) -> int:
    """Score extraction, on what reaches the marts: first article-grouped cross-validation over every labelled
    real article at hand (learned vs rules alone), then the bundled corpus and every labelled set present;
    ``locked`` adds the locked final test."""
    from devtools.evaluation import run
    from devtools.training import build_examples, cross_validate, cv_report, enough_for_cv

    real, corpus, _ = build_examples(PROJECT_ROOT)
    if enough_for_cv(real):
        print(cv_report(cross_validate(real, corpus)))
        print("")
    else:
        print(f"cross-validation skipped: {len(real)} labelled real articles with their texts at hand (see eval/real/README.md)\n")
    run(PROJECT_ROOT, gold_dir, show_errors, locked=locked)
    return 0


def train_command(corrections: Path | None, output: Path | None) -> int:
    """Train the decider on every labelled real article (and an warehouse's analysts' decisions); write its JSON."""
    from devtools.training import DECIDER_OUTPUT, corrections_from_warehouse, train

    examples = corrections_from_warehouse(corrections) if corrections else []
    if corrections:
        print(f"{len(examples)} analysts' decisions from {corrections} (confirm: right; reject or set_value: wrong)")
    train(PROJECT_ROOT, output or DECIDER_OUTPUT, examples)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``pantau`` console script."""
    parser = argparse.ArgumentParser(prog="pantau", description="Monitor Indonesian JKN / BPJS Kesehatan news into a DuckDB warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="one full run of the pipeline (the scheduled Dagster job), then a summary")
    p_run.add_argument("--sources", type=Path, default=None, help="sources.yaml (default: scrapers/sources.yaml or $PANTAU_SOURCES)")
    p_run.add_argument("--warehouse", type=Path, default=None, help="DuckDB file (default: warehouse/pantau.duckdb or $PANTAU_WAREHOUSE)")
    p_run.add_argument("--reextract", action="store_true", help="re-clean and re-extract everything stored instead (no fetching)")
    p_demo = sub.add_parser("demo", help="run the pipeline on the bundled sample site served on 127.0.0.1")
    p_demo.add_argument("--warehouse", type=Path, default=None)
    p_ui = sub.add_parser("ui-demo", help="the sample site on 127.0.0.1 and the Dagster UI pointed at it (make ui-demo)")
    p_ui.add_argument("--port", type=int, default=3000)
    p_warc = sub.add_parser("sample-warc", help="write the bundled sample site as a WARC file to try the backfill with")
    p_warc.add_argument("out", type=Path, nargs="?", default=Path("sample.warc.gz"))
    p_ext = sub.add_parser("extract", help="JSONL of article texts in, JSONL of facts and MoUs out")
    p_ext.add_argument("--input", default=None, help="input file (default: standard input)")
    p_ext.add_argument(
        "--with-review", action="store_true",
        help="also print the facts and MoUs held for review (default: only what would reach the marts)",
    )
    p_eval = sub.add_parser(
        "eval", help="extraction precision/recall/F1 on the bundled corpus, ../shared/gold, ../shared/realdev and eval/real"
    )
    p_eval.add_argument("--gold", type=Path, default=None)
    p_eval.add_argument("--show-errors", action="store_true")
    p_eval.add_argument("--locked", action="store_true", help="also score the locked final test (eval/real/locked.jsonl)")
    p_train = sub.add_parser("train", help="train the decider on labelled real articles; writes extraction/decider.json")
    p_train.add_argument("--with-corrections", type=Path, default=None, metavar="WAREHOUSE",
                         help="also learn from the analysts' decisions (fact_corrections) applied in this DuckDB file")
    p_train.add_argument("--output", type=Path, default=None, help="where to write the model (default: extraction/decider.json)")
    p_bf = sub.add_parser("backfill", help="load history from web archives (WARC files, CC-NEWS months, or sitemaps reaching back)")
    what = p_bf.add_mutually_exclusive_group(required=True)
    what.add_argument("--warc", nargs="+", metavar="PATH_OR_URL", help="WARC / WARC.gz files, local or http(s) (streamed)")
    what.add_argument("--cc-news", metavar="YYYY-MM[..YYYY-MM]", help="every CC-NEWS file of these months ($PANTAU_CC_NEWS_BASE)")
    what.add_argument("--sitemap-archive", action="store_true", help="crawl the sitemap sources back to --since")
    what.add_argument("--retry-failed", action="store_true", help="read again every archive file whose last attempt failed")
    p_bf.add_argument("--since", metavar="YYYY-MM-DD", help="with --sitemap-archive: how far back")
    p_bf.add_argument("--sources", type=Path, default=None, help="with --sitemap-archive: sources.yaml (default: $PANTAU_SOURCES)")
    p_bf.add_argument("--warehouse", type=Path, default=None)
    args = parser.parse_args(argv)
    from .stopping import sigterm_interrupts

    try:
        with sigterm_interrupts():  # SIGTERM stops a run as Ctrl-C does: subprocesses stopped, nothing half-written
            return _dispatch(args)
    except KeyboardInterrupt as exc:
        return _fail(f"stopped ({exc or 'interrupted'})", 130)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from .settings import get_settings

        sources = args.sources or get_settings().sources_path
        if not sources.exists():
            return _fail(f"sources file {sources} not found")
        return run_pipeline(sources, args.warehouse, "pantau_reextract" if args.reextract else "pantau_daily")
    if args.command == "demo":
        return demo(args.warehouse)
    if args.command == "ui-demo":
        return ui_demo(args.port)
    if args.command == "sample-warc":
        return sample_warc(args.out)
    if args.command == "backfill":
        if args.sitemap_archive and not args.since:
            return _fail("--sitemap-archive needs --since YYYY-MM-DD")
        return backfill(
            args.warc or [], args.cc_news, args.since if args.sitemap_archive else None, args.sources, args.warehouse,
            retry_failed=args.retry_failed,
        )
    if args.command == "extract":
        return extract_command(args.input, args.with_review)
    if args.command == "eval":
        return eval_command(args.gold, args.show_errors, args.locked)
    if args.command == "train":
        return train_command(args.with_corrections, args.output)
    return 2


if __name__ == "__main__":
    sys.exit(main())
