"""The article record, its images, and the Arrow schema beside them (schema v1)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

SCHEMA_VERSION = 1

IMAGE_TYPE = pa.struct(
    [
        pa.field("url", pa.string()),
        pa.field("caption", pa.string()),
        pa.field("credit", pa.string()),
        pa.field("alt", pa.string()),
    ]
)

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("url", pa.string(), nullable=False),
        pa.field("canonical_url", pa.string()),
        pa.field("source", pa.string()),
        pa.field("title", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("publisher", pa.string()),
        pa.field("published_at", UTC_TIMESTAMP),
        pa.field("modified_at", UTC_TIMESTAMP),
        pa.field("section", pa.string()),
        pa.field("tags", pa.list_(pa.string())),
        pa.field("language", pa.string()),
        pa.field("summary", pa.string()),
        pa.field("body", pa.string()),
        pa.field("images", pa.list_(IMAGE_TYPE)),
        pa.field("word_count", pa.int32()),
        pa.field("content_hash", pa.string()),
        pa.field("fetched_at", UTC_TIMESTAMP),
        pa.field("crawl_id", pa.string()),
    ],
    metadata={b"newsspider.schema_version": str(SCHEMA_VERSION).encode()},
)


@dataclass
class Image:
    """One article image: where it is, what its caption says, who took it."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None


@dataclass
class Article:
    """One parsed page; the schema fields plus `is_article` (not stored)."""

    url: str
    canonical_url: str | None = None
    source: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published_at: datetime | None = None
    modified_at: datetime | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    summary: str | None = None
    body: str | None = None
    images: list[Image] = field(default_factory=list)
    word_count: int = 0
    content_hash: str | None = None
    fetched_at: datetime | None = None
    crawl_id: str | None = None
    is_article: bool = False

    def to_record(self) -> dict[str, Any]:
        """The row stored in Parquet: schema fields only, images as dicts."""
        row = dataclasses.asdict(self)
        return {name: row[name] for name in ARTICLE_SCHEMA.names}

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of every field, datetimes as ISO 8601."""
        row = dataclasses.asdict(self)
        for key, value in row.items():
            if isinstance(value, datetime):
                row[key] = value.isoformat()
        return row
