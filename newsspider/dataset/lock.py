"""One writer per dataset: an exclusive flock on DIR/.lock that records the holder's pid."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from ..errors import NewsspiderError
from .layout import LOCK_NAME


class DatasetLockedError(NewsspiderError):
    """Another newsspider command is writing this dataset."""

    exit_code = 3


class DatasetLock:
    """Held for the whole of a crawl, refresh or compact; the kernel releases it if the holder dies."""

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self.handle: int | None = None

    def __enter__(self) -> DatasetLock:
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(handle)
            raise DatasetLockedError(f"dataset {self.path.parent} is busy: another newsspider command (pid {holder}) is writing it") from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode("ascii"), 0)
        self.handle = handle
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.handle is not None:
            os.ftruncate(self.handle, 0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None
