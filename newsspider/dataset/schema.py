"""Schema versions of a dataset's parts: read, check, and bring older parts to the current schema."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import BadInputError, NewsspiderError
from ..items import ARTICLE_SCHEMA, SCHEMA_VERSION

VERSION_KEY = b"newsspider.schema_version"


class SchemaVersionError(NewsspiderError):
    """The dataset was written with a schema this command will not mix with the current one."""


class UnreadablePartError(BadInputError):
    """A part (or the dataset, when pyarrow does not say which part) that cannot be read."""

    def __init__(self, path: Path, error: Exception) -> None:
        reason = " ".join(str(error).split())
        super().__init__(f"cannot read {path}: {reason} (`newsspider dataset validate` lists every damaged part)")


def schema_version(schema: pa.Schema) -> int:
    """The newsspider schema version a Parquet schema declares; 0 when it declares none."""
    raw = (schema.metadata or {}).get(VERSION_KEY, b"0")
    try:
        return int(raw)
    except ValueError:
        return 0


def part_versions(parts: list[Path]) -> dict[Path, int]:
    """Each part's declared schema version, from its footer only."""
    return {path: schema_version(read_part_schema(path)) for path in parts}


def require_current(root: Path, manifest_version: int, parts: list[Path]) -> None:
    """Refuse to add rows of the current schema to a dataset holding rows of another one."""
    versions = {manifest_version, *part_versions(parts).values()}
    newer = [version for version in versions if version > SCHEMA_VERSION]
    if newer:
        raise SchemaVersionError(
            f"dataset {root} was written with schema v{max(newer)}, newer than this newsspider's v{SCHEMA_VERSION}: upgrade newsspider"
        )
    older = [version for version in versions if version < SCHEMA_VERSION]
    if older:
        raise SchemaVersionError(
            f"dataset {root} holds rows of schema v{min(older)}, this newsspider writes v{SCHEMA_VERSION}: "
            f"run `newsspider dataset compact {root}` to migrate it"
        )


def read_part_schema(path: Path) -> pa.Schema:
    """A part's schema, from its footer."""
    try:
        return pq.read_schema(path)
    except (OSError, pa.ArrowException) as error:
        raise UnreadablePartError(path, error) from None


def read_part(path: Path, columns: list[str] | None = None) -> pa.Table:
    """One part file as it is stored (no partition columns), whatever its schema; all columns or `columns`."""
    try:
        return pq.ParquetFile(path).read(columns=columns)
    except (OSError, pa.ArrowException) as error:
        raise UnreadablePartError(path, error) from None


def conform(table: pa.Table, origin: Path) -> pa.Table:
    """A table of an older (or the current) schema as ARTICLE_SCHEMA: columns added since are null.

    Columns removed or retyped since cannot be migrated without losing data, so they stop the migration.
    """
    unknown = [name for name in table.column_names if name not in ARTICLE_SCHEMA.names]
    if unknown:
        raise SchemaVersionError(f"{origin}: column {unknown[0]!r} is not in schema v{SCHEMA_VERSION}; cannot migrate")
    columns = []
    for schema_field in ARTICLE_SCHEMA:
        if schema_field.name in table.column_names:
            column = table[schema_field.name]
            try:
                columns.append(column.cast(schema_field.type))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                raise SchemaVersionError(f"{origin}: column {schema_field.name!r} cannot become {schema_field.type}") from None
        else:
            columns.append(pa.nulls(table.num_rows, schema_field.type))
    return pa.Table.from_arrays(columns, schema=ARTICLE_SCHEMA)
