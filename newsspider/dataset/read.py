"""The documented read path: the dataset as pyarrow reads it, and the latest row of each article."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from ..items import ARTICLE_SCHEMA
from .layout import part_files
from .schema import UnreadablePartError, read_part


def open_dataset(root: Path) -> ds.Dataset:
    """All committed parts with their partition columns (hidden and `_` files are not parts).

    A dataset no crawl has written an article to yet reads as no rows of the article schema.
    """
    dataset = ds.dataset(root, format="parquet", partitioning="hive")
    return dataset if dataset.files else ds.dataset(ARTICLE_SCHEMA.empty_table())


def read_rows(root: Path, columns: list[str] | None = None) -> pa.Table:
    """Every committed row, with the partition columns; a part that cannot be read is named in one line."""
    try:
        return open_dataset(root).to_table(columns=columns)
    except (OSError, pa.ArrowException) as error:
        for path in part_files(root):
            read_part(path, columns=[])  # its footer: the damaged part names itself
        raise UnreadablePartError(root, error) from None


def article_key(table: pa.Table) -> pa.Array:
    """canonical_url, or url where a page gave none."""
    return pc.coalesce(table["canonical_url"], table["url"])


def latest_rows(table: pa.Table) -> pa.Table:
    """One row per article: the one fetched last (before `dataset compact`, superseded versions are still stored)."""
    if table.num_rows == 0:
        return table
    keyed = pa.table({"_key": article_key(table), "fetched_at": table["fetched_at"], "_row": pa.array(range(table.num_rows))})
    newest = keyed.group_by("_key").aggregate([("fetched_at", "max")])
    matches = keyed.join(newest, keys=["_key", "fetched_at"], right_keys=["_key", "fetched_at_max"], join_type="inner")
    # Ties (the same fetch stored twice, as an interrupted compaction may leave) keep one row.
    first = matches.group_by("_key").aggregate([("_row", "min")])
    return table.take(pa.array(sorted(first["_row_min"].to_pylist())))


def read_latest(root: Path, columns: list[str] | None = None) -> pa.Table:
    """The dataset's current articles, one row each, with the partition columns."""
    needed = None if columns is None else sorted({*columns, "url", "canonical_url", "fetched_at"})
    rows = latest_rows(read_rows(root, needed))
    return rows if columns is None else rows.select(columns)
