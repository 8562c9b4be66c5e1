"""The reading path alone against bare FastWARC: ``python -m benchmarks.reader_ratio [RECORDS]``.

``make bench``'s ``backfill_ratio_1core`` times the whole per-file step (reading, prefilter, cleaning and
extraction of the relevant pages, the Parquet output). This times only what every record costs, the
reader (``archives.reader.iter_records``) with the byte prefilter as its screen, on the same kind of
file, so a change to either shows without the rest of the benchmark.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from archives.reader import ReadCounts, iter_records
from benchmarks.backfill_bench import bare_fastwarc, bench_pages
from devtools.warc_archives import write_warc
from pantau.backfill import _screen


def reader_seconds(path: Path) -> tuple[int, float]:
    """(records, seconds) of the reader with the prefilter over ``path``."""
    start = time.perf_counter()
    skipped: list = []
    counts = ReadCounts()
    kept = sum(1 for _ in iter_records(path.open("rb"), 10 << 20, skipped, _screen, counts))
    return kept + counts.screened_out + len(skipped), time.perf_counter() - start


def main(records: int = 3000, repeat: int = 5) -> float:
    """Print each round and return the median ratio (records per second, ours over bare FastWARC). The median,
    not the best: on a shared machine one round's bare reading can slow down and flatter the ratio."""
    import statistics

    with tempfile.TemporaryDirectory() as tmp:
        path = write_warc(Path(tmp) / "ratio.warc.gz", bench_pages(records, 40, 1000)).path
        ratios = []
        for _ in range(repeat):
            (n_bare, t_bare), (n_ours, t_ours) = bare_fastwarc(path), reader_seconds(path)
            ratios.append((n_ours / t_ours) / (n_bare / t_bare))
            print(f"bare {n_bare / t_bare:8.0f} rec/s   reader+prefilter {n_ours / t_ours:8.0f} rec/s   ratio {ratios[-1]:.3f}")
    median = statistics.median(ratios)
    print(f"median ratio {median:.3f}")
    return median


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
