"""Run one crawl in this process and hand back its stats."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
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


def run_crawl(spider_class: type, spider_kwargs: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """Crawl with `spider_class` until done; return the final crawl stats."""
    process = CrawlerProcess(project_settings(settings))
    crawler = process.create_crawler(spider_class)
    process.crawl(crawler, **spider_kwargs)
    process.start()
    logging.getLogger("scrapy").handlers.clear()
    assert crawler.stats is not None
    return dict(crawler.stats.get_stats())

