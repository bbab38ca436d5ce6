"""Opening a dataset for writing: take the lock, finish or undo what a killed command left, check the schema."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..runner import ensure_writable_dir
from .compact import roll_forward
from .layout import part_files
from .lock import DatasetLock
from .manifest import Manifest, load_manifest, mark_abandoned_runs, save_manifest
from .schema import require_current
from .state import RefreshState
from .writer import remove_temporaries

logger = logging.getLogger(__name__)


def recover(root: Path, manifest: Manifest) -> None:
    """Bring the dataset back to its last committed state after a kill (lock held)."""
    if roll_forward(root):
        logger.warning("%s: finished a compaction that was interrupted", root)
    if removed := remove_temporaries(root):
        logger.warning("%s: removed %d unfinished parts of an interrupted run", root, removed)
    state = RefreshState(root)
    try:
        state.recover()
        state.seed_from_parts()
    finally:
        state.close()
    if mark_abandoned_runs(manifest):
        save_manifest(root, manifest)


@contextmanager
def open_for_writing(root: Path, *, migrating: bool = False) -> Iterator[Manifest]:
    """The dataset's manifest, with the lock held and the dataset recovered, for as long as the block runs.

    Rows are only ever added in the current schema; a dataset of another version must be migrated
    (`migrating=True` is how compaction does that).
    """
    ensure_writable_dir(root)
    with DatasetLock(root):
        manifest = load_manifest(root)
        recover(root, manifest)
        if not migrating:
            require_current(root, manifest.schema_version, part_files(root))
        yield manifest
