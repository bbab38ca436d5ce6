"""`dataset info` and `dataset validate`: what a dataset holds, and whether it is sound."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import BadInputError, NewsspiderError
from ..items import ARTICLE_SCHEMA, SCHEMA_VERSION
from .compact import JOURNAL_NAME
from .layout import TEMP_DIR_NAME, part_files, partition_path
from .manifest import FINISHED, Manifest, load_manifest, manifest_path
from .read import article_key, latest_rows, read_rows
from .schema import schema_version

FILL_FIELDS = ("title", "authors", "published_at", "modified_at", "section", "tags", "language", "summary", "body", "images")
RECENT_RUNS = 5


def require_dataset(root: Path) -> Manifest:
    if not manifest_path(root).exists():
        raise BadInputError(f"{root} is not a newsspider dataset (no {manifest_path(root).name})")
    return load_manifest(root)


def fill_rate(column: pa.ChunkedArray) -> float:
    """Share of rows where the field has a value (empty strings and lists count as missing)."""
    if len(column) == 0:
        return 0.0
    if pa.types.is_list(column.type):
        filled = pc.sum(pc.greater(pc.fill_null(pc.list_value_length(column), 0), 0)).as_py() or 0
    elif pa.types.is_string(column.type):
        filled = pc.sum(pc.greater(pc.fill_null(pc.utf8_length(column), 0), 0)).as_py() or 0
    else:
        filled = len(column) - column.null_count
    return filled / len(column)


def fill_line(table: pa.Table) -> str:
    """"fields filled: title 100%, authors 91%, ..." for the rows of `table`."""
    return "fields filled: " + ", ".join(f"{name} {fill_rate(table[name]):.0%}" for name in FILL_FIELDS)


def month_label(value: object) -> str:
    return f"{value:%Y-%m}" if value is not None else "undated"


def info_lines(root: Path) -> list[str]:
    manifest = require_dataset(root)
    table = read_rows(root, ["url", "canonical_url", "source", "fetched_at", *FILL_FIELDS])
    latest = latest_rows(table)
    lines = [
        f"dataset {root}: schema v{manifest.schema_version}, {latest.num_rows} articles "
        f"({table.num_rows - latest.num_rows} superseded rows until `newsspider dataset compact`), {len(part_files(root))} parts"
    ]
    by_source = Counter(zip(latest["source"].to_pylist(), map(month_label, latest["published_at"].to_pylist())))
    lines.append("articles by source and month:")
    lines += [f"  {source or '(none)'}  {month}  {count}" for (source, month), count in sorted(by_source.items(), key=lambda item: (str(item[0][0]), item[0][1]))]
    lines.append(fill_line(latest))
    lines.append("last runs:")
    for run in manifest.runs[-RECENT_RUNS:]:
        lines.append(
            f"  {run.run_id} {run.kind} {run.status} {run.started_at} -> {run.ended_at or '-'}: {run.pages_fetched} pages, "
            f"{run.articles_new} new, {run.articles_changed} changed, {run.articles_unchanged} unchanged, "
            f"{run.not_modified} not modified, {run.skipped_unchanged_date} skipped, {run.errors} errors"
        )
    return lines


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_part(root: Path, path: Path, findings: Findings) -> pa.Table | None:
    """A part that reads in full, in the current schema, in the partition its rows belong to."""
    name = path.relative_to(root)
    try:
        table = pq.ParquetFile(path).read()
    except (OSError, pa.ArrowException) as error:
        findings.problems.append(f"{name}: unreadable ({error})")
        return None
    if schema_version(table.schema) != SCHEMA_VERSION:
        findings.problems.append(f"{name}: schema v{schema_version(table.schema)}, not v{SCHEMA_VERSION} (migrate with `newsspider dataset compact`)")
        return None
    if not table.schema.equals(ARTICLE_SCHEMA, check_metadata=False):
        findings.problems.append(f"{name}: columns differ from schema v{SCHEMA_VERSION}")
        return None
    misplaced = sum(partition_path(source, published) != name.parent for source, published in zip(table["source"].to_pylist(), table["published_at"].to_pylist()))
    if misplaced:
        findings.problems.append(f"{name}: {misplaced} rows outside their partition")
    return table.select(["url", "canonical_url", "content_hash"])


def check_duplicates(keys: pa.Table, findings: Findings) -> None:
    """The same article with the same content twice is a defect; older versions of an edited one are not."""
    pairs = Counter(zip(article_key(keys).to_pylist(), keys["content_hash"].to_pylist()))
    duplicated = sum(count - 1 for count in pairs.values() if count > 1)
    if duplicated:
        findings.problems.append(f"{duplicated} duplicate rows (same canonical_url and content_hash)")
    articles = Counter(article_key(keys).to_pylist())
    superseded = sum(count - 1 for count in articles.values() if count > 1) - duplicated
    if superseded:
        findings.notes.append(f"{superseded} superseded rows of edited articles (read the latest per canonical_url, or compact)")


def validate(root: Path) -> Findings:
    findings = Findings()
    try:
        manifest = require_dataset(root)
    except NewsspiderError as error:
        findings.problems.append(str(error))
        return findings
    if manifest.schema_version != SCHEMA_VERSION:
        findings.problems.append(f"manifest: schema v{manifest.schema_version}, not v{SCHEMA_VERSION}")
    tables = [table for path in part_files(root) if (table := check_part(root, path, findings)) is not None]
    if tables:
        check_duplicates(pa.concat_tables(tables), findings)
    if (root / JOURNAL_NAME).exists() or any((root / TEMP_DIR_NAME).glob("*")):
        findings.notes.append("an interrupted run left unfinished files; the next crawl, refresh or compact cleans them up")
    unfinished = [run.run_id for run in manifest.runs if run.status != FINISHED]
    if unfinished:
        findings.notes.append(f"runs that did not finish: {', '.join(unfinished)}")
    return findings
