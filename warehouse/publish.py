"""Publishing: the pipeline builds in its own file and, after each successful build, replaces the file
readers open with a complete copy in one rename.

A reader never waits for a run (nobody ever opens the published file for writing, so DuckDB's lock is
never taken on it), never blocks one, and never sees half a build: an open connection keeps reading the
copy it opened, the next open gets the new one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

# The `duckdb` shell on PyPI (duckdb-cli, which `make setup` installs) is 1.5.x: it reads storage up to
# v1.5, and the Python package writes newer storage by default. The copy is written in the older format.
PUBLISHED_STORAGE_VERSION = "v1.5.0"


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def publish(build_path: str | Path, published_path: str | Path) -> Path:
    """Copy the build file (no writer may hold it) to ``published_path`` atomically; return that path."""
    build, published = Path(build_path), Path(published_path)
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = published.with_name(f".{published.name}.{os.getpid()}.publishing")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect()  # in memory: the two files are attached, the build read-only
    try:
        # attached under its own catalog name (the file's stem): dbt's views name their tables by catalog
        source = build.stem.replace('"', '""')
        con.execute(f'attach {_quote(build)} as "{source}" (read_only)')
        con.execute(f"attach {_quote(tmp)} as publishing (storage_version '{PUBLISHED_STORAGE_VERSION}')")
        con.execute(f'copy from database "{source}" to publishing')
        con.execute("detach publishing")
        con.execute(f'detach "{source}"')
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        con.close()
    with open(tmp, "rb") as fh:  # on disk before the rename makes it visible
        os.fsync(fh.fileno())
    tmp.chmod(0o444)  # a read-only copy: the pipeline's build file is the only one written
    os.replace(tmp, published)
    return published


def seed_build_file(build_path: str | Path, published_path: str | Path) -> bool:
    """A warehouse from before publishing kept everything in the published file: start the build file
    from it, once. True when it did."""
    build, published = Path(build_path), Path(published_path)
    if build.exists() or not published.exists():
        return False
    build.parent.mkdir(parents=True, exist_ok=True)
    tmp = build.with_name(build.name + ".seeding")
    shutil.copyfile(published, tmp)
    tmp.chmod(0o644)
    os.replace(tmp, build)
    return True
