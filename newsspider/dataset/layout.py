"""Where things live in a dataset directory, and how partition values are made safe.

    DIR/_dataset.json                          manifest (configuration and runs)
    DIR/_state.sqlite                          per-URL refresh state (validators, content hashes)
    DIR/.lock                                  held by the one command writing the dataset
    DIR/.tmp/                                  parts being written; never read
    DIR/site=<host>/year=YYYY/month=MM/part-<run>-<n>.parquet
    DIR/_history/part-<run>-<n>.parquet-history   superseded rows kept by `compact --keep-history`
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path

from ..errors import OutputError

MANIFEST_NAME = "_dataset.json"
STATE_NAME = "_state.sqlite"
LOCK_NAME = ".lock"
TEMP_DIR_NAME = ".tmp"
HISTORY_DIR_NAME = "_history"
PART_SUFFIX = ".parquet"
HISTORY_SUFFIX = ".parquet-history"
PARTITION_COLUMNS = ("site", "year", "month")
UNDATED_YEAR, UNDATED_MONTH = "0000", "00"
UNKNOWN_SITE = "unknown"

_UNSAFE = re.compile(r"[^a-z0-9.-]")
_DOTS = re.compile(r"\.{2,}")


def safe_site(source: str | None) -> str:
    """A host as a partition value: lowercase, [a-z0-9.-] only (ports and odd characters become `_`), no `..`."""
    value = _DOTS.sub(".", _UNSAFE.sub("_", (source or "").lower())).strip(".")
    return value or UNKNOWN_SITE


def year_month(published_at: datetime | None) -> tuple[str, str]:
    """Partition by publication month in UTC, as stored; undated articles go to year=0000/month=00."""
    if published_at is None:
        return UNDATED_YEAR, UNDATED_MONTH
    # Articles keep the page's own UTC offset; Parquet stores (and readers see) the UTC instant.
    in_utc = published_at.astimezone(timezone.utc)
    return f"{in_utc.year:04d}", f"{in_utc.month:02d}"


def partition_path(source: str | None, published_at: datetime | None) -> Path:
    """The partition directory of one row, relative to the dataset root."""
    year, month = year_month(published_at)
    return Path(f"site={safe_site(source)}") / f"year={year}" / f"month={month}"


def part_name(run_id: str, number: int, suffix: str = PART_SUFFIX) -> str:
    return f"part-{run_id}-{number:05d}{suffix}"


def part_files(root: Path) -> list[Path]:
    """Every committed part of the dataset (what the readers see), sorted."""
    return sorted(path for path in root.glob(f"site=*/year=*/month=*/*{PART_SUFFIX}") if not path.name.startswith("."))


def temp_dir(root: Path) -> Path:
    path = root / TEMP_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def publish(temporary: Path, final: Path) -> None:
    """Move a complete file into place: readers see all of it or nothing."""
    final.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(temporary, 0o644)
    os.replace(temporary, final)
    fsync_dir(final.parent)


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a kill at any moment leaves the old or the new content."""
    temporary = temp_dir(path.parent) / f"{path.name}.{os.getpid()}.partial"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        publish(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
