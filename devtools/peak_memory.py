"""A process's own peak resident memory, as Linux records it (no imports beyond the standard library, so a
process can measure itself without the measuring adding to it)."""

from __future__ import annotations

from pathlib import Path


def peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM), in MiB. Not ``ru_maxrss``: Linux carries that over from the
    parent across fork and exec, so a child of a large process (a test run, the benchmark) would report the
    parent's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
