"""Stopping on request: SIGTERM (and Ctrl-C) become an interrupt the code can clean up after, and a
subprocess runs in its own process group so that stopping it stops everything it started."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress

GRACE_SECONDS = 3.0  # how long a process group gets to exit after SIGTERM before SIGKILL (a run must stop within 10 s)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signal.Signals(signum).name}")


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within this block SIGTERM raises KeyboardInterrupt, as Ctrl-C does, so ``finally`` blocks (which
    stop subprocesses and remove half-written files) run instead of the process vanishing."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def popen_group(cmd: list[str], **kwargs) -> subprocess.Popen:
    """``subprocess.Popen`` in a new session: the child and everything it starts form one process group."""
    return subprocess.Popen(cmd, start_new_session=True, **kwargs)


def stop_group(proc: subprocess.Popen, grace: float = GRACE_SECONDS) -> None:
    """Stop ``proc``'s process group: SIGTERM, then SIGKILL after ``grace`` seconds; wait for ``proc``."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        with suppress(ProcessLookupError):  # the leader is gone; anything it left in the group goes too
            os.killpg(proc.pid, signal.SIGKILL)
        return
