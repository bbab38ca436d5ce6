"""Shared steps of the dataset tests: run the CLI as a user does, read the dataset as each reader does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas
import polars
import pyarrow.dataset as ds

# A local server needs no politeness delay; small commits make kills land between commits.
LOCAL = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]


def newsspider(*args: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider", *args], capture_output=True, text=True, timeout=timeout, **kwargs)


def started(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "newsspider", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def manifest(root: Path) -> dict[str, Any]:
    return json.loads((root / "_dataset.json").read_text())


def rows_by_reader(root: Path) -> dict[str, list[dict[str, Any]]]:
    """(canonical_url, content_hash, site, source) of every row, as each of the four readers sees the dataset."""
    pattern = str(root / "**" / "*.parquet")
    columns = ["canonical_url", "content_hash", "site", "source", "year", "month"]
    arrow = ds.dataset(root, format="parquet", partitioning="hive").to_table(columns=columns).to_pylist()
    duck = duckdb.sql(f"SELECT {', '.join(columns)} FROM read_parquet('{pattern}', hive_partitioning=true)").fetchall()
    frame = pandas.read_parquet(root, columns=columns) if arrow else pandas.DataFrame(columns=columns)
    lazy = polars.scan_parquet(pattern, hive_partitioning=True).select(columns).collect() if arrow else polars.DataFrame()
    normal = lambda rows: sorted((row[0], row[1], str(row[2]), row[3], int(row[4]), int(row[5])) for row in rows)  # noqa: E731
    return {
        "pyarrow": normal([tuple(row[name] for name in columns) for row in arrow]),
        "duckdb": normal(duck),
        "pandas": normal(frame[columns].itertuples(index=False)),
        "polars": normal(lazy.rows()),
    }


def read_by_all_four(root: Path) -> list[tuple[Any, ...]]:
    """The rows, after checking that pyarrow, DuckDB, pandas and polars all read the same ones."""
    seen = rows_by_reader(root)
    assert seen["duckdb"] == seen["pyarrow"] == seen["pandas"] == seen["polars"], seen
    return seen["pyarrow"]


def latest_by_duckdb(root: Path) -> list[tuple[str, str]]:
    """The documented read path: the latest row per canonical_url."""
    pattern = str(root / "**" / "*.parquet")
    return duckdb.sql(
        f"""SELECT canonical_url, content_hash FROM read_parquet('{pattern}', hive_partitioning=true)
            QUALIFY row_number() OVER (PARTITION BY canonical_url ORDER BY fetched_at DESC) = 1 ORDER BY 1"""
    ).fetchall()
