"""``make bench``: crawl, clean+extract, second run, dbt and memory, measured in one run.

Writes ``bench-results.json`` at the repo root and prints a table. Pages: ``BENCH_PAGES`` (default 2000).
The backfill figures come from ``backfill_bench.py`` (``BENCH_WARC_RECORDS``, default 6000).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import trafilatura

from cleaning.page import CleaningError, clean_page
from extraction import extract, load_gazetteer
from pantau.crawl import run_crawl
from pantau.settings import PROJECT_ROOT, get_settings
from pantau.steps import clean_pages, extract_articles, load_pending_crawls
from warehouse import load
from warehouse.db import writer

from .dbt_bench import dbt_benchmark
from .synthetic_site import SyntheticSite

TARGETS = {
    "process_ratio_1core": (">=", 0.85),
    "process_speedup_2cores": (">=", 1.7),
    "second_run_article_requests": ("<=", 0),
    "second_run_wall_ratio": ("<=", 0.20),
    "dbt_incremental_ratio": ("<=", 0.25),
    "peak_rss_mib": ("<=", 1024),
    "extract_articles_per_s": (">=", 500),
    "backfill_ratio_1core": (">=", 0.8),
    "backfill_speedup_2workers": (">=", 1.8),
    "prefilter_relevant_lost": ("<=", 0),
}


def _ours(item: tuple[str, str]) -> int:
    url, html = item
    try:
        page = clean_page(html, url)
    except CleaningError:
        return 0
    return len(extract(page.text, page.published, page.title, load_gazetteer()).facts)


def _bare(item: tuple[str, str]) -> None:
    url, html = item
    trafilatura.bare_extraction(html, url=url)


def _rate(fn, items, workers: int = 1) -> float:
    start = time.perf_counter()
    if workers == 1:
        for item in items:
            fn(item)
    else:
        with ProcessPoolExecutor(workers, initializer=load_gazetteer) as pool:
            list(pool.map(fn, items, chunksize=16))
    return len(items) / (time.perf_counter() - start)


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> int:
    pages = int(os.environ.get("BENCH_PAGES", "2000"))
    results: dict[str, float | int] = {"pages": pages}
    tmp = Path(tempfile.mkdtemp(prefix="pantau-bench-"))
    settings = replace(get_settings(), warehouse_path=tmp / "bench.duckdb", data_dir=tmp / "data")
    site = SyntheticSite(pages)
    sources = tmp / "sources.yaml"
    sources.write_text(f"sources:\n  - name: bench\n    kind: sitemap\n    urls: [{site.base_url}/sitemap.xml]\n")
    env = {"PANTAU_CRAWL_DELAY": "0", "PANTAU_CONCURRENCY_PER_DOMAIN": "8", "PANTAU_SCRAPY_LOG_LEVEL": "WARNING"}
    quiet = lambda line: None  # noqa: E731
    try:
        # 1. crawl
        start = time.perf_counter()
        run_crawl(settings, sources, set(), log=quiet, extra_env=env)
        first_wall = time.perf_counter() - start
        sample_size = min(pages, int(os.environ.get("BENCH_PROCESS_PAGES", "600")))
        with writer(settings.warehouse_path) as con:
            load_pending_crawls(con, settings.crawl_dir, log=quiet)
            crawled, mean_bytes = con.execute("select count(*), avg(html_bytes) from raw.pages").fetchone()
            rows = con.execute(f"select url, html_zlib from raw.pages order by url limit {sample_size}").fetchall()
            known = load.known_urls(con)
        sample = [(url, zlib.decompress(blob).decode()) for url, blob in rows]
        results["crawl_pages"] = crawled
        results["crawl_pages_per_s"] = round(crawled / first_wall, 1)
        results["page_kib_mean"] = round(mean_bytes / 1024, 1)

        # 2. second run on the unchanged site
        before = site.article_requests
        start = time.perf_counter()
        run_crawl(replace(settings), sources, known, log=quiet, extra_env=env)
        second_wall = time.perf_counter() - start
        results["second_run_article_requests"] = site.article_requests - before
        results["first_run_wall_s"] = round(first_wall, 2)
        results["second_run_wall_s"] = round(second_wall, 2)
        results["second_run_wall_ratio"] = round(second_wall / first_wall, 3)
    finally:
        site.stop()

    # 3. clean + extract against bare trafilatura, same pages, same run
    load_gazetteer()
    _rate(_bare, sample[:20])  # warm both paths
    _rate(_ours, sample[:20])
    # Best of BENCH_REPEAT rounds, the three measured in turn within each round: this shared machine's speed
    # drifts by a third from minute to minute, and timeit's rule (the best run is the machine's capability)
    # keeps that drift out of the ratios.
    rounds = [(_rate(_bare, sample), _rate(_ours, sample), _rate(_ours, sample, workers=2)) for _ in range(int(os.environ.get("BENCH_REPEAT", "3")))]
    bare, ours, ours2 = (max(r[i] for r in rounds) for i in range(3))
    results["bare_trafilatura_pages_per_s"] = round(bare, 1)
    results["process_pages_per_s_1core"] = round(ours, 1)
    results["process_pages_per_s_2cores"] = round(ours2, 1)
    results["process_ratio_1core"] = round(ours / bare, 3)
    results["process_speedup_2cores"] = round(ours2 / ours, 3)

    # 4. extraction alone, on the cleaned texts
    texts = []
    for url, html in sample:
        try:
            p = clean_page(html, url)
            texts.append((p.text, p.published, p.title))
        except CleaningError:
            pass
    gaz = load_gazetteer()
    start = time.perf_counter()
    for text, published, title in texts:
        extract(text, published, title, gaz)
    results["extract_articles_per_s"] = round(len(texts) / (time.perf_counter() - start), 1)

    # 5. the pipeline's own clean and extract steps over every crawled page (2 workers), as a run does them
    with writer(settings.warehouse_path) as con:
        start = time.perf_counter()
        clean_pages(con, workers=2, log=quiet)
        extract_articles(con, workers=2, log=quiet)
        results["pipeline_clean_extract_pages_per_s"] = round(crawled / (time.perf_counter() - start), 1)

    # 6. dbt at 100,000 articles / 1,000,000 facts: full build, then incremental after 1 % new rows
    if os.environ.get("BENCH_SKIP_DBT") != "1":
        results.update(dbt_benchmark(tmp / "dbt.duckdb", int(os.environ.get("BENCH_DBT_ARTICLES", "100000"))))

    # 7. backfill from web archives: against bare FastWARC, two Dask workers, prefilter, memory
    if os.environ.get("BENCH_SKIP_BACKFILL") != "1":
        from .backfill_bench import backfill_benchmark

        results.update(backfill_benchmark(tmp / "backfill"))

    results["peak_rss_mib"] = round(_peak_rss_mib(), 1)
    out = PROJECT_ROOT / "bench-results.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"{'measure':<34} {'value':>12}   target")
    for key, value in results.items():
        target = TARGETS.get(key)
        verdict = ""
        if target:
            op, bound = target
            ok = value >= bound if op == ">=" else value <= bound
            verdict = f"{op} {bound}  {'ok' if ok else 'MISSED'}"
        print(f"{key:<34} {value:>12}   {verdict}")
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
