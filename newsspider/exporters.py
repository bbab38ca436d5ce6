"""Store stage: the Parquet feed exporter and an all-or-nothing file storage."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Any, Self

import pyarrow as pa
import pyarrow.parquet as pq
from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exporters import BaseItemExporter
from scrapy.extensions.feedexport import FileFeedStorage

from .items import ARTICLE_SCHEMA, Article

DEFAULT_ROW_GROUP_SIZE = 500


def article_row(item: Any) -> dict[str, Any]:
    """One item as a row of ARTICLE_SCHEMA."""
    if isinstance(item, Article):
        return item.to_record()
    fields = ItemAdapter(item).asdict()
    return {name: fields.get(name) for name in ARTICLE_SCHEMA.names}


class ParquetRowWriter:
    """Buffers ARTICLE_SCHEMA rows and writes them to Parquet one row group at a time, so memory stays bounded."""

    def __init__(self, sink: Any, row_group_size: int = DEFAULT_ROW_GROUP_SIZE) -> None:
        self.row_group_size = row_group_size
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(sink, ARTICLE_SCHEMA, compression="zstd")

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.row_group_size:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=ARTICLE_SCHEMA))
            self.rows = []

    def close(self) -> None:
        """Write what is buffered and the footer; an empty file still carries the schema."""
        self.flush()
        self.writer.close()


class ParquetItemExporter(BaseItemExporter):
    """Feed format `parquet`: schema v1 rows, zstd, row groups of NEWSSPIDER_PARQUET_ROW_GROUP_SIZE."""

    def __init__(self, file: IO[bytes], row_group_size: int = DEFAULT_ROW_GROUP_SIZE, **kwargs: Any) -> None:
        self.row_group_size = row_group_size
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        self.rows: ParquetRowWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], **kwargs: Any) -> Self:
        size = crawler.settings.getint("NEWSSPIDER_PARQUET_ROW_GROUP_SIZE", DEFAULT_ROW_GROUP_SIZE)
        return cls(file, row_group_size=size, **kwargs)

    def start_exporting(self) -> None:
        self.rows = ParquetRowWriter(self.file, row_group_size=self.row_group_size)

    def export_item(self, item: Any) -> None:
        assert self.rows is not None, "start_exporting() was not called"
        self.rows.write(article_row(item))

    def finish_exporting(self) -> None:
        if self.rows is not None:
            self.rows.close()


class AtomicFileFeedStorage(FileFeedStorage):
    """A local feed written under a hidden temporary name and renamed into place when complete.

    A crawl killed half-way leaves at most a hidden `.NAME.partial-*` file, never a truncated NAME.
    """

    temporary_path: str | None = None

    def open(self, spider: Any) -> IO[bytes]:
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, self.temporary_path = tempfile.mkstemp(prefix=f".{target.name}.partial-", dir=target.parent)
        return os.fdopen(handle, "wb")

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        assert self.temporary_path is not None, "store() before open()"
        os.chmod(self.temporary_path, 0o644)  # mkstemp's 0600 would hide the dataset from other readers
        os.replace(self.temporary_path, self.path)
