"""DIR/_dataset.json: the schema version, the crawl configuration that builds the dataset, one entry per run."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import BadInputError
from ..items import SCHEMA_VERSION
from .layout import MANIFEST_NAME, PARTITION_COLUMNS, write_atomically

FORMAT_NAME = "newsspider-dataset"
RUNNING, FINISHED, FAILED, INTERRUPTED, KILLED = "running", "finished", "failed", "interrupted", "killed"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class CrawlSpec:
    """One crawl a refresh repeats: the spider's name, its keyword arguments and the user's Scrapy settings."""

    spider: str
    arguments: dict[str, Any]
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class RunCounts:
    """What a run fetched and wrote, summed over its crawlers (shown live, then kept in the manifest)."""

    pages_fetched: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    not_modified: int = 0
    skipped_unchanged_date: int = 0
    errors: int = 0


@dataclass(kw_only=True)
class RunRecord(RunCounts):
    """What one crawl, refresh or compact did."""

    run_id: str
    kind: str
    started_at: str = field(default_factory=utc_now)
    ended_at: str | None = None
    status: str = RUNNING
    parts_written: int = 0
    message: str | None = None


@dataclass
class Manifest:
    schema_version: int = SCHEMA_VERSION
    crawls: list[CrawlSpec] = field(default_factory=list)
    runs: list[RunRecord] = field(default_factory=list)

    def add_crawl(self, spec: CrawlSpec) -> None:
        """Remember a crawl configuration once; a refresh re-runs each of them."""
        if spec not in self.crawls:
            self.crawls.append(spec)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_NAME, "partitioning": list(PARTITION_COLUMNS), **asdict(self)}


def manifest_path(root: Path) -> Path:
    return root / MANIFEST_NAME


def load_manifest(root: Path) -> Manifest:
    """The dataset's manifest; a new one if the directory holds no dataset yet."""
    path = manifest_path(root)
    if not path.exists():
        return Manifest()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BadInputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        return Manifest(
            schema_version=int(data["schema_version"]),
            crawls=[crawl_spec(spec) for spec in data.get("crawls", [])],
            runs=[RunRecord(**run) for run in data.get("runs", [])],
        )
    except (ValueError, KeyError, TypeError) as error:
        raise BadInputError(f"{path} is not a newsspider manifest: {error}") from None


def crawl_spec(data: Any) -> CrawlSpec:
    """One stored crawl, its types checked (a refresh hands them to Scrapy as they are)."""
    spec = CrawlSpec(**data)
    if not isinstance(spec.spider, str) or not isinstance(spec.arguments, dict) or not isinstance(spec.settings, dict):
        raise TypeError(f"a crawl needs a spider name, and arguments and settings objects, got {data!r}")
    return spec


def save_manifest(root: Path, manifest: Manifest) -> None:
    write_atomically(manifest_path(root), json.dumps(manifest.to_json(), indent=2, sort_keys=False) + "\n")


def mark_abandoned_runs(manifest: Manifest) -> list[RunRecord]:
    """Runs still `running` when the lock is free were killed; say so."""
    abandoned = [record for record in manifest.runs if record.status == RUNNING]
    for record in abandoned:
        record.status = KILLED
    return abandoned
