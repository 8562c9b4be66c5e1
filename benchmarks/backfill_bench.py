"""Backfill benchmark: one core against bare FastWARC iteration over the same file, two Dask workers
against one, the prefilter against full cleaning, and memory against the number of records.

The archive is CC-NEWS-shaped (a gzip member per record) with ``BENCH_WARC_RECORDS`` off-topic pages of
about ``BENCH_WARC_KIB`` KiB of HTML and one relevant page (from the bundled corpus) per
``BENCH_WARC_RELEVANT_EVERY`` records: nearly all of a news archive is about something else.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from devtools.warc_archives import ArchivedPage, corpus_pages, synthetic_page, write_warc
from pantau.settings import get_settings

_KINDS = ("id_sport", "id_business", "en", "es", "de")


def bench_pages(n: int, kib: int, relevant_every: int, seed: int = 11):
    """``n`` off-topic pages (a pool of distinct bodies, each record its own URL) with corpus pages spread among them."""
    rng = random.Random(seed)
    start = datetime(2019, 3, 1, tzinfo=UTC)
    pool = [synthetic_page(rng, _KINDS[i % len(_KINDS)], i, start, kib * 1024).body for i in range(300)]
    corpus = corpus_pages()
    for i in range(n):
        if relevant_every and i % relevant_every == relevant_every // 2:
            yield corpus[(i // relevant_every) % len(corpus)]
        captured = start + timedelta(seconds=37 * i)
        yield ArchivedPage(f"https://{_KINDS[i % 5].replace('_', '-')}.example/{captured:%Y/%m/%d}/{i}", captured, pool[i % len(pool)])


def bare_fastwarc(path: Path) -> tuple[int, float]:
    """(responses, seconds) of FastWARC reading every response's payload, nothing else."""
    start = time.perf_counter()
    n = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            rec.reader.read()
            n += 1
    return n, time.perf_counter() - start


def _ours(path: Path, settings) -> tuple[int, float]:
    from pantau.backfill import process_archive

    start = time.perf_counter()
    summary = process_archive(str(path), settings, log=lambda _: None)
    return summary["records"], time.perf_counter() - start


def _warm_worker(warm: str, output: str) -> int:
    """The whole per-file path once (imports, the gazetteer, trafilatura's first page): start-up, not per-file work."""
    return _read_file(warm, output)


def _read_file(location: str, output: str) -> int:
    from pantau.backfill import process_archive

    settings = replace(get_settings(), archive_output=output)
    return process_archive(location, settings, log=lambda _: None)["records"]


