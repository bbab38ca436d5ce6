"""A short report of what a crawl wrote, read back from the Parquet it wrote."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

SUMMARY_FIELDS = ("title", "authors", "published_at", "modified_at", "section", "tags", "language", "body", "images")


def is_filled(value: object) -> bool:
    return value not in (None, "", [])


def crawl_report(stats: dict[str, Any]) -> str:
    """Pages fetched, HTTP errors and pages dropped (with reasons), from the crawl stats."""
    fetched = stats.get("response_received_count", 0)
    http_errors = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("downloader/response_status_count/") and not k.endswith(("/200", "/304", "/301", "/302"))}
    dropped = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("newsspider/dropped/")}
    parts = [f"fetched {fetched} responses"]
    if http_errors:
        parts.append("HTTP errors: " + ", ".join(f"{code} x{count}" for code, count in sorted(http_errors.items())))
    if dropped:
        parts.append("not written: " + ", ".join(f"{reason} {count}" for reason, count in sorted(dropped.items())))
    if stats.get("downloader/exception_count"):
        parts.append(f"download errors: {stats['downloader/exception_count']}")
    return "; ".join(parts)


def summarize(parquet_path: Path) -> str:
    """Articles written, articles per section and fill rate per field."""
    rows = pq.read_table(parquet_path, columns=list(SUMMARY_FIELDS)).to_pylist()
    lines = [f"{len(rows)} articles written to {parquet_path}"]
    if not rows:
        return lines[0]
    sections = Counter(row["section"] or "(none)" for row in rows)
    lines.append("per section: " + ", ".join(f"{name} {count}" for name, count in sections.most_common()))
    fill = {name: sum(is_filled(row[name]) for row in rows) / len(rows) for name in SUMMARY_FIELDS}
    lines.append("fields filled: " + ", ".join(f"{name} {share:.0%}" for name, share in fill.items()))
    return "\n".join(lines)
