"""Store stage: a dataset directory of Hive-partitioned Parquet parts that refreshes incrementally (see datasets/README.md)."""

from .read import latest_rows, open_dataset, read_latest

__all__ = ["latest_rows", "open_dataset", "read_latest"]