def dask_wall(files: list[Path], workers: int, output: Path, warm: Path) -> float:
    """Seconds for a Dask cluster of ``workers`` single-threaded worker processes to read ``files``."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0") as cluster, Client(cluster) as client:
        client.run(_warm_worker, str(warm), str(output / "warm"))
        start = time.perf_counter()
        futures = client.map(_read_file, [str(f) for f in files], output=str(output), pure=False)
        client.gather(futures)
        return time.perf_counter() - start


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def cpu_speedup_2procs() -> float:
    """What two processes get over one on this machine right now (pure CPU work, no I/O): the ceiling
    for ``backfill_speedup_2workers`` on a machine shared with other jobs."""
    from concurrent.futures import ProcessPoolExecutor

    walls = []
    for workers in (1, 2):
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_spin, [10] * workers))
            start = time.perf_counter()
            list(pool.map(_spin, [3_000_000] * 4))
            walls.append(time.perf_counter() - start)
    return walls[0] / walls[1]


def prefilter_lost(path: Path) -> tuple[int, int, int]:
    """(relevant records the prefilter drops, relevant records, records) judged by full cleaning + relevance."""
    from archives.prefilter import could_be_relevant
    from archives.reader import iter_records
    from cleaning.page import CleaningError, clean_page
    from extraction import is_relevant

    lost = relevant = total = 0
    with path.open("rb") as fh:
        for rec in iter_records(fh, 64 << 20, []):
            total += 1
            try:
                page = clean_page(rec.payload.decode(rec.charset or "utf-8", errors="replace"), rec.url)
                ok = is_relevant(page.text, page.title)
            except CleaningError:
                ok = False
            relevant += ok
            lost += ok and not could_be_relevant(rec.payload, rec.charset)
    return lost, relevant, total


_RSS_CHILD = """
import json, sys
from dataclasses import replace
from devtools.peak_memory import peak_rss_mib
from pantau.settings import get_settings
from pantau.backfill import process_archive
s = replace(get_settings(), archive_output=sys.argv[2])
process_archive(sys.argv[1], s, log=lambda _: None)
print(json.dumps(peak_rss_mib()))
"""


def peak_rss_mib(path: Path, output: Path) -> float:
    """Peak resident memory of a fresh process reading one archive."""
    out = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(path), str(output)], check=True, capture_output=True, text=True)
    return round(json.loads(out.stdout.strip().splitlines()[-1]), 1)


def backfill_benchmark(tmp: Path) -> dict[str, float | int]:
    """Every backfill figure of ``make bench``."""
    n = int(os.environ.get("BENCH_WARC_RECORDS", "6000"))
    kib = int(os.environ.get("BENCH_WARC_KIB", "40"))
    every = int(os.environ.get("BENCH_WARC_RELEVANT_EVERY", "1000"))
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    tmp.mkdir(parents=True, exist_ok=True)
    big = write_warc(tmp / "bench-big.warc.gz", bench_pages(n, kib, every)).path
    small = write_warc(tmp / "bench-small.warc.gz", bench_pages(n // 4, kib, every)).path
    settings = replace(get_settings(), archive_output=str(tmp / "out"))
    results: dict[str, float | int] = {"backfill_records": n, "backfill_file_mb": round(big.stat().st_size / 1e6, 1)}

    warm = write_warc(tmp / "bench-warm.warc.gz", bench_pages(20, kib, 10)).path
    _ours(warm, settings)  # imports, the gazetteer, trafilatura: once per process, not per file
    rounds = [(bare_fastwarc(big), _ours(big, settings)) for _ in range(repeat)]
    bare = max(r[0][0] / r[0][1] for r in rounds)
    ours_rate = max(r[1][0] / r[1][1] for r in rounds)
    ours_seconds = min(r[1][1] for r in rounds)
    results["bare_fastwarc_records_per_s"] = round(bare, 1)
    results["backfill_records_per_s"] = round(ours_rate, 1)
    results["backfill_mb_per_s"] = round(big.stat().st_size / 1e6 / ours_seconds, 1)
    results["backfill_ratio_1core"] = round(ours_rate / bare, 3)

    files = [write_warc(tmp / f"bench-w{k}.warc.gz", bench_pages(n, kib, every, seed=20 + k)).path for k in range(4)]
    walls = [
        (dask_wall(files, 1, tmp / "out1", warm), dask_wall(files, 2, tmp / "out2", warm), cpu_speedup_2procs())
        for _ in range(max(1, repeat - 1))
    ]
    one, two = min(w[0] for w in walls), min(w[1] for w in walls)
    results["cpu_spin_speedup_2procs"] = round(max(w[2] for w in walls), 3)
    results["backfill_wall_s_1worker"] = round(one, 2)
    results["backfill_wall_s_2workers"] = round(two, 2)
    results["backfill_speedup_2workers"] = round(one / two, 3)

    judged = write_warc(tmp / "bench-judged.warc.gz", bench_pages(int(os.environ.get("BENCH_PREFILTER_RECORDS", "1500")), kib // 4, 12)).path
    lost, relevant, total = prefilter_lost(judged)
    results["prefilter_judged_records"] = total
    results["prefilter_judged_relevant"] = relevant
    results["prefilter_relevant_lost"] = lost

    results["backfill_peak_rss_mib_quarter_file"] = peak_rss_mib(small, tmp / "rss")
    results["backfill_peak_rss_mib"] = peak_rss_mib(big, tmp / "rss")
    return results


if __name__ == "__main__":
    import tempfile

    print(json.dumps(backfill_benchmark(Path(tempfile.mkdtemp(prefix="pantau-backfill-bench-"))), indent=2))
