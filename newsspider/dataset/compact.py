"""Compaction: one row per canonical_url (latest fetch wins), superseded rows optionally kept as history.

New parts are written under temporary names; a journal listing the renames and deletions is written
atomically, then carried out. A kill before the journal leaves the old parts untouched; a kill after it
is rolled forward by the next command that takes the lock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import BadInputError, OutputError
from ..items import SCHEMA_VERSION
from .layout import HISTORY_DIR_NAME, HISTORY_SUFFIX, part_files, publish, write_atomically
from .schema import conform, part_versions, read_part, schema_version
from .writer import PartitionedWriter, PartNumbers, remove_temporaries

JOURNAL_NAME = "_compact-journal.json"
RowId = tuple[int, int]
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass
class CompactReport:
    parts_before: int = 0
    parts_after: int = 0
    rows_before: int = 0
    rows_after: int = 0
    history_rows: int = 0
    migrated_parts: int = 0

    def summary(self) -> str:
        if self.parts_after == self.parts_before and self.rows_after == self.rows_before and not self.migrated_parts:
            return f"already compact: {self.rows_after} articles in {self.parts_after} parts"
        text = f"{self.rows_before} rows in {self.parts_before} parts -> {self.rows_after} articles in {self.parts_after} parts"
        if self.history_rows:
            text += f"; {self.history_rows} superseded rows kept in {HISTORY_DIR_NAME}/"
        if self.migrated_parts:
            text += f"; {self.migrated_parts} parts migrated to schema v{SCHEMA_VERSION}"
        return text


def rows_to_keep(parts: list[Path]) -> tuple[set[RowId], int]:
    """The row to keep for each canonical_url: latest fetched_at, later part on a tie; and the row count."""
    best: dict[str, tuple[datetime, RowId]] = {}
    total = 0
    for part_index, path in enumerate(parts):
        rows = read_part(path).select(["url", "canonical_url", "fetched_at"]).to_pylist()
        total += len(rows)
        for row_index, row in enumerate(rows):
            key = row["canonical_url"] or row["url"]
            candidate = (row["fetched_at"] or EPOCH, (part_index, row_index))
            if key not in best or candidate >= best[key]:
                best[key] = candidate
    return {row_id for _, row_id in best.values()}, total


def is_compact(parts: list[Path], kept: int, total: int) -> bool:
    """No superseded row, no older schema, at most one part per partition: nothing to rewrite."""
    one_per_partition = len({path.parent for path in parts}) == len(parts)
    return kept == total and one_per_partition and all(version == SCHEMA_VERSION for version in part_versions(parts).values())


def compact(root: Path, run_id: str, keep_history: bool) -> CompactReport:
    """Rewrite the dataset's parts (call with the dataset lock held)."""
    parts = part_files(root)
    keep, total = rows_to_keep(parts)
    report = CompactReport(parts_before=len(parts), rows_before=total)
    if is_compact(parts, len(keep), total):
        report.parts_after, report.rows_after = len(parts), total
        return report
    current = PartitionedWriter(root, run_id, PartNumbers())
    history = PartitionedWriter(root, run_id, PartNumbers(), suffix=HISTORY_SUFFIX)
    try:
        for part_index, path in enumerate(parts):
            table = read_part(path)
            report.migrated_parts += int(schema_version(table.schema) != SCHEMA_VERSION)
            for row_index, row in enumerate(conform(table, path).to_pylist()):
                if (part_index, row_index) in keep:
                    current.write(row)
                elif keep_history:
                    history.write_to(Path(HISTORY_DIR_NAME), row)
                    report.history_rows += 1
        new_parts = current.finish()
        history_parts = history.finish()
    except OSError as error:
        # Nothing was published yet: dropping the temporary files leaves the dataset as it was.
        current.discard()
        history.discard()
        remove_temporaries(root)
        raise OutputError(f"cannot compact {root}: {error.strerror or error}") from None
    report.parts_after, report.rows_after = len(new_parts), len(keep)
    renames = [(str(part.temporary.relative_to(root)), str(part.final.relative_to(root))) for part in new_parts + history_parts]
    write_atomically(root / JOURNAL_NAME, json.dumps({"renames": renames, "deletes": [str(path.relative_to(root)) for path in parts]}, indent=1))
    roll_forward(root)
    return report


def roll_forward(root: Path) -> bool:
    """Finish a compaction whose journal was written; True if there was one."""
    journal = root / JOURNAL_NAME
    if not journal.exists():
        return False
    renames, deletes = read_journal(journal)
    # Publish first, delete after: a kill in between shows rows twice (same fetched_at, told apart by the
    # documented read path) rather than losing any.
    for temporary, final in renames:
        if (root / temporary).exists():
            publish(root / temporary, root / final)
    for old in deletes:
        (root / old).unlink(missing_ok=True)
    remove_empty_partitions(root)
    journal.unlink()
    return True


def read_journal(journal: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The renames and deletions a compaction journal lists; a damaged journal is bad input, left as it is."""
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        renames = [(str(temporary), str(final)) for temporary, final in plan["renames"]]
        deletes = [str(old) for old in plan["deletes"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BadInputError(
            f"{journal} is damaged ({error}): the compaction it records cannot be finished; delete it to give that"
            " compaction up (no row is lost: a compaction publishes its new parts before it deletes an old one)"
        ) from None
    return renames, deletes


def remove_empty_partitions(root: Path) -> None:
    for directory in sorted(root.glob("site=*/year=*/month=*"), reverse=True) + sorted(root.glob("site=*/year=*"), reverse=True) + sorted(root.glob("site=*")):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
