"""Streamed, partitioned writing: rows go to one temporary part per partition, published together at each commit."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exporters import DEFAULT_ROW_GROUP_SIZE, ParquetRowWriter
from .layout import PART_SUFFIX, TEMP_DIR_NAME, part_name, partition_path, publish, temp_dir


@dataclass
class OpenPart:
    """A part being written: its temporary file, the name it will be published under, its rows so far."""

    temporary: Path
    final: Path
    rows: ParquetRowWriter


class PartNumbers:
    """Part numbers for one writer: start, start+step, ... so concurrent writers of one run never collide."""

    def __init__(self, start: int = 0, step: int = 1) -> None:
        self.next_number = start
        self.step = step

    def take(self) -> int:
        number = self.next_number
        self.next_number += self.step
        return number


class PartitionedWriter:
    """Routes rows to their partition; memory holds at most one row group per open partition."""

    def __init__(self, root: Path, run_id: str, numbers: PartNumbers, row_group_size: int = DEFAULT_ROW_GROUP_SIZE, suffix: str = PART_SUFFIX) -> None:
        self.root = root
        self.run_id = run_id
        self.numbers = numbers
        self.row_group_size = row_group_size
        self.suffix = suffix
        self.open_parts: dict[Path, OpenPart] = {}

    def write(self, row: dict[str, Any]) -> None:
        self.part_for(partition_path(row["source"], row["published_at"])).rows.write(row)

    def write_to(self, relative_dir: Path, row: dict[str, Any]) -> None:
        """Write a row to a given directory (the history table is not partitioned)."""
        self.part_for(relative_dir).rows.write(row)

    def part_for(self, relative_dir: Path) -> OpenPart:
        if relative_dir not in self.open_parts:
            name = part_name(self.run_id, self.numbers.take(), self.suffix)
            temporary = temp_dir(self.root) / f"{name}.partial"
            self.open_parts[relative_dir] = OpenPart(temporary, self.root / relative_dir / name, ParquetRowWriter(str(temporary), self.row_group_size))
        return self.open_parts[relative_dir]

    def finish(self) -> list[OpenPart]:
        """Close every open part (footer written, data on disk); they are ready to publish."""
        finished = list(self.open_parts.values())
        self.open_parts = {}
        for part in finished:
            part.rows.close()
            with open(part.temporary, "rb+") as handle:
                os.fsync(handle.fileno())
        return finished

    def discard(self) -> None:
        """Drop what was not committed (after an error): its temporary files go, nothing is published."""
        for part in self.open_parts.values():
            try:
                part.rows.writer.close()
            except OSError:
                pass  # the disk that failed the write may fail the close too; the file is removed below
            part.temporary.unlink(missing_ok=True)
        self.open_parts = {}


def publish_parts(parts: list[OpenPart]) -> None:
    for part in parts:
        publish(part.temporary, part.final)


def relative_names(root: Path, parts: list[OpenPart]) -> list[str]:
    return [str(part.final.relative_to(root)) for part in parts]


def remove_temporaries(root: Path) -> int:
    """Delete what a killed writer left in DIR/.tmp (only call with the dataset lock held)."""
    directory = root / TEMP_DIR_NAME
    leftovers = list(directory.iterdir()) if directory.exists() else []
    for path in leftovers:
        path.unlink()
    return len(leftovers)
