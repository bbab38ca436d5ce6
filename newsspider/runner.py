"""Settings and output checks shared by every command that crawls."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from scrapy.settings import Settings

from .errors import OutputError


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """newsspider's Scrapy settings with `overrides` on top."""
    settings = Settings()
    settings.setmodule("newsspider.settings", priority="project")
    settings.update(overrides or {}, priority="cmdline")
    return settings


def ensure_writable_dir(path: Path) -> Path:
    """Create `path` if needed and prove a file can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        raise OutputError(f"cannot write to {path}: {error.strerror or error}") from None
    return path

